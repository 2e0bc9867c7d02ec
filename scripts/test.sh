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
if [ -z "${!pg_var:-}" ]; then
  if [ -n "${POSTGRES_HOST:-}" ]; then
    auth="${POSTGRES_USER:-postgres}${POSTGRES_PASSWORD:+:$POSTGRES_PASSWORD}"
    export "$pg_var=postgresql://$auth@$POSTGRES_HOST:${POSTGRES_PORT:-5432}"
  elif node scripts/pg-answers.mjs "postgresql://postgres@127.0.0.1:5432/postgres" 2>/dev/null; then
    export "$pg_var=postgresql://postgres@127.0.0.1:5432"
  fi
fi
if [ -n "${!pg_var:-}" ]; then
  if ! node scripts/pg-answers.mjs "${!pg_var%/}/postgres"; then
    echo "test: PostgreSQL at ${!pg_var} does not answer; store tests need it" >&2
    exit 1
  fi
  echo "test: store tests run on SQLite and PostgreSQL (${!pg_var})"
  export RUNWAY_TEST_POSTGRES=required
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
