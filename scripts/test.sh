#!/usr/bin/env bash
# `make test`: type check, lint, then every jest test in the repo.
# Store tests run on SQLite and PostgreSQL: Postgres comes from
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, else POSTGRES_*, else a server answering
# on 127.0.0.1:5432. Under CI it is mandatory: no reachable Postgres fails the run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$RUNWAY_ROOT"

only_unit=false
[ "${1:-}" = --only-unit ] && only_unit=true

pg_var=BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
explicit="${!pg_var:-}"
if [ -z "$explicit" ] && [ -n "${POSTGRES_HOST:-}" ]; then
  auth="${POSTGRES_USER:-postgres}${POSTGRES_PASSWORD:+:$POSTGRES_PASSWORD}"
  explicit="postgresql://$auth@$POSTGRES_HOST:${POSTGRES_PORT:-5432}"
fi
candidate="${explicit:-postgresql://postgres@127.0.0.1:5432}"
if pg_error="$(node scripts/pg-answers.mjs "${candidate%/}/postgres" 2>&1)"; then
  export "$pg_var=$candidate"
  echo "test: store tests run on SQLite and PostgreSQL ($candidate)"
  export RUNWAY_TEST_POSTGRES=required
elif [ -n "$explicit" ]; then
  echo "test: PostgreSQL at $explicit does not answer ($pg_error); store tests need it" >&2
  exit 1
elif [ -n "${CI:-}" ]; then
  echo "test: FAILED: CI expects PostgreSQL for the store tests and none answers on 127.0.0.1:5432" >&2
  echo "test: start it (pg_ctlcluster ... main start) or set $pg_var" >&2
  exit 1
else
  echo "test: WARNING: no PostgreSQL found; store tests run on SQLite only" >&2
fi

if [ "$only_unit" = false ]; then
  echo "test: type check"
  yarn tsc
  echo "test: lint"
  yarn lint:all
fi
echo "test: unit and integration tests"
# --ci: never watch, never write snapshots. Two workers: these machines have two cores.
yarn backstage-cli repo test --ci --watchAll=false --maxWorkers=2 --verbose
