"""Claim check: the areas articles report, against what the frontline snapshots measure.

A journalist reads "110 km² in 24 hours" (the seed: ISW data via AFP, Tuesday 2025-08-12) and
wants to know whether it holds up. :func:`check_claims` takes every event whose ``quantities``
hold ``area_km2``, finds the two DeepState snapshots that bracket the claimed day(s) — the
file dated D describes day D−1, so day 2025-08-12 is measured as the change from
``…20250812.geojson`` to ``…20250813.geojson`` — and reports, side by side: the claimed figure
and who claims it, the measured gained and net km² (equal-area, :mod:`geo.layers.frontline`)
and who drew the map, the days each covers, and the difference.

The figures are not expected to agree: sources count differently (see :data:`SOURCES_NOTE`).
A missing snapshot gives NaN measurements and says which file is missing, never a guess.

Output columns (:data:`CLAIM_COLUMNS`): event_id, article_id, sentence, claimed_km2,
claim_source, claimed_from, claimed_to, measured_gained_km2, measured_lost_km2,
measured_net_km2, measured_source, measured_from, measured_to, snapshot_old, snapshot_new,
difference_km2 (claimed − measured gained), note.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.io.fetch import cached_snapshots
from geo.io.frontline import date_from_filename
from geo.layers.frontline import change_between, load_snapshot

__all__ = ["CLAIM_COLUMNS", "SOURCES_NOTE", "check_claims", "snapshot_index"]

CLAIM_COLUMNS: Final = (
    "event_id", "article_id", "sentence", "claimed_km2", "claim_source", "claimed_from",
    "claimed_to", "measured_gained_km2", "measured_lost_km2", "measured_net_km2",
    "measured_source", "measured_from", "measured_to", "snapshot_old", "snapshot_new",
    "difference_km2", "note",
)  # fmt: skip

SOURCES_NOTE: Final = (
    "Sources count differently: DeepStateMap maps only territory it considers occupied "
    "(its grey contested zone is left out), while ISW also counts assessed advances and "
    "infiltration; a DeepState file dated D shows the changes published on day D−1."
)

SnapshotsArg = Path | str | Sequence[Path | str] | Mapping[dt.date, Path] | None


def snapshot_index(snapshots: SnapshotsArg = None) -> dict[dt.date, Path]:
    """Return DeepState snapshots by the day they *describe* (file date − 1 day).

    ``snapshots`` is a folder (default: the fetch cache), a list of files, or a mapping of
    file date → path (as :func:`geo.io.fetch.cached_snapshots` returns).
    """
    if snapshots is None:
        by_file = cached_snapshots()
    elif isinstance(snapshots, Mapping):
        by_file = {day: Path(path) for day, path in snapshots.items()}
    elif isinstance(snapshots, str | Path):
        by_file = cached_snapshots(Path(snapshots))
    else:
        by_file = {}
        for item in snapshots:
            day = date_from_filename(item)
            if day is not None:
                by_file[day] = Path(item)
    return {day - dt.timedelta(days=1): path for day, path in sorted(by_file.items())}


def check_claims(
    events: gpd.GeoDataFrame,
    *,
    snapshots: SnapshotsArg = None,
    article_texts: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Compare every claimed area (``quantities`` with ``area_km2``) with the snapshots.

    Parameters
    ----------
    events
        Events frame (:data:`geo.schema.EVENTS_COLUMNS`; uses event_id, article_id, date,
        date_precision, actors, targets, quantities, sentence, start, end).
    snapshots
        See :func:`snapshot_index`.
    article_texts
        Article bodies by article id. The claim's source (ISW, AFP, …) is looked for in the
        event's actors and sentence, and, when the text is given, in the sentence before it
        too ("… viser en analyse AFP har gjort. Dataene fra ISW viser at …").

    Returns
    -------
    pandas.DataFrame
        One row per claim, columns :data:`CLAIM_COLUMNS`.
    """
    by_day = snapshot_index(snapshots)
    rows = []
    for event in events.itertuples(index=False):
        claimed = _claimed_area(getattr(event, "quantities", None))
        if claimed is None:
            continue
        rows.append(_check_one(event, claimed, by_day, article_texts or {}))
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))


def _claimed_area(quantities: Any) -> float | None:
    if quantities is None or (isinstance(quantities, float) and pd.isna(quantities)):
        return None
    if isinstance(quantities, str):
        try:
            quantities = json.loads(quantities) if quantities.strip() else {}
        except ValueError:
            return None
    if not isinstance(quantities, Mapping) or "area_km2" not in quantities:
        return None
    try:
        return float(quantities["area_km2"])
    except (TypeError, ValueError):
        return None


