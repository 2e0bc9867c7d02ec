#!/usr/bin/env bash
# `make e2e`: builds the production bundle, then runs the journeys in e2e/ with node's test
# runner. Each test file starts and stops its own portal on a free port. Installs Debian's
# Chromium when it is missing (playwright's own browser download is not reachable here).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$RUNWAY_ROOT"

source "$RUNWAY_ROOT/scripts/debian.sh"
need_debian_package "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium

echo "e2e: building the production bundle"
scripts/build-dist.sh

echo "e2e: journeys"
node --test --test-concurrency=1 'e2e/*.test.mjs'
