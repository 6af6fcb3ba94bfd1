#!/usr/bin/env python3
"""Checks that lower layers include no higher ones.

Usage: check_layering.py [repository root]

Every #include of the C++ files under each folder below must satisfy that
folder's rule; each violation is printed as path:line and the exit status is
1. ctest runs this as the test "layering".
"""

import os
import re
import sys

# Folders whose files may include, of the repository, only these paths (and
# of the rest only the standard library and third-party headers that are
# neither MLIR nor LLVM).
ONLY = [
    # The integer neuron semantics: plain C++ that simulators and hardware
    # harnesses link without MLIR.
    ("runtime/neuron", ["runtime/neuron/"]),
    # The many-core mapping algorithms: no MLIR, no dialect.
    ("passes/mapping", ["passes/mapping/", "runtime/neuron/"]),
    # The many-core simulator: its own machine model, the mapping's machine
    # and router model, the neuron semantics and spike files.
    ("runtime/manycore", ["runtime/manycore/", "runtime/neuron/",
                          "passes/mapping/", "runtime/Npy.h"]),
    # The SFQ pulse simulator: its netlists and the neuron semantics.
    ("runtime/sfq", ["runtime/sfq/", "runtime/neuron/"]),
]
# Headers these folders may never include, in any form.
NEVER_OUTSIDE_REPO = ("mlir/", "llvm/")

# Folders whose files must not include these paths.
NOT = [
    # Backends depend on the runtime, never the reverse.
    ("runtime", ["backends/"]),
    ("dialects", ["passes/", "runtime/", "backends/", "tools/"]),
]

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCES = (".h", ".cpp", ".inc", ".def")


def includes(root, folder):
    """Yields (path, line number, quote, included path) under `folder`."""
    for directory, _, files in os.walk(os.path.join(root, folder)):
        for name in sorted(files):
            if not name.endswith(SOURCES):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    match = INCLUDE.match(line)
                    if match:
                        yield (os.path.relpath(path, root), number,
                               match.group(1), match.group(2))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..")
    errors = []
    for folder, allowed in ONLY:
        if not os.path.isdir(os.path.join(root, folder)):
            errors.append(f"{folder}: missing folder")
            continue
        for path, number, quote, header in includes(root, folder):
            if header.startswith(NEVER_OUTSIDE_REPO):
                errors.append(f"{path}:{number}: includes {header} "
                              f"({folder} must not depend on MLIR or LLVM)")
            elif quote == '"' and not header.startswith(tuple(allowed)):
                errors.append(f"{path}:{number}: includes {header} "
                              f"({folder} may include only "
                              f"{', '.join(allowed)})")
    for folder, forbidden in NOT:
        for path, number, _, header in includes(root, folder):
            if header.startswith(tuple(forbidden)):
                errors.append(f"{path}:{number}: includes {header} "
                              f"({folder} must not include "
                              f"{', '.join(forbidden)})")
    for error in errors:
        print(error)
    if errors:
        print(f"{len(errors)} layering violation(s)")
        return 1
    print("layering: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
