#!/usr/bin/env python3
"""Writes a spike-driven transformer (Yao et al. 2023, "Spike-driven
Transformer", V1) in the snn dialect:

  patch embedding  conv2d 2 -> D channels, kernel = stride = PATCH, on a
                   2 x 32 x 32 spike frame: D features x N = 64 tokens
  2 encoder blocks, with membrane shortcuts (the residual stream u is a
                   current, summed before each neuron that reads it; each
                   reader has its own copy of the projections, since the
                   quantizer scales a projection for the one population
                   it feeds):
      s = SN(u);  q, k, v = SN(Linear(s))          (three [N, D] spike maps)
      u = u + Linear(SDSA(q, k, v))                 SDSA: mask[d] =
                   (sum_n q[n,d] k[n,d]) > threshold, out = mask (.) v
      u = u + Linear(SN(Linear(SN(u))))             MLP, hidden H
  classifier       SN(u), a per-token Linear to 10 classes averaged over the
                   tokens, and 10 output neurons.

SN is a LIF neuron with tau = 2 steps, threshold 1, reset to 0 (the
spikingjelly neuron the paper uses). The residual stream is [D, 8, 8] (the
tokens on their patch grid) and the per-token Linear a 1 x 1 conv2d over
it (the paper's kernel-1 Conv1d over the flattened grid); attention
reads [tokens, features], so q, k and v pass through a transposing
sparse_projection (one synapse per element), and the attention output
through the inverse one. BatchNorm is left out (folded, it would be a
per-channel scale and bias).

Weights are random (Python's random, --seed), NOT trained: the network
shows the family end to end, not a task. Usage:
    python3 examples/spike_driven_transformer/make_sdt.py -o sdt.mlir
"""
import argparse
import random

IMAGE = (2, 32, 32)   # polarity x height x width (DVS-like)
PATCH = 4             # 32 / 4 = 8 x 8 = 64 tokens
CLASSES = 10


