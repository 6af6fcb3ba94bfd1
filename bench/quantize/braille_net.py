#!/usr/bin/env python3
"""Writes snnTorch-style recurrent CubaLIF networks with the NIR paper's
Braille-reading architecture, 12 inputs -> 38 recurrent -> 7 outputs, as NIR
files (fixed seed; the same bytes on every run):

  braille-bias.nir    Affine layers with biases (for reset to zero)
  braille-nobias.nir  Linear layers without biases (for subtract reset),
                      sparser

Parameters as snnTorch's exporter writes them for dt = 1e-4 s,
alpha = 0.55 (synapse) and beta = 0.85 (membrane): tau_syn = dt/(1 - alpha),
tau_mem = dt/(1 - beta), r = tau_mem/dt, w_in = tau_syn/dt, v_leak 0,
threshold 1, v_reset 0. Run with Debian's /usr/bin/python3 (h5py, NumPy).

usage: braille_net.py OUTDIR
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "test", "nir"))
from make_fixtures import graph, write  # noqa: E402

DT, ALPHA, BETA = 1e-4, 0.55, 0.85
N_IN, N_HIDDEN, N_OUT = 12, 38, 7


def cuba(n):
    tau_syn, tau_mem = DT / (1 - ALPHA), DT / (1 - BETA)
    return {"type": "CubaLIF", "tau_syn": np.full(n, tau_syn),
            "tau_mem": np.full(n, tau_mem), "r": np.full(n, tau_mem / DT),
            "v_leak": np.zeros(n), "v_threshold": np.ones(n),
            "v_reset": np.zeros(n), "w_in": np.full(n, tau_syn / DT)}


def projection(weight, bias):
    if bias is None:
        return {"type": "Linear", "weight": weight}
    return {"type": "Affine", "weight": weight, "bias": bias}


def network(rng, biases, w1_mean, w2_mean):
    w1 = rng.normal(w1_mean, 0.3, (N_HIDDEN, N_IN))
    wr = rng.normal(-0.02, 0.15, (N_HIDDEN, N_HIDDEN))
    w2 = rng.normal(w2_mean, 0.3 if biases else 0.25, (N_OUT, N_HIDDEN))
    b1 = rng.normal(0.0, 0.03, N_HIDDEN) if biases else None
    br = rng.normal(0.02, 0.03, N_HIDDEN) if biases else None
    b2 = rng.normal(0.01, 0.03, N_OUT) if biases else None
    return graph(
        {"input": {"type": "Input", "shape": np.array([N_IN], dtype=np.int64)},
         "fc1": projection(w1, b1), "lif1": cuba(N_HIDDEN),
         "rec": projection(wr, br), "fc2": projection(w2, b2),
         "lif2": cuba(N_OUT),
         "output": {"type": "Output",
                    "shape": np.array([N_OUT], dtype=np.int64)}},
        [("input", "fc1"), ("fc1", "lif1"), ("lif1", "rec"), ("rec", "lif1"),
         ("lif1", "fc2"), ("fc2", "lif2"), ("lif2", "output")])


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    os.makedirs(argv[1], exist_ok=True)
    # The second, sparser (as the was: about a hundred output
    # spikes in 256 steps), mostly inhibitory towards the output.
    write(argv[1], "braille-bias.nir",
          network(np.random.default_rng(15), True, 0.05, 0.0))
    write(argv[1], "braille-nobias.nir",
          network(np.random.default_rng(15), False, -0.03, -0.08))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
