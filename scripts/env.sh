# Sourced by the Makefile's recipes and .ci/run: puts the project's Node 22 and Yarn first on PATH.
# scripts/bootstrap.sh installs them; this file only points at them.
RUNWAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNWAY_TOOLS="$RUNWAY_ROOT/.tools"
export RUNWAY_ROOT RUNWAY_TOOLS
if [ -x "$RUNWAY_TOOLS/node/bin/node" ]; then
  export PATH="$RUNWAY_TOOLS/node/bin:$PATH"
  # Native addons (better-sqlite3) compile against this Node's headers, not the system's.
  export npm_config_nodedir="$RUNWAY_TOOLS/node"
fi
export PATH="$RUNWAY_TOOLS/bin:$RUNWAY_ROOT/node_modules/.bin:$PATH"
