"""Extractions → GeoDataFrames (and back): the one place frames are built.

Why one place: the dashboard, the files and the tests must agree on every column (see
:mod:`geo.schema`). Frames are built once per batch, column-wise, in EPSG:4326, with stable
ids (:func:`geo.ids.make_id` of the article, its content hash and the span), so the same
input always gives the same ids and an edited article gives new ones. A place the gazetteer
could not resolve keeps its row with an empty Point (the geopandas geocoding lesson).

Inverse pair: :func:`frames_to_records` turns frames into JSON-ready records (geometry as
``{"lon", "lat"}`` or ``None``, dates as ISO strings) and :func:`frames_from_records` turns
them back, so ``frames_from_records(frames_to_records(f))`` equals ``f``.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import settings
from geo.events.taxonomy import acled_sub_event, acled_type_for, cameo_code, type_info
from geo.ids import make_id
from geo.model import Event, Extraction, Place, Quote
from geo.schema import COLUMN_SPECS

__all__ = [
    "Frames",
    "concat_frames",
    "empty_frames",
    "extractions_to_frames",
    "frames_from_records",
    "frames_to_records",
    "normalise_frames",
]

_FRAME_NAMES = ("places", "events", "quotes", "actors", "articles")
_GEO_FRAMES = frozenset({"places", "events", "quotes"})


@dataclass(frozen=True)
class Frames:
    """The frames of a corpus; see :mod:`geo.schema` for every column."""

    places: gpd.GeoDataFrame
    events: gpd.GeoDataFrame
    quotes: gpd.GeoDataFrame
    actors: pd.DataFrame
    articles: pd.DataFrame


def _content_key(extraction: Extraction) -> str:
    art = extraction.article
    return art.content_hash or hashlib.sha256(art.text.encode("utf-8")).hexdigest()


def _points(lons: Sequence[float | None], lats: Sequence[float | None]) -> np.ndarray:
    """Points from lon/lat lists; ``None`` gives an empty Point, never POINT (NaN NaN)."""
    x = np.array([math.nan if v is None else v for v in lons], dtype=float)
    y = np.array([math.nan if v is None else v for v in lats], dtype=float)
    geoms = shapely.points(np.column_stack([x, y])) if len(x) else np.array([], dtype=object)
    missing = np.isnan(x) | np.isnan(y)
    if missing.any():
        geoms[missing] = shapely.Point()
    return geoms


def _holdable(value: Any) -> Any:
    """Return ``value``, or ``None`` when ``datetime64[ns]`` cannot hold it (year 1, 9999).

    Readers refuse such publication dates; an :class:`~geo.model.Article` built in code may
    still carry one, and it must become a missing date, never an ``OutOfBoundsDatetime``.
    """
    if value is None:
        return None
    stamp = pd.Timestamp(value)
    return value if pd.Timestamp.min <= stamp <= pd.Timestamp.max else None


def _typed(name: str, columns: dict[str, list[Any]]) -> pd.DataFrame | gpd.GeoDataFrame:
    """Build one frame with the schema's column order and dtypes."""
    data: dict[str, Any] = {}
    for spec in COLUMN_SPECS[name]:
        values = columns[spec.name]
        if spec.dtype == "geometry":
            continue
        if spec.dtype == "datetime":
            data[spec.name] = pd.to_datetime(
                pd.Series([_holdable(v) for v in values], dtype=object)
            ).astype("datetime64[ns]")
        elif spec.dtype == "int":
            data[spec.name] = pd.Series(values, dtype="int64")
        elif spec.dtype == "bool":
            data[spec.name] = pd.Series(values, dtype=bool)
        elif spec.dtype == "list":
            data[spec.name] = pd.Series([list(v) for v in values], dtype=object)
        else:
            data[spec.name] = pd.Series(values, dtype=object)
    if name not in _GEO_FRAMES:
        return pd.DataFrame(data)
    geometry = _points(columns["lon"], columns["lat"])
    return gpd.GeoDataFrame(data, geometry=geometry, crs=settings.DEFAULT_CRS)


def empty_frames() -> Frames:
    """Return frames with every schema column and no rows."""
    return _build(_columns())


def _build(columns: Mapping[str, dict[str, list[Any]]]) -> Frames:
    return Frames(**{name: _typed(name, columns[name]) for name in _FRAME_NAMES})


def _columns() -> dict[str, dict[str, list[Any]]]:
    return {
        name: {**{c.name: [] for c in specs}, "lon": [], "lat": []}
        for name, specs in COLUMN_SPECS.items()
    }


def _append(target: dict[str, list[Any]], row: Mapping[str, Any]) -> None:
    for key, values in target.items():
        values.append(row.get(key))


def _lonlat(place: Place | None) -> dict[str, float | None]:
    return {"lon": place.lon if place else None, "lat": place.lat if place else None}


