#!/usr/bin/python3
"""An independent NumPy model of a feed-forward NIR CNN (Conv2d, IF,
SumPool2d, Flatten, Affine), used to check `snc run` on cnn_sinabs.nir.

It reads the .nir file with h5py, not through snc, and integrates the IF
neurons as Sinabs' IAF does (v += r * x, spike when v > threshold, reset by
subtracting the threshold) in float64. It writes the output spikes of every
step as a (steps, outputs) uint8 array.

usage: reference_cnn.py MODEL.nir INPUT.npy OUTPUT.npy
"""
import sys

import h5py
import numpy as np


def conv2d(x, w, b, stride, pad, dil, groups):
    c, h, wd = x.shape
    cout, cin_g, kh, kw = w.shape
    x = np.pad(x, ((0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    ho = (h + 2 * pad[0] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    wo = (wd + 2 * pad[1] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    out = np.zeros((cout, ho, wo))
    per_group = cout // groups
    for o in range(cout):
        g = o // per_group
        for i in range(cin_g):
            for a in range(kh):
                for bb in range(kw):
                    rows = a * dil[0] + stride[0] * np.arange(ho)
                    cols = bb * dil[1] + stride[1] * np.arange(wo)
                    out[o] += w[o, i, a, bb] * x[g * cin_g + i][np.ix_(rows, cols)]
        out[o] += b[o]
    return out


def sum_pool(x, k, stride, pad):
    c, h, w = x.shape
    x = np.pad(x, ((0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    ho = (h + 2 * pad[0] - k[0]) // stride[0] + 1
    wo = (w + 2 * pad[1] - k[1]) // stride[1] + 1
    out = np.zeros((c, ho, wo))
    for a in range(k[0]):
        for b in range(k[1]):
            out += x[:, a:a + stride[0] * ho:stride[0], b:b + stride[1] * wo:stride[1]]
    return out


def main():
    model, inputs, output = sys.argv[1:4]
    f = h5py.File(model, "r")
    nodes = f["node/nodes"]
    edges = [(a.decode(), b.decode()) for a, b in f["node/edges"][()]]
    successor = dict(edges)
    chain, name = [], successor["input"]
    while name != "output":
        chain.append(name)
        name = successor[name]

    x_all = np.load(inputs).astype(np.float64)
    steps = x_all.shape[0]
    state = {}
    spikes_out = []
    for t in range(steps):
        x = x_all[t]
        for name in chain:
            n = nodes[name]
            kind = n["type"][()].decode()
            p = {k: n[k][()] for k in n if k != "type"}
            if kind == "Conv2d":
                x = conv2d(x, p["weight"], p["bias"], p["stride"], p["padding"],
                           p["dilation"], int(p["groups"]))
            elif kind == "SumPool2d":
                x = sum_pool(x, p["kernel_size"], p["stride"], p["padding"])
            elif kind == "Flatten":
                x = x.reshape(-1)
            elif kind == "Affine":
                x = p["weight"] @ x + p["bias"]
            elif kind == "IF":
                v = state.get(name, np.zeros_like(x)) + p["r"] * x
                s = v > p["v_threshold"]
                v = np.where(s, v - p["v_threshold"], v)
                state[name] = v
                x = s.astype(np.float64)
            else:
                sys.exit(f"reference_cnn.py: unsupported node type {kind}")
        spikes_out.append(x.astype(np.uint8))
    np.save(output, np.array(spikes_out))


if __name__ == "__main__":
    main()
