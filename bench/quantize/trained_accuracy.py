#!/usr/bin/env python3
"""The trained Braille-like network's classification accuracy, float and
quantized for spinnaker2 (5-bit weights) by each method, on all its test
patterns (the class is the output neuron with the most spikes), with the
output spike agreement over the same patterns. Calibrated on one training
pattern and on 8 concatenated.

Run from anywhere after `bash scripts/build.sh`, with Debian's Python
(h5py, NumPy); a few minutes (one `snc run` per pattern and method):
  /usr/bin/python3 bench/quantize/trained_accuracy.py
"""
import os
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import BIN, METHODS, ROOT, run  # noqa: E402

FLAGS = ["--dt", "1e-4", "--cuba-current", "same-step", "--reset",
         "subtract"]
# The methods that matter on this network (run.py has them all).
SHOWN = ["max-abs", "search + adaptive rnd.", "max-abs + fine state",
         "search + adaptive rnd. + fine state"]


def outputs(model, flags, patterns, work):
    """Output spikes on every pattern, (patterns, steps, 7) bools."""
    target = os.path.join(work, "out.npy")
    spikes = []
    for path in patterns:
        run([os.path.join(BIN, "snc"), "run", model, *flags, "-i", path,
             "-o", target])
        spikes.append(np.load(target) != 0)
    return np.stack(spikes)


def main():
    work = tempfile.mkdtemp(prefix="snc-bench-trained-")
    # 350 test patterns: all of them.
    run(["/usr/bin/python3", os.path.join(ROOT, "bench", "quantize",
                                          "train_braille_like.py"), work,
         "--test-files", "350"])
    labels = np.load(os.path.join(work, "braille-test-labels.npy"))
    patterns = [os.path.join(work, f"braille-test-{k}.npy")
                for k in range(len(labels))]
    model = os.path.join(work, "braille-trained.nir")
    ref = outputs(model, FLAGS, patterns, work)
    ref_class = ref.sum(axis=1).argmax(axis=1)
    print(f"float: accuracy {100 * (ref_class == labels).mean():.1f}% on "
          f"{len(labels)} test patterns\n")
    print("| calibration | method | accuracy | same class as float | "
          "output spike agreement |")
    print("|---|---|---|---|---|")
    for cal_name, cal in [("1 training pattern", "braille-calib-0.npy"),
                          ("8 training patterns", "braille-calib-concat.npy")]:
        for name, method in METHODS:
            if name not in SHOWN:
                continue
            quantized = os.path.join(work, "q.mlir")
            run([os.path.join(BIN, "snc"), "quantize", model, *FLAGS,
                 "--target", "spinnaker2", "--calibrate",
                 os.path.join(work, cal), *method, "-o", quantized,
                 "--quiet"])
            q = outputs(quantized, [], patterns, work)
            q_class = q.sum(axis=1).argmax(axis=1)
            print(f"| {cal_name} | {name} | "
                  f"{100 * (q_class == labels).mean():.1f}% | "
                  f"{100 * (q_class == ref_class).mean():.1f}% | "
                  f"{100 * (q == ref).mean():.2f}% |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
