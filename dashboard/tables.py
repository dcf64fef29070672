"""Tables and downloads of the filtered events (pure: no Streamlit).

Exports flatten list columns to text ("Trump; Putin") so CSV opens cleanly in a spreadsheet
and GeoJSON properties load in QGIS; the source sentence travels with every row.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

import geopandas as gpd
import pandas as pd

from geo.frames import Frames
from geo.io.csv_safe import neutralise_frame

__all__ = [
    "CLAIM_HEADINGS",
    "DISPLAY_COLUMNS",
    "HEADINGS",
    "claims_csv",
    "claims_verdict",
    "distance_sentences",
    "events_csv",
    "events_geojson",
    "events_table",
    "not_measured_reason",
    "with_article_links",
]

DISPLAY_COLUMNS: Final = (
    "date", "type_label", "actors", "targets", "place_name", "place_country", "sentence",
    "article_title", "event_id",
)  # fmt: skip
#: Column -> heading a reader sees, in the events table and both downloads.
HEADINGS: Final = {
    "date": "Date",
    "date_precision": "Date precision",
    "date_basis": "Date from",
    "type_label": "Event",
    "type": "Event type (code)",
    "actors": "Who",
    "targets": "With / to whom",
    "place_name": "Place",
    "place_country": "Country",
    "sentence": "Source sentence",
    "article_title": "Article",
    "article_url": "Article link",
    "published": "Published",
    "event_id": "Event id",
}
#: Claim-check column -> heading, in verdict order (what was claimed, what was measured).
CLAIM_HEADINGS: Final = {
    "claimed_km2": "Claimed (km²)",
    "measured_gained_km2": "Measured gain (km²)",
    "difference_km2": "Difference (km²)",
    "claim_source": "Claimed by",
    "measured_source": "Measured by",
    "days": "Days",
    "why": "Why they differ",
    "sentence": "The article says",
}
_FAR_FROM_BATTLEFIELD: Final = re.compile(
    r"langt (?:unna|fra|borte fra) (?:slagmarken|fronten|krigen)|far (?:away )?from the "
    r"(?:battlefield|front)",
    re.IGNORECASE,
)


def _missing(value: object) -> bool:
    if value is None or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _flat(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "tolist") and not isinstance(value, str):
        listed = value.tolist()
        if isinstance(listed, list):
            return "; ".join(str(v) for v in listed)
    return "" if _missing(value) else str(value)


def _day(value: object) -> str:
    """Return an ISO day (no ``00:00:00``), or ``""`` for a missing date."""
    if _missing(value):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d")  # type: ignore[arg-type]


def _human(events: pd.DataFrame) -> pd.DataFrame:
    """Return lists as text, dates as days, missing values as empty cells (never "None")."""
    out = events.copy()
    for column in out.columns:
        if column == "geometry":
            continue
        if column in ("date", "published") or pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].map(_day)
        elif pd.api.types.is_object_dtype(out[column]) or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_flat).astype(object)
    return out


def with_article_links(events: gpd.GeoDataFrame, articles: pd.DataFrame) -> gpd.GeoDataFrame:
    """Return ``events`` with ``article_url`` (the article's link) for popups and downloads."""
    if events.empty or "url" not in articles or "article_id" not in events:
        return events
    urls = dict(zip(articles["article_id"], articles["url"], strict=True))
    out = events.copy()
    out["article_url"] = [urls.get(a) for a in out["article_id"]]
    return out


def _located(point: object) -> Any:
    if point is None or getattr(point, "is_empty", True):
        return None
    return point


def events_table(events: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return the events as a table a reader can read: newest first, labelled columns.

    Dates are days (undated rows say so), lists are comma-separated names, and no cell
    reads "None".
    """
    frame = pd.DataFrame(events.drop(columns="geometry"))
    order = pd.to_datetime(frame["date"]).sort_values(ascending=False, na_position="last").index
    table = _human(frame.loc[order])
    if "date" in table:
        table["date"] = table["date"].replace("", "not stated")
    for column in ("actors", "targets"):
        if column in table:
            table[column] = table[column].str.replace("; ", ", ", regex=False)
    columns = [c for c in DISPLAY_COLUMNS if c in table]
    return table[columns].rename(columns=HEADINGS).reset_index(drop=True)


def _export_frame(events: gpd.GeoDataFrame) -> pd.DataFrame:
    table = _human(pd.DataFrame(events.drop(columns="geometry")))
    located = [_located(p) for p in events.geometry]
    table["lat"] = [round(p.y, 6) if p is not None else None for p in located]
    table["lon"] = [round(p.x, 6) if p is not None else None for p in located]
    return table


def events_csv(events: gpd.GeoDataFrame) -> str:
    """Return the events as CSV: days not timestamps, lists as ``;``-joined text, lat/lon.

    Columns keep their schema names (``geo/schema.py`` documents them), so a spreadsheet
    and a script read the same file; a missing value is an empty cell.
    """
    return str(neutralise_frame(_export_frame(events)).to_csv(index=False))  # no formulas


def events_geojson(events: gpd.GeoDataFrame) -> str:
    """Return every event as a GeoJSON Feature (the same rows as the CSV).

    An event with no place has ``"geometry": null`` (RFC 7946 §3.2 allows it), so the
    download never drops what the table shows.
    """
    table = _export_frame(events).drop(columns=["lat", "lon"])
    features = []
    for row, point in zip(table.to_dict("records"), events.geometry, strict=True):
        located = _located(point)
        features.append(
            {
                "type": "Feature",
                "geometry": None
                if located is None
                else {"type": "Point", "coordinates": [round(located.x, 6), round(located.y, 6)]},
                "properties": {
                    k: (None if _missing(v) or v == "" else _plain(v)) for k, v in row.items()
                },
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def _plain(value: object) -> object:
    """Return a JSON-ready scalar (numpy numbers become Python ones)."""
    return value.item() if hasattr(value, "item") else value


def _days_text(first: object, last: object) -> str:
    start, end = _day(first), _day(last)
    if not start:
        return "no single day"
    return start if start == end or not end else f"{start} – {end}"


def claims_verdict(checked: pd.DataFrame | None) -> pd.DataFrame:
    """Return the claim check as a verdict: claimed, measured, difference, who, days, why.

    Headings are for readers (:data:`CLAIM_HEADINGS`); a claim that was not measured says
    why in the last column instead of a blank number.
    """
    if checked is None or checked.empty:
        return pd.DataFrame(columns=list(CLAIM_HEADINGS.values()))
    rows = []
    for row in checked.to_dict("records"):
        measured = row.get("measured_gained_km2")
        note = str(row.get("note") or "")
        rows.append(
            {
                "claimed_km2": row.get("claimed_km2"),
                "measured_gained_km2": None if _missing(measured) else measured,
                "difference_km2": None
                if _missing(row.get("difference_km2"))
                else row.get("difference_km2"),
                "claim_source": _flat(row.get("claim_source")) or "the article",
                "measured_source": _flat(row.get("measured_source")),
                "days": _days_text(row.get("claimed_from"), row.get("claimed_to")),
                "why": note,
                "sentence": _flat(row.get("sentence")),
            }
        )
    return pd.DataFrame(rows).rename(columns=CLAIM_HEADINGS)


def claims_csv(checked: pd.DataFrame | None) -> str:
    """Return :func:`claims_verdict` as CSV (the headings a reader saw)."""
    return str(neutralise_frame(claims_verdict(checked)).to_csv(index=False))  # no formulas


def not_measured_reason(checked: pd.DataFrame | None, *, offline: bool) -> str | None:
    """Say why no claim was measured and how to get the measurement (``None`` if some were)."""
    if checked is None or checked.empty:
        return None
    if checked["measured_gained_km2"].notna().any():
        return None
    missing = sorted(
        {
            name
            for note in checked["note"].astype(str)
            for name in re.findall(r"deepstatemap_data_\d{8}\.geojson", note)
        }
    )
    why = (
        "Nothing was measured: this app is offline (FRONTLINE_OFFLINE), so the DeepStateMap "
        "snapshots that bracket the claimed day were not downloaded."
        if offline
        else "Nothing was measured: the DeepStateMap snapshots that bracket the claimed day "
        "are not cached and could not be downloaded."
    )
    if missing:
        why += f" Needed: {', '.join(missing)}."
        days = [f"{m[18:22]}-{m[22:24]}-{m[24:26]}" for m in missing]  # deepstatemap_data_YYYYMMDD
        commands = " and ".join(f"`python -m geo frontline fetch --date {day}`" for day in days)
        return why + (
            f" To measure, run {commands} on a machine with internet (or start the app online)."
        )
    return why + (
        " To measure, run `python -m geo frontline fetch --date YYYY-MM-DD` for the claimed day "
        "and the day after on a machine with internet (or start the app online)."
    )


def distance_sentences(frames: Frames) -> list[str]:
    """Return sentences saying the summit is far from the battlefield (where distances belong)."""
    found: list[str] = []
    for frame in (frames.events, frames.places):
        if "sentence" not in frame:
            continue
        for sentence in frame["sentence"].dropna().astype(str):
            if _FAR_FROM_BATTLEFIELD.search(sentence) and sentence not in found:
                found.append(sentence)
    return found