#: Who publishes territorial figures, as news names them (canonical label, pattern).
_CLAIM_SOURCES: Final = (
    ("ISW", re.compile(r"\bISW\b|Institute for the Study of War", re.IGNORECASE)),
    ("AFP", re.compile(r"\bAFP\b|Agence France-Presse")),
    ("DeepStateMap", re.compile(r"\bDeep ?State(Map)?\b", re.IGNORECASE)),
    ("Reuters", re.compile(r"\bReuters\b")),
    ("AP", re.compile(r"\bAP\b|Associated Press")),
    ("Russian Ministry of Defence", re.compile(
        r"russiske forsvarsdepartementet|Russlands forsvarsdepartement|"
        r"Russian (Ministry of Defen[cs]e|Defen[cs]e Ministry)", re.IGNORECASE)),
    ("Ukrainian General Staff", re.compile(
        r"ukrainske generalstaben|Ukrainas generalstab|Ukrain\w* General Staff", re.IGNORECASE)),
)  # fmt: skip
_LOOK_BACK_CHARS: Final = 300


def _claim_source(event: Any, texts: Mapping[str, str]) -> str:
    names: list[str] = []
    for column in ("actors", "targets"):
        value = getattr(event, column, None)
        if isinstance(value, str):
            value = [value]
        names.extend(str(n) for n in (value if value is not None else ()) if n)
    window = str(getattr(event, "sentence", "") or "")
    text = texts.get(str(getattr(event, "article_id", "")))
    start, end = getattr(event, "start", None), getattr(event, "end", None)
    if text and isinstance(start, int | np.integer) and isinstance(end, int | np.integer):
        window = text[max(0, int(start) - _LOOK_BACK_CHARS) : int(end)]
    haystack = " | ".join([*names, window])
    found = [(m.start(), label) for label, p in _CLAIM_SOURCES if (m := p.search(haystack))]
    if found:
        return ", ".join(label for _, label in sorted(found))
    return "the article (no source named)"


def _claimed_day(event: Any) -> dt.date | None:
    value = getattr(event, "date", None)
    if value is None or pd.isna(value):
        return None
    precision = getattr(event, "date_precision", "day")
    if precision not in (None, "day"):
        return None
    day: dt.date = pd.Timestamp(value).date()
    return day


def _check_one(
    event: Any, claimed: float, by_day: Mapping[dt.date, Path], texts: Mapping[str, str]
) -> dict[str, Any]:
    day = _claimed_day(event)
    row: dict[str, Any] = {
        "event_id": getattr(event, "event_id", None),
        "article_id": getattr(event, "article_id", None),
        "sentence": getattr(event, "sentence", None),
        "claimed_km2": claimed,
        "claim_source": _claim_source(event, texts),
        "claimed_from": day,
        "claimed_to": day,
        "measured_gained_km2": float("nan"),
        "measured_lost_km2": float("nan"),
        "measured_net_km2": float("nan"),
        "measured_source": "DeepStateMap",
        "measured_from": day,
        "measured_to": day,
        "snapshot_old": None,
        "snapshot_new": None,
        "difference_km2": float("nan"),
        "note": SOURCES_NOTE,
    }
    if day is None:
        row["note"] = "The claim has no single day to measure. " + SOURCES_NOTE
        return row
    before = by_day.get(day - dt.timedelta(days=1))
    after = by_day.get(day)
    row["snapshot_old"] = before.name if before else None
    row["snapshot_new"] = after.name if after else None
    if before is None or after is None:
        wanted = [
            f"deepstatemap_data_{d:%Y%m%d}.geojson"
            for d, p in ((day, before), (day + dt.timedelta(days=1), after))
            if p is None
        ]
        row["note"] = f"Not measured: snapshot(s) {', '.join(wanted)} missing. " + SOURCES_NOTE
        return row
    change = change_between(load_snapshot(before), load_snapshot(after), split_by_oblast=False)
    row["measured_gained_km2"] = round(change.gained_km2, 3)
    row["measured_lost_km2"] = round(change.lost_km2, 3)
    row["measured_net_km2"] = round(change.net_km2, 3)
    row["measured_source"] = change.source
    row["difference_km2"] = round(claimed - change.gained_km2, 3)
    return row
