#!/bin/sh
# Installs every Debian package that teema's build, tests, benchmarks and demo
# need. Idempotent: packages already present are left as they are, and apt is
# only asked when something is missing, so a second run costs a second.
set -eu

PACKAGES="
  build-essential pkg-config meson ninja-build
  libglib2.0-dev libglib2.0-data libicu-dev libsqlite3-dev gettext
  libvoikko-dev voikko-fi libstemmer-dev
  libxml2-dev libxml2-utils libarchive-dev
  libncurses-dev libcairo2-dev
  googletest libgtest-dev
  sqlite3 tmux zip unzip time bc clang-format
  clang libclang-rt-14-dev python3
  libreoffice-writer-nogui texlive-latex-base texlive-lang-european
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "setup-deps: all packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "setup-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
