"""What the article-reading commands (``extract``, ``events``) share: arguments and output.

Both take files or folders, the same ``--published``/``--lang`` overrides and ``--format``,
report bad files on stderr, keep going, and exit 1 at the end if any file failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from geo.batch import Failure, iter_extractions
from geo.model import Extraction

__all__ = ["add_article_arguments", "date_arg", "print_records"]


def date_arg(value: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` command-line value, or fail with argparse's usage error."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        msg = f"{value!r} is not a date; use YYYY-MM-DD"
        raise argparse.ArgumentTypeError(msg) from exc


def add_article_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``paths``, ``--format``, ``--published`` and ``--lang`` to ``parser``."""
    parser.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    parser.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
    parser.add_argument("--published", type=date_arg, help="override front matter (YYYY-MM-DD)")
    parser.add_argument("--lang", choices=("nb", "nn", "en"), help="override front matter")


def print_records(
    args: argparse.Namespace, records_of: Callable[[Extraction], Iterable[dict[str, Any]]]
) -> int:
    """Extract every article of ``args.paths`` and print ``records_of`` each as JSON.

    JSON Lines are printed as each article is done; ``--format json`` prints one array at
    the end. Returns the exit code: 1 when any file failed.
    """
    failures = 0
    collected: list[dict[str, Any]] = []
    for item in iter_extractions(args.paths, published=args.published, lang=args.lang):
        if isinstance(item, Failure):
            failures += 1
            print(f"error: {item}", file=sys.stderr)
            continue
        for record in records_of(item):
            if args.format == "jsonl":
                print(json.dumps(record, ensure_ascii=False))
            else:
                collected.append(record)
    if args.format == "json":
        print(json.dumps(collected, ensure_ascii=False, indent=1))
    if failures:
        print(f"{failures} file(s) failed; the others were extracted.", file=sys.stderr)
    return 1 if failures else 0
