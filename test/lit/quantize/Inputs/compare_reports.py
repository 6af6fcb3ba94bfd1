"""Compares the output spike agreement of two `snc quantize --report`
files of one network: fails unless every output of the second agrees with
the float network at least as well as the first's. Prints both."""
import json
import sys

with open(sys.argv[1]) as f:
    base = json.load(f)
with open(sys.argv[2]) as f:
    other = json.load(f)
failed = False
for a, b in zip(base["outputs"], other["outputs"]):
    x, y = a["spike_agreement"], b["spike_agreement"]
    verdict = "ok" if y >= x else "WORSE"
    failed |= y < x
    print(f"{base['network']} output {a['name']}: {base['method']} "
          f"{100 * x:.2f}%, {other['method']} {100 * y:.2f}%: {verdict}")
sys.exit(1 if failed else 0)