def _event_row(event: Event, extraction: Extraction) -> dict[str, Any]:
    art = extraction.article
    info = type_info(event.type)
    place = event.place
    quantities: dict[str, float] = {}
    for q in event.quantities:
        quantities.setdefault(q.name, q.value)
    return {
        "event_id": event.id,
        "article_id": art.id,
        "article_title": art.title,
        "published": art.published,
        "type": event.type,
        "type_label": info.label,
        "cameo": info.cameo_root,
        "cameo_code": cameo_code(event.type, event.trigger),
        "acled_type": acled_type_for(event.type, event.trigger),
        "acled_sub_event": acled_sub_event(event.type, event.trigger),
        "date": _day(event.date) if event.date else None,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis or None,
        "actors": event.actors,
        "targets": event.targets,
        "place_name": place.name if place else None,
        "place_surface": event.place_surface,
        "place_id": place.gazetteer_id if place else None,
        "place_country": place.country if place else None,
        "place_inferred": event.place_inferred,
        "geo_precision": event.geo_precision,
        "quantities": json.dumps(quantities, ensure_ascii=False, sort_keys=True),
        "sources": event.sources,
        "trigger": event.trigger or None,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "quotes": event.quotes,
        "mentions": json.dumps(
            [
                {
                    "article": art.id,
                    "start": m.start,
                    "end": m.end,
                    "sentence_start": m.sentence_start,
                    "sentence_end": m.sentence_end,
                    "kind": m.kind,
                }
                for m in event.mentions
            ],
            ensure_ascii=False,
        ),
        **_lonlat(place),
    }


def _add_extraction(columns: dict[str, dict[str, list[Any]]], extraction: Extraction) -> None:
    art = extraction.article
    key = _content_key(extraction)
    text = art.text
    sentence_starts = [s.start for s in extraction.sentences]
    for m in extraction.places:
        i = bisect.bisect_right(sentence_starts, m.start) - 1
        sentence = extraction.sentences[i] if i >= 0 else None
        p = m.place
        _append(
            columns["places"],
            {
                "mention_id": make_id("pl", art.id, key, m.start, m.end),
                "article_id": art.id,
                "surface": m.surface,
                "start": m.start,
                "end": m.end,
                "sentence": text[sentence.start : sentence.end] if sentence else None,
                "sentence_start": sentence.start if sentence else m.start,
                "sentence_end": sentence.end if sentence else m.end,
                "name": p.name if p else None,
                "kind": p.kind if p else None,
                "country": p.country if p else None,
                "gazetteer_id": p.gazetteer_id if p else None,
                "resolved": p is not None,
                "published": art.published,
                **_lonlat(p),
            },
        )
    quote_event: dict[str, Event] = {}
    for event in extraction.events:
        _append(columns["events"], _event_row(event, extraction))
        for text_of_quote in event.quotes:
            quote_event.setdefault(text_of_quote, event)
    paragraphs = extraction.paragraphs
    paragraph_starts = [p.start for p in paragraphs]
    for q in extraction.quotes:
        owner = quote_event.get(q.text)
        j = bisect.bisect_right(paragraph_starts, q.start) - 1
        context = text[paragraphs[j].start : paragraphs[j].end] if j >= 0 else q.text
        date, precision, basis = _quote_date(q, owner)
        _append(
            columns["quotes"],
            {
                "quote_id": make_id("qt", art.id, key, q.start, q.end),
                "article_id": art.id,
                "article_title": art.title,
                "published": art.published,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker.name if q.speaker else None,
                "speaker_kind": q.speaker.kind if q.speaker else None,
                "speaker_id": q.speaker.id if q.speaker else None,
                "attribution": q.attribution or None,
                "outlet": q.outlet,
                "date": _day(date) if date else None,
                "date_precision": precision,
                "date_basis": basis,
                "context": context,
                "event_id": owner.id if owner is not None else None,
                **_lonlat(owner.place if owner is not None else None),
            },
        )
    counts: dict[str, int] = {}
    first: dict[str, Any] = {}
    for am in (*extraction.actors, *extraction.orgs):
        counts[am.actor.id] = counts.get(am.actor.id, 0) + 1
        first.setdefault(am.actor.id, am.actor)
    for actor_id, actor in first.items():
        _append(
            columns["actors"],
            {
                "actor_id": actor_id,
                "article_id": art.id,
                "name": actor.name,
                "kind": actor.kind,
                "role": actor.role,
                "country": actor.country,
                "mentions": counts[actor_id],
            },
        )
    _append(
        columns["articles"],
        {
            "article_id": art.id,
            "title": art.title,
            "published": art.published,
            "lang": art.lang,
            "path": art.path,
            "url": art.url,
            "content_hash": art.content_hash or key,
            "problems": extraction.problems,
        },
    )


def _quote_date(quote: Quote, owner: Event | None) -> tuple[str | None, str | None, str | None]:
    """Return (date, precision, basis) of a quote: the day it was said, never the publication.

    The date stated around the quote comes first; else the date of the event the quote
    belongs to (the two are read by one rule, :mod:`geo.events.dating`, so they agree);
    else nothing: the card says "date not stated" beside the publication date.
    """
    if quote.date is not None:
        return quote.date, quote.date_precision, quote.date_basis or None
    if owner is not None and owner.date:
        return owner.date, owner.date_precision, f"event:{owner.date_basis or 'stated'}"
    return None, None, None


