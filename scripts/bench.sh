#!/usr/bin/env bash
# `make bench`: builds the production bundle, then runs bench/*.bench.mjs (or those whose name
# starts with $1) and prints one table. Installs Debian's wrk, the webhook benchmark's load
# generator, when it is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$RUNWAY_ROOT/scripts/debian.sh"
cd "$RUNWAY_ROOT"

need_debian_package /usr/bin/wrk wrk
scripts/build-dist.sh
node bench/run.mjs "$@"
