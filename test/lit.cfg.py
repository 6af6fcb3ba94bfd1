# -*- Python -*-
# lit configuration of the snc regression suite.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "snc"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.snc_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
# The trees under test: test/lit/readme runs the README's commands there.
config.substitutions.append(("%snc_src_root", config.snc_src_root))
config.substitutions.append(("%snc_obj_root", config.snc_obj_root))
# Debian's Python, which scripts/setup.sh gives numpy and h5py (the Python
# first on PATH may be another one).
config.substitutions.append(("%system_python", "/usr/bin/python3"))
llvm_config.with_system_environment(["HOME", "TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS"])
llvm_config.use_default_substitutions()

tool_dirs = [config.snc_tools_dir, config.llvm_tools_dir]
tools = ["snc", "snc-opt", "snc-npy", "snc-netgen", "snc-translate"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.snc_tools_dir, append_path=True)

# One feature per backend whose external tools are installed
# (Backend::getCapabilities), for `REQUIRES: <feature>`.
import subprocess
_features = subprocess.run(
    [os.path.join(config.snc_tools_dir, "snc"), "targets", "--lit-features"],
    capture_output=True, text=True)
if _features.returncode == 0:
    for _feature in _features.stdout.split():
        config.available_features.add(_feature)

# The FPGA synthesis tools `snc compile --synth` runs (backends/fpga/Synth.h),
# for `REQUIRES: yosys` and `REQUIRES: nextpnr-ice40` (which includes icepack).
import shutil
if shutil.which("yosys"):
    config.available_features.add("yosys")
if shutil.which("nextpnr-ice40") and shutil.which("icepack"):
    config.available_features.add("nextpnr-ice40")
