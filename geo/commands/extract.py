"""``python -m geo extract PATH... [--format jsonl|json] [--published D] [--lang L]``.

Prints one JSON object per article (keys: :mod:`geo.records`); bad files are reported on
stderr and the command exits 1 at the end if any failed.
"""

from __future__ import annotations

import argparse
from typing import Any

from geo.commands._articles import add_article_arguments, print_records
from geo.model import Extraction
from geo.records import extraction_to_record

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` subcommand."""
    parser = subparsers.add_parser("extract", help="extract places, actors, quotes and dates")
    add_article_arguments(parser)
    parser.set_defaults(func=lambda args: print_records(args, _one_record))


def _one_record(extraction: Extraction) -> list[dict[str, Any]]:
    return [extraction_to_record(extraction)]
