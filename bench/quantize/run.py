#!/usr/bin/env python3
"""Quantization methods compared (issue 15's table): for each network and
target, every method is calibrated on one random input and evaluated on
held-out ones (other seeds): the output spike agreement with the float
network (equal (step, neuron) spike values, pooled over the held-out
inputs), the correlation of per-neuron spike counts (pooled), the spike
totals (float / quantized), the agreement on the calibration input itself,
and the wall time of `snc quantize` (which includes the float and quantized
runs its report measures).

Run from anywhere after `bash scripts/build.sh`, with Debian's Python
(h5py, NumPy):
  /usr/bin/python3 bench/quantize/run.py [--held-out N] [--only TEXT]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

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
    ("max-abs + fine state", ["--method", "max-abs", "--fine-state"]),
    ("search + adaptive rnd. + fine state",
     ["--method", "search", "--adaptive-rounding", "--fine-state"]),
]


def run(args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def random_input(path, shape, density, seed):
    run([os.path.join(BIN, "snc-npy"), "random", "-o", path, "--shape",
         ",".join(map(str, shape)), "--density", str(density), "--seed",
         str(seed)])
    return path


def spikes(model, flags, inputs, work, tag):
    """The output spikes of `model` on each input, as (steps, n) bools."""
    out = []
    for k, path in enumerate(inputs):
        target = os.path.join(work, f"{tag}-{k}.npy")
        run([os.path.join(BIN, "snc"), "run", model, *flags, "-i", path,
             "-o", target])
        a = np.load(target)
        out.append(a.reshape(a.shape[0], -1) != 0)
    return out


def compare(floats, quantized):
    """Pooled agreement, rate correlation and spike totals."""
    a, b = np.concatenate(floats), np.concatenate(quantized)
    agreement = float((a == b).mean())
    ca, cb = a.sum(axis=0), b.sum(axis=0)
    corr = None
    if ca.std() > 0 and cb.std() > 0:
        corr = float(np.corrcoef(ca, cb)[0, 1])
    return agreement, corr, int(a.sum()), int(b.sum())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--held-out", type=int, default=8,
                        help="held-out inputs per network (seeds after the "
                             "calibration seed)")
    parser.add_argument("--only", default="",
                        help="run only the rows whose network title "
                             "contains this text (e.g. trained)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="snc-bench-quantize-")
    run(["/usr/bin/python3", os.path.join(ROOT, "bench", "quantize",
                                          "braille_net.py"), work])
    # The trained network, its calibration (training) patterns and its
    # test patterns.
    run(["/usr/bin/python3", os.path.join(ROOT, "bench", "quantize",
                                          "train_braille_like.py"), work,
         "--test-files", str(args.held_out)])
    braille = (256, 12)
    cnn = (60, 2, 34, 34)

    def inputs(name, shape, density, seed):
        cal = random_input(os.path.join(work, f"{name}-cal.npy"), shape,
                           density, seed)
        held = [random_input(os.path.join(work, f"{name}-{k}.npy"), shape,
                             density, seed + 1 + k)
                for k in range(args.held_out)]
        return cal, held

    braille_in = inputs("braille", braille, 0.1, 1)
    cnn_in = inputs("cnn", cnn, 0.05, 7)
    bias = os.path.join(work, "braille-bias.nir")
    nobias = os.path.join(work, "braille-nobias.nir")
    trained = os.path.join(work, "braille-trained.nir")
    task_in = (os.path.join(work, "braille-calib-0.npy"),
               [os.path.join(work, f"braille-test-{k}.npy")
                for k in range(args.held_out)])
    cnn_model = os.path.join(ROOT, "test", "Inputs", "nir", "cnn_sinabs.nir")
    cuba = ["--dt", "1e-4", "--cuba-current", "same-step"]
    rows = [
        ("12-38-7 CubaLIF, biases, reset to zero", bias, cuba, "spinnaker2",
         braille_in),
        ("12-38-7 CubaLIF, biases, reset to zero", bias, cuba,
         "fpga-artix7-100t", braille_in),
        ("12-38-7 CubaLIF, no biases, subtract reset", nobias,
         cuba + ["--reset", "subtract"], "spinnaker2", braille_in),
        ("12-38-7 CubaLIF trained (Braille-like), task patterns", trained,
         cuba + ["--reset", "subtract"], "spinnaker2", task_in),
        ("12-38-7 CubaLIF trained (Braille-like), task patterns, "
         "calibrated on 8", trained, cuba + ["--reset", "subtract"],
         "spinnaker2",
         (os.path.join(work, "braille-calib-concat.npy"), task_in[1])),
        ("12-38-7 CubaLIF trained (Braille-like), random spikes", trained,
         cuba + ["--reset", "subtract"], "spinnaker2", braille_in),
        ("Sinabs CNN, subtract reset, 60 steps at 5%", cnn_model,
         ["--dt", "1", "--reset", "subtract"], "spinnaker2", cnn_in),
    ]
    print(f"Calibrated on one input, evaluated on {args.held_out} held-out "
          "inputs (pooled).\n")
    print("| network | target | method | held-out agreement | held-out rate "
          "corr. | held-out spikes float / quantized | calibration agreement "
          "| quantize time |")
    print("|---|---|---|---|---|---|---|---|")
    for r, (title, model, flags, target, (cal, held)) in enumerate(rows):
        if args.only not in title:
            continue
        floats = spikes(model, flags, held, work, f"float{r}")
        for name, method in METHODS:
            report = os.path.join(work, "report.json")
            quantized = os.path.join(work, "q.mlir")
            start = time.perf_counter()
            run([os.path.join(BIN, "snc"), "quantize", model, *flags,
                 "--target", target, "--calibrate", cal, *method,
                 "-o", quantized, "--report", report, "--quiet"])
            seconds = time.perf_counter() - start
            with open(report) as f:
                calibration = json.load(f)["outputs"][0]["spike_agreement"]
            agreement, corr, nf, nq = compare(
                floats, spikes(quantized, [], held, work, "q"))
            print(f"| {title} | {target} | {name} | {100 * agreement:.2f}% | "
                  f"{'-' if corr is None else f'{corr:.3f}'} | {nf} / {nq} | "
                  f"{100 * calibration:.2f}% | {seconds:.2f} s |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
