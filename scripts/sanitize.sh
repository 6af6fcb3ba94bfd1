#!/usr/bin/env bash
# Builds snc with AddressSanitizer and UndefinedBehaviorSanitizer into
# ./build-asan and runs the whole test suite there; any sanitizer report
# fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
# Paths relative to the checkout, so a clone elsewhere hits the same cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
build=build-asan
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS="-O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
fi
cmake --build "$build" -j "${SNC_JOBS:-2}"
# MLIR's global registries are released by the OS at exit, not freed.
# LLVM's BumpPtrAllocator poisons the rest of each new slab when the slab is
# started by instrumented code (our attribute storage, inlined), but libMLIR.so
# is not instrumented and never unpoisons what it allocates from that slab:
# a false use-after-poison. Ignore manual poisoning; real overflows of
# malloc'd and stack memory are still caught.
export ASAN_OPTIONS=detect_leaks=0:allow_user_poisoning=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure -j "${SNC_JOBS:-2}"
