#!/usr/bin/python3
"""Writes the commands of a README's ```sh blocks as one bash script.

usage: extract_commands.py README.md -o SCRIPT [--no-skips]

Every command the README shows is run by a test (test/lit/readme), taken
from README.md itself, so the two cannot drift. The script:

* holds every ```sh block, in order; other blocks are not commands;
* joins backslash-continued lines and drops `# comments` (a `#` that starts
  a word outside quotes), as the shell reads them;
* runs under `set -euo pipefail`, so the first failing command fails it,
  and traces each command (`set -x`, `+ ` on stderr) so a test can check
  the output that follows a command;
* skips the commands in SKIPPED below, each by its exact text, with the
  reason as a comment. A skipped command missing from the README is an
  error, so the list cannot go stale;
* runs a block fenced as ```sh requires=PROGRAM (GitHub still shows it as
  sh) only if PROGRAM is on PATH, as lit's REQUIRES does; otherwise it
  prints that it left the block out. The count of commands run says how
  many ran.

With --no-skips (the READMEs of examples/, whose every command runs), no
command is skipped.

The script runs from the directory the README's paths are relative to.
Errors name the README, the line and the problem; nothing is written then.
"""
import os
import re
import sys

# Commands the test cannot run, each with the reason.
SKIPPED = {
    # The README's first block: what to run on a fresh machine.
    "bash scripts/test.sh":
        "runs the whole test suite, this test included, so it would "
        "recurse; CI runs it itself",
    # "Building by hand": the steps scripts/build.sh and scripts/test.sh
    # take (bash scripts/setup.sh and ninja -C build -j2 do run).
    "cmake -G Ninja -S . -B build -DCMAKE_BUILD_TYPE=Release":
        "would configure the build under test anew, from a directory that "
        "is not its source tree and as Release (the ASan build too); "
        "scripts/build.sh, which scripts/quickstart.sh runs, configures "
        "the same way",
    "ctest --test-dir build --output-on-failure":
        "runs the whole test suite, this test included, so it would "
        "recurse; scripts/test.sh runs it, as CI does",
}


# What `requires=` may name: a program, looked up on PATH.
PROGRAM = re.compile(r"[A-Za-z0-9._+-]+")


class ReadmeError(Exception):
    pass


def sh_blocks(text, name):
    """(first line number, lines, required program or None) of every ```sh
    block."""
    blocks = []
    block = None
    for number, line in enumerate(text.splitlines(), 1):
        fence = line.strip()
        if block is None:
            if fence.startswith("```"):
                block = (number, fence[3:].strip(), [])
        elif fence == "```":
            info = block[1].split()
            if info and info[0] == "sh":
                required = None
                for word in info[1:]:
                    key, _, value = word.partition("=")
                    if key != "requires" or not PROGRAM.fullmatch(value):
                        raise ReadmeError(
                            f"{name}:{block[0]}: unknown ```sh option "
                            f"'{word}' (known: requires=PROGRAM, a program "
                            "name)")
                    required = value
                blocks.append((block[0] + 1, block[2], required))
            block = None
        else:
            block[2].append(line)
    if block is not None:
        raise ReadmeError(f"{name}:{block[0]}: the ``` block is not closed")
    return blocks


def commands(first, lines, name):
    """(line number, command) of every logical line of a block: backslash
    continuations joined, comments dropped, blank lines left out."""
    result = []
    text = "\n".join(lines) + "\n"
    current, start, quote = "", first, None
    line = first
    i = 0
    while i < len(text):
        c = text[i]
        if quote == "'":
            current += c
            quote = None if c == "'" else quote
        elif quote == '"':
            current += c
            if c == "\\" and i + 1 < len(text):
                current += text[i + 1]
                i += 1
            elif c == '"':
                quote = None
        elif c in "'\"":
            current += c
            quote = c
        elif c == "\\" and text[i + 1:i + 2] == "\n":
            # A continuation: the next line's indentation becomes one space.
            i += 2
            line += 1
            while i < len(text) and text[i] in " \t":
                i += 1
            current = current.rstrip() + " "
            continue
        elif c == "\\" and i + 1 < len(text):
            current += c + text[i + 1]
            i += 1
        elif c == "#" and (not current or current[-1] in " \t;|&"):
            while text[i] != "\n":
                i += 1
            continue
        elif c == "\n":
            if current.strip():
                result.append((start, current.strip()))
            current = ""
            line += 1
            start = line
        else:
            current += c
        if c == "\n" and quote:
            line += 1
        i += 1
    if quote:
        raise ReadmeError(f"{name}:{start}: unterminated {quote} quote")
    return result


def script(readme, skipped_commands):
    name = os.path.basename(readme)
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    blocks = sh_blocks(text, name)
    if not blocks:
        raise ReadmeError(f"{name}: no ```sh blocks")
    out = [
        "#!/usr/bin/env bash",
        f"# The commands of {name}'s ```sh blocks, written by",
        "# test/readme/extract_commands.py: do not edit.",
        "set -euo pipefail",
        "trap 'echo \"README command failed with exit code $?: "
        "$BASH_COMMAND\" >&2' ERR",
        "readme_required=0  # commands run of ```sh requires= blocks",
        "set -x",
    ]
    ran, skipped = 0, set()
    for first, lines, required in blocks:
        out.append("")
        if required:
            out.append(f"if command -v {required} > /dev/null; then")
        block_ran = 0
        for number, command in commands(first, lines, name):
            out.append(f"# {name}:{number}")
            if command in skipped_commands:
                out.append(f"# skipped: {command}")
                out.append(f"# ({skipped_commands[command]})")
                skipped.add(command)
                continue
            out.append(command)
            block_ran += 1
        if not required:
            ran += block_ran
            continue
        out += [f"readme_required=$((readme_required + {block_ran}))",
                "else",
                f"echo '{name}:{first - 1}: left out (needs "
                f"{required} on PATH)'",
                "fi"]
    stale = [c for c in skipped_commands if c not in skipped]
    if stale:
        raise ReadmeError(
            f"{name}: skipped command '{stale[0]}' is no longer in the "
            "README; remove it from SKIPPED in test/readme/"
            "extract_commands.py")
    out += ["", "set +x",
            f"echo \"{name}: $(({ran} + readme_required)) commands ran, "
            f"{len(skipped)} skipped\"", ""]
    return "\n".join(out)


def main(argv):
    no_skips = argv[4:] == ["--no-skips"]
    if len(argv) != 4 + no_skips or argv[2] != "-o":
        print("usage: extract_commands.py README.md -o SCRIPT [--no-skips]",
              file=sys.stderr)
        return 1
    try:
        text = script(argv[1], {} if no_skips else SKIPPED)
    except ReadmeError as e:
        print(f"extract_commands.py: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"extract_commands.py: error: {argv[1]}: {e.strerror}",
              file=sys.stderr)
        return 1
    with open(argv[3], "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
