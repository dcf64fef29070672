"""Write frames to files for the dashboard, QGIS and spreadsheets — atomically.

Why atomic: a build that dies midway (a full disk, a killed process) must leave the previous
outputs readable. Every file is written to a temporary name in the same folder and moved
into place with ``os.replace`` (atomic on POSIX and Windows); :func:`write_frames` writes
every file first and replaces them only when all are written.

Formats
    ``parquet``  GeoParquet for the geo frames (places, events, quotes) and Parquet for
                 actors/articles; list columns stay lists. What the dashboard reads.
    ``geojson``  one FeatureCollection per geo frame (RFC 7946, lon/lat); list columns are
                 JSON arrays, ``quantities`` a JSON object, dates ISO strings, an
                 unresolved place a ``null`` geometry. For QGIS.
    ``csv``      one UTF-8 CSV per frame with ``lon``/``lat`` columns instead of geometry,
                 list columns joined with "; ", dates ISO. For spreadsheets.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.errors import SchemaError
from geo.frames import Frames, normalise_frames
from geo.io.csv_safe import neutralise_frame
from geo.schema import COLUMN_SPECS

__all__ = [
    "FORMATS",
    "atomic_path",
    "atomic_write_text",
    "frame_to_csv_text",
    "frame_to_geojson",
    "read_frames",
    "write_frames",
]

FORMATS = ("parquet", "geojson", "csv")
_GEO_FRAMES = ("places", "events", "quotes")
_ALL_FRAMES = ("places", "events", "quotes", "actors", "articles")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _list_columns(name: str) -> list[str]:
    return [c.name for c in COLUMN_SPECS[name] if c.dtype == "list"]


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def frame_to_geojson(frame: gpd.GeoDataFrame, name: str) -> str:
    """Return a geo frame as GeoJSON text (see module docstring for the conventions)."""
    columns = [c for c in frame.columns if c != "geometry"]
    features = []
    for values, geom in zip(
        frame[columns].itertuples(index=False, name=None), frame.geometry, strict=True
    ):
        props = {c: _plain(v) for c, v in zip(columns, values, strict=True)}
        if name == "events" and props.get("quantities"):
            props["quantities"] = json.loads(props["quantities"])
        empty = geom is None or geom.is_empty
        geometry = None if empty else {"type": "Point", "coordinates": [geom.x, geom.y]}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def frame_to_csv_text(frame: pd.DataFrame, name: str) -> str:
    """Return a frame as CSV text: lon/lat columns, lists joined with "; ", ISO dates."""
    table = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    for column in _list_columns(name):
        if column in table.columns:
            table[column] = [
                "; ".join(str(v) for v in values) if values is not None else ""
                for values in table[column]
            ]
    for column in table.columns:
        if pd.api.types.is_datetime64_any_dtype(table[column]):
            table[column] = table[column].dt.strftime("%Y-%m-%d")
    if isinstance(frame, gpd.GeoDataFrame):
        geoms = frame.geometry
        usable = [g is not None and not g.is_empty for g in geoms]
        table["lon"] = [g.x if ok else None for g, ok in zip(geoms, usable, strict=True)]
        table["lat"] = [g.y if ok else None for g, ok in zip(geoms, usable, strict=True)]
    return str(neutralise_frame(table).to_csv(index=False, lineterminator="\n"))


def _write_one(frame: pd.DataFrame, name: str, fmt: str, tmp: Path) -> None:
    if fmt == "parquet":
        frame.to_parquet(tmp, index=False)
    elif fmt == "geojson":
        tmp.write_text(frame_to_geojson(frame, name), encoding="utf-8")
    else:
        tmp.write_text(frame_to_csv_text(frame, name), encoding="utf-8")


def _suffix(fmt: str) -> str:
    return {"parquet": ".parquet", "geojson": ".geojson", "csv": ".csv"}[fmt]


def write_frames(
    frames: Frames, out_dir: Path, *, formats: Sequence[str] = ("parquet",)
) -> list[Path]:
    """Write ``frames`` to ``out_dir`` in each format; return the paths written.

    All files are written under temporary names first and moved into place only when every
    one succeeded, so a failure leaves the previous outputs untouched. GeoJSON is written
    for the geo frames only (actors/articles have no geometry).

    Raises
    ------
    SchemaError
        For an unknown format (the message lists the supported ones).
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        msg = f"unknown output format(s) {unknown}; use {list(FORMATS)}"
        raise SchemaError(msg)
    out_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        planned: list[Path] = []
        for fmt in dict.fromkeys(formats):
            names = _GEO_FRAMES if fmt == "geojson" else _ALL_FRAMES
            for name in names:
                target = out_dir / f"{name}{_suffix(fmt)}"
                tmp = stack.enter_context(_deferred(target))
                _write_one(getattr(frames, name), name, fmt, tmp)
                planned.append(target)
        stack.pop_all().close()  # every file written: move all into place
    return planned


class _Deferred:
    """A temporary file replaced onto its target only when the stack closes cleanly."""

    def __init__(self, target: Path) -> None:
        self.target = target
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        self.tmp = Path(tmp_name)

    def __enter__(self) -> Path:
        return self.tmp

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            if exc_type is None:
                os.replace(self.tmp, self.target)
        finally:
            self.tmp.unlink(missing_ok=True)


def _deferred(target: Path) -> _Deferred:
    return _Deferred(target)


def read_frames(out_dir: Path) -> Frames:
    """Read the Parquet outputs of :func:`write_frames` back into :class:`Frames`.

    Raises
    ------
    FileNotFoundError
        When a frame's file is missing (build the corpus first: ``python -m geo build``).
    """
    parts: dict[str, Any] = {}
    for name in _ALL_FRAMES:
        path = out_dir / f"{name}.parquet"
        parts[name] = gpd.read_parquet(path) if name in _GEO_FRAMES else pd.read_parquet(path)
    return normalise_frames(Frames(**parts))
