"""The front in time: daily gains and losses per oblast, with every area claim on its day.

Over the daily DeepStateMap snapshots available (a file dated D describes day D−1, see
:mod:`geo.layers.frontline`), :func:`daily_changes` measures each described day against the
day before — only where both files exist, never interpolated across a gap — split by oblast
(equal-area km², :func:`geo.layers.frontline.change_between`). :func:`front_timeline` puts
beside it every area claim found in the corpus's events (:func:`geo.layers.claims.check_claims`),
so the chart shows "110 km² (ISW via AFP)" next to what the map measured that day.

Both are pure: they read the snapshot files they are given (or the fetch cache) and never
download; the dashboard prefetches with the gated, cached fetcher first.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import geopandas as gpd
import pandas as pd

from geo.errors import GeoError
from geo.layers.claims import SnapshotsArg, check_claims, snapshot_index
from geo.layers.frontline import change_between, load_snapshot

__all__ = [
    "ALL_OBLASTS",
    "DAILY_COLUMNS",
    "FrontTimeline",
    "available_days",
    "daily_changes",
    "front_timeline",
]

#: ``oblast`` of the rows that total a day over all oblasts.
ALL_OBLASTS: Final = "(all oblasts)"
DAILY_COLUMNS: Final = (
    "day", "oblast", "iso", "gained_km2", "lost_km2", "net_km2", "snapshot_old", "snapshot_new",
)  # fmt: skip


@dataclass(frozen=True)
class FrontTimeline:
    """Daily measurements (:data:`DAILY_COLUMNS`) and the corpus's area claims beside them.

    ``claims`` has :data:`geo.layers.claims.CLAIM_COLUMNS` plus ``day`` (the claimed day,
    ``None`` when the claim names no single day); ``problems`` says which days could not be
    measured and why.
    """

    daily: pd.DataFrame
    claims: pd.DataFrame
    problems: tuple[str, ...] = ()


def available_days(snapshots: SnapshotsArg = None) -> list[dt.date]:
    """Return the days (described, not file dates) whose change can be measured, oldest first.

    A day counts when the snapshots describing it and the day before are both present.
    """
    by_day = snapshot_index(snapshots)
    return [day for day in by_day if day - dt.timedelta(days=1) in by_day]


def _key(path: Path) -> tuple[str, int]:
    return str(path.resolve()), path.stat().st_mtime_ns


@functools.lru_cache(maxsize=512)
def _measure(
    old: tuple[str, int], new: tuple[str, int], boundaries: str | None
) -> tuple[tuple[str | None, str | None, float, float], ...]:
    change = change_between(
        load_snapshot(old[0]),
        load_snapshot(new[0]),
        boundaries_dir=Path(boundaries) if boundaries else None,
    )
    rows = [(ALL_OBLASTS, None, change.gained_km2, change.lost_km2)]
    rows += [(r["oblast"], r["iso"], r["gained_km2"], r["lost_km2"]) for r in change.by_oblast]
    return tuple(rows)


def daily_changes(
    snapshots: SnapshotsArg = None,
    *,
    boundaries_dir: Path | None = None,
    days: list[dt.date] | None = None,
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Measure gained/lost km² per oblast for each available day (or only ``days``).

    Returns the table (:data:`DAILY_COLUMNS`; one :data:`ALL_OBLASTS` row per day plus one
    row per oblast touched, when oblast outlines are found) and the problems met (a snapshot
    that cannot be read skips its days and is named, it never stops the rest).
    """
    by_day = snapshot_index(snapshots)
    wanted = available_days(_as_files(by_day))
    if days is not None:
        wanted = [d for d in wanted if d in set(days)]
    boundaries = str(boundaries_dir) if boundaries_dir is not None else None
    rows: list[dict[str, object]] = []
    problems: list[str] = []
    for day in wanted:
        old, new = by_day[day - dt.timedelta(days=1)], by_day[day]
        try:
            measured = _measure(_key(old), _key(new), boundaries)
        except (GeoError, OSError) as exc:
            problems.append(f"{day}: not measured ({exc})")
            continue
        for oblast, iso, gained, lost in measured:
            rows.append(
                {
                    "day": day,
                    "oblast": oblast,
                    "iso": iso,
                    "gained_km2": round(gained, 3),
                    "lost_km2": round(lost, 3),
                    "net_km2": round(gained - lost, 3),
                    "snapshot_old": old.name,
                    "snapshot_new": new.name,
                }
            )
    return pd.DataFrame(rows, columns=list(DAILY_COLUMNS)), tuple(problems)


def _as_files(by_day: dict[dt.date, Path]) -> dict[dt.date, Path]:
    """Invert :func:`geo.layers.claims.snapshot_index`: file date → path."""
    return {day + dt.timedelta(days=1): path for day, path in by_day.items()}


def front_timeline(
    events: gpd.GeoDataFrame | pd.DataFrame,
    snapshots: SnapshotsArg = None,
    *,
    boundaries_dir: Path | None = None,
    article_texts: dict[str, str] | None = None,
) -> FrontTimeline:
    """Return the daily measurements and every area claim of ``events`` placed on its day.

    ``events`` is the corpus's events frame (:data:`geo.schema.EVENTS_COLUMNS`), so the claim
    check covers every article, not only the seed.
    """
    by_day = snapshot_index(snapshots)
    files = _as_files(by_day)
    daily, problems = daily_changes(files, boundaries_dir=boundaries_dir)
    claims = check_claims(events, snapshots=files, article_texts=article_texts)
    claims.insert(0, "day", claims["claimed_from"])
    return FrontTimeline(daily=daily, claims=claims, problems=problems)
