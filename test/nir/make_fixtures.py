#!/usr/bin/python3
"""Writes small NIR files for snc's NIR import tests.

usage: make_fixtures.py OUTDIR

Only h5py and NumPy; no network; the same bytes on every run. The files
follow the layout of the `nir` Python package: a string dataset `version`,
a group `node` holding the root NIRGraph, one group per node with a
variable-length UTF-8 string dataset `type` and one dataset per parameter
(numpy's dtype: float32 or float64 parameters, int64 shapes and window
sizes), a `nodes` group and an (N, 2) string dataset `edges` per NIRGraph.
NIR 0.1/0.2 files give Input and Output a `shape` dataset; nir >= 1.0 adds
`input_type` / `output_type` groups and a `metadata` group.

README.md beside this script says what each fixture checks. The parameter
values, so that a test can check them without opening the files:

prim-affine     Input (3,) -> Affine -> Output (2,), float32:
                weight [[1, 2, 3], [4, 5, 6]], bias [0.5, -0.5]
prim-linear     Input (3,) -> Linear -> Output (2,), float32:
                weight [[1, 0, -1], [0.5, 0.5, 0.5]]
prim-conv1d     Input (2, 8) -> Conv1d -> Output (3, 8), float32:
                weight (3, 2, 3), weight[o, c, k] = o + 1; bias [0, 0.5, -0.5];
                stride 1, padding 1, dilation 1, groups 1 (int64 scalars, as
                nir writes Conv1d's ints); input_shape 8
prim-conv2d     Input (2, 6, 6) -> Conv2d -> Output (4, 3, 3), float32:
                weight (4, 2, 3, 3), weight[o, c, i, j] = o + 1;
                bias [0.1, 0.2, 0.3, 0.4]; stride (2, 2), padding (1, 1),
                dilation (1, 1), groups 1 (scalar); input_shape (6, 6)
prim-sumpool2d  Input (2, 4, 4) -> SumPool2d -> Output (2, 2, 2):
                kernel_size (2, 2), stride (2, 2), padding (0, 0)
prim-avgpool2d  the same with AvgPool2d
prim-flatten    Input (2, 3, 4) -> Flatten -> Output (24,):
                start_dim 0, end_dim -1, input_type (2, 3, 4)
prim-scale      Input (3,) -> Scale -> Output (3,): scale [1, 2, 0.5]
prim-threshold  Input (3,) -> Threshold -> Output (3,): threshold [0.5, 1, 1.5]
prim-delay      Input (2,) -> Delay -> Output (2,): delay [3e-4, 3e-4] s
prim-i          Input (2,) -> I -> Output (2,): r [1, 2]
prim-if         Input (2,) -> IF -> Output (2,): r [1, 1],
                v_threshold [1, 2], v_reset [0, 0.5]
prim-li         Input (2,) -> LI -> Output (2,): tau [0.01, 0.02], r [1, 1],
                v_leak [0, 0.5]
prim-lif        Input (2,) -> LIF -> Output (2,): tau [0.01, 0.02], r [1, 2],
                v_leak [0, 0], v_threshold [1, 1], v_reset [0, 0.25]
prim-cubali     Input (2,) -> CubaLI -> Output (2,): tau_syn [0.005, 0.005],
                tau_mem [0.01, 0.02], r [1, 1], v_leak [0, 0], w_in [1, 2]
prim-cubalif    Input (2,) -> CubaLIF -> Output (2,): tau_syn [0.005, 0.005],
                tau_mem [0.01, 0.02], r [1, 1], v_leak [0, 0],
                v_threshold [1, 1], v_reset [0, 0.25], w_in [1, 2]
All primitive files use version "0.2.0" and float32 parameters.
"""
import os
import sys

import h5py
import numpy as np

F32, F64, I64 = np.float32, np.float64, np.int64


def f32(values):
    return np.array(values, dtype=F32)


def f64(values):
    return np.array(values, dtype=F64)


def i64(values):
    return np.array(values, dtype=I64)


# Nodes are dicts as nir's to_dict() gives them: "type" plus parameters
# (numpy arrays), sub-dicts for groups, and for a NIRGraph "nodes" (a dict
# of nodes) and "edges" (a list of (source, destination) pairs).


def inp(*shape):
    return {"type": "Input", "shape": i64(shape)}