def _day(iso: str) -> pd.Timestamp:
    """First day an ISO date at any granularity covers ("2025-08" → 2025-08-01)."""
    parts = iso.split("-")
    while len(parts) < 3:
        parts.append("01")
    return pd.Timestamp("-".join(parts))


def extractions_to_frames(extractions: Iterable[Extraction]) -> Frames:
    """Build the corpus frames from extractions, once, column-wise.

    Parameters
    ----------
    extractions
        One :class:`~geo.model.Extraction` per article, in any order.

    Returns
    -------
    Frames
        places/events/quotes GeoDataFrames in EPSG:4326 (unresolved places keep their row
        with an empty Point) and actors/articles DataFrames; columns as in :mod:`geo.schema`.
    """
    columns = _columns()
    for extraction in extractions:
        _add_extraction(columns, extraction)
    return _build(columns)


def concat_frames(parts: Iterable[Frames]) -> Frames:
    """Concatenate frames (e.g. kept rows of unchanged articles and new extractions)."""
    items = list(parts)
    if not items:
        return empty_frames()
    out: dict[str, Any] = {}
    for name in _FRAME_NAMES:
        frames = [getattr(f, name) for f in items]
        frames = [f for f in frames if len(f)] or frames[:1]
        joined = pd.concat(frames, ignore_index=True)
        if name in _GEO_FRAMES:
            joined = gpd.GeoDataFrame(joined, geometry="geometry", crs=settings.DEFAULT_CRS)
        out[name] = joined
    return normalise_frames(Frames(**out))


def normalise_frames(frames: Frames) -> Frames:
    """Restore the schema's in-memory dtypes after reading files.

    GeoParquet gives list columns back as numpy arrays and dates at other units; this puts
    lists back as lists, dates at ``datetime64[ns]``, ints as int64 and the column order of
    :mod:`geo.schema`.
    """
    out: dict[str, Any] = {}
    for name in _FRAME_NAMES:
        frame = getattr(frames, name).copy()
        for spec in COLUMN_SPECS[name]:
            if spec.name not in frame.columns or spec.dtype == "geometry":
                continue
            col = frame[spec.name]
            if spec.dtype == "list":
                frame[spec.name] = pd.Series(
                    [list(v) if v is not None and not _is_na(v) else [] for v in col],
                    index=frame.index,
                    dtype=object,
                )
            elif spec.dtype == "datetime":
                frame[spec.name] = pd.to_datetime(col).astype("datetime64[ns]")
            elif spec.dtype == "int":
                frame[spec.name] = col.astype("int64")
            elif spec.dtype == "bool":
                frame[spec.name] = col.astype(bool)
            elif spec.dtype in ("str", "json"):
                as_object = col.astype(object)
                frame[spec.name] = as_object.where(col.notna(), None)
        order = [c.name for c in COLUMN_SPECS[name] if c.name in frame.columns]
        frame = frame[order + [c for c in frame.columns if c not in order]]
        if name in _GEO_FRAMES:
            frame = gpd.GeoDataFrame(frame, geometry="geometry", crs=settings.DEFAULT_CRS)
        out[name] = frame.reset_index(drop=True)
    return Frames(**out)


def _is_na(value: Any) -> bool:
    if isinstance(value, (list, tuple, np.ndarray)):
        return False
    return bool(pd.isna(value))


def _json_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_json_value(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if _is_na(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def frames_to_records(frames: Frames) -> dict[str, list[dict[str, Any]]]:
    """Return JSON-ready records per frame; the inverse of :func:`frames_from_records`.

    Geometry becomes ``{"lon", "lat"}`` (``None`` when empty), datetimes ISO strings, list
    columns lists, missing values ``None``.
    """
    records: dict[str, list[dict[str, Any]]] = {}
    for name in _FRAME_NAMES:
        frame = getattr(frames, name)
        columns = [c for c in frame.columns if c != "geometry"]
        rows = []
        geoms = list(frame.geometry) if name in _GEO_FRAMES else [None] * len(frame)
        for values, geom in zip(
            frame[columns].itertuples(index=False, name=None), geoms, strict=True
        ):
            row = {c: _json_value(v) for c, v in zip(columns, values, strict=True)}
            if name in _GEO_FRAMES:
                row["geometry"] = (
                    None if geom is None or geom.is_empty else {"lon": geom.x, "lat": geom.y}
                )
            rows.append(row)
        records[name] = rows
    return records


def frames_from_records(records: Mapping[str, Sequence[Mapping[str, Any]]]) -> Frames:
    """Build frames from records made by :func:`frames_to_records` (its inverse)."""
    columns = _columns()
    for name in _FRAME_NAMES:
        for row in records.get(name, ()):
            geometry = row.get("geometry")
            flat = dict(row)
            flat["lon"] = geometry["lon"] if geometry else None
            flat["lat"] = geometry["lat"] if geometry else None
            _append(columns[name], flat)
    return _build(columns)
