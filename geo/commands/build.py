"""``python -m geo build PATH... --out DIR [--format parquet|geojson|csv ...]``.

Extracts new or changed articles (incremental by content hash, see :mod:`geo.corpus`) and
writes GeoParquet plus any other formats. A progress bar shows on long runs (stderr, only
when it is a terminal or there are many files); each bad file is reported on stderr and the
command exits 1 at the end if any failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from geo import settings
from geo.commands._articles import printable
from geo.corpus import build_corpus
from geo.io.articles import iter_article_paths
from geo.io.outputs import FORMATS

__all__ = ["register"]

#: Runs with at least this many files show a progress bar even when stderr is not a TTY.
PROGRESS_MIN_FILES = 200


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``build`` subcommand."""
    parser = subparsers.add_parser("build", help="build the corpus frames (GeoParquet …)")
    parser.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    parser.add_argument(
        "--out", type=Path, default=None, help="output folder (default: data/processed)"
    )
    parser.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=FORMATS,
        help="output format; repeat for several (parquet is always written)",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    out = args.out if args.out is not None else settings.PROCESSED_DIR
    total = len(iter_article_paths(list(args.paths)))
    show = not args.no_progress and (sys.stderr.isatty() or total >= PROGRESS_MIN_FILES)
    with tqdm(total=total, unit="article", disable=not show, file=sys.stderr) as bar:
        result = build_corpus(
            args.paths,
            out_dir=out,
            formats=tuple(args.formats or ("parquet",)),
            progress=lambda _path: bar.update(1),
        )
    for problem in result.failed:
        print(f"error: {printable(str(problem))}", file=sys.stderr)  # names are untrusted
    print(
        f"{len(result.extracted)} extracted, {len(result.reused)} unchanged, "
        f"{len(result.failed)} failed; {len(result.frames.events)} events -> {out}"
    )
    if result.failed:
        print(f"{len(result.failed)} file(s) failed; the others were built.", file=sys.stderr)
    return 1 if result.failed else 0
