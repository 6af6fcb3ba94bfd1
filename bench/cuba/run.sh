#!/usr/bin/env bash
# CUBA: snc's reference interpreter against Brian2's C++ standalone mode (one
# thread), side by side: both pinned to one core, run alternately in pairs,
# medians printed. Run from anywhere after `bash scripts/build.sh`.
#
#   bash bench/cuba/run.sh [seconds] [pairs]    (defaults: 1 s, 5 pairs)
#
# CUBA_CORE picks the core (default: the last one).
#
# Brian2 generates, compiles and runs its standalone project once (its
# synapse, spike and event counts come from that run); then each pair runs
# build/bin/snc-bench-cuba and the compiled Brian2 binary again. Both
# figures are process CPU time of the simulation loop only: Brian2's
# Network::run times its loop with std::clock() and writes it to
# results/last_run_info.txt; snc-bench-cuba reads CLOCK_PROCESS_CPUTIME_ID
# around its loop. Neither includes building the network or compiling.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-1}"
pairs="${2:-5}"
core="${CUBA_CORE:-$(($(nproc) - 1))}"

# Brian2 from Debian (python3-brian, scripts/setup.sh), for Debian's own
# Python (not a pyenv python3 on PATH).
if ! /usr/bin/python3 -c "import brian2" 2>/dev/null; then
  echo "run.sh: Brian2 is missing; install Debian's python3-brian" \
    "(scripts/setup.sh lists it)" >&2
  exit 1
fi
if [ ! -x build/bin/snc-bench-cuba ]; then
  echo "run.sh: build/bin/snc-bench-cuba is missing; run scripts/build.sh" >&2
  exit 1
fi

brian_dir=$(mktemp -d -t brian2_cuba.XXXXXX)
trap 'rm -rf "$brian_dir"' EXIT
pin() { taskset -c "$core" "$@"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (core $core)"
brian=$(pin /usr/bin/python3 bench/cuba/brian2_cuba.py "$seconds" \
  --build-dir "$brian_dir")
echo "$brian"
brianEvents=$(awk '/synaptic events   / { print $3 }' <<<"$brian")
brianSpikes=$(awk '/^  spikes/ { print $2 }' <<<"$brian")
spikeFile="$brian_dir/$(awk '/spike file/ { print $3 }' <<<"$brian")"
echo

rows=()
for pair in $(seq "$pairs"); do
  snc=$(pin build/bin/snc-bench-cuba "$seconds")
  [ "$pair" -eq 1 ] && echo "$snc" && echo
  (cd "$brian_dir" && pin ./main >/dev/null)
  # The same binary and seed give the same spikes (int32 indices).
  spikes=$(($(stat -c %s "$spikeFile") / 4))
  if [ "$spikes" -ne "$brianSpikes" ]; then
    echo "run.sh: Brian2 run $pair spiked $spikes times, not $brianSpikes" >&2
    exit 1
  fi
  brianTime=$(cut -d' ' -f1 "$brian_dir/results/last_run_info.txt")
  rows+=("$(awk -v b="$brianTime" -v e="$brianEvents" '
    /simulation .CPU/ { s = $3 } /synaptic events   / { se = $3 }
    END { printf "%.4f %.4g %.4f %.4g %.2f", b, e / b, s, se / s, (se / s) / (e / b) }' \
    <<<"$snc")")
done

echo "pair  Brian2 loop s  Brian2 events/s  snc loop s  snc events/s  snc/Brian2"
for i in "${!rows[@]}"; do
  read -r bt br st sr ratio <<<"${rows[$i]}"
  printf "%4d  %13s  %15s  %10s  %12s  %10s\n" $((i + 1)) "$bt" "$br" "$st" \
    "$sr" "$ratio"
done
median() { sort -g | awk '{ v[NR] = $1 } END {
  print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column() { printf "%s\n" "${rows[@]}" | cut -d' ' -f"$1" | median; }
printf "median %11s  %15s  %10s  %12s  %10s\n" "$(column 1)" "$(column 2)" \
  "$(column 3)" "$(column 4)" "$(column 5)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "synaptic events/s (CPU time of the loop): snc / Brian2 standalone," \
  "median of $pairs pairs = $(column 5)"