def out(*shape):
    return {"type": "Output", "shape": i64(shape)}


def graph(nodes, edges, **extra):
    return {"type": "NIRGraph", "nodes": nodes, "edges": edges, **extra}


def chain(*named):
    """A sequential graph of (name, node) pairs."""
    nodes = dict(named)
    names = [name for name, _ in named]
    return graph(nodes, list(zip(names, names[1:])))


def affine(weight, bias, dtype=F32):
    return {"type": "Affine", "weight": np.array(weight, dtype=dtype),
            "bias": np.array(bias, dtype=dtype)}


def lif(n, dtype=F32, v_reset=True):
    node = {"type": "LIF",
            "tau": np.full(n, 0.01, dtype=dtype),
            "r": np.ones(n, dtype=dtype),
            "v_leak": np.zeros(n, dtype=dtype),
            "v_threshold": np.ones(n, dtype=dtype)}
    if v_reset:
        node["v_reset"] = np.zeros(n, dtype=dtype)
    return node


def write_node(group, node, compress):
    for key, value in node.items():
        if key == "edges":
            write_edges(group, value)
        elif key == "nodes" or isinstance(value, dict):
            sub = group.create_group(key)
            if key == "nodes":
                for name, child in value.items():
                    write_node(sub.create_group(name), child, compress)
            else:
                write_node(sub, value, compress)
        elif isinstance(value, str):
            group.create_dataset(key, data=value, dtype=h5py.string_dtype())
        elif isinstance(value, np.ndarray):
            # nir >= 1.0 gzips its arrays; h5py cannot filter scalars.
            gzip = compress and value.ndim > 0
            options = {"compression": "gzip"} if gzip else {}
            group.create_dataset(key, data=value, dtype=value.dtype, **options)
        else:
            raise TypeError(f"{group.name}/{key}: cannot write {value!r}")


def write_edges(group, edges):
    if not edges:
        # What nir writes through h5py for an empty edge list.
        group.create_dataset("edges", data=np.zeros((0,), dtype=F64))
        return
    group.create_dataset("edges", data=np.array(edges, dtype=object),
                         dtype=h5py.string_dtype())


def write(outdir, name, root, version="0.2.0", compress=False):
    path = os.path.join(outdir, name)
    with h5py.File(path, "w") as f:
        f.create_dataset("version", data=version, dtype=h5py.string_dtype())
        write_node(f.create_group("node"), root, compress)
    return path


def primitives(outdir):
    def prim(name, node, in_shape, out_shape):
        write(outdir, f"prim-{name}.nir",
              chain(("input", inp(*in_shape)), (name, node),
                    ("output", out(*out_shape))))

    prim("affine", affine([[1, 2, 3], [4, 5, 6]], [0.5, -0.5]), (3,), (2,))
    prim("linear", {"type": "Linear",
                    "weight": f32([[1, 0, -1], [0.5, 0.5, 0.5]])}, (3,), (2,))
    w1 = np.zeros((3, 2, 3), dtype=F32)
    for o in range(3):
        w1[o] = o + 1
    prim("conv1d", {"type": "Conv1d", "weight": w1,
                    "bias": f32([0, 0.5, -0.5]),
                    "stride": i64(1), "padding": i64(1), "dilation": i64(1),
                    "groups": i64(1), "input_shape": i64(8)}, (2, 8), (3, 8))
    w2 = np.zeros((4, 2, 3, 3), dtype=F32)
    for o in range(4):
        w2[o] = o + 1
    prim("conv2d", {"type": "Conv2d", "weight": w2,
                    "bias": f32([0.1, 0.2, 0.3, 0.4]), "stride": i64([2, 2]),
                    "padding": i64([1, 1]), "dilation": i64([1, 1]),
                    "groups": i64(1), "input_shape": i64([6, 6])},
         (2, 6, 6), (4, 3, 3))
    for kind in ("SumPool2d", "AvgPool2d"):
        prim(kind.lower(), {"type": kind, "kernel_size": i64([2, 2]),
                            "stride": i64([2, 2]), "padding": i64([0, 0])},
             (2, 4, 4), (2, 2, 2))
    prim("flatten", {"type": "Flatten", "start_dim": i64(0),
                     "end_dim": i64(-1), "input_type": i64([2, 3, 4])},
         (2, 3, 4), (24,))
    prim("scale", {"type": "Scale", "scale": f32([1, 2, 0.5])}, (3,), (3,))
    prim("threshold", {"type": "Threshold", "threshold": f32([0.5, 1, 1.5])},
         (3,), (3,))
    prim("delay", {"type": "Delay", "delay": f32([3e-4, 3e-4])}, (2,), (2,))
    prim("i", {"type": "I", "r": f32([1, 2])}, (2,), (2,))
    prim("if", {"type": "IF", "r": f32([1, 1]), "v_threshold": f32([1, 2]),
                "v_reset": f32([0, 0.5])}, (2,), (2,))
    prim("li", {"type": "LI", "tau": f32([0.01, 0.02]), "r": f32([1, 1]),
                "v_leak": f32([0, 0.5])}, (2,), (2,))
    prim("lif", {"type": "LIF", "tau": f32([0.01, 0.02]), "r": f32([1, 2]),
                 "v_leak": f32([0, 0]), "v_threshold": f32([1, 1]),
                 "v_reset": f32([0, 0.25])}, (2,), (2,))
    prim("cubali", {"type": "CubaLI", "tau_syn": f32([0.005, 0.005]),
                    "tau_mem": f32([0.01, 0.02]), "r": f32([1, 1]),
                    "v_leak": f32([0, 0]), "w_in": f32([1, 2])}, (2,), (2,))
    prim("cubalif", {"type": "CubaLIF", "tau_syn": f32([0.005, 0.005]),
                     "tau_mem": f32([0.01, 0.02]), "r": f32([1, 1]),
                     "v_leak": f32([0, 0]), "v_threshold": f32([1, 1]),
                     "v_reset": f32([0, 0.25]), "w_in": f32([1, 2])},
         (2,), (2,))


