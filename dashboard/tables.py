"""Tables and downloads of the filtered events (pure: no Streamlit).

Exports flatten list columns to text ("Trump; Putin") so CSV opens cleanly in a spreadsheet
and GeoJSON properties load in QGIS; the source sentence travels with every row.
"""

from __future__ import annotations

import re
from typing import Any, Final

import geopandas as gpd
import pandas as pd

from geo.frames import Frames
from geo.io.csv_safe import neutralise_frame

__all__ = ["DISPLAY_COLUMNS", "distance_sentences", "events_csv", "events_geojson", "events_table"]

DISPLAY_COLUMNS: Final = (
    "date", "type_label", "actors", "targets", "place_name", "place_country", "sentence",
    "article_title", "event_id",
)  # fmt: skip
_FAR_FROM_BATTLEFIELD: Final = re.compile(
    r"langt (?:unna|fra|borte fra) (?:slagmarken|fronten|krigen)|far (?:away )?from the "
    r"(?:battlefield|front)",
    re.IGNORECASE,
)


def _flat(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "tolist"):
        return "; ".join(str(v) for v in value.tolist())
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _flatten(events: pd.DataFrame) -> pd.DataFrame:
    out = events.copy()
    for column in ("actors", "targets", "quotes"):
        if column in out:
            out[column] = out[column].map(_flat)
    return out


def _located(point: object) -> Any:
    if point is None or getattr(point, "is_empty", True):
        return None
    return point


def events_table(events: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return the events as a plain table for display, newest first."""
    table = _flatten(pd.DataFrame(events.drop(columns="geometry")))
    columns = [c for c in DISPLAY_COLUMNS if c in table]
    return table.sort_values("date", ascending=False, na_position="last")[columns].reset_index(
        drop=True
    )


def events_csv(events: gpd.GeoDataFrame) -> str:
    """Return the events as CSV with ``lat``/``lon`` columns instead of a geometry."""
    table = _flatten(pd.DataFrame(events.drop(columns="geometry")))
    located = [_located(p) for p in events.geometry]
    table["lat"] = [p.y if p is not None else None for p in located]
    table["lon"] = [p.x if p is not None else None for p in located]
    return str(neutralise_frame(table).to_csv(index=False))  # no formulas from article text


def events_geojson(events: gpd.GeoDataFrame) -> str:
    """Return the events as a GeoJSON FeatureCollection (EPSG:4326, lists as text)."""
    flat = gpd.GeoDataFrame(_flatten(events), geometry="geometry", crs=events.crs)
    for column in flat.columns:
        if pd.api.types.is_datetime64_any_dtype(flat[column]):
            flat[column] = flat[column].dt.strftime("%Y-%m-%d")
    flat = flat.loc[[_located(p) is not None for p in flat.geometry]]
    return str(flat.to_json(na="null", drop_id=True))


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
