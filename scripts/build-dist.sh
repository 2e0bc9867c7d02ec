#!/usr/bin/env bash
# Builds the production bundle and unpacks the backend's deployable workspace
# (packages/backend/dist/bundle.tar.gz) into dist-workspace/, as a deployment would.
# Its own workspace packages (as packed: dist/ builds) are linked into dist-workspace/node_modules;
# third-party dependencies resolve from the repository's node_modules, one folder up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$RUNWAY_ROOT"
# Packages embed their declarations from dist-types/, which only tsc writes.
yarn tsc
yarn build:all
rm -rf dist-workspace && mkdir dist-workspace
tar -xzf packages/backend/dist/bundle.tar.gz -C dist-workspace
node -e '
const fs = require("fs"), path = require("path");
const root = "dist-workspace";
for (const group of ["packages", "plugins"]) {
  const dir = path.join(root, group);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir)) {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, name, "package.json"), "utf8"));
    const link = path.join(root, "node_modules", pkg.name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.relative(path.dirname(link), path.join(dir, name)), link);
  }
}'
