#!/usr/bin/env bash
# Builds snc with AddressSanitizer and UndefinedBehaviorSanitizer into
# ./build-asan and runs the whole test suite there; any sanitizer report
# fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-asan
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS="-O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
fi
cmake --build "$build" -j "${SNC_JOBS:-2}"
# MLIR's global registries are released by the OS at exit, not freed.
export ASAN_OPTIONS=detect_leaks=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure -j "${SNC_JOBS:-2}"