class Network:
    """Writes the ops of one snn.network, one per line."""

    def __init__(self, rng):
        self.rng = rng
        self.lines = []

    def normal(self, std, *shape):
        if len(shape) == 1:
            return [self.rng.gauss(0.0, std) for _ in range(shape[0])]
        return [self.normal(std, *shape[1:]) for _ in range(shape[0])]

    @staticmethod
    def literal(values):
        if isinstance(values, list):
            return "[" + ", ".join(Network.literal(v) for v in values) + "]"
        return f"{values:.4f}"

    @staticmethod
    def tensor(shape, element):
        return "tensor<" + "x".join(str(s) for s in shape) + "x" + element + ">"

    def op(self, result, text):
        self.lines.append(f"  %{result} = {text}")
        return result

    def lif(self, name, x, shape):
        f32, i1 = self.tensor(shape, "f32"), self.tensor(shape, "i1")
        return self.op(name.replace(".", "_"), f'snn.lif %{x} {{name = "{name}", tau = dense<2.0e-3> : tensor<f32>, r = dense<2.0> : tensor<f32>, v_leak = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>}} : {f32} -> {i1}')

    def linear(self, name, x, cin, cout, grid, element, std=None,
               weight=None):
        """Per-token Linear over [cin, *grid] (tokens on a 1-D or 2-D grid):
        a conv1d or conv2d with kernel 1, with random weights (std) or the
        given ones ([cout][cin])."""
        w = self.kernel(weight or self.normal(std, cout, cin), len(grid))
        kernel = [1] * len(grid)
        ones = ", ".join("1" for _ in grid)
        zeros = ", ".join("0" for _ in grid)
        return self.op(name.replace(".", "_"), f'snn.conv{len(grid)}d %{x} {{name = "{name}", weight = dense<{self.literal(w)}> : {self.tensor([cout, cin, *kernel], "f32")}, stride = array<i64: {ones}>, padding = array<i64: {zeros}>, dilation = array<i64: {ones}>, groups = 1}} : {self.tensor([cin, *grid], element)} -> {self.tensor([cout, *grid], "f32")}')

    @staticmethod
    def kernel(matrix, rank):
        """[cout][cin] as a kernel-1 convolution weight of this rank."""
        def wrap(v):
            for _ in range(rank):
                v = [v]
            return v
        return [[wrap(v) for v in row] for row in matrix]

    def transpose(self, name, x, in_shape, out_shape, element):
        """[A, *rest] (B elements in rest) -> out_shape holding [B, A] in
        row-major order: one weight-1 synapse per element (a
        sparse_projection reads a rank-1 input: flattened first)."""
        a = in_shape[0]
        size = 1
        for dim in in_shape:
            size *= dim
        b = size // a
        flat = self.op(name.replace(".", "_") + "_flat", f'snn.flatten %{x} {{start_dim = 0 : i64, end_dim = {len(in_shape) - 1} : i64}} : {self.tensor(in_shape, element)} -> {self.tensor([size], element)}')
        row_ptr = ", ".join(str(i) for i in range(size + 1))
        targets = ", ".join(str((i % b) * a + i // b) for i in range(size))
        return self.op(name.replace(".", "_"), f'snn.sparse_projection %{flat} {{name = "{name}", row_ptr = array<i64: {row_ptr}>, targets = array<i64: {targets}>, weights = dense<1.0> : tensor<f32>}} : {self.tensor([size], element)} -> {self.tensor(out_shape, "f32")}')

    def add(self, name, xs, shape):
        operands = ", ".join(f"%{x}" for x in xs)
        return self.op(name.replace(".", "_"), f'snn.add {operands} {{name = "{name}"}} : {self.tensor(shape, "f32")}')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--features", type=int, default=64, help="D")
    parser.add_argument("--hidden", type=int, default=64,
                        help="MLP hidden width H")
    parser.add_argument("--blocks", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.0,
                        help="SDSA mask threshold on the column sums")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()

    d, h = args.features, args.hidden
    side = IMAGE[1] // PATCH
    n = side * side
    grid = [side, side]          # the residual stream is [D, 8, 8]
    net = Network(random.Random(args.seed))
    c = IMAGE[0]

    # The residual stream u is a sum of projections (patch embedding,
    # attention and MLP outputs). The quantizer scales a projection for the
    # one population it feeds, so every neuron that reads u gets its own
    # copy of each term (same weights): on hardware these are separate
    # synapses anyway.
    w_patch = net.normal(0.6, d, c, PATCH, PATCH)

    def patch(consumer):
        return net.op(f"patch_to_{consumer}".replace(".", "_"), f'snn.conv2d %x {{name = "patch_embed.to_{consumer}", weight = dense<{net.literal(w_patch)}> : {net.tensor([d, c, PATCH, PATCH], "f32")}, stride = array<i64: {PATCH}, {PATCH}>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1}} : {net.tensor(IMAGE, "i1")} -> {net.tensor([d, *grid], "f32")}')

    residual = [patch]

    def stream(consumer):
        """The residual stream's current into `consumer`'s neurons."""
        terms = [term(consumer) for term in residual]
        if len(terms) == 1:
            return terms[0]
        return net.add(f"residual.to_{consumer}", terms, [d, *grid])

    std = 2.0 / d ** 0.5
    for b in range(1, args.blocks + 1):
        p = f"block{b}"
        s = net.lif(f"{p}.sn", stream(f"{p}.sn"), [d, *grid])
        qkv = []
        for role in "qkv":
            x = net.linear(f"{p}.{role}_linear", s, d, d, grid, "i1", std)
            t = net.transpose(f"{p}.{role}_tokens", x, [d, *grid], [n, d],
                              "f32")
            qkv.append(net.lif(f"{p}.{role}", t, [n, d]))
        a = net.op(f"{p}_sdsa", f'snn.attention %{qkv[0]}, %{qkv[1]}, %{qkv[2]} {{name = "{p}.sdsa", form = #snn<attention spike_driven>, threshold = {args.threshold:.1f}}} : {net.tensor([n, d], "i1")} -> {net.tensor([n, d], "i1")}')
        w_proj = net.normal(std, d, d)

        def attn_proj(consumer, p=p, a=a, w=w_proj):
            at = net.transpose(f"{p}.sdsa_features.to_{consumer}", a, [n, d],
                               [d, *grid], "i1")
            return net.linear(f"{p}.attn_proj.to_{consumer}", at, d, d, grid,
                              "f32", weight=w)

        residual.append(attn_proj)
        s2 = net.lif(f"{p}.mlp_sn", stream(f"{p}.mlp_sn"), [d, *grid])
        hc = net.linear(f"{p}.mlp_fc1", s2, d, h, grid, "i1", std)
        hs = net.lif(f"{p}.mlp_hidden", hc, [h, *grid])
        w_fc2 = net.normal(2.0 / h ** 0.5, d, h)

        def mlp_out(consumer, p=p, hs=hs, w=w_fc2):
            return net.linear(f"{p}.mlp_fc2.to_{consumer}", hs, h, d, grid,
                              "i1", weight=w)

        residual.append(mlp_out)

    # Classifier: per-token scores, averaged over the tokens.
    s = net.lif("head.sn", stream("head.sn"), [d, *grid])
    scores = net.linear("head.linear", s, d, CLASSES, grid, "i1",
                        4.0 / d ** 0.5)
    row_ptr = ", ".join(str(i) for i in range(CLASSES * n + 1))
    targets = ", ".join(str(i // n) for i in range(CLASSES * n))
    flat = net.op("scores_flat", f'snn.flatten %{scores} {{start_dim = 0 : i64, end_dim = 2 : i64}} : {net.tensor([CLASSES, *grid], "f32")} -> {net.tensor([CLASSES * n], "f32")}')
    mean = net.op("logits", f'snn.sparse_projection %{flat} {{name = "head.token_mean", row_ptr = array<i64: {row_ptr}>, targets = array<i64: {targets}>, weights = dense<{1.0 / n}> : tensor<f32>}} : {net.tensor([CLASSES * n], "f32")} -> {net.tensor([CLASSES], "f32")}')
    out = net.lif("head.out", mean, [CLASSES])

    text = (f"// Generated by examples/spike_driven_transformer/make_sdt.py "
            f"--features {d} --hidden {h} --blocks {args.blocks} "
            f"--seed {args.seed}:\n"
            f"// a spike-driven transformer, {n} tokens x {d} features; "
            f"random weights, not trained.\n"
            f"snn.network @sdt(%x: {net.tensor(IMAGE, 'i1')}) -> "
            f"(classes: {net.tensor([CLASSES], 'i1')}) {{\n"
            + "\n".join(net.lines) + "\n"
            f"  snn.output %{out} : {net.tensor([CLASSES], 'i1')}\n}}\n")
    with open(args.output, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
