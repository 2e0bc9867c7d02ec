#!/usr/bin/env bash
# Builds the production bundle and unpacks the backend's deployable workspace
# (packages/backend/dist/bundle.tar.gz) into dist-workspace/, as a deployment would.
# It resolves its dependencies from the repository's node_modules, one folder up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$RUNWAY_ROOT"
yarn build:all
rm -rf dist-workspace && mkdir dist-workspace
tar -xzf packages/backend/dist/bundle.tar.gz -C dist-workspace
