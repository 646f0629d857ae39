#!/bin/sh
# Installs the Debian packages teema needs (once), then configures and
# builds into build/. Safe to run again: each step is skipped when done.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup-deps.sh
if [ ! -f build/build.ninja ]; then
  meson setup build --buildtype=release >/dev/null
fi
ninja -C build >/dev/null
