"""Checks a `snc quantize --report` file: its structure, that its numbers are
sane, and a lower bound on the output spike agreement."""
import argparse
import json
import math
import sys

parser = argparse.ArgumentParser()
parser.add_argument("report")
parser.add_argument("--min-output-agreement", type=float, required=True)
parser.add_argument("--layers", type=int, required=True)
args = parser.parse_args()

with open(args.report) as f:
    report = json.load(f)

errors = []
if len(report["layers"]) != args.layers:
    errors.append(f"{len(report['layers'])} layers, expected {args.layers}")
for layer in report["layers"]:
    name = layer["name"]
    if not (0 < layer["scale_min"] <= layer["scale_max"]):
        errors.append(f"{name}: bad scales {layer['scale_min']}..{layer['scale_max']}")
    if len(layer["scales"]) != layer["channels"]:
        errors.append(f"{name}: {len(layer['scales'])} scales for {layer['channels']} channels")
    w = layer["weights"]
    if not (0 <= w["clipping_rate"] <= 1 and w["clipped"] <= w["count"]):
        errors.append(f"{name}: bad clipping figures {w}")
    if not (0 <= w["relative_rmse"] < 1.5 and math.isfinite(w["rmse"])):
        errors.append(f"{name}: bad weight error {w}")
    if not (0 <= layer["spike_agreement"] <= 1):
        errors.append(f"{name}: bad agreement {layer['spike_agreement']}")
for output in report["outputs"]:
    agreement = output["spike_agreement"]
    if agreement < args.min_output_agreement:
        errors.append(f"output {output['name']}: agreement {agreement} < {args.min_output_agreement}")
    print(f"output {output['name']}: agreement {agreement:.4f}, "
          f"rate correlation {output['rate_correlation']}")
for error in errors:
    print("error:", error, file=sys.stderr)
sys.exit(1 if errors else 0)