def structures(outdir):
    # An edge names the subgraph itself: its only Input / Output is meant.
    inner = chain(("in", inp(2)), ("lif", lif(2)), ("out", out(2)))
    write(outdir, "nested-by-name.nir", graph(
        {"input": inp(3), "affine": affine([[1, 0, 0], [0, 1, 0]], [0, 0]),
         "inner": inner, "output": out(2)},
        [("input", "affine"), ("affine", "inner"), ("inner", "output")]))

    # Edges name ports as "sub.in" / "deep.out", two levels deep:
    # input -> sub.in -> sub.scale -> sub.deep.in -> sub.deep.lif
    #   -> sub.deep.out -> sub.out -> output
    deep = chain(("in", inp(2)), ("lif", lif(2)), ("out", out(2)))
    sub = graph({"in": inp(2),
                 "scale": {"type": "Scale", "scale": f32([2, 3])},
                 "deep": deep, "out": out(2)},
                [("in", "scale"), ("scale", "deep.in"), ("deep.out", "out")])
    write(outdir, "nested-dotted.nir", graph(
        {"input": inp(2), "sub": sub, "output": out(2)},
        [("input", "sub.in"), ("sub.out", "output")]))

    # NIR 0.1: Input/Output `shape`, no v_reset, version 0.1.1.
    write(outdir, "layout-v01.nir", chain(
        ("input", inp(2)), ("affine", affine([[1, 0], [0, 1]], [0, 0])),
        ("lif", lif(2, v_reset=False)), ("output", out(2))), version="0.1.1")

    # nir >= 1.0 (dataclasses.asdict): input_type / output_type groups on
    # every node and the graph (keyed by its Input / Output node names),
    # gzip-compressed arrays, metadata groups (one string, one number).
    def typed(node, shape_in, shape_out):
        return {**node, "input_type": {"input": i64(shape_in)},
                "output_type": {"output": i64(shape_out)}}

    v1_in = {"type": "Input", "shape": i64([2]),
             "input_type": {"input": i64([2])}}
    v1_out = {"type": "Output", "shape": i64([2]),
              "output_type": {"output": i64([2])}}
    v1_lif = typed(lif(2), [2], [2])
    v1_lif["metadata"] = {"neuron": "lif", "index": i64(7)}
    write(outdir, "layout-v1.nir", {
        **chain(("input", v1_in),
                ("affine", typed(affine([[1, 0], [0, 1]], [0, 0]), [2], [2])),
                ("lif", v1_lif), ("output", v1_out)),
        "input_type": {"input": i64([2])},
        "output_type": {"output": i64([2])},
        "metadata": {"source": "snc make_fixtures", "dt": f64(1e-4)},
    }, version="1.0.0", compress=True)

    # float64 and float32 parameters side by side.
    write(outdir, "mixed-dtypes.nir", chain(
        ("input", inp(2)),
        ("affine", {"type": "Affine", "weight": f64([[1, 0], [0, 1]]),
                    "bias": f32([0, 0])}),
        ("lif", {"type": "LIF", "tau": f32([0.01, 0.01]), "r": f64([1, 1]),
                 "v_leak": f32([0, 0]), "v_threshold": f64([1, 1]),
                 "v_reset": f32([0, 0])}),
        ("output", out(2))))

    # The LIF's size (4) comes from the Affine; every parameter is a scalar
    # (shape ()) or has shape (1,).
    write(outdir, "broadcast.nir", chain(
        ("input", inp(4)), ("affine", affine(np.eye(4), np.zeros(4))),
        ("lif", {"type": "LIF", "tau": f32(0.01), "r": f32([1]),
                 "v_leak": f32(0), "v_threshold": f32([1]),
                 "v_reset": f32(0)}),
        ("output", out(4))))

    # NIR's defaults: v_reset 0 (LIF, IF, CubaLIF), w_in 1 (CubaLIF).
    write(outdir, "defaults.nir", graph(
        {"input": inp(2), "lif": lif(2, v_reset=False),
         "if": {"type": "IF", "r": f32([1, 1]), "v_threshold": f32([1, 1])},
         "cubalif": {"type": "CubaLIF", "tau_syn": f32([0.005, 0.005]),
                     "tau_mem": f32([0.01, 0.01]), "r": f32([1, 1]),
                     "v_leak": f32([0, 0]), "v_threshold": f32([1, 1])},
         "output_lif": out(2), "output_if": out(2), "output_cubalif": out(2)},
        [("input", "lif"), ("lif", "output_lif"),
         ("input", "if"), ("if", "output_if"),
         ("input", "cubalif"), ("cubalif", "output_cubalif")]))

    # input -> affine -> lif, lif -> linear -> lif (the loop), lif -> output.
    write(outdir, "recurrent.nir", graph(
        {"input": inp(2),
         "affine": affine([[1, 0], [0, 1], [1, 1]], [0, 0, 0]),
         "lif": lif(3),
         "linear": {"type": "Linear",
                    "weight": f32([[0, 0.5, 0], [0, 0, 0.5], [0.5, 0, 0]])},
         "output": out(3)},
        [("input", "affine"), ("affine", "lif"), ("lif", "linear"),
         ("linear", "lif"), ("lif", "output")]))

    # Two Inputs of different sizes, two Outputs:
    # input_a -> affine_a -> lif -> output_a
    # input_b -> affine_b -> lif,  affine_b -> li -> output_b
    write(outdir, "multi-io.nir", graph(
        {"input_a": inp(2), "input_b": inp(3),
         "affine_a": affine([[1, 0], [0, 1]], [0, 0]),
         "affine_b": affine([[1, 1, 0], [0, 1, 1]], [0, 0]),
         "lif": lif(2),
         "li": {"type": "LI", "tau": f32([0.02, 0.02]), "r": f32([1, 1]),
                "v_leak": f32([0, 0])},
         "output_a": out(2), "output_b": out(2)},
        [("input_a", "affine_a"), ("affine_a", "lif"), ("lif", "output_a"),
         ("input_b", "affine_b"), ("affine_b", "lif"), ("affine_b", "li"),
         ("li", "output_b")]))

    # Plain node names with dots (as torch module paths give them).
    write(outdir, "dotted-names.nir", chain(
        ("input", inp(2)), ("layer.0", affine([[1, 0], [0, 1]], [0, 0])),
        ("layer.1", lif(2)), ("output", out(2))))


