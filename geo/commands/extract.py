"""``python -m geo extract PATH... [--format jsonl|json] [--published D] [--lang L]``.

Prints one JSON object per article (keys: :mod:`geo.records`); bad files are reported on
stderr and the command exits 1 at the end if any failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from geo.batch import Failure, iter_extractions
from geo.records import extraction_to_record

__all__ = ["register"]


def _date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        msg = f"{value!r} is not a date; use YYYY-MM-DD"
        raise argparse.ArgumentTypeError(msg) from exc


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` subcommand."""
    parser = subparsers.add_parser("extract", help="extract places, actors, quotes and dates")
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
        record = extraction_to_record(item)
        if args.format == "jsonl":
            print(json.dumps(record, ensure_ascii=False), flush=False)
        else:
            records.append(record)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
    if failures:
        print(f"{failures} file(s) failed; the others were extracted.", file=sys.stderr)
    return 1 if failures else 0
