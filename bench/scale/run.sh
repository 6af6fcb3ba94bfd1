#!/usr/bin/env bash
# Wall time and peak memory of `snc run`, `snc compile` and `snc verify` on
# generated layered networks of increasing size (bench/scale/README.md).
#
# Usage: bench/scale/run.sh [NEURONS...]   (default: 10000 50000 100000 200000)
# Environment: SNC_BUILD_DIR (default build), SYNAPSES per neuron (100),
# STEPS simulated by `snc run` and `snc verify` (100), TARGET
# (spinnaker2-48), VERIFY=0 leaves out `snc verify` (minutes at 200k
# neurons), KEEP=1 keeps the scratch directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${SNC_BUILD_DIR:-build}
synapses=${SYNAPSES:-100}
steps=${STEPS:-100}
target=${TARGET:-spinnaker2-48}
verify=${VERIFY:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000 100000 200000)

cmake --build "$build" -j "${SNC_JOBS:-2}" --target snc snc-netgen snc-npy \
  >/dev/null
bin=$build/bin
work=$(mktemp -d)
if [ "${KEEP:-0}" = 1 ]; then echo "scratch: $work"; else
  trap 'rm -rf "$work"' EXIT; fi

# shellcheck source=bench/scale/measure.sh
source bench/scale/measure.sh

# Bytes per synapse of the RSS above an almost empty network's, and a
# file's size in MiB.
per_synapse() {
  awk -v m="$1" -v b="$2" -v s="$3" 'BEGIN { printf "%.0f", (m - b) * 1048576 / s }'
}
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# The baseline: the peak RSS of each command on a 10-neuron network (the
# process, its libraries and the target), taken off before dividing.
"$bin/snc-npy" random -o "$work/x.npy" --shape "$steps,100" --density 0.05 \
  --seed 1 >/dev/null
"$bin/snc-netgen" --neurons 10 --layers 1 --synapses 1 -o "$work/tiny.mlirbc" \
  >/dev/null
measure run-base "$bin/snc" run "$work/tiny.mlirbc" -i "$work/x.npy" \
  -o "$work/tiny.npy"
run_base=$RSS
measure compile-base "$bin/snc" compile "$work/tiny.mlirbc" --target "$target" \
  -o "$work/tiny-out" -q
compile_base=$RSS
verify_base=0
if [ "$verify" = 1 ]; then
  measure verify-base "$bin/snc" verify "$work/tiny.mlirbc" --target "$target" \
    -i "$work/x.npy" -q
  verify_base=$RSS
fi
echo "baseline peak RSS (10 neurons): snc run $run_base MiB, snc compile" \
  "$compile_base MiB, snc verify $verify_base MiB"
echo

printf '%-8s %-10s %-9s | %-17s | %-17s | %-23s | %-9s | %-23s\n' neurons \
  synapses ".mlirbc" "snc-netgen" "snc run ($steps st)" "snc compile" \
  "mapping" "snc verify ($steps st)"
printf '%-8s %-10s %-9s | %-17s | %-17s | %-23s | %-9s | %-23s\n' "" "" MiB \
  "s / MiB" "s / MiB (B/syn)" "s / MiB (B/syn)" ".mlir MiB" "s / MiB (B/syn)"
rates=()
for n in "${sizes[@]}"; do
  net=$work/net-$n.mlirbc
  measure "netgen-$n" "$bin/snc-netgen" --neurons "$n" --synapses "$synapses" \
    --seed 1 -o "$net"
  gen="$WALL / $RSS"
  count=$(sed -n 's/.* \([0-9]*\) synapses$/\1/p' "$work/netgen-$n.out")
  measure "run-$n" "$bin/snc" run "$net" -i "$work/x.npy" -o "$work/y-$n.npy" \
    --stage-times
  run="$WALL / $RSS ($(per_synapse "$RSS" "$run_base" "$count"))"
  # Spikes per output neuron and step: the network is neither silent nor
  # saturated.
  rates+=("$n neurons: $("$bin/snc-npy" spikes "$work/y-$n.npy" | awk -v t="$steps" \
    '{ s += NF - 1; k++ } END { printf "%.3f", s / (k * t) }')")
  measure "compile-$n" "$bin/snc" compile "$net" --target "$target" \
    -o "$work/out-$n" --stage-times -q
  compile="$WALL / $RSS ($(per_synapse "$RSS" "$compile_base" "$count"))"
  mapping=$(mib "$work/out-$n/mapping.mlir")
  rm -rf "$work/out-$n"
  checked=-
  if [ "$verify" = 1 ]; then
    # Compile (calibrated on the input, as verify does by default), the
    # interpreter and the many-core simulator on the images; exit 1 if
    # they differ.
    measure "verify-$n" "$bin/snc" verify "$net" --target "$target" \
      -i "$work/x.npy" --stage-times
    checked="$WALL / $RSS ($(per_synapse "$RSS" "$verify_base" "$count"))"
  fi
  printf '%-8s %-10s %-9s | %-17s | %-17s | %-23s | %-9s | %-23s\n' "$n" \
    "$count" "$(mib "$net")" "$gen" "$run" "$compile" "$mapping" "$checked"
done

echo
echo "Output layer spikes per neuron and step in snc run:"
printf '  %s\n' "${rates[@]}"
if [ "$verify" = 1 ]; then
  echo
  echo "snc verify's simulator (its stage: reading the images and running them):"
  for n in "${sizes[@]}"; do
    events=$(sed -n 's/^synaptic events: \([0-9]*\).*/\1/p' "$work/verify-$n.out")
    seconds=$(sed -n 's/^snc: stage simulate: .*, CPU \([0-9.]*\) s$/\1/p' \
      "$work/verify-$n.err")
    awk -v n="$n" -v e="$events" -v s="$seconds" 'BEGIN {
      printf "  %s neurons: %d synaptic events in %.2f s of CPU, %.3g events/s\n",
        n, e, s, e / s }'
  done
fi
echo
echo "Stages (wall time; peak RSS of the process so far; RSS now; CPU time):"
for n in "${sizes[@]}"; do
  for cmd in run compile verify; do
    [ -f "$work/$cmd-$n.err" ] || continue
    echo "  $n neurons, snc $cmd:"
    sed -n 's/^snc: stage /    /p' "$work/$cmd-$n.err"
  done
done
