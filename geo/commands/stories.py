"""``python -m geo stories PATH... [--format jsonl|json]``: near-duplicate articles as stories.

Prints one JSON object per story (:mod:`geo.stories`), earliest first::

    {"story", "copies", "outlets", "articles": [{"article", "title", "source", "url",
     "published"}]}

so a reader counts stories (lines) and lists each story's copies. Bad files are reported on
stderr and the command exits 1 at the end if any failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from geo.errors import GeoError
from geo.io.articles import iter_article_paths, read_article
from geo.model import Article
from geo.stories import group_stories

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``stories`` subcommand."""
    parser = subparsers.add_parser("stories", help="group near-duplicate articles into stories")
    parser.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    parser.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
    parser.set_defaults(func=_run)


def _article(article: Article) -> dict[str, Any]:
    return {
        "article": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
    }


def _run(args: argparse.Namespace) -> int:
    articles: dict[str, Article] = {}
    failures = 0
    for path in iter_article_paths(list(args.paths)):
        try:
            article = read_article(path)
        except GeoError as exc:
            failures += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        articles[article.id] = article
    records = [
        {
            "story": story.id,
            "copies": story.copies,
            "outlets": list(story.outlets),
            "articles": [_article(articles[a]) for a in story.articles],
        }
        for story in group_stories(articles.values())
    ]
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    if failures:
        print(f"{failures} file(s) failed; the others were grouped.", file=sys.stderr)
    return 1 if failures else 0
