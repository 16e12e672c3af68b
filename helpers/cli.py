"""Command line: `python -m helpers {extract,evaluate,report} ...`.

Each subcommand's options and work live in the module of its stage (`add_arguments` and
`run`), so this file only wires them together.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# subcommand -> (module, help)
COMMANDS = {
    "extract": ("helpers.runner", "read a corpus and write mentions, incidents, documents"),
    "evaluate": ("helpers.evaluate", "score mentions (and incidents) against gold annotations"),
    "report": ("helpers.report", "run the notebooks with papermill and render HTML reports"),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one subparser per stage command."""
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        importlib.import_module(module).add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen command; return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(importlib.import_module(args._module).run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
