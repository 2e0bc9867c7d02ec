# Sourced by scripts that need a program from Debian's archive (the only archive besides npm these
# machines reach): `need_debian_package <program path> <package>` installs the package when the
# program is missing.
need_debian_package() {
  local program="$1" package="$2"
  [ -x "$program" ] && return 0
  echo "installing Debian's $package"
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$package" >/dev/null
}
