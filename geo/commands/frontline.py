"""``python -m geo frontline fetch|change``: download snapshots, measure what changed.

``fetch --date YYYY-MM-DD [--cache DIR] [--url TEMPLATE] [--timeout S]`` downloads the
snapshot dated that day into the cache (never twice) and prints
``{"date", "path", "url", "downloaded"}``.

``change OLD NEW [--boundaries FILE_OR_DIR] [--cache DIR]`` (OLD/NEW: a snapshot file, or a
date whose snapshot is in the cache) prints one JSON object
``{"old", "new", "describes", "source", "gained_km2", "lost_km2", "net_km2", "by_oblast"}``,
areas in km² measured in ``settings.EQUAL_AREA_CRS``. ``by_oblast`` is empty when no oblast
outlines are found (``--boundaries``, else ``settings.CACHE_DIR / "boundaries"``).

Errors (timeouts, HTTP errors, malformed files, missing snapshots) are printed on stderr and
the command exits 1; the cache is never left half-written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from geo.commands._articles import date_arg
from geo.errors import GeoError, SnapshotError
from geo.io.fetch import cached_snapshot_path, fetch_snapshot
from geo.layers.frontline import change_between, load_snapshot

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``frontline`` subcommand with its ``fetch`` and ``change`` actions."""
    parser = subparsers.add_parser("frontline", help="frontline snapshots: fetch, change")
    actions = parser.add_subparsers(dest="action", required=True)

    fetch = actions.add_parser("fetch", help="download a daily snapshot into the cache")
    fetch.add_argument("--date", type=date_arg, required=True, help="file date YYYY-MM-DD")
    fetch.add_argument("--cache", type=Path, help="cache folder (default: data/cache/frontline)")
    fetch.add_argument("--url", help="URL template with {date} (YYYYMMDD) or {iso}")
    fetch.add_argument("--timeout", type=float, help="seconds per request")
    fetch.set_defaults(func=_run_fetch)

    change = actions.add_parser("change", help="km² gained/lost between two snapshots")
    change.add_argument("old", help="snapshot file or YYYY-MM-DD of a cached snapshot")
    change.add_argument("new", help="snapshot file or YYYY-MM-DD of a cached snapshot")
    change.add_argument("--boundaries", type=Path, help="oblast GeoJSON file or boundaries dir")
    change.add_argument("--cache", type=Path, help="cache folder for dates")
    change.set_defaults(func=_run_change)


def _run_fetch(args: argparse.Namespace) -> int:
    try:
        result = fetch_snapshot(
            args.date, cache_dir=args.cache, url_template=args.url, timeout=args.timeout
        )
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    record = {
        "date": args.date.isoformat(),
        "path": str(result.path),
        "url": result.url,
        "downloaded": result.downloaded,
    }
    print(json.dumps(record, ensure_ascii=False))
    return 0


def _snapshot_path(value: str, cache: Path | None) -> Path:
    path = Path(value)
    if path.is_file():
        return path
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        msg = f"{value}: no such snapshot file, and not a YYYY-MM-DD date"
        raise SnapshotError(msg) from None
    cached = cached_snapshot_path(day, cache)
    if not cached.is_file():
        msg = (
            f"{value}: no snapshot dated {day} in {cached.parent}; "
            f"run `python -m geo frontline fetch --date {day}` first"
        )
        raise SnapshotError(msg)
    return cached


def _run_change(args: argparse.Namespace) -> int:
    try:
        old_path = _snapshot_path(args.old, args.cache)
        new_path = _snapshot_path(args.new, args.cache)
        change = change_between(
            load_snapshot(old_path),
            load_snapshot(new_path),
            boundaries_dir=args.boundaries,
            old_label=str(old_path),
            new_label=str(new_path),
        )
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(change.to_record(), ensure_ascii=False))
    return 0
