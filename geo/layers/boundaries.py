"""Oblast, hromada and settlement outlines for the frontline and evacuation layers.

The project ships no boundary geometry (the brief forbids copying third-party data in). The
layers read a *boundaries folder* laid out as the public sources publish it:

``geoboundaries/geoBoundaries-UKR-ADM1_simplified.geojson``
    the 27 first-level units (fields ``shapeName``, ``shapeISO``); geoBoundaries gbOpen,
    ODbL — "© OpenStreetMap contributors; boundaries courtesy of geoBoundaries.org".
``osm-darmat1/<oblast>.<raion>_rayon.geojson``
    hromadas (OSM admin_level 7, ``katotth`` = KATOTTG code);
``osm-darmat1/<oblast>.<raion>.<hromada>_hromada.geojson``
    settlements (admin_level 10, incomplete); both OpenStreetMap, ODbL — "© OpenStreetMap
    contributors".

Where the folder comes from: tests and benchmarks pass ``../shared/data/boundaries``; the
deployed app calls :func:`fetch_boundaries`, which downloads the same files from their public
GitHub repositories at pinned commits into ``settings.CACHE_DIR / "boundaries"`` through
:mod:`geo.io.fetch` (once; validated; atomic). Without any folder every function here returns
an empty frame and callers fall back (per-oblast areas are omitted, zones become buffers).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Final

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.errors import SnapshotError
from geo.io.fetch import ensure_cached

__all__ = [
    "ATTRIBUTION",
    "BOUNDARY_SOURCES",
    "OBLAST_FILE",
    "default_boundaries_dir",
    "fetch_boundaries",
    "load_hromadas",
    "load_oblasts",
    "load_settlements",
]

#: Credit line for any map drawing these outlines (both sources are ODbL).
ATTRIBUTION: Final = "© OpenStreetMap contributors (ODbL); boundaries courtesy of geoBoundaries.org"
OBLAST_FILE: Final = "geoboundaries/geoBoundaries-UKR-ADM1_simplified.geojson"
_GEOBOUNDARIES_URL: Final = (
    "https://raw.githubusercontent.com/zzmy78/maps/c88664dc8d66f93a7d56c147083a51ff16bae294/"
    "geoBoundaries-UKR-ADM1_simplified.geojson"
)
_DARMAT_URL: Final = (
    "https://raw.githubusercontent.com/darmat1/ukraine-geo-data/"
    "1eca9d6972b9eba4cec9f308f53da87c232abfc3/geodata/{name}"
)
#: Files the deployed app needs (relative path → public URL): oblasts, the raion files holding
#: the evacuated hromadas, and the settlement files of those hromadas.
BOUNDARY_SOURCES: Final[dict[str, str]] = {
    OBLAST_FILE: _GEOBOUNDARIES_URL,
    **{
        f"osm-darmat1/{name}": _DARMAT_URL.format(name=name)
        for name in (
            "donetska_oblast.pokrovskyy_rayon.geojson",
            "donetska_oblast.kramatorskyy_rayon.geojson",
            "donetska_oblast.pokrovskyy_rayon.bilozerska_miska_hromada.geojson",
            "donetska_oblast.pokrovskyy_rayon.dobropilska_miska_hromada.geojson",
            "donetska_oblast.kramatorskyy_rayon.druzhkivska_miska_hromada.geojson",
            "donetska_oblast.kramatorskyy_rayon.lymanska_miska_hromada.geojson",
        )
    },
}

_ADMIN_COLUMNS: Final = ["name_uk", "name_en", "katottg", "source_file", "geometry"]


def default_boundaries_dir() -> Path:
    """Return ``settings.CACHE_DIR / "boundaries"`` (where :func:`fetch_boundaries` writes)."""
    return settings.CACHE_DIR / "boundaries"


def fetch_boundaries(
    cache_dir: Path | None = None, *, timeout: float | None = None
) -> dict[str, Path]:
    """Download the boundary files of :data:`BOUNDARY_SOURCES` that are not cached yet.

    Each body is read as GeoJSON before it is written (atomically); a file that fails raises
    :class:`geo.errors.FetchError`/:class:`SnapshotError` and leaves the cache as it was.
    Cached files are verified first (SHA-256 beside each, else the GeoJSON check): a
    truncated or altered one is fetched again (:func:`geo.io.fetch.ensure_cached`).
    Returns the local paths by relative name.
    """
    folder = Path(cache_dir) if cache_dir is not None else default_boundaries_dir()
    paths: dict[str, Path] = {}
    for relative, url in BOUNDARY_SOURCES.items():
        target = folder / relative
        ensure_cached(url, target, timeout=timeout, validate=_validator(url))  # heals damage
        paths[relative] = target
    return paths


def _validator(url: str) -> Callable[[bytes], None]:
    def validate(body: bytes) -> None:
        try:
            doc = json.loads(body)
        except ValueError as exc:
            msg = f"{url}: the body is not GeoJSON ({exc}); nothing was cached"
            raise SnapshotError(msg) from exc
        if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
            msg = f"{url}: the body is not a GeoJSON FeatureCollection; nothing was cached"
            raise SnapshotError(msg)

    return validate


def _resolve(boundaries_dir: Path | None) -> Path | None:
    folder = Path(boundaries_dir) if boundaries_dir is not None else default_boundaries_dir()
    return folder if folder.is_dir() else None


def load_oblasts(boundaries: Path | None = None) -> gpd.GeoDataFrame:
    """Return first-level units: columns ``oblast`` (English), ``iso`` (UA-14), geometry.

    ``boundaries`` is a boundaries folder (its :data:`OBLAST_FILE` is read) or an oblast
    GeoJSON file itself: geoBoundaries ADM1 (``shapeName``/``shapeISO``) or an OSM export
    (``name:en``/``iso3166-2``). Empty (same columns) when nothing is there.
    """
    target = Path(boundaries) if boundaries is not None else default_boundaries_dir()
    path = target if target.is_file() else target / OBLAST_FILE
    if not path.is_file():
        return gpd.GeoDataFrame({"oblast": [], "iso": []}, geometry=[], crs=settings.DEFAULT_CRS)
    return _read_oblasts(str(path), path.stat().st_mtime_ns).copy()


def _read_file(path: str) -> gpd.GeoDataFrame:
    """Read a boundary file; a truncated or corrupt one raises :class:`SnapshotError`.

    Why: a damaged file in the cache made every evacuation view fail with a low-level GDAL
    error; callers catch :class:`~geo.errors.GeoError` and show a notice instead.
    """
    try:
        return gpd.read_file(path)
    except (RuntimeError, ValueError, OSError) as exc:  # pyogrio's errors are RuntimeErrors
        msg = (
            f"{path}: the boundary file is unreadable ({type(exc).__name__}: {exc}); it may be "
            "truncated. Delete it: the app fetches it again when downloads are allowed."
        )
        raise SnapshotError(msg) from exc


@functools.lru_cache(maxsize=4)
def _read_oblasts(path: str, _mtime_ns: int) -> gpd.GeoDataFrame:
    frame = _read_file(path)
    frame = frame.rename(
        columns={"shapeName": "oblast", "shapeISO": "iso", "name:en": "oblast", "iso3166-2": "iso"}
    )
    if "oblast" not in frame or "iso" not in frame:
        msg = f"{path}: not an oblast file (needs shapeName/shapeISO or name:en/iso3166-2)"
        raise SnapshotError(msg)
    frame = frame[frame.geom_type.isin(["Polygon", "MultiPolygon"])]
    frame = frame[["oblast", "iso", "geometry"]].to_crs(settings.DEFAULT_CRS)
    frame["geometry"] = frame.geometry.make_valid()
    return frame.reset_index(drop=True)


def load_hromadas(boundaries_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Return hromada polygons (admin_level 7) from every ``*_rayon.geojson`` in the folder.

    Columns ``name_uk``, ``name_en``, ``katottg``, ``source_file``, geometry; one row per
    KATOTTG code (a neighbour repeated in two raion files is kept once).
    """
    frame = _load_admin(boundaries_dir, "*_rayon.geojson", level="7")
    return frame.drop_duplicates("katottg").reset_index(drop=True)


