#!/usr/bin/env python3
"""Quantization methods compared (issue 15's table): for each network and
target, every method's output spike agreement with the float network on
the calibration input, the correlation of per-neuron spike counts, the
spike totals (float / quantized) and the wall time of `snc quantize`
(which includes the float and quantized runs the report measures).

Run from anywhere after `bash scripts/build.sh`:
  /usr/bin/python3 bench/quantize/run.py
"""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(ROOT, "build", "bin")

METHODS = [
    ("max-abs", ["--method", "max-abs"]),
    ("mse", ["--method", "mse"]),
    ("percentile", ["--method", "percentile"]),
    ("search", ["--method", "search"]),
    ("search + bias corr.", ["--method", "search", "--bias-correction"]),
    ("search + adaptive rnd.", ["--method", "search", "--adaptive-rounding"]),
    ("search + both", ["--method", "search", "--bias-correction",
                       "--adaptive-rounding"]),
]


def run(args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def main():
    work = tempfile.mkdtemp(prefix="snc-bench-quantize-")
    run(["/usr/bin/python3", os.path.join(ROOT, "bench", "quantize",
                                          "braille_net.py"), work])
    braille_in = os.path.join(work, "braille-in.npy")
    run([os.path.join(BIN, "snc-npy"), "random", "-o", braille_in,
         "--shape", "256,12", "--density", "0.1", "--seed", "1"])
    cnn_in = os.path.join(work, "cnn-in.npy")
    run([os.path.join(BIN, "snc-npy"), "random", "-o", cnn_in,
         "--shape", "60,2,34,34", "--density", "0.05", "--seed", "7"])
    bias = os.path.join(work, "braille-bias.nir")
    nobias = os.path.join(work, "braille-nobias.nir")
    cnn = os.path.join(ROOT, "test", "Inputs", "nir", "cnn_sinabs.nir")
    rows = [
        ("12-38-7 CubaLIF, biases, reset to zero", bias, ["--dt", "1e-4", "--cuba-current", "same-step"],
         "spinnaker2", braille_in),
        ("12-38-7 CubaLIF, biases, reset to zero", bias, ["--dt", "1e-4", "--cuba-current", "same-step"],
         "fpga-artix7-100t", braille_in),
        ("12-38-7 CubaLIF, no biases, subtract reset", nobias,
         ["--dt", "1e-4", "--cuba-current", "same-step", "--reset", "subtract"], "spinnaker2", braille_in),
        ("Sinabs CNN, subtract reset, 60 steps at 5%", cnn,
         ["--dt", "1", "--reset", "subtract"], "spinnaker2", cnn_in),
    ]
    print("| network | target | method | spike agreement | rate correlation "
          "| spikes float / quantized | quantize time |")
    print("|---|---|---|---|---|---|---|")
    for title, model, flags, target, calibration in rows:
        for name, method in METHODS:
            report = os.path.join(work, "report.json")
            start = time.perf_counter()
            run([os.path.join(BIN, "snc"), "quantize", model, *flags,
                 "--target", target, "--calibrate", calibration, *method,
                 "-o", os.path.join(work, "q.mlir"), "--report", report,
                 "--quiet"])
            seconds = time.perf_counter() - start
            with open(report) as f:
                out = json.load(f)["outputs"][0]
            corr = out["rate_correlation"]
            print(f"| {title} | {target} | {name} | "
                  f"{100 * out['spike_agreement']:.2f}% | "
                  f"{'-' if corr is None else f'{corr:.3f}'} | "
                  f"{out['spikes_float']} / {out['spikes_quantized']} | "
                  f"{seconds:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
