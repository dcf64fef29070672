"""What the article-reading commands (``extract``, ``events``) share: arguments and output.

Both take files or folders, the same ``--published``/``--lang`` overrides and ``--format``,
report bad files on stderr, keep going, and exit 1 at the end if any file failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from geo.batch import Failure, iter_extractions
from geo.io.articles import parse_iso_date
from geo.model import Extraction

__all__ = ["add_article_arguments", "date_arg", "json_line", "print_records", "printable"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_arg(value: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` command-line value, or fail with argparse's usage error.

    The whole value must be the date ("2025-08-14garbage" is refused) and lie in
    :data:`geo.settings.SUPPORTED_DATES`.
    """
    if not _DAY.fullmatch(value):
        msg = f"{value!r} is not a date; use YYYY-MM-DD"
        raise argparse.ArgumentTypeError(msg)
    try:
        day, _precision = parse_iso_date(value)
    except ValueError as exc:
        msg = f"{exc}; use YYYY-MM-DD"
        raise argparse.ArgumentTypeError(msg) from exc
    return day


def printable(text: str) -> str:
    r"""Escape every character a terminal would act on (controls, bidi marks, bad bytes).

    Error lines name files, and file names are untrusted: ``\n`` would forge a line, ESC
    would drive the terminal, a lone surrogate (a non-UTF-8 byte) would raise
    ``UnicodeEncodeError``. Printable text is returned unchanged.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def json_line(value: Any, *, indent: int | None = None) -> str:
    r"""Dump ``value`` as JSON that is safe to print: non-printable characters ``\u``-escaped.

    ``ensure_ascii=False`` keeps Norwegian and Cyrillic readable, but would pass C1 controls,
    bidi overrides and lone surrogates (non-UTF-8 file names) through raw; those become JSON
    escapes, so the output decodes back to the same strings.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == "\n" else json.dumps(ch)[1:-1] for ch in text)


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
            print(f"error: {printable(str(item))}", file=sys.stderr)
            continue
        for record in records_of(item):
            if args.format == "jsonl":
                print(json_line(record))
            else:
                collected.append(record)
    if args.format == "json":
        print(json_line(collected, indent=1))
    if failures:
        print(f"{failures} file(s) failed; the others were extracted.", file=sys.stderr)
    return 1 if failures else 0
