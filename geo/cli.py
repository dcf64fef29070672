"""The command line: ``python -m geo <command>``; each command lives in :mod:`geo.commands`.

Commands parse arguments, call one public library function and format its result; tests call
:func:`main` with an argument list and check the return code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from geo.commands import build, evaluate, events, extract, frontline, ingest, stories, train_ner

__all__ = ["main"]

#: Modules exposing ``register(subparsers)``; add a command by adding its module here.
COMMANDS = (extract, evaluate, frontline, build, events, train_ner, ingest, stories)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    try:
        code: int = args.func(args)
    except BrokenPipeError:
        # The reader left early (``python -m geo extract … | head``): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code
