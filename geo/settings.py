"""Typed, documented settings for the library (one module, osmnx style).

Tests and callers override them with ``monkeypatch.setattr(geo.settings, NAME, value)``;
functions read them at call time (``settings.X``), never at import time, for that reason.

Attributes
----------
PROJECT_ROOT
    The repository root (the folder holding ``pyproject.toml``) for an editable install.
DATA_DIR
    Shipped, hand-made data: ``registry/actors.csv``, ``evacuations.csv``, ``frontline_approx.csv``.
SEEDS_DIR
    The bundled articles the dashboard shows by default.
PROCESSED_DIR
    Output of ``python -m geo build``: GeoParquet files plus ``manifest.json``.
CACHE_DIR
    Disk caches (the gazetteer index, fetched frontline snapshots). Ignored by git. Override
    with the ``FRONTLINE_CACHE_DIR`` environment variable.
DEFAULT_CRS
    CRS of every GeoDataFrame the library returns (WGS84 lon/lat).
EQUAL_AREA_CRS
    Equal-area projection used for every area in km² (never compute areas in degrees).
MAX_ARTICLE_BYTES
    Largest article file accepted; larger files raise :class:`geo.errors.ArticleError`.
    Also the largest article text (in characters) the pipeline extracts.
SUPPORTED_DATES
    First and last date the library resolves or accepts as a publication date: what the
    frames' ``datetime64[ns]`` columns hold (1677-09-21 to 2262-04-11), with a margin.
    Dates outside are refused in front matter and left unresolved in text, never clamped.
MAX_ARTICLE_SECONDS
    Time budget of one article's extraction: an article still running when a stage ends past
    it is reported as bad (:class:`geo.errors.ArticleError`) so a batch never stalls on it.
FETCH_TIMEOUT_S
    Timeout of one HTTP request when fetching frontline snapshots.
FRONTLINE_SOURCE_URL
    URL template of daily DeepStateMap snapshots; ``{date}`` is ``YYYYMMDD``.
ALLOW_FETCH
    Whether the app may download frontline snapshots and boundary files it lacks (the CLI's
    ``frontline fetch`` always may). Off when ``FRONTLINE_OFFLINE`` is set; tests set it.
APP_FETCH_TIMEOUT_S
    Timeout of one download started by the dashboard: short, so an offline deploy shows the
    approximate front quickly instead of hanging.
WEB_SIMPLIFY_TOLERANCE_DEG
    Topology-preserving simplification for display only (never before measuring areas).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Final

__all__ = [
    "ALLOW_FETCH",
    "APP_FETCH_TIMEOUT_S",
    "CACHE_DIR",
    "DATA_DIR",
    "DEFAULT_CRS",
    "EQUAL_AREA_CRS",
    "FETCH_TIMEOUT_S",
    "FRONTLINE_SOURCE_URL",
    "MAX_ARTICLE_BYTES",
    "MAX_ARTICLE_SECONDS",
    "PROCESSED_DIR",
    "PROJECT_ROOT",
    "SEEDS_DIR",
    "SUPPORTED_DATES",
    "WEB_SIMPLIFY_TOLERANCE_DEG",
]


def _project_root() -> Path:
    """Find the repository root: beside the package (editable install), else the cwd.

    A non-editable install (``pip install .``) puts ``geo`` in site-packages, where ``data/``
    and ``seeds/`` are absent; Streamlit Community Cloud runs the app from the repository
    root, so the working directory is then the right place. ``FRONTLINE_PROJECT_ROOT`` wins.
    """
    env = os.environ.get("FRONTLINE_PROJECT_ROOT")
    if env:
        return Path(env).resolve()
    beside = Path(__file__).resolve().parent.parent
    if (beside / "data").is_dir() and (beside / "seeds").is_dir():
        return beside
    return Path.cwd().resolve()


PROJECT_ROOT: Path = _project_root()
DATA_DIR: Path = PROJECT_ROOT / "data"
SEEDS_DIR: Path = PROJECT_ROOT / "seeds"
PROCESSED_DIR: Path = DATA_DIR / "processed"
CACHE_DIR: Path = Path(os.environ.get("FRONTLINE_CACHE_DIR", PROJECT_ROOT / "data" / "cache"))

DEFAULT_CRS: Final = "EPSG:4326"
EQUAL_AREA_CRS: Final = "EPSG:6933"

MAX_ARTICLE_BYTES: int = 2_000_000
SUPPORTED_DATES: tuple[dt.date, dt.date] = (dt.date(1678, 1, 1), dt.date(2261, 12, 31))
MAX_ARTICLE_SECONDS: float = 60.0  # a 2 MB article takes about 6 s on one core
FETCH_TIMEOUT_S: float = 20.0
ALLOW_FETCH: bool = not os.environ.get("FRONTLINE_OFFLINE")
APP_FETCH_TIMEOUT_S: float = 5.0
FRONTLINE_SOURCE_URL: str = (
    "https://raw.githubusercontent.com/cyterat/deepstate-map-data/main/data/"
    "deepstatemap_data_{date}.geojson"
)
WEB_SIMPLIFY_TOLERANCE_DEG: float = 0.0005  # <= 34 m shift: under 1 px up to zoom 10
