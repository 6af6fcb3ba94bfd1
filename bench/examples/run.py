#!/usr/bin/env python3
"""Figures of the example models (examples/, issue 14): per example, after
quantization and lowering for its SpiNNaker2 target,

* neurons (the compiled populations' sizes, inputs left out), synapses
  (stored on the PEs) and PEs (inputs' included, as `snc compile` counts);
* output spike agreement of the quantized network with the float one on
  the example's input (`snc quantize --report`);
* wall time of `snc compile` and of `snc verify` (which compiles,
  simulates the images and runs the interpreter), best of --repeat runs;
* for the transformers, the attention blocks' share: the synapses into
  the populations snn-lower-attention made (their PEs' synapses), and the
  packets those populations send. A spiking neuron sends one multicast
  packet per spike, so a population's packets are its spikes (recorded by
  `snc run` on the compiled IR); their sum over the sending populations is
  checked against the simulator's packet count.

Run after `bash scripts/build.sh`, from anywhere:
  python3 bench/examples/run.py [--repeat N] [--only NAME ...]
It prints a Markdown table (examples/README.md holds one run's).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(ROOT, "build", "bin")
EXAMPLES = os.path.join(ROOT, "examples")

# name, model (or generator), model options, input shape/density/seed,
# target, attention op names (their lowered populations start with them).
CASES = [
    ("lsm", os.path.join(EXAMPLES, "lsm", "lsm.mlir"), ["--dt", "1e-3"],
     ("200,16", "0.2", "1"), "spinnaker2", []),
    ("lmu", os.path.join(EXAMPLES, "lmu", "lmu.mlir"), ["--dt", "1e-3"],
     ("300,8", "0.1", "3"), "spinnaker2", []),
    ("cnn_sinabs", os.path.join(ROOT, "test", "Inputs", "nir",
                                "cnn_sinabs.nir"),
     ["--dt", "1", "--reset", "subtract"], ("20,2,34,34", "0.05", "7"),
     "spinnaker2-48", []),
    ("spikformer", ("spikformer", "make_spikformer.py"), ["--dt", "1e-3"],
     ("8,16,16", "0.2", "4"), "spinnaker2-48", ["ssa"]),
    ("spike_driven_transformer",
     ("spike_driven_transformer", "make_sdt.py"), ["--dt", "1e-3"],
     ("8,2,32,32", "0.1", "5"), "spinnaker2-48",
     ["block1.sdsa", "block2.sdsa"]),
]


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True,
                          **kwargs)


def timed(args, repeat):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run(args)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def spikes(npy):
    """Total spikes of a recorded bool array (snc-npy spikes: one line per
    neuron, 'neuron: steps')."""
    out = run([os.path.join(BIN, "snc-npy"), "spikes", npy]).stdout
    return sum(len(line.split()) - 1 for line in out.splitlines())


def measure(case, work, repeat):
    name, model, options, (shape, density, seed), target, attention = case
    if isinstance(model, tuple):
        script = os.path.join(EXAMPLES, *model)
        model = os.path.join(work, name + ".mlir")
        run([sys.executable, script, "-o", model])
    x = os.path.join(work, name + "-in.npy")
    run([os.path.join(BIN, "snc-npy"), "random", "-o", x, "--shape", shape,
         "--density", density, "--seed", seed])
    q = os.path.join(work, name + "-q.mlir")
    report = os.path.join(work, name + "-q.json")
    run([os.path.join(BIN, "snc"), "quantize", model, *options, "--target",
         target, "--calibrate", x, "-o", q, "--report", report, "-q"])
    with open(report) as f:
        agreement = [o["spike_agreement"] for o in json.load(f)["outputs"]]

    out = os.path.join(work, name + "-out")
    compile_s, _ = timed([os.path.join(BIN, "snc"), "compile", q, "--target",
                          target, "-o", out, "-q"], repeat)
    verify_s, verified = timed([os.path.join(BIN, "snc"), "verify", q,
                                "--target", target, "-i", x], repeat)
    if "identical to the interpreter" not in verified.stdout:
        raise RuntimeError(f"{name}: verify did not match:\n{verified.stdout}")

    with open(os.path.join(out, "manifest.json")) as f:
        manifest = json.load(f)
    populations = manifest["populations"]
    neurons = sum(p["size"] for p in populations if not p["input"])
    synapses_of = {}
    for pe in manifest["pes"]:
        synapses_of[pe["population_name"]] = (
            synapses_of.get(pe["population_name"], 0) + pe["synapses"])
    synapses = sum(synapses_of.values())
    pes = len(manifest["pes"])

    row = dict(name=name, neurons=neurons, synapses=synapses, pes=pes,
               agreement=agreement, compile_s=compile_s, verify_s=verify_s)
    if attention:
        def is_attention(population):
            return any(population == a or population.startswith(a + ".")
                       for a in attention)
        att = [p for p in populations if is_attention(p["name"])]
        row["attention_neurons"] = sum(p["size"] for p in att)
        row["attention_synapses"] = sum(synapses_of.get(p["name"], 0)
                                        for p in att)
        # Packets: spikes of every population that sends (has a key).
        senders = {pe["population_name"] for pe in manifest["pes"]
                   if pe["sends"]}
        records, files = [], {}
        for p in populations:
            if p["name"] in senders and not p["input"]:
                files[p["name"]] = os.path.join(work, f"{name}-rec-{p['index']}.npy")
                records += ["--record", f"{p['name']}.out={files[p['name']]}"]
        run([os.path.join(BIN, "snc"), "run", os.path.join(out, "mapping.mlir"),
             "-i", x, "-o", os.path.join(work, name + "-y.npy"), *records])
        packets = {n: spikes(f) for n, f in files.items()}
        inputs = sum(spikes(x) for p in populations
                     if p["input"] and p["name"] in senders)
        total = sum(packets.values()) + inputs
        sim = run([os.path.join(BIN, "snc"), "simulate", out, "-i", x, "-o",
                   os.path.join(work, name + "-s.npy")]).stdout
        sent = int(re.search(r"packets: (\d+) sent", sim).group(1))
        if sent != total:
            raise RuntimeError(f"{name}: {total} spikes of sending "
                               f"populations, but {sent} packets sent")
        row["packets"] = sent
        row["attention_packets"] = sum(v for n, v in packets.items()
                                       if is_attention(n))
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="snc-bench-examples-")
    rows = [measure(c, work, args.repeat) for c in CASES
            if not args.only or c[0] in args.only]
    print("| example | neurons | synapses | PEs | output spike agreement "
          "float vs quantized | `snc compile` | `snc verify` |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        agree = ", ".join(f"{a * 100:.1f}%" for a in r["agreement"])
        print(f"| {r['name']} | {r['neurons']:,} | {r['synapses']:,} | "
              f"{r['pes']} | {agree} | {r['compile_s']:.2f} s | "
              f"{r['verify_s']:.2f} s |")
    attention = [r for r in rows if "attention_synapses" in r]
    if attention:
        print()
        print("| example | attention neurons | attention synapses (share) "
              "| attention packets (share) |")
        print("|---|---:|---:|---:|")
        for r in attention:
            print(f"| {r['name']} | {r['attention_neurons']:,} | "
                  f"{r['attention_synapses']:,} "
                  f"({100 * r['attention_synapses'] / r['synapses']:.1f}%) | "
                  f"{r['attention_packets']:,} of {r['packets']:,} "
                  f"({100 * r['attention_packets'] / max(r['packets'], 1):.1f}%) |")


if __name__ == "__main__":
    main()
