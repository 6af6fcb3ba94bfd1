#!/usr/bin/env bash
# Configures (once) and builds snc into ./build with Ninja and ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
# Paths relative to the checkout, so a clone elsewhere hits the same cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
build=${SNC_BUILD_DIR:-build}
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S . -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" -j "${SNC_JOBS:-2}"