def malformed(outdir):
    def bad(name, root):
        return write(outdir, f"bad-{name}.nir", root)

    with open(os.path.join(outdir, "bad-not-hdf5.nir"), "w") as f:
        f.write("this is a text file, not an HDF5 file\n")

    # A valid file (prim-conv2d's network) cut to half its bytes.
    path = os.path.join(outdir, "bad-truncated.nir")
    bad("truncated", chain(
        ("input", inp(2, 6, 6)),
        ("conv", {"type": "Conv2d", "weight": np.ones((4, 2, 3, 3), dtype=F32),
                  "bias": f32([0, 0, 0, 0]), "stride": i64([2, 2]),
                  "padding": i64([1, 1]), "dilation": i64([1, 1]),
                  "groups": i64(1)}),
        ("output", out(4, 3, 3))))
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[:len(data) // 2])

    # A Conv2d with stride 0 (the output shape would divide by it) and a
    # SumPool2d whose window is larger than its (2, 4, 4) input.
    bad("conv-stride", chain(
        ("input", inp(2, 6, 6)),
        ("conv", {"type": "Conv2d", "weight": np.ones((4, 2, 3, 3), dtype=F32),
                  "bias": f32([0, 0, 0, 0]), "stride": i64([0, 2]),
                  "padding": i64([1, 1]), "dilation": i64([1, 1]),
                  "groups": i64(1), "input_shape": i64([6, 6])}),
        ("output", out(4, 3, 3))))
    def conv2d(stride, padding, dilation):
        return chain(
            ("input", inp(2, 6, 6)),
            ("conv", {"type": "Conv2d",
                      "weight": np.ones((4, 2, 3, 3), dtype=F32),
                      "bias": f32([0, 0, 0, 0]), "stride": i64(stride),
                      "padding": i64(padding), "dilation": i64(dilation),
                      "groups": i64(1), "input_shape": i64([6, 6])}),
            ("output", out(4, 6, 6)))
    bad("conv-dilation", conv2d([1, 1], [1, 1], [1, 0]))
    bad("conv-padding", conv2d([1, 1], [-1, 1], [1, 1]))
    bad("pool-kernel", chain(
        ("input", inp(2, 4, 4)),
        ("pool", {"type": "AvgPool2d", "kernel_size": i64([0, 2]),
                  "stride": i64([1, 1]), "padding": i64([0, 0])}),
        ("output", out(2, 4, 3))))
    bad("pool-window", chain(
        ("input", inp(2, 4, 4)),
        ("pool", {"type": "SumPool2d", "kernel_size": i64([5, 5]),
                  "stride": i64([1, 1]), "padding": i64([0, 0])}),
        ("output", out(2, 1, 1))))

    # An edge leaving the Output node; a Conv2d with an empty `groups` and
    # three strides; a Flatten with an empty `start_dim`.
    bad("output-edge", graph(
        {"input": inp(2), "lif": lif(2), "output": out(2),
         "scale": {"type": "Scale", "scale": f32([1, 1])}},
        [("input", "lif"), ("lif", "output"), ("output", "scale"),
         ("scale", "lif")]))
    bad("conv-groups", chain(
        ("input", inp(2, 6, 6)),
        ("conv", {"type": "Conv2d", "weight": np.ones((4, 2, 3, 3), dtype=F32),
                  "bias": f32([0, 0, 0, 0]), "stride": i64([1, 1]),
                  "padding": i64([1, 1]), "dilation": i64([1, 1]),
                  "groups": np.zeros((0,), dtype=I64)}),
        ("output", out(4, 6, 6))))
    bad("conv-strides", chain(
        ("input", inp(2, 6, 6)),
        ("conv", {"type": "Conv2d", "weight": np.ones((4, 2, 3, 3), dtype=F32),
                  "bias": f32([0, 0, 0, 0]), "stride": i64([1, 1, 1]),
                  "padding": i64([1, 1]), "dilation": i64([1, 1]),
                  "groups": i64(1)}),
        ("output", out(4, 6, 6))))
    bad("flatten-dims", chain(
        ("input", inp(2, 3)),
        ("flatten", {"type": "Flatten", "start_dim": np.zeros((0,), dtype=I64),
                     "end_dim": i64(-1)}),
        ("output", out(6))))

    # A top-level node named "sub.lif" beside a subgraph "sub" holding "lif":
    # both flatten to the path sub.lif.
    inner = chain(("in", inp(2)), ("lif", lif(2)), ("out", out(2)))
    bad("flat-collision", graph(
        {"input": inp(2), "sub": inner, "sub.lif": lif(2), "output": out(2)},
        [("input", "sub.lif"), ("sub.lif", "sub"), ("sub", "output")]))

    # Two subgraphs that only forward (in -> out), each feeding the other:
    # output_b's value would be its own. Nothing else reaches the loop.
    def forward():
        return chain(("in", inp(2)), ("out", out(2)))
    bad("passthrough-loop", graph(
        {"input": inp(2), "lif": lif(2), "output_a": out(2),
         "sub1": forward(), "sub2": forward(), "output_b": out(2)},
        [("input", "lif"), ("lif", "output_a"), ("sub1", "sub2"),
         ("sub2", "sub1"), ("sub1", "output_b")]))

    bad("unknown-type", chain(("input", inp(2)),
                              ("foo", {"type": "Foo", "gain": f32([1, 1])}),
                              ("output", out(2))))
    no_tau = lif(2)
    del no_tau["tau"]
    bad("missing-dataset", chain(("input", inp(2)), ("lif", no_tau),
                                 ("output", out(2))))
    string_tau = lif(2)
    string_tau["tau"] = "0.01"
    bad("dtype", chain(("input", inp(2)), ("lif", string_tau),
                       ("output", out(2))))
    bad("rank", chain(("input", inp(3)),
                      ("affine", {"type": "Affine", "weight": f32([1, 2, 3]),
                                  "bias": f32([0, 0, 0])}),
                      ("output", out(3))))
    bad("shape-mismatch", chain(
        ("input", inp(3)), ("affine", affine(np.ones((4, 3)), np.zeros(4))),
        ("lif", lif(3)), ("output", out(3))))
    bad("missing-edge-node", graph(
        {"input": inp(2), "lif": lif(2), "output": out(2)},
        [("input", "lif"), ("lif", "nowhere"), ("lif", "output")]))
    # A self-sustaining loop, so that every node but the missing Input has
    # an incoming edge.
    bad("no-input", graph(
        {"lif": lif(2), "linear": {"type": "Linear",
                                   "weight": f32([[0, 1], [1, 0]])},
         "output": out(2)},
        [("lif", "linear"), ("linear", "lif"), ("lif", "output")]))
    bad("no-output", chain(("input", inp(2)),
                           ("affine", affine([[1, 0], [0, 1]], [0, 0])),
                           ("lif", lif(2))))
    # input -> affine -> scale -> affine: a cycle without a neuron or delay.
    bad("algebraic-loop", graph(
        {"input": inp(2), "affine": affine([[1, 0], [0, 1]], [0, 0]),
         "scale": {"type": "Scale", "scale": f32([0.5, 0.5])},
         "output": out(2)},
        [("input", "affine"), ("affine", "scale"), ("scale", "affine"),
         ("scale", "output")]))


def huge_declared(outdir):
    """Datasets that declare far more elements than their file holds: chunked
    datasets whose chunks were never written (libhdf5 reads them as fill
    values, so the declared size is all the reader knows)."""
    def replace(path, group, name, shape, dtype):
        with h5py.File(path, "a") as f:
            del f[group][name]
            f[group].create_dataset(name, shape=shape, dtype=dtype,
                                    chunks=(1,) * (len(shape) - 1) + (4096,))

    # A LIF whose `tau` declares (1, 2^30) float64 values: 8 GiB.
    path = write(outdir, "bad-huge-tau.nir", chain(
        ("input", inp(2)), ("lif", lif(2)), ("output", out(2))))
    replace(path, "node/nodes/lif", "tau", (1, 2 ** 30), F64)

    # A Conv2d whose `padding` declares 2^28 int64 values.
    path = write(outdir, "bad-huge-padding.nir", chain(
        ("input", inp(2, 6, 6)),
        ("conv", {"type": "Conv2d", "weight": np.ones((4, 2, 3, 3), dtype=F32),
                  "bias": f32([0, 0, 0, 0]), "stride": i64([1, 1]),
                  "padding": i64([1, 1]), "dilation": i64([1, 1]),
                  "groups": i64(1)}),
        ("output", out(4, 6, 6))))
    replace(path, "node/nodes/conv", "padding", (2 ** 28,), I64)


def heap_object(data, payload):
    """The offset of the header of the global-heap object holding `payload`
    (a variable-length string h5py wrote). A global heap collection starts
    with "GCOL"; each object is a 16-byte header (index u16, reference
    count u16, reserved u32, size u64) followed by its bytes."""
    start = data.find(b"GCOL")
    if start < 0:
        raise ValueError("no global heap collection")
    size = int.from_bytes(data[start + 8:start + 16], "little")
    body = data.find(payload + b"\0", start, start + size)
    if body < 0:
        raise ValueError(f"no global heap object {payload!r}")
    header = body - 16
    if int.from_bytes(data[header + 8:header + 16], "little") != len(payload):
        raise ValueError(f"{payload!r} is not a whole heap object")
    return header


def corrupt_heap(outdir):
    """Copies of test/Inputs/nir/lif_norse.nir with its global heap (the
    variable-length strings: the version and every node's `type`) damaged
    the ways that break libhdf5 itself (issue 13)."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "..", "Inputs", "nir", "lif_norse.nir")
    with open(source, "rb") as f:
        data = f.read()

    # The Input node's `type` ("Input") claims 2^64 - 1 bytes: H5HG_read
    # copies past the heap and segfaults.
    huge = bytearray(data)
    header = heap_object(data, b"Input")
    huge[header + 8:header + 16] = b"\xff" * 8
    with open(os.path.join(outdir, "bad-heap-crash.nir"), "wb") as f:
        f.write(huge)

    # 13 zero bytes over the header of the first object (the version
    # string): the heap's parser never advances and H5C_protect spins.
    spin = bytearray(data)
    header = heap_object(data, b"0.1.1")
    spin[header:header + 13] = bytes(13)
    with open(os.path.join(outdir, "bad-heap-hang.nir"), "wb") as f:
        f.write(spin)


def cuba_recurrent(outdir):
    """An snnTorch-style recurrent CubaLIF graph (the architecture of the NIR
    paper's Braille task, smaller): input (6) -> fc1 -> lif1 (10), lif1 ->
    rec -> lif1, lif1 -> fc2 -> lif2 (4) -> output. float64, parameters as
    snnTorch's exporter writes them for dt = 1e-4 s, alpha = 0.55 and
    beta = 0.8: tau_syn = dt/(1 - alpha), tau_mem = dt/(1 - beta),
    r = tau_mem/dt, w_in = tau_syn/dt, v_leak 0, threshold 1, v_reset 0.
    The recurrent Affine has a bias, which reaches lif1 from step 0."""
    dt, alpha, beta = 1e-4, 0.55, 0.8
    rng = np.random.default_rng(2024)

    def cuba(n):
        tau_syn, tau_mem = dt / (1 - alpha), dt / (1 - beta)
        return {"type": "CubaLIF", "tau_syn": np.full(n, tau_syn),
                "tau_mem": np.full(n, tau_mem),
                "r": np.full(n, tau_mem / dt), "v_leak": np.zeros(n),
                "v_threshold": np.ones(n), "v_reset": np.zeros(n),
                "w_in": np.full(n, tau_syn / dt)}

    write(outdir, "cuba-recurrent.nir", graph(
        {"input": {"type": "Input", "shape": i64([6])},
         "fc1": affine(rng.normal(-0.05, 0.3, (10, 6)),
                       rng.normal(0, 0.05, 10), dtype=F64),
         "lif1": cuba(10),
         "rec": affine(rng.normal(0, 0.3, (10, 10)),
                       rng.normal(0.05, 0.05, 10), dtype=F64),
         "fc2": affine(rng.uniform(-0.4, 0.45, (4, 10)),
                       rng.normal(0, 0.05, 4), dtype=F64),
         "lif2": cuba(4),
         "output": {"type": "Output", "shape": i64([4])}},
        [("input", "fc1"), ("fc1", "lif1"), ("lif1", "rec"), ("rec", "lif1"),
         ("lif1", "fc2"), ("fc2", "lif2"), ("lif2", "output")]))


def main(argv):
    if len(argv) != 2:
        print("usage: make_fixtures.py OUTDIR", file=sys.stderr)
        return 2
    outdir = argv[1]
    try:
        os.makedirs(outdir, exist_ok=True)
        primitives(outdir)
        structures(outdir)
        cuba_recurrent(outdir)
        malformed(outdir)
        corrupt_heap(outdir)
        huge_declared(outdir)
    except Exception as e:  # noqa: BLE001 - report any failure, then exit 1
        print(f"make_fixtures.py: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
