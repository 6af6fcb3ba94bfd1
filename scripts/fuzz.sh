#!/usr/bin/env bash
# Builds snc's libFuzzer targets (test/fuzz) with clang-19 into ./build-fuzz
# and runs each for SECONDS (default 20), then prints, per target,
# executions, executions per second, coverage (edges) and the corpus size.
# Any crash, leak, sanitizer report or timeout fails the script and leaves
# the input in build-fuzz/findings/<target>/.
#
#   bash scripts/fuzz.sh [SECONDS]
#
# Seeds come from the repository (test/Inputs, targets/, test/lit/targets,
# NIR fixtures from test/nir/make_fixtures.py, .npy arrays of every dtype,
# SpiNNaker2 images compiled by build/bin/snc when it exists, the .mlir
# files of test/lit and examples);
# the corpora grow in build-fuzz/corpus/<target>/ across runs.
# Needs Debian's clang-19 and libclang-rt-19-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
build=build-fuzz
for tool in clang-19 clang++-19; do
  command -v $tool >/dev/null || {
    echo "fuzz.sh: $tool not found (apt-get install clang-19 libclang-rt-19-dev)" >&2
    exit 1
  }
done
if [ ! -f "$build/build.ninja" ]; then
  flags="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
  cmake -G Ninja -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DSNC_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
targets=(snc-fuzz-npy snc-fuzz-target snc-fuzz-nir snc-fuzz-images snc-fuzz-mlir)
cmake --build "$build" -j "${SNC_JOBS:-2}" --target "${targets[@]}"

# Seed corpora, made afresh each run.
seeds="$build/seeds"
rm -rf "$seeds"
for target in "${targets[@]}"; do mkdir -p "$seeds/$target"; done
/usr/bin/python3 - "$seeds/snc-fuzz-npy" <<'PY'
import sys, numpy as np
out = sys.argv[1]
arrays = {
    "bool": np.array([[True, False], [False, True]]),
    "u8": np.arange(6, dtype=np.uint8).reshape(2, 3),
    "i16": np.arange(-3, 3, dtype=np.int16),
    "f32be": np.linspace(0, 1, 4, dtype=">f4"),
    "f64": np.eye(3),
    "scalar": np.array(2.5),
    "empty": np.zeros((0, 4), dtype=np.int64),
    "u64": np.array([2**64 - 1, 0], dtype=np.uint64),
}
for name, a in arrays.items():
    np.save(f"{out}/{name}.npy", a)
with open(f"{out}/v2.npy", "wb") as f:
    np.lib.format.write_array(f, np.ones((2, 2), dtype=np.float32),
                              version=(2, 0))
PY
cp targets/*.json test/lit/targets/*.json "$seeds/snc-fuzz-target/"
/usr/bin/python3 test/nir/make_fixtures.py "$seeds/snc-fuzz-nir"
cp test/Inputs/nir/*.nir "$seeds/snc-fuzz-nir/"
# MLIR: every .mlir file of the lit tests and examples (RUN/CHECK lines are
# comments to the parser; files with several `// -----` cases parse as one
# module, which is fine for seeds).
find test/lit examples -name '*.mlir' | while read -r f; do
  cp "$f" "$seeds/snc-fuzz-mlir/$(echo "$f" | tr / _)"
done
# A compiled directory (from the regular build's snc, when there is one):
# each file behind the byte that picks its reader in ImageFuzzer.cpp.
if [ -x build/bin/snc ]; then
  build/bin/snc compile test/lit/quantize/Inputs/exact.mlir \
    --target spinnaker2 -o "$seeds/compiled" -q
  /usr/bin/python3 - "$seeds/compiled" "$seeds/snc-fuzz-images" <<'PY'
import os, sys
src, out = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    kind = {"routes.bin": 1, "manifest.json": 2}.get(
        name, 0 if name.endswith(".bin") else None)
    if kind is not None:
        with open(os.path.join(src, name), "rb") as f:
            data = f.read()
        with open(os.path.join(out, name), "wb") as f:
            f.write(bytes([kind]) + data)
PY
fi
# snc-fuzz-nir's reading children print libhdf5's own crashes (contained:
# they become errors) to the log; only the fuzzing process's reports count.
# The heap fixtures crash or hang libhdf5 itself: the reader contains them,
# but each hang costs the child's CPU limit. Keep that short here.
export SNC_NIR_READ_CPU_SECONDS=2

export ASAN_OPTIONS=detect_leaks=1:allow_user_poisoning=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
summary=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  findings="$build/findings/$target"
  mkdir -p "$corpus" "$findings"
  log="$build/$target.log"
  echo "fuzz.sh: $target for ${seconds}s"
  if ! "$build/bin/$target" "$corpus" "$seeds/$target" \
      -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
      -max_len=65536 -print_final_stats=1 -close_fd_mask=1 \
      -artifact_prefix="$findings/" >"$log" 2>&1; then
    echo "fuzz.sh: $target found a problem; see $log and $findings/" >&2
    tail -30 "$log" >&2
    status=1
  elif [ -n "$(ls "$findings")" ]; then
    # A passing run's artifacts come from snc-fuzz-nir's reading children:
    # libhdf5 crashes the reader contained (they became errors). Keep them
    # apart from real findings.
    mkdir -p "$build/contained/$target"
    mv "$findings"/* "$build/contained/$target/"
    echo "fuzz.sh: $target: $(ls "$build/contained/$target" | wc -l) inputs" \
      "crash libhdf5 in the reading child (contained; $build/contained/$target/)"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  summary+=("$(printf '%-16s %10s %10s %8s %8s' "$target" "${runs:-?}" \
    "${rate:-?}" "${cov:-?}" "$(ls "$corpus" | wc -l)")")
done
printf '%-16s %10s %10s %8s %8s\n' target executions "exec/s" edges corpus
printf '%s\n' "${summary[@]}"
exit $status
