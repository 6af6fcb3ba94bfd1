#!/usr/bin/env bash
# Builds snc if needed, then runs the whole test suite: the lit regression
# tests and the GoogleTest unit tests, both under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir "${SNC_BUILD_DIR:-build}" --output-on-failure -j "${SNC_JOBS:-2}"
