#!/usr/bin/python3
"""An independent NumPy model of NIR graphs of Affine and CubaLIF nodes
(recurrence allowed), used to check `snc run` on CubaLIF files.

It reads the .nir file with h5py, not through snc, and integrates NIR's
CubaLIF equations with forward Euler in float64 as NIR's reference
implementation does (paper/03_rnn/extras/debug_CubaLIF/nir_reference_impl.py
in the NIR repository):

    I' = I + dt/tau_syn (-I + w_in x)
    v' = v + dt/tau_mem (v_leak - v + r I_m)

where the membrane integrates I_m = I (the previous step's current: NIR's
reference implementation, Norse) or I_m = I' (this step's: snnTorch,
Lava-dl), chosen by the fourth argument. A neuron spikes when v' > v_threshold and is
reset to v_reset. Nodes run in depth-first order from the outputs; an edge
that closes a cycle reads its source's value from the previous step (zero
at step 0), so an Affine on a recurrent path adds its bias from step 0.

usage: reference_cuba.py MODEL.nir INPUT.npy DT previous|same OUTPUT.npy
"""
import sys

import h5py
import numpy as np


def main():
    model, inputs, dt, current, output = sys.argv[1:6]
    dt = float(dt)
    if current not in ("previous", "same"):
        sys.exit("CURRENT must be 'previous' or 'same'")
    f = h5py.File(model, "r")
    nodes = {name: f["node/nodes"][name] for name in f["node/nodes"]}
    kind = {name: g["type"][()].decode() for name, g in nodes.items()}
    edges = [(a.decode(), b.decode()) for a, b in f["node/edges"][()]]
    preds = {name: [a for a, b in edges if b == name] for name in nodes}
    params = {name: {k: g[k][()] for k in g if k != "type"}
              for name, g in nodes.items()}

    # Depth-first from the output; an edge to a node still on the stack is
    # a back edge and reads the previous step.
    order, state, back = [], {}, set()

    def visit(name):
        state[name] = "open"
        for p in preds[name]:
            if state.get(p) == "open":
                back.add((p, name))
            elif p not in state:
                visit(p)
        state[name] = "done"
        order.append(name)

    (out_name,) = [n for n in nodes if kind[n] == "Output"]
    visit(out_name)

    x = np.load(inputs).astype(np.float64)
    value = {n: np.zeros(0) for n in nodes}
    previous = dict(value)
    neuron = {n: {"I": np.zeros(len(params[n]["v_threshold"])),
                  "v": np.zeros(len(params[n]["v_threshold"]))}
              for n in nodes if kind[n] == "CubaLIF"}
    result = []
    for t in range(x.shape[0]):
        for n in order:
            def drive():
                terms = [previous[p] if (p, n) in back else value[p]
                         for p in preds[n]]
                terms = [a for a in terms if a.size]
                return sum(terms) if terms else None
            if kind[n] == "Input":
                value[n] = x[t].reshape(-1)
            elif kind[n] == "Affine":
                a = drive()
                w, b = params[n]["weight"], params[n]["bias"]
                value[n] = (w @ a if a is not None else 0) + b
            elif kind[n] == "CubaLIF":
                p, s = params[n], neuron[n]
                a = drive()
                if a is None:
                    a = np.zeros_like(s["v"])
                i_new = s["I"] + dt / p["tau_syn"] * (-s["I"] + p["w_in"] * a)
                i_m = s["I"] if current == "previous" else i_new
                v = s["v"] + dt / p["tau_mem"] * (p["v_leak"] - s["v"] +
                                                  p["r"] * i_m)
                spikes = v > p["v_threshold"]
                s["v"] = np.where(spikes, p["v_reset"], v)
                s["I"] = i_new
                value[n] = spikes.astype(np.float64)
            elif kind[n] == "Output":
                value[n] = drive()
            else:
                sys.exit(f"node '{n}': {kind[n]} is not modelled here")
        result.append(value[out_name].astype(np.uint8))
        previous = dict(value)
    np.save(output, np.array(result))


if __name__ == "__main__":
    main()
