"""Streamlit data access: cached resources and frames, and the session's uploaded articles.

Caches are keyed by strings (the corpus fingerprint, a day), never by hashed GeoDataFrames
(streamlit#8615): unhashable arguments carry a leading underscore. Uploaded articles live in
``st.session_state`` only, so one user's upload never shows up for another.

Pieces of :mod:`geo` that are not installed yet (corpus builder, frontline, evacuation and
diplomacy layers) are reported as a notice and the rest of the dashboard still works.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from dashboard import basemap
from dashboard.filters import empty_frames, merge_frames
from geo import settings
from geo.errors import GeoError
from geo.frames import Frames

__all__ = [
    "KEY_UPLOADS",
    "SEEDS_ENV",
    "Loaded",
    "add_upload",
    "claims",
    "diplomacy_venue",
    "evacuation_zones",
    "extract_upload",
    "front_for_day",
    "load_frames",
    "outlines",
    "seeds_dir",
    "with_uploads",
]

SEEDS_ENV = "FRONTLINE_SEEDS_DIR"
PROCESSED_ENV = "FRONTLINE_PROCESSED_DIR"
KEY_UPLOADS = "uploaded_articles"


@dataclass(frozen=True)
class Loaded:
    """Frames plus the notices to show (missing pieces, bad files) and the cache key."""

    frames: Frames
    fingerprint: str
    notices: tuple[str, ...] = field(default=())


def _optional(module: str) -> ModuleType | None:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def seeds_dir() -> Path:
    """Return the articles folder: ``$FRONTLINE_SEEDS_DIR``, else the bundled seeds."""
    env = os.environ.get(SEEDS_ENV)
    return Path(env) if env else settings.SEEDS_DIR


def _processed_dir() -> Path | None:
    env = os.environ.get(PROCESSED_ENV)
    return Path(env) if env else None


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _resources() -> Any:
    from geo.resources import load_resources  # noqa: PLC0415 - heavy, loaded on first use

    return load_resources()


@st.cache_data(show_spinner="Reading the articles…", max_entries=4)
def _corpus(seeds: str, processed: str | None, fingerprint: str) -> Frames:
    corpus = importlib.import_module("geo.corpus")
    frames: Frames = corpus.load_corpus(
        seeds_dir=Path(seeds), processed_dir=Path(processed) if processed else None
    )
    return frames


def load_frames() -> Loaded:
    """Return the corpus frames (built from the seeds when missing or stale), cached."""
    corpus = _optional("geo.corpus")
    if corpus is None:
        return Loaded(
            empty_frames(),
            "none",
            ("The corpus builder (geo.corpus) is not installed yet: add an article below.",),
        )
    seeds, processed = seeds_dir(), _processed_dir()
    try:
        fingerprint = str(corpus.corpus_fingerprint(seeds_dir=seeds, processed_dir=processed))
        frames = _corpus(str(seeds), str(processed) if processed else None, fingerprint)
    except GeoError as exc:
        return Loaded(empty_frames(), "error", (f"Could not read the articles: {exc}",))
    return Loaded(frames, fingerprint)


def with_uploads(loaded: Loaded) -> Loaded:
    """Return ``loaded`` with this session's uploaded articles merged in."""
    uploads: dict[str, Frames] = st.session_state.get(KEY_UPLOADS, {})
    frames = loaded.frames
    for upload in uploads.values():
        frames = merge_frames(frames, upload)
    suffix = "+" + "+".join(sorted(uploads)) if uploads else ""
    return Loaded(frames, loaded.fingerprint + suffix, loaded.notices)


def extract_upload(raw: bytes, name: str) -> tuple[str, Frames]:
    """Extract one uploaded or pasted article into frames.

    Raises
    ------
    geo.errors.ArticleError
        The file is empty, binary, too large or has bad front matter (message says which).
    RuntimeError
        The extraction pieces of ``geo`` needed here are not installed yet.
    """
    from geo.io.articles import article_from_bytes  # noqa: PLC0415
    from geo.pipeline import extract_article  # noqa: PLC0415

    digest = hashlib.sha256(raw).hexdigest()[:8]
    stem = Path(name).stem or "pasted"
    article_id = f"upload-{stem}-{digest}"
    article = article_from_bytes(raw, article_id=article_id, path=name)  # bad file: says why
    frames_module = importlib.import_module("geo.frames")
    to_frames = getattr(frames_module, "extractions_to_frames", None)
    if to_frames is None:
        msg = "geo.frames.extractions_to_frames is not installed yet; cannot show uploads."
        raise RuntimeError(msg)
    extraction = extract_article(article, _resources())
    return article_id, to_frames([extraction])


