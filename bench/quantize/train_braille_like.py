#!/usr/bin/env python3
"""Trains the NIR paper's Braille-reading architecture, 12 inputs -> 38
recurrent CubaLIF -> 7 CubaLIF, without biases and with subtract reset, on a
synthetic Braille-like task, and writes it as an snnTorch-style NIR file
(as braille_net.py writes its untrained networks; fixed seed, NumPy only).

The task: a fingertip with 6 taxels (3 rows x 2 columns) slides over one of
the 7 letters a-g (dots in a 3 x 2 cell); each taxel has an ON and an OFF
channel (12 inputs), which fire a short burst when a dot comes under the
taxel and when it leaves (as a sigma-delta encoding of the pressure would).
Every sample varies the start time and the sliding speed, jitters every
spike, drops some, adds cross-talk to neighbouring rows and background
noise. 256 steps per sample.

The network runs exactly as snc imports it (docs/semantics.md, Euler,
`--dt 1e-4 --cuba-current same-step --reset subtract`):
  i = alpha*i + W_in x[t] + W_rec s[t-1];  v = beta*v + i;
  s = v > 1;  v -= s
and the same without recurrence at the output. It is trained with
surrogate-gradient BPTT (fast-sigmoid surrogate, reset detached from the
gradient as snnTorch does) on the cross-entropy of the output spike counts,
Adam; the class is the output neuron with the most spikes.

Writes to OUTDIR:
  braille-trained.nir        the trained network (float32 parameters)
  braille-test-K.npy         test patterns (256, 12), K < --test-files
  braille-test-labels.npy    their classes
  braille-calib-K.npy        training patterns for calibration, K < 8
  braille-calib-concat.npy   the 8 of them concatenated (2048 steps)
  braille-test-0.expected.npy  this script's output spikes on test pattern 0
and prints the float accuracy on the training and test sets.

usage: train_braille_like.py OUTDIR [--quick] [--test-files N]
Run with Debian's /usr/bin/python3 (h5py, NumPy).
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "test", "nir"))
from make_fixtures import graph, write  # noqa: E402

DT, ALPHA, BETA = 1e-4, 0.55, 0.85
N_IN, N_HIDDEN, N_OUT = 12, 38, 7
STEPS = 256
LOGIT_SCALE, LEARNING_RATE = 0.2, 2e-3
F32 = np.float32

# Braille dots 1-3 are the left column top to bottom, 4-6 the right one.
LETTERS = {"a": [1], "b": [1, 2], "c": [1, 4], "d": [1, 4, 5],
           "e": [1, 5], "f": [1, 2, 4], "g": [1, 2, 4, 5]}


def sample(rng, dots):
    """One (STEPS, 12) spike pattern of a letter read by the sliding
    fingertip: channel 2*taxel is ON, 2*taxel + 1 is OFF, taxel = 2*row +
    column."""
    x = np.zeros((STEPS, N_IN), dtype=F32)
    start = rng.uniform(16, 48)
    speed = rng.uniform(0.85, 1.15)  # steps per nominal step

    def burst(channel, t, mean_count):
        for _ in range(rng.poisson(mean_count)):
            s = int(round(t + rng.normal(0, 1.5) + rng.integers(0, 4)))
            if 0 <= s < STEPS and rng.random() > 0.15:
                x[s, channel] = 1

    for dot in dots:
        row, column = (dot - 1) % 3, (dot - 1) // 3
        for taxel_column in range(2):
            # The right taxel column reaches a dot first.
            onset = start + speed * (30 * column + 60 * (1 - taxel_column))
            release = onset + speed * 16
            taxel = 2 * row + taxel_column
            burst(2 * taxel, onset, 3.0)
            burst(2 * taxel + 1, release, 2.5)
            for neighbour in (row - 1, row + 1):
                if 0 <= neighbour < 3 and rng.random() < 0.3:
                    burst(2 * (2 * neighbour + taxel_column), onset, 1.0)
    x[rng.random(x.shape) < 0.004] = 1
    return x


def dataset(rng, per_class):
    xs, ys = [], []
    for label, dots in enumerate(LETTERS.values()):
        for _ in range(per_class):
            xs.append(sample(rng, dots))
            ys.append(label)
    order = rng.permutation(len(ys))
    return np.stack(xs)[order], np.array(ys, dtype=np.int64)[order]


def spike(v):
    return (v > 1).astype(F32)


def surrogate(v):
    """Derivative of the fast sigmoid at v - threshold (slope 10)."""
    return 1.0 / (1.0 + 10.0 * np.abs(v - 1.0)) ** 2


def forward(p, x, keep=False):
    """Runs the batch x (B, T, 12); returns the output spikes (B, T, 7) and,
    with keep, what the backward pass needs."""
    b, steps = x.shape[0], x.shape[1]
    drive = x @ p["w1"].T  # (B, T, H)
    i1 = np.zeros((b, N_HIDDEN), F32)
    v1 = np.zeros_like(i1)
    s1 = np.zeros_like(i1)
    i2 = np.zeros((b, N_OUT), F32)
    v2 = np.zeros_like(i2)
    S1 = np.zeros((steps, b, N_HIDDEN), F32)
    V1 = np.zeros_like(S1)
    S2 = np.zeros((steps, b, N_OUT), F32)
    V2 = np.zeros_like(S2)
    wr_t, w2_t = p["wr"].T, p["w2"].T
    for t in range(steps):
        i1 = ALPHA * i1 + drive[:, t] + s1 @ wr_t
        v1 = BETA * v1 + i1
        s1 = spike(v1)
        V1[t] = v1
        v1 = v1 - s1
        S1[t] = s1
        i2 = ALPHA * i2 + s1 @ w2_t
        v2 = BETA * v2 + i2
        s2 = spike(v2)
        V2[t] = v2
        v2 = v2 - s2
        S2[t] = s2
    out = S2.transpose(1, 0, 2)
    return (out, (S1, V1, S2, V2)) if keep else out


def loss_and_grads(p, x, y, rate_weight):
    out, (S1, V1, S2, V2) = forward(p, x, keep=True)
    b, steps = x.shape[0], x.shape[1]
    counts = out.sum(axis=1)
    logits = LOGIT_SCALE * (counts - counts.max(axis=1, keepdims=True))
    prob = np.exp(logits)
    prob /= prob.sum(axis=1, keepdims=True)
    loss = -np.log(prob[np.arange(b), y] + 1e-12).mean()
    g_counts = prob.copy()
    g_counts[np.arange(b), y] -= 1
    g_counts *= LOGIT_SCALE / b
    # A small penalty on hidden activity above 5% keeps the hidden layer
    # from saturating (as snnTorch's examples regularize spike rates).
    rate = S1.mean(axis=(0, 2))  # per sample
    over = np.maximum(rate - 0.05, 0)
    loss += rate_weight * (over ** 2).mean()
    g_s1_rate = (2 * rate_weight * over / b / (steps * N_HIDDEN))[None, :, None]

    w2, wr = p["w2"], p["wr"]
    g_i1_all = np.zeros_like(S1)
    g_i2_all = np.zeros_like(S2)
    g_v1 = np.zeros((b, N_HIDDEN), F32)
    g_i1 = np.zeros_like(g_v1)
    g_v2 = np.zeros((b, N_OUT), F32)
    g_i2 = np.zeros_like(g_v2)
    for t in reversed(range(steps)):
        # Output layer: v2 (before its reset) feeds its spike, the next
        # step's membrane (the detached reset passes the gradient as is).
        g_v2 = g_counts * surrogate(V2[t]) + BETA * g_v2
        g_i2 = g_v2 + ALPHA * g_i2
        g_i2_all[t] = g_i2
        # Hidden spikes feed the output current now and the hidden current
        # one step later (g_i1 still holds step t + 1's).
        g_s1 = g_i2 @ w2 + g_i1 @ wr + g_s1_rate[0]
        g_v1 = g_s1 * surrogate(V1[t]) + BETA * g_v1
        g_i1 = g_v1 + ALPHA * g_i1
        g_i1_all[t] = g_i1
    prev = np.concatenate([np.zeros_like(S1[:1]), S1[:-1]])
    grads = {
        "w1": np.einsum("tbh,bti->hi", g_i1_all, x),
        "wr": np.einsum("tbh,tbj->hj", g_i1_all, prev),
        "w2": np.einsum("tbo,tbh->oh", g_i2_all, S1),
    }
    return loss, grads, counts


def accuracy(p, x, y, batch=128):
    hits = 0
    for k in range(0, len(y), batch):
        counts = forward(p, x[k:k + batch]).sum(axis=1)
        hits += int((counts.argmax(axis=1) == y[k:k + batch]).sum())
    return hits / len(y)


def train(rng, x, y, iterations, batch, log):
    p = {"w1": rng.normal(0, 1.5 / np.sqrt(N_IN), (N_HIDDEN, N_IN)),
         "wr": rng.normal(0, 0.5 / np.sqrt(N_HIDDEN), (N_HIDDEN, N_HIDDEN)),
         "w2": rng.normal(0, 1.5 / np.sqrt(N_HIDDEN), (N_OUT, N_HIDDEN))}
    p = {k: v.astype(F32) for k, v in p.items()}
    m = {k: np.zeros_like(v) for k, v in p.items()}
    s = {k: np.zeros_like(v) for k, v in p.items()}
    lr, b1, b2 = LEARNING_RATE, 0.9, 0.999
    for it in range(1, iterations + 1):
        pick = rng.choice(len(y), batch, replace=False)
        loss, grads, counts = loss_and_grads(p, x[pick], y[pick], 1.0)
        for k in p:
            m[k] = b1 * m[k] + (1 - b1) * grads[k]
            s[k] = b2 * s[k] + (1 - b2) * grads[k] ** 2
            step = lr * (m[k] / (1 - b1 ** it)) / (
                np.sqrt(s[k] / (1 - b2 ** it)) + 1e-8)
            p[k] = (p[k] - step).astype(F32)
        if log and (it % 100 == 0 or it == iterations):
            hit = (counts.argmax(axis=1) == y[pick]).mean()
            print(f"  iteration {it}: loss {loss:.3f}, batch accuracy "
                  f"{100 * hit:.0f}%", file=sys.stderr, flush=True)
    return p


def cuba(n):
    tau_syn, tau_mem = DT / (1 - ALPHA), DT / (1 - BETA)
    return {"type": "CubaLIF", "tau_syn": np.full(n, tau_syn, F32),
            "tau_mem": np.full(n, tau_mem, F32),
            "r": np.full(n, tau_mem / DT, F32),
            "v_leak": np.zeros(n, F32), "v_threshold": np.ones(n, F32),
            "v_reset": np.zeros(n, F32),
            "w_in": np.full(n, tau_syn / DT, F32)}


def network(p):
    return graph(
        {"input": {"type": "Input", "shape": np.array([N_IN], dtype=np.int64)},
         "fc1": {"type": "Linear", "weight": p["w1"]}, "lif1": cuba(N_HIDDEN),
         "rec": {"type": "Linear", "weight": p["wr"]},
         "fc2": {"type": "Linear", "weight": p["w2"]}, "lif2": cuba(N_OUT),
         "output": {"type": "Output",
                    "shape": np.array([N_OUT], dtype=np.int64)}},
        [("input", "fc1"), ("fc1", "lif1"), ("lif1", "rec"), ("rec", "lif1"),
         ("lif1", "fc2"), ("fc2", "lif2"), ("lif2", "output")])


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.strip().splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--quick", action="store_true",
                        help="a few iterations on a small set (smoke test)")
    parser.add_argument("--test-files", type=int, default=8,
                        help="test patterns written as .npy")
    args = parser.parse_args(argv[1:])
    start = time.perf_counter()
    rng = np.random.default_rng(2024)
    per_class, iterations, batch = (4, 3, 16) if args.quick else (150, 1000, 32)
    x_train, y_train = dataset(rng, per_class)
    x_test, y_test = dataset(rng, max(per_class // 3, 2))
    p = train(rng, x_train, y_train, iterations, batch, not args.quick)
    os.makedirs(args.outdir, exist_ok=True)
    write(args.outdir, "braille-trained.nir", network(p))
    for k in range(min(args.test_files, len(y_test))):
        np.save(os.path.join(args.outdir, f"braille-test-{k}.npy"), x_test[k])
    np.save(os.path.join(args.outdir, "braille-test-labels.npy"),
            y_test[:args.test_files])
    for k in range(min(8, len(y_train))):
        np.save(os.path.join(args.outdir, f"braille-calib-{k}.npy"),
                x_train[k])
    np.save(os.path.join(args.outdir, "braille-calib-concat.npy"),
            np.concatenate(list(x_train[:8])))
    np.save(os.path.join(args.outdir, "braille-test-0.expected.npy"),
            forward(p, x_test[:1])[0])
    print(f"float accuracy: train {100 * accuracy(p, x_train, y_train):.1f}% "
          f"({len(y_train)} patterns), test "
          f"{100 * accuracy(p, x_test, y_test):.1f}% ({len(y_test)} patterns)")
    print(f"time: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
