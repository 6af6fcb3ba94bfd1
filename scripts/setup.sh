#!/usr/bin/env bash
# Installs every Debian package snc needs to build and test. Idempotent:
# when everything is present it only checks and returns.
set -euo pipefail

packages=(
  cmake ninja-build ccache g++ git
  llvm-19-dev libmlir-19-dev mlir-19-tools    # MLIR/LLVM 19, FileCheck, lit
  nlohmann-json3-dev libcli11-dev libgtest-dev
  libhdf5-dev                                  # NIR files (HDF5 C++ API)
  libmetis-dev                                 # graph partitioning (placement)
  verilator                                    # RTL backends
  yosys nextpnr-ice40 fpga-icestorm            # FPGA synthesis, iCE40 P&R, icepack
  python3 python3-numpy python3-h5py           # NIR fixture generator
  python3-brian                                # Brian2 2.5.1: bench/cuba/run.sh
  clang-format clang-tidy
  clang-19 libclang-rt-19-dev                  # libFuzzer targets (scripts/fuzz.sh)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
echo "setup: done"
