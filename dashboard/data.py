"""Streamlit data access: cached resources and frames, and the session's uploaded articles.

Caches are keyed by strings (the corpus fingerprint, a day), never by hashed GeoDataFrames
(streamlit#8615): unhashable arguments carry a leading underscore. Uploaded articles live in
``st.session_state`` only, so one user's upload never shows up for another.

Downloads (frontline snapshots, boundary files) are tried at most once per day shown and only
when ``geo.settings.ALLOW_FETCH`` is on, with a short timeout; offline, the maps fall back to
the approximate front and to buffered zones, and say so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from dashboard import basemap, stories
from dashboard.filters import empty_frames, merge_frames, spelling_index
from geo import corpus, settings
from geo.errors import ArticleError, GeoError
from geo.extract.actors import load_registry
from geo.frames import Frames, extractions_to_frames
from geo.io.articles import article_from_bytes, read_article
from geo.io.fetch import cached_snapshots
from geo.layers import claims as claims_layer
from geo.layers import diplomacy, evacuation, frontline
from geo.layers.boundaries import fetch_boundaries, load_oblasts
from geo.model import Article
from geo.pipeline import extract_article
from geo.resources import Resources, load_resources

__all__ = [
    "KEY_UPLOADS",
    "MAX_SESSION_UPLOADS",
    "MAX_SESSION_UPLOAD_BYTES",
    "SEEDS_ENV",
    "Loaded",
    "actor_spellings",
    "add_upload",
    "claims",
    "diplomacy_venue",
    "evacuation_zones",
    "extract_upload",
    "frames_bytes",
    "front_for_day",
    "load_frames",
    "outlines",
    "seeds_dir",
    "stories_table",
    "story_articles",
    "with_uploads",
]

SEEDS_ENV = "FRONTLINE_SEEDS_DIR"
PROCESSED_ENV = "FRONTLINE_PROCESSED_DIR"
KEY_UPLOADS = "uploaded_articles"
#: The session's uploaded articles themselves (text and front matter), for the stories.
KEY_UPLOAD_ARTICLES = "uploaded_article_texts"


@dataclass(frozen=True)
class Loaded:
    """Frames plus the notices to show (missing pieces, bad files) and the cache key."""

    frames: Frames
    fingerprint: str
    notices: tuple[str, ...] = field(default=())


def seeds_dir() -> Path:
    """Return the articles folder: ``$FRONTLINE_SEEDS_DIR``, else the bundled seeds."""
    env = os.environ.get(SEEDS_ENV)
    return Path(env) if env else settings.SEEDS_DIR


def _processed_dir() -> Path | None:
    env = os.environ.get(PROCESSED_ENV)
    return Path(env) if env else None


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _resources() -> Resources:
    return load_resources()


@st.cache_data(show_spinner="Reading the articles…", max_entries=4)
def _corpus(seeds: str, processed: str | None, fingerprint: str) -> Frames:
    frames: Frames = corpus.load_corpus(
        seeds_dir=Path(seeds), processed_dir=Path(processed) if processed else None
    )
    return frames


def load_frames() -> Loaded:
    """Return the corpus frames (built from the seeds when missing or stale), cached."""
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


def extract_upload(
    raw: bytes,
    name: str,
    *,
    published: dt.date | None = None,
    lang: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> tuple[str, Frames]:
    """Extract one uploaded or pasted article into frames.

    ``published`` anchors relative dates ("on Wednesday"); it, ``lang``, ``title``, ``url``
    and ``outlet`` override the file's front matter (the Add-article form's fields).

    Raises
    ------
    geo.errors.ArticleError
        The file is empty, binary, too large or has bad front matter (message says which).
    """
    digest = hashlib.sha256(raw).hexdigest()[:8]
    stem = Path(name).stem or "pasted"
    article_id = f"upload-{stem}-{digest}"
    article = article_from_bytes(
        raw,
        article_id=article_id,
        path=name,
        published=published,
        lang=lang if lang in ("nb", "nn", "en") else None,  # type: ignore[arg-type]
    )  # bad file: says why
    given = {"title": title, "url": url, "source": outlet}
    article = dataclasses.replace(article, **{k: v for k, v in given.items() if v})
    extraction = extract_article(article, _resources())
    st.session_state.setdefault(KEY_UPLOAD_ARTICLES, {})[article_id] = article
    return article_id, extractions_to_frames([extraction])


#: What one session keeps of its uploads: at most this many articles, holding at most this
#: many bytes of frames in all (a 2 MB article's frames take about 20 MB). Older uploads are
#: dropped first, and the user is told which.
MAX_SESSION_UPLOADS = 5
MAX_SESSION_UPLOAD_BYTES = 64_000_000


def frames_bytes(frames: Frames) -> int:
    """Return the memory the frames of one upload hold (pandas' deep count)."""
    parts = (frames.places, frames.events, frames.quotes, frames.actors, frames.articles)
    return sum(int(part.memory_usage(deep=True).sum()) for part in parts)


def add_upload(article_id: str, frames: Frames) -> tuple[str, ...]:
    """Keep an extracted upload in this session (never in a module global), within the caps.

    Returns the ids of older uploads dropped to stay within :data:`MAX_SESSION_UPLOADS` and
    :data:`MAX_SESSION_UPLOAD_BYTES`.

    Raises
    ------
    geo.errors.ArticleError
        When this upload alone holds more than :data:`MAX_SESSION_UPLOAD_BYTES`.
    """
    size = frames_bytes(frames)
    if size > MAX_SESSION_UPLOAD_BYTES:
        msg = (
            f"{article_id}: its extracted data takes {size / 1e6:.0f} MB, more than the "
            f"{MAX_SESSION_UPLOAD_BYTES / 1e6:.0f} MB one session may keep; split the article."
        )
        raise ArticleError(msg)
    uploads: dict[str, Frames] = dict(st.session_state.get(KEY_UPLOADS, {}))
    uploads.pop(article_id, None)
    uploads[article_id] = frames  # newest last: dicts keep insertion order
    sizes = {key: frames_bytes(value) for key, value in uploads.items()}
    dropped: list[str] = []
    while len(uploads) > MAX_SESSION_UPLOADS or sum(sizes.values()) > MAX_SESSION_UPLOAD_BYTES:
        oldest = next(iter(uploads))
        dropped.append(oldest)
        del uploads[oldest], sizes[oldest]
        st.session_state.get(KEY_UPLOAD_ARTICLES, {}).pop(oldest, None)
    st.session_state[KEY_UPLOADS] = uploads
    return tuple(dropped)


def _row_article(row: Any) -> Article:
    """Return the article of a corpus row whose file is gone: title, day and file, no text."""
    published = pd.Timestamp(row.published) if pd.notna(row.published) else None
    return Article(
        id=str(row.article_id), text="", lang=row.lang,
        published=published.date() if published is not None else None,
        title=row.title if isinstance(row.title, str) else None,
        path=row.path if isinstance(row.path, str) else None,
    )  # fmt: skip


@st.cache_data(show_spinner=False, max_entries=4)
def _corpus_articles(key: tuple[str, ...], _rows: pd.DataFrame) -> list[Article]:
    """Read the corpus's article files again for their text (``key`` names the rows).

    An article whose file cannot be read any more keeps its row's title and day with no
    text: a story of its own, so every article shown is counted in exactly one story.
    """
    found = []
    for row in _rows.itertuples(index=False):
        try:
            article = read_article(str(row.path)) if isinstance(row.path, str) else None
        except (GeoError, OSError):
            article = None
        if article is None or article.id != row.article_id:
            article = _row_article(row)
        found.append(article)
    return found


def _rows_key(fingerprint: str, rows: pd.DataFrame) -> tuple[str, ...]:
    pairs = zip(rows["article_id"].astype(str), rows["path"].astype(str), strict=True)
    return (fingerprint, *(f"{a}\x1f{p}" for a, p in pairs))


def story_articles(loaded: Loaded) -> list[Article]:
    """Return every article shown (corpus files and this session's uploads) with its text.

    What :func:`stories_table` groups into stories; one per row of the articles frame.
    """
    texts: dict[str, Article] = st.session_state.get(KEY_UPLOAD_ARTICLES, {})
    rows = loaded.frames.articles
    uploaded = rows["article_id"].isin(texts)
    corpus_rows = rows[~uploaded]
    articles = list(_corpus_articles(_rows_key(loaded.fingerprint, corpus_rows), corpus_rows))
    articles += [texts[str(key)] for key in rows.loc[uploaded, "article_id"]]
    return articles


def stories_table(loaded: Loaded) -> pd.DataFrame:
    """Return :func:`dashboard.stories.copies_table` of the articles shown, cached.

    ``loaded`` comes from :func:`with_uploads`: its fingerprint and article rows (the corpus
    and the session's uploads) key the cache.
    """
    rows = loaded.frames.articles
    return _stories_table(_rows_key(loaded.fingerprint, rows), story_articles(loaded))


@st.cache_data(show_spinner="Grouping the articles into stories…", max_entries=8)
def _stories_table(key: tuple[str, ...], _articles: list[Article]) -> pd.DataFrame:
    return stories.copies_table(_articles)


@st.cache_resource(show_spinner=False)
def actor_spellings() -> dict[str, str]:
    """Return ``{folded spelling: canonical name}`` for every actor the registry knows.

    Lets the actor filter take Zelenskyj, Zelenskiy or Зеленський for Volodymyr Zelensky.
    An unreadable registry gives an empty index (names then match only as written).
    """
    try:
        registry = load_registry()
    except GeoError:
        return {}
    return spelling_index({actor.name: actor.aliases for actor in registry})


@st.cache_resource(show_spinner=False)
def outlines(extent: str) -> str | None:
    """Offline country outlines (GeoJSON text) for a map extent; ``None`` if unavailable."""
    try:
        return basemap.outlines_geojson(extent)
    except basemap.BasemapError:
        return None


#: After a failed download, neither that file nor (if the network itself failed) any other
#: is tried again for this long: an offline deploy must not stall every rerun on timeouts.
RETRY_AFTER_S = 600.0
_UNREACHABLE = ("timeout", "cannot connect", "connection failed")


@dataclass
class _FetchLog:
    """Process-wide memory of failed downloads (shared by sessions, like the cache)."""

    failed_at: dict[str, float] = field(default_factory=dict)
    problems: dict[str, tuple[str, ...]] = field(default_factory=dict)


@st.cache_resource(show_spinner=False)
def _fetch_log() -> _FetchLog:
    return _FetchLog()


def _attempt(key: str, download: Callable[[], tuple[str, ...]]) -> tuple[str, ...]:
    """Run ``download`` unless downloads are off or it (or the network) failed recently.

    Returns the problems met, or those of the last failed attempt while waiting to retry.
    """
    if not settings.ALLOW_FETCH:
        return ()
    log, now = _fetch_log(), time.monotonic()
    for recent in (key, "network"):
        if now - log.failed_at.get(recent, -RETRY_AFTER_S) < RETRY_AFTER_S:
            return log.problems.get(recent, ())
    problems = download()
    if problems:
        log.failed_at[key], log.problems[key] = now, problems
        if any(marker in problem for problem in problems for marker in _UNREACHABLE):
            log.failed_at["network"], log.problems["network"] = now, problems
    return problems


def _prefetch(day: dt.date) -> tuple[str, ...]:
    """Download the snapshots ``day`` needs (cached files are never fetched again)."""
    return _attempt(
        f"front:{day}",
        lambda: frontline.prefetch_front(day, timeout=settings.APP_FETCH_TIMEOUT_S),
    )


def _download_boundaries() -> tuple[str, ...]:
    try:
        fetch_boundaries(timeout=settings.APP_FETCH_TIMEOUT_S)
    except GeoError as exc:
        return (str(exc),)
    return ()


def _boundaries() -> str | None:
    """Download the oblast/hromada outlines if missing; return a notice when that failed."""
    problems = _attempt("boundaries", _download_boundaries)
    if problems:
        return f"Boundary outlines unavailable ({problems[0]}); zones are drawn as buffers."
    return None


def front_for_day(day: dt.date) -> tuple[frontline.FrontLayer | None, str | None]:
    """Return ``(FrontLayer or None, notice)`` for a day, fetching its snapshots if allowed."""
    problems = _prefetch(day)
    cached = tuple(sorted(str(d) for d in cached_snapshots()))
    layer, notice = _front_layer(day, cached)
    if notice is None and problems and layer is not None and layer.is_approximate:
        notice = f"Could not download the snapshot for {day}: {problems[0]}"
    return layer, notice


@st.cache_resource(show_spinner="Loading the front line…", max_entries=8)
def _front_layer(
    day: dt.date, cached: tuple[str, ...]
) -> tuple[frontline.FrontLayer | None, str | None]:
    """Compute the day's layer; ``cached`` (the cached snapshot dates) keys the cache."""
    try:
        layer = frontline.front_for_day(day)
    except GeoError as exc:
        return None, f"No front line for {day}: {exc}"
    return _for_web(layer), None


def _for_web(layer: frontline.FrontLayer) -> frontline.FrontLayer:
    """Return the layer with display-simplified geometry (measurements never use this)."""
    lighter = {
        name: frontline.simplify_for_web(getattr(layer, name))
        for name in ("occupied", "advances")
        if not getattr(layer, name).empty
    }
    return dataclasses.replace(layer, **lighter)


@st.cache_resource(show_spinner=False, max_entries=8)
def evacuation_zones(
    fingerprint: str, day: dt.date, _events: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame | None, str | None]:
    """Return ``(zones or None, notice)``, computed once per corpus and day.

    Distances to the front are measured on the day's full-resolution front, never on the
    simplified copy the map draws.
    """
    notice = _boundaries()
    try:
        measured = frontline.front_for_day(day).occupied
        return evacuation.evacuation_zones(front=measured, events=_events), notice
    except GeoError as exc:
        return None, f"Evacuation zones unavailable: {exc}"


@st.cache_data(show_spinner=False, max_entries=16)
def claims(fingerprint: str, event_ids: tuple[str, ...], _events: gpd.GeoDataFrame) -> Any:
    """Return the claim check (claimed vs measured km²) for the shown events, or ``None``.

    The snapshots of each claimed day are fetched first when downloads are allowed.
    """
    if _events.empty:
        return None
    for day in _claimed_days(_events):
        _prefetch(day)
    try:
        result: pd.DataFrame = claims_layer.check_claims(_events)
    except GeoError:
        return None
    return result


def _claimed_days(events: gpd.GeoDataFrame) -> list[dt.date]:
    """Days of the events that claim an area (their snapshots measure the claim)."""
    claimed = events[events["quantities"].astype(str).str.contains("area_km2", regex=False)]
    return sorted({d.date() for d in pd.to_datetime(claimed["date"]).dropna()})


@st.cache_resource(show_spinner=False)
def diplomacy_venue() -> tuple[Any, dict[str, float]]:
    """Return the summit venue and its geodesic distances in km, by destination."""
    table = diplomacy.venue_distances()
    distances = {
        str(name): float(km) for name, km in zip(table["target"], table["distance_km"], strict=True)
    }
    return diplomacy.SUMMIT_VENUE, distances


@st.cache_resource(show_spinner=False)
def oblast_outlines() -> str | None:
    """Oblast borders (GeoJSON text) when the geoBoundaries file is cached, else ``None``.

    No PyPI package ships admin-1 outlines, so offline maps show oblast *names* only
    (:mod:`dashboard.maps.places`); borders appear once the boundaries are downloaded.
    """
    try:
        oblasts = load_oblasts()
    except (GeoError, OSError):
        return None
    if oblasts.empty:
        return None
    shown = gpd.GeoDataFrame(
        {"name": oblasts["oblast"].astype(str)},
        geometry=oblasts.geometry.simplify(0.01, preserve_topology=True),
        crs=oblasts.crs,
    )
    return str(shown.to_json(drop_id=True))
