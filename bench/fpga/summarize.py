#!/usr/bin/env python3
"""Prints the synth.json reports of `snc compile --synth` output directories
as one table, next to tinyODIN's figures measured with the same yosys flow
(bench/fpga/README.md).

Usage: summarize.py OUT_DIR...
"""

import json
import os
import sys

# tinyODIN (ChFrenkel/tinyODIN, initial release 1865653), synthesised with
# yosys 0.23 exactly as backends/fpga/Synth.cpp does (bench/fpga/README.md).
TINYODIN = {
    "xc7": {"luts": 1335, "flip_flops": 1728, "bram_blocks": 8.5,
            "dsp_blocks": 0, "spram_blocks": 0},
}
KEYS = [("luts", "LUT"), ("flip_flops", "FF"), ("bram_blocks", "BRAM"),
        ("spram_blocks", "SPRAM"), ("dsp_blocks", "DSP")]


def row(name, family, total, fmax):
    cells = [f"{total.get(k, 0):>8g}" for k, _ in KEYS]
    return f"{name:<20} {family:<6}" + "".join(cells) + f" {fmax:>9}"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(f"{'design':<20} {'family':<6}" +
          "".join(f"{label:>8}" for _, label in KEYS) + f" {'Fmax MHz':>9}")
    for directory in sys.argv[1:]:
        path = os.path.join(directory, "synth.json")
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        pnr = report.get("place_and_route")
        fmax = f"{pnr['fmax_mhz']:.1f}" if pnr else "-"
        name = os.path.basename(os.path.normpath(directory))
        print(row(name, report["family"], report["total"], fmax))
        for module in report["modules"]:
            print(row(f"  {module['name']} x{module['instances']}", "",
                      module["each"], ""))
        reference = TINYODIN.get(report["family"])
        if reference:
            ratios = ", ".join(
                f"{label} {report['total'].get(k, 0) / reference[k]:.2f}"
                for k, label in KEYS if reference[k])
            print(f"  / tinyODIN ({report['family']}): {ratios}")
    for family, figures in TINYODIN.items():
        print(row("tinyODIN (ref.)", family, figures, "-"))


if __name__ == "__main__":
    main()
