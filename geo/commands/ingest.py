"""``python -m geo ingest URL_OR_FEED... --into DIR [--allow-private] [--timeout S]``.

Fetches article pages and RSS/Atom feeds (told apart by content), extracts each article's
text and metadata, and writes it into DIR as a text file with front matter. Prints one JSON
line per item: ``{"url", "status": "ok"|"error"|"duplicate", "path" | "error", …}``; a failed
item never stops the others, and the exit code is 1 at the end if any item failed.
Loopback, private and link-local addresses are refused unless ``--allow-private``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from geo.ingest import FetchPolicy, ingest

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``ingest`` subcommand."""
    parser = subparsers.add_parser("ingest", help="fetch article pages and feeds into a folder")
    parser.add_argument("sources", nargs="+", metavar="URL_OR_FEED", help="page or feed URLs")
    parser.add_argument("--into", type=Path, required=True, help="folder to write articles to")
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="allow loopback/private/link-local addresses (your own network)",
    )
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per document")
    parser.add_argument(
        "--max-bytes", type=int, default=FetchPolicy().max_bytes, help="largest document"
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    policy = FetchPolicy(
        timeout_s=args.timeout, max_bytes=args.max_bytes, allow_private=args.allow_private
    )
    failed = 0
    for result in ingest(args.sources, args.into, policy):
        failed += result.status == "error"
        print(json.dumps(result.to_record(), ensure_ascii=False), flush=True)
    return 1 if failed else 0