def add_upload(article_id: str, frames: Frames) -> None:
    """Keep an extracted upload in this session (never in a module global)."""
    uploads: dict[str, Frames] = dict(st.session_state.get(KEY_UPLOADS, {}))
    uploads[article_id] = frames
    st.session_state[KEY_UPLOADS] = uploads


@st.cache_resource(show_spinner=False)
def outlines(extent: str) -> str | None:
    """Offline country outlines (GeoJSON text) for a map extent; ``None`` if unavailable."""
    try:
        return basemap.outlines_geojson(extent)
    except basemap.BasemapError:
        return None


@st.cache_resource(show_spinner="Loading the front line…", max_entries=8)
def front_for_day(day: dt.date) -> tuple[Any, str | None]:
    """Return ``(FrontLayer or None, notice)`` for a day, from ``geo.layers.frontline``."""
    module = _optional("geo.layers.frontline")
    if module is None:
        return None, "The frontline layer (geo.layers.frontline) is not installed yet."
    try:
        layer = module.front_for_day(day)
    except (GeoError, OSError) as exc:
        return None, f"No front line for {day}: {exc}"
    return _for_web(layer, getattr(module, "simplify_for_web", None)), None


def _for_web(layer: Any, simplify: Any) -> Any:
    """Return the layer with display-simplified geometry (measurements never use this)."""
    if simplify is None or not dataclasses.is_dataclass(layer):
        return layer
    lighter = {}
    for name in ("occupied", "advances"):
        frame = getattr(layer, name)
        if frame is None or frame.empty:
            continue
        try:
            lighter[name] = simplify(frame)
        except (GeoError, TypeError, ValueError):
            continue  # the full geometry is heavier but still right
    return dataclasses.replace(layer, **lighter)


@st.cache_resource(show_spinner=False, max_entries=8)
def evacuation_zones(
    fingerprint: str, day: dt.date, _front: Any, _events: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame | None, str | None]:
    """Return ``(zones or None, notice)``, computed once per corpus and day."""
    module = _optional("geo.layers.evacuation")
    if module is None:
        return None, "The evacuation layer (geo.layers.evacuation) is not installed yet."
    try:
        occupied = getattr(_front, "occupied", None)
        return module.evacuation_zones(front=occupied, events=_events), None
    except (GeoError, OSError) as exc:
        return None, f"Evacuation zones unavailable: {exc}"


@st.cache_data(show_spinner=False, max_entries=16)
def claims(fingerprint: str, event_ids: tuple[str, ...], _events: gpd.GeoDataFrame) -> Any:
    """Return the claim check (claimed vs measured km²) for the shown events, or ``None``."""
    module = _optional("geo.layers.claims")
    if module is None or _events.empty:
        return None
    try:
        result: pd.DataFrame = module.check_claims(_events)
    except (GeoError, OSError):
        return None
    return result


@st.cache_resource(show_spinner=False)
def diplomacy_venue() -> tuple[Any, dict[str, float]]:
    """Return the summit venue and its distances (km by destination), if available."""
    module = _optional("geo.layers.diplomacy")
    if module is None:
        return None, {}
    venue = getattr(module, "SUMMIT_VENUE", None)
    distances: dict[str, float] = {}
    try:
        raw = module.venue_distances()
    except (GeoError, OSError, AttributeError):
        return venue, {}
    if isinstance(raw, pd.DataFrame) and not raw.empty:
        name_col = next((c for c in raw.columns if raw[c].dtype == object), raw.columns[0])
        km_col = next((c for c in raw.columns if "km" in str(c)), raw.columns[-1])
        distances = {str(n): float(k) for n, k in zip(raw[name_col], raw[km_col], strict=True)}
    elif isinstance(raw, dict):
        distances = {str(k): float(v) for k, v in raw.items()}
    return venue, distances
