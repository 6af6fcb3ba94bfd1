#!/usr/bin/env bash
# Fresh machine to first result: install, build, run the bundled
# single-LIF-neuron example in the reference interpreter, then compile it
# for SpiNNaker2 and check the simulated chip against the interpreter.
# SNC_BUILD_DIR (default: build) is the build directory, as for build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
bin=${SNC_BUILD_DIR:-build}/bin
out=${TMPDIR:-/tmp}/snc-example
mkdir -p "$out"
"$bin/snc" run examples/lif_norse/lif.mlir --dt 1e-4 \
  --input examples/lif_norse/input.npy --output "$out/spikes.npy" \
  --record lif.v="$out/v.npy"
echo "spike steps of the LIF neuron:"
"$bin/snc-npy" spikes "$out/spikes.npy"
echo "compiled for SpiNNaker2 and simulated:"
"$bin/snc" verify examples/lif_norse/lif.mlir --dt 1e-4 --target spinnaker2 \
  --input examples/lif_norse/input.npy --output "$out/spinnaker2"
