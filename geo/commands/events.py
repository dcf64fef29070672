"""``python -m geo events PATH... [--format jsonl|json] [--published D] [--lang L]``.

Prints one JSON object per event (keys: :func:`geo.records.event_to_record`), in article and
text order; bad files are reported on stderr and the command exits 1 at the end if any failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geo.batch import Failure, iter_extractions
from geo.commands.extract import _date_arg
from geo.records import event_to_record

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``events`` subcommand."""
    parser = subparsers.add_parser("events", help="print the events found in articles")
    parser.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    parser.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
    parser.add_argument("--published", type=_date_arg, help="override front matter (YYYY-MM-DD)")
    parser.add_argument("--lang", choices=("nb", "nn", "en"), help="override front matter")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    failures = 0
    records = []
    for item in iter_extractions(args.paths, published=args.published, lang=args.lang):
        if isinstance(item, Failure):
            failures += 1
            print(f"error: {item}", file=sys.stderr)
            continue
        for event in item.events:
            record = event_to_record(event)
            if args.format == "jsonl":
                print(json.dumps(record, ensure_ascii=False))
            else:
                records.append(record)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
    if failures:
        print(f"{failures} file(s) failed; the others were read.", file=sys.stderr)
    return 1 if failures else 0
