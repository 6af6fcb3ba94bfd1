#!/usr/bin/env bash
# Configures (once) and builds snc into ./build with Ninja and ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${SNC_BUILD_DIR:-build}
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S . -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" -j "${SNC_JOBS:-2}"
