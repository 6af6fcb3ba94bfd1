#!/usr/bin/env python3
"""Writes one Spikformer encoder block (Zhou et al. 2023, "Spikformer: When
Spiking Neural Network Meets Transformer") in the snn dialect, on an input
of N tokens x D features given as a [D, N] spike map:

  q, k, v = SN(Linear(x))                    three [N, D] spike maps
  a       = SN_attn(Q (K^T V) * scale)       SSA, then its neuron
                                             (threshold 0.5, as the paper's)
  o       = SN(Linear(a))
  x1      = x + o                            spike residual (values 0..2)
  x2      = x1 + SN(Linear(SN(Linear(x1))))  MLP, hidden H
  out     = SN(x2)                           what the next block reads

SN is a LIF neuron with tau = 2 steps, threshold 1, reset to 0. The
per-token Linear is a kernel-1 conv1d over [D, N] (the paper's Conv1d);
q, k and v are transposed to [tokens, features] by a sparse_projection,
and the residual adds of spike maps go through identity projections.
BatchNorm is left out. The SSA's exact expansion into neurons has
N^2 D^2 coincidence neurons (docs/semantics.md), so the block is small:
16 tokens x 16 features by default.

Weights are random (Python's random, --seed), NOT trained. Usage:
    python3 examples/spikformer/make_spikformer.py -o spikformer.mlir
"""
import argparse
import importlib.util
import os
import random
import sys

# The op writer of the spike-driven transformer's generator (no bytecode
# cache written into the source tree).
sys.dont_write_bytecode = True
_spec = importlib.util.spec_from_file_location(
    "make_sdt", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "..", "spike_driven_transformer", "make_sdt.py"))
make_sdt = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_sdt)


def identity(net, name, x, shape):
    """A spike map as a current of the same shape: weight-1 synapses."""
    size = shape[0] * shape[1]
    flat = net.op(name.replace(".", "_") + "_flat", f'snn.flatten %{x} {{start_dim = 0 : i64, end_dim = 1 : i64}} : {net.tensor(shape, "i1")} -> {net.tensor([size], "i1")}')
    indices = ", ".join(str(i) for i in range(size))
    return net.op(name.replace(".", "_"), f'snn.sparse_projection %{flat} {{name = "{name}", row_ptr = array<i64: {indices}, {size}>, targets = array<i64: {indices}>, weights = dense<1.0> : tensor<f32>}} : {net.tensor([size], "i1")} -> {net.tensor(shape, "f32")}')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--tokens", type=int, default=16, help="N")
    parser.add_argument("--features", type=int, default=16, help="D")
    parser.add_argument("--hidden", type=int, default=32,
                        help="MLP hidden width H")
    parser.add_argument("--scale", type=float, default=0.5,
                        help="SSA scale (the paper's 0.125 is for larger N, D)")
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()

    n, d, h = args.tokens, args.features, args.hidden
    net = make_sdt.Network(random.Random(args.seed))
    std = 2.0 / d ** 0.5
    grid = [n]                   # [D, N]: conv1d linears

    qkv = []
    for role in "qkv":
        c = net.linear(f"{role}_linear", "x", d, d, grid, "i1", std)
        t = net.transpose(f"{role}_tokens", c, [d, n], [n, d], "f32")
        qkv.append(net.lif(role, t, [n, d]))
    ssa = net.op("ssa", f'snn.attention %{qkv[0]}, %{qkv[1]}, %{qkv[2]} {{name = "ssa", form = #snn<attention spikformer>, scale = {args.scale}}} : {net.tensor([n, d], "i1")} -> {net.tensor([n, d], "f32")}')
    a = net.op("attn_sn", f'snn.lif %ssa {{name = "attn_sn", tau = dense<2.0e-3> : tensor<f32>, r = dense<2.0> : tensor<f32>, v_leak = dense<0.0> : tensor<f32>, v_threshold = dense<0.5> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>}} : {net.tensor([n, d], "f32")} -> {net.tensor([n, d], "i1")}')
    at = net.transpose("attn_features", a, [n, d], [d, n], "i1")
    o = net.lif("proj_sn", net.linear("proj_linear", at, d, d, grid, "f32",
                                      std), [d, n])
    # x1 = x + o feeds the MLP and the second residual. The quantizer
    # scales a projection for the one population it feeds, so each reader
    # gets its own projections of the spike maps x, o (and m): fc1(x1) is
    # fc1(x) + fc1(o) with the same weights.
    w_fc1 = net.normal(std, h, d)
    fc1 = net.add("mlp_fc1", [
        net.linear("mlp_fc1.x", "x", d, h, grid, "i1", weight=w_fc1),
        net.linear("mlp_fc1.proj", o, d, h, grid, "i1", weight=w_fc1)],
        [h, n])
    hs = net.lif("mlp_hidden", fc1, [h, n])
    m = net.lif("mlp_sn",
                net.linear("mlp_fc2", hs, h, d, grid, "i1", 2.0 / h ** 0.5),
                [d, n])
    x2 = net.add("residual", [identity(net, "x_identity", "x", [d, n]),
                              identity(net, "proj_identity", o, [d, n]),
                              identity(net, "mlp_identity", m, [d, n])],
                 [d, n])
    out = net.lif("out", x2, [d, n])

    text = (f"// Generated by examples/spikformer/make_spikformer.py "
            f"--tokens {n} --features {d} --hidden {h} --scale {args.scale} "
            f"--seed {args.seed}:\n"
            f"// one Spikformer block (SSA); random weights, not trained.\n"
            f"snn.network @spikformer(%x: {net.tensor([d, n], 'i1')}) -> "
            f"(out: {net.tensor([d, n], 'i1')}) {{\n"
            + "\n".join(net.lines) + "\n"
            f"  snn.output %{out} : {net.tensor([d, n], 'i1')}\n}}\n")
    with open(args.output, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
