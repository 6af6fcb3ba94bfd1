#!/usr/bin/env bash
# FPGA resource and timing figures (bench/fpga/README.md): compiles a
# 256-neuron / 64k-synapse random network for the Artix-7 and the
# single-LIF network (and the random one) for the iCE40 UP5K with
# `snc compile --synth`, runs each compiled design once in simulation for
# its cycle counts, and prints a table next to tinyODIN's reference figures.
# Run from anywhere after `bash scripts/build.sh`; the outputs stay in
# build/bench-fpga (or $SNC_BENCH_FPGA_DIR) for inspection.
set -euo pipefail
cd "$(dirname "$0")/../.."
snc=build/bin/snc
npy=build/bin/snc-npy
out=${SNC_BENCH_FPGA_DIR:-build/bench-fpga}

for tool in "$snc" "$npy"; do
  [ -x "$tool" ] || { echo "bench/fpga: $tool missing: run scripts/build.sh" >&2; exit 1; }
done
for tool in yosys nextpnr-ice40 icepack verilator; do
  command -v "$tool" >/dev/null ||
    { echo "bench/fpga: $tool not on PATH: run scripts/setup.sh" >&2; exit 1; }
done
mkdir -p "$out"

# The networks: 256 inputs fully connected to 256 LIF neurons (seed 1),
# 100 steps of 5% input spikes (seed 7); the NIR paper's single LIF neuron.
python3 bench/fpga/random_network.py --seed 1 -o "$out/random256.mlir"
"$npy" random -o "$out/x256.npy" --shape 100,256 --density 0.05 --seed 7
lif=examples/lif_norse/lif.mlir
lif_input=examples/lif_norse/input.npy

run() { # name target model input [compile options...]
  local name=$1 target=$2 model=$3 input=$4
  shift 4
  echo "== $name: $model for $target"
  rm -rf "${out:?}/$name"
  "$snc" compile "$model" "$@" --target "$target" --calibrate "$input" \
    -o "$out/$name" --synth
  "$snc" simulate "$out/$name" -i "$input" -o "$out/$name.out.npy"
  echo
}
run artix7-random256 fpga-artix7-100t "$out/random256.mlir" "$out/x256.npy"
# The same part at tinyODIN's 4-bit weights (a copy of the target).
sed 's/"weight_bits": 8,/"weight_bits": 4,/; s/"name": "fpga-artix7-100t"/"name": "fpga-artix7-100t-w4"/; s|"\$schema": "./schema.json",||' \
  targets/fpga-artix7-100t.json >"$out/fpga-artix7-100t-w4.json"
run artix7-w4-random256 "$out/fpga-artix7-100t-w4.json" "$out/random256.mlir" "$out/x256.npy"
run up5k-lif fpga-ice40-up5k "$lif" "$lif_input" --dt 1e-4
run up5k-random256 fpga-ice40-up5k "$out/random256.mlir" "$out/x256.npy"

python3 bench/fpga/summarize.py "$out/artix7-random256" \
  "$out/artix7-w4-random256" "$out/up5k-lif" "$out/up5k-random256"
