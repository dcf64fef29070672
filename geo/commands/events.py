"""``python -m geo events PATH... [--format jsonl|json] [--published D] [--lang L]``.

Prints one JSON object per event (keys: :func:`geo.records.event_to_record`), in article and
text order; bad files are reported on stderr and the command exits 1 at the end if any failed.
"""

from __future__ import annotations

import argparse

from geo.commands._articles import add_article_arguments, print_records
from geo.records import event_to_record

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``events`` subcommand."""
    parser = subparsers.add_parser("events", help="print the events found in articles")
    add_article_arguments(parser)
    parser.set_defaults(
        func=lambda args: print_records(args, lambda ex: map(event_to_record, ex.events))
    )
