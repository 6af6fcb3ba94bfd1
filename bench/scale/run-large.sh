#!/usr/bin/env bash
# One large run of the real path, measured stage by stage (bench/scale/
# README.md, "Large runs"): generate the network as bytecode, compile it for
# a many-core target, quantize it apart (snc quantize, no calibration: the
# scales compile chooses) and verify the quantized network for STEPS steps
# (compile again, the interpreter and the many-core simulator, compared bit
# for bit), each under /usr/bin/time -v with --stage-times. (snc verify of
# the float network would calibrate its quantization on the input, which
# searches scales by running the network many times.)
#
# Usage: bench/scale/run-large.sh layered|cnn
#   layered: NEURONS (1000000) in LAYERS (10), SYNAPSES per neuron (100):
#            100M synapses
#   cnn:     WIDTH (128) x WIDTH input, CHANNELS (16): 918,794 neurons,
#            81.8M synapses
# Environment: STEPS (100), DENSITY of the input spikes (0.05 layered,
# 0.1 cnn), TARGET (spinnaker2-48), CHIPS (the mesh, WIDTHxHEIGHT; 12x8,
# 16x12 for cnn; empty: the target's), SEED (1), MAPPING_FORMAT of the compiled IR
# (bytecode; text), SNC_BUILD_DIR (build), KEEP=1 keeps the scratch
# directory (WORK sets it).
# Test on small sizes first, e.g. NEURONS=20000 or WIDTH=32 CHANNELS=4.
set -euo pipefail
kind=${1:-}
case "$kind" in
layered | cnn) ;;
*)
  echo "usage: $0 layered|cnn" >&2
  exit 1
  ;;
esac
cd "$(dirname "$0")/../.."
build=${SNC_BUILD_DIR:-build}
steps=${STEPS:-100}
target=${TARGET:-spinnaker2-48}
# The CNN's convolutions expand into explicit synapses per PE, and its
# slices need about 18,700 PEs: a 16 x 12 mesh (29,184 PEs).
default_chips=12x8
[ "$kind" = layered ] || default_chips=16x12
chips=${CHIPS-$default_chips}
seed=${SEED:-1}
mapping_format=${MAPPING_FORMAT:-bytecode}
mapping_file=mapping.mlir
[ "$mapping_format" = text ] || mapping_file=mapping.mlirbc

cmake --build "$build" -j "${SNC_JOBS:-2}" --target snc snc-netgen snc-npy \
  >/dev/null
bin=$build/bin
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
if [ "${KEEP:-0}" = 1 ]; then echo "scratch: $work"; else
  trap 'rm -rf "$work"' EXIT; fi

# shellcheck source=bench/scale/measure.sh
source bench/scale/measure.sh

net=$work/net.mlirbc
if [ "$kind" = layered ]; then
  neurons=${NEURONS:-1000000}
  inputs=${INPUTS:-100}
  density=${DENSITY:-0.05}
  measure netgen "$bin/snc-netgen" --neurons "$neurons" \
    --layers "${LAYERS:-10}" --inputs "$inputs" \
    --synapses "${SYNAPSES:-100}" --seed "$seed" -o "$net"
  shape="$steps,$inputs"
else
  width=${WIDTH:-128}
  density=${DENSITY:-0.1}
  measure netgen "$bin/snc-netgen" --kind cnn --width "$width" \
    --channels "${CHANNELS:-16}" --seed "$seed" -o "$net"
  shape="$steps,2,$width,$width"
fi
netgen_wall=$WALL netgen_rss=$RSS
cat "$work/netgen.out"
synapses=$(sed -n 's/.* \([0-9]*\) synapses$/\1/p' "$work/netgen.out")
"$bin/snc-npy" random -o "$work/x.npy" --shape "$shape" --density "$density" \
  --seed "$seed" >/dev/null

chip_args=()
[ -z "$chips" ] || chip_args=(--chips "$chips")
measure compile "$bin/snc" compile "$net" --target "$target" \
  "${chip_args[@]}" -o "$work/out" --mapping-format "$mapping_format" \
  --stage-times -q
compile_wall=$WALL compile_rss=$RSS
mapping=$(stat -c %s "$work/out/$mapping_file")
rm -rf "$work/out"
measure quantize "$bin/snc" quantize "$net" --target "$target" \
  -o "$work/quantized.mlirbc" -q
quantize_wall=$WALL quantize_rss=$RSS
measure verify "$bin/snc" verify "$work/quantized.mlirbc" --target "$target" \
  "${chip_args[@]}" -i "$work/x.npy" --steps "$steps" \
  --mapping-format "$mapping_format" --stage-times -q
verify_wall=$WALL verify_rss=$RSS

per_syn() { awk -v m="$1" -v s="$synapses" \
  'BEGIN { printf "%.0f", m * 1048576 / s }'; }
echo
echo "$kind network: $synapses synapses, $(stat -c %s "$net") bytes as .mlirbc"
echo "target $target${chips:+, --chips $chips}; $steps steps, input density $density"
printf '%-12s %10s %12s %10s\n' command "wall s" "peak MiB" "B/synapse"
printf '%-12s %10s %12s %10s\n' snc-netgen "$netgen_wall" "$netgen_rss" \
  "$(per_syn "$netgen_rss")"
printf '%-12s %10s %12s %10s\n' "snc compile" "$compile_wall" "$compile_rss" \
  "$(per_syn "$compile_rss")"
printf '%-12s %10s %12s %10s\n' "snc quantize" "$quantize_wall" \
  "$quantize_rss" "$(per_syn "$quantize_rss")"
printf '%-12s %10s %12s %10s\n' "snc verify" "$verify_wall" "$verify_rss" \
  "$(per_syn "$verify_rss")"
echo "$mapping_file: $mapping bytes"
echo
echo "snc compile stages (wall time; peak RSS of the process so far):"
sed -n 's/^snc: stage /  /p' "$work/compile.err"
echo "snc verify stages (of the quantized network):"
sed -n 's/^snc: stage /  /p' "$work/verify.err"
echo
sed -n '/^verify/p' "$work/verify.out"