def load_settlements(boundaries_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Return settlement polygons (admin_level 10) from every ``*_hromada.geojson``.

    OSM coverage is incomplete: a missing settlement means "no polygon", not "no place".
    """
    return _load_admin(boundaries_dir, "*_hromada.geojson", level="10")


def _load_admin(boundaries_dir: Path | None, pattern: str, *, level: str) -> gpd.GeoDataFrame:
    folder = _resolve(boundaries_dir)
    frames = []
    if folder is not None:
        for path in sorted(folder.rglob(pattern)):
            frames.append(_read_admin(str(path), path.stat().st_mtime_ns, level))
    if not frames:
        return gpd.GeoDataFrame(
            {c: [] for c in _ADMIN_COLUMNS[:-1]}, geometry=[], crs=settings.DEFAULT_CRS
        )
    joined = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=settings.DEFAULT_CRS)


@functools.lru_cache(maxsize=64)
def _read_admin(path: str, _mtime_ns: int, level: str) -> gpd.GeoDataFrame:
    frame = _read_file(path)
    frame = frame[frame.geom_type.isin(["Polygon", "MultiPolygon"])]
    if "admin_level" in frame:
        frame = frame[frame["admin_level"].astype(str) == level]
    out = gpd.GeoDataFrame(
        {
            "name_uk": frame.get("name:uk", frame.get("name")),
            "name_en": frame.get("name:en"),
            "katottg": frame.get("katotth"),
            "source_file": Path(path).name,
        },
        geometry=frame.geometry.make_valid().to_numpy(),
        crs=frame.crs,
    ).to_crs(settings.DEFAULT_CRS)
    return out.reset_index(drop=True)
