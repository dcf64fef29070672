"""``python -m geo events PATH... [--format jsonl|json] [--no-fuse] [--published D] [--lang L]``.

Prints one JSON object per event. By default events are fused across the articles given
(:mod:`geo.events.fuse`): the same real-world event reported by several articles is one
record. Every record carries ``sources``, a list of ``{"article": <file stem>, "start",
"end"}`` for every mention that supports it, and ``reported_by`` (who the article says
reports it: "ISW", "AFP"); fused records also carry ``articles``, ``conflicts`` (details on
which the articles disagree, each value with its sources; never averaged) and
``quote_sources``. ``--no-fuse`` prints one record per mention, in article and text order,
as each article is done. Other keys: :func:`geo.records.event_to_record`. Bad files are
reported on stderr and the command exits 1 at the end if any failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from geo.batch import Failure, iter_extractions
from geo.commands._articles import add_article_arguments
from geo.events.fuse import fuse_events, fuse_quotes, fused_to_record, mention_record
from geo.model import Extraction

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``events`` subcommand."""
    parser = subparsers.add_parser("events", help="print the events found in articles")
    add_article_arguments(parser)
    parser.add_argument(
        "--no-fuse",
        action="store_true",
        help="one record per mention instead of fusing events across articles",
    )
    parser.set_defaults(func=_run)


def _emit(args: argparse.Namespace, records: list[dict[str, Any]]) -> None:
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return
    for record in records:
        print(json.dumps(record, ensure_ascii=False))


def _run(args: argparse.Namespace) -> int:
    failures = 0
    extractions: list[Extraction] = []
    streamed: list[dict[str, Any]] = []
    for item in iter_extractions(args.paths, published=args.published, lang=args.lang):
        if isinstance(item, Failure):
            failures += 1
            print(f"error: {item}", file=sys.stderr)
        elif args.no_fuse:
            records = [mention_record(event) for event in item.events]
            if args.format == "jsonl":
                _emit(args, records)  # printed as each article is done
            else:
                streamed.extend(records)
        else:
            extractions.append(item)
    if args.no_fuse:
        if args.format == "json":
            _emit(args, streamed)
    else:
        quotes = fuse_quotes(extractions)
        _emit(args, [fused_to_record(f, quotes) for f in fuse_events(extractions)])
    if failures:
        print(f"{failures} file(s) failed; the others were extracted.", file=sys.stderr)
    return 1 if failures else 0
