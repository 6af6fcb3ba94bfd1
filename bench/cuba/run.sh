#!/usr/bin/env bash
# CUBA: snc's reference interpreter against Brian2's C++ standalone mode (one
# thread). Run from anywhere after `bash scripts/build.sh`; an optional
# argument sets the simulated seconds (default 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-1}"

# Brian2 from Debian, for Debian's own Python (not the pyenv python3 on PATH).
if ! /usr/bin/python3 -c "import brian2" 2>/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-brian >/dev/null
fi

snc=$(build/bin/snc-bench-cuba "$seconds")
brian=$(/usr/bin/python3 bench/cuba/brian2_cuba.py "$seconds")
echo "$snc"
echo
echo "$brian"

rate() { awk '/synaptic events\/s/ { print $3 }' <<<"$1"; }
echo
awk -v s="$(rate "$snc")" -v b="$(rate "$brian")" 'BEGIN {
  printf "synaptic events/s: snc %.3g / Brian2 standalone %.3g = %.2f\n", s, b, s / b }'
