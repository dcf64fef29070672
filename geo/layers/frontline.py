"""The eastern-front layer: which snapshot shows a day, what changed, and a web-light copy.

Public interface (the dashboard calls these; names are a contract):

``front_for_day(day, *, cache_dir=None) -> FrontLayer``
    The occupied territory for ``day`` from the cached snapshot whose *described* day is the
    latest on or before ``day`` (a DeepState file dated D describes D−1, so day 2025-08-12 is
    drawn from ``deepstatemap_data_20250813.geojson``); ``day=None`` takes the newest. When the
    cache holds nothing usable, the approximate front line shipped in
    ``data/registry/frontline_approx.csv`` (status ``"approximate"``). ``advances`` holds the
    polygons gained on that day (against the snapshot of the day before, if cached).
``change_between(old, new, *, boundaries_dir=None) -> FrontChange``
    Gained and lost polygons between two snapshots; km² in ``settings.EQUAL_AREA_CRS``
    (EPSG:6933, equal-area), never in degrees; per oblast where outlines are available.
``prefetch_front(day, *, cache_dir=None, url_template=None, timeout=None) -> tuple[str, ...]``
    What the deployed app calls before ``front_for_day``: downloads (once) the two snapshot
    files the day needs into the cache; returns problems as messages and never raises, so a
    machine without internet still draws the approximate line.
``simplify_for_web(frame, *, tolerance=None) -> GeoDataFrame``
    Display-only simplification (``shapely.coverage_simplify``: the polygons are treated as
    one coverage, so a border shared by a gain and the occupied area stays shared). Never
    used before measuring.
``web_layers(layer, *, tolerance=None) -> GeoDataFrame``
    What the eastern-front map sends to the browser: the occupied area *minus* the day's
    advances, plus the advances, as one non-overlapping coverage (column ``kind``:
    "occupied", "advance" or "approximate", plus ``legend``), simplified together so the
    advances stay glued to the rest.
``load_snapshot(path)``, ``snapshot_for_day(day)``, ``approximate_front()``, ``front_geometry``
    Building blocks; loaded frames are memoised by path + mtime (cheap dashboard reruns).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Geod, Transformer
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from geo import settings
from geo.errors import FetchError, RegistryError, SnapshotError
from geo.io.fetch import cached_snapshots, fetch_snapshot, frontline_cache_dir
from geo.io.frontline import FRONTLINE_COLUMNS, SOURCE_DEEPSTATE, read_snapshot
from geo.layers.boundaries import load_oblasts

__all__ = [
    "APPROXIMATE_SOURCE",
    "MIN_PIECE_KM2",
    "STATUS_APPROXIMATE",
    "FrontChange",
    "FrontLayer",
    "approximate_front",
    "area_km2",
    "change_between",
    "distance_to_front_km",
    "front_for_day",
    "front_geometry",
    "load_snapshot",
    "nearest_front_point",
    "prefetch_front",
    "simplify_for_web",
    "snapshot_for_day",
    "web_layers",
]

STATUS_APPROXIMATE: Final = "approximate"
APPROXIMATE_SOURCE: Final = "approximate line through frontline settlements (ISW, mid-Aug 2025)"
#: Pieces smaller than this (km²) are edge noise from re-buffering (DeepState buffers its union
#: by ±0.000009°), not advances; they are dropped from the change layers but still counted in
#: the totals, which are computed on the whole difference.
MIN_PIECE_KM2: Final = 0.01
_APPROX_COLUMNS: Final = (
    "order", "settlement", "settlement_uk", "oblast", "lat", "lon", "coord_source", "source_url",
)  # fmt: skip


@dataclass(frozen=True)
class FrontLayer:
    """What the eastern-front map draws for one day.

    ``occupied``: frontline frame (:data:`geo.io.frontline.FRONTLINE_COLUMNS`, EPSG:4326) —
    polygons of a real snapshot, or one LineString with status ``"approximate"``.
    ``advances``: polygons gained on the day (area_km2, describes_date, source, geometry),
    possibly empty. ``legend`` names the date and the source and says "approximate" when it is.
    """

    occupied: gpd.GeoDataFrame
    advances: gpd.GeoDataFrame
    is_approximate: bool
    legend: str
    snapshot_date: dt.date | None = None
    describes_date: dt.date | None = None


@dataclass(frozen=True)
class FrontChange:
    """Territory gained and lost between two snapshots (``old`` → ``new``).

    ``gained``/``lost`` are GeoDataFrames (EPSG:4326) of the pieces, with columns change
    ("gain"/"loss"), area_km2, oblast, describes_from, describes_to, source. Totals are in km²
    computed in ``settings.EQUAL_AREA_CRS``; ``by_oblast`` is empty when no outlines exist.
    """

    old: str
    new: str
    old_describes: dt.date
    new_describes: dt.date
    source: str
    gained_km2: float
    lost_km2: float
    gained: gpd.GeoDataFrame
    lost: gpd.GeoDataFrame
    by_oblast: tuple[dict[str, Any], ...] = field(default=())

    @property
    def net_km2(self) -> float:
        """Gained minus lost, km² (positive: the occupied area grew)."""
        return self.gained_km2 - self.lost_km2

    def to_record(self) -> dict[str, Any]:
        """Return the JSON object ``python -m geo frontline change`` prints."""
        return {
            "old": self.old,
            "new": self.new,
            "describes": [self.old_describes.isoformat(), self.new_describes.isoformat()],
            "source": self.source,
            "gained_km2": round(self.gained_km2, 3),
            "lost_km2": round(self.lost_km2, 3),
            "net_km2": round(self.net_km2, 3),
            "by_oblast": list(self.by_oblast),
        }


# --- snapshots -------------------------------------------------------------------------------


def load_snapshot(path: str | Path) -> gpd.GeoDataFrame:
    """Read a snapshot file, memoised by path and modification time (see module docstring)."""
    path = Path(path)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        msg = f"{path}: snapshot file not found; fetch it with `python -m geo frontline fetch`"
        raise SnapshotError(msg) from exc
    return _load_snapshot_cached(str(path.resolve()), mtime).copy()


@functools.lru_cache(maxsize=32)
def _load_snapshot_cached(path: str, _mtime_ns: int) -> gpd.GeoDataFrame:
    return read_snapshot(path)


def snapshot_for_day(day: dt.date | None, *, cache_dir: Path | None = None) -> Path | None:
    """Return the cached DeepState snapshot whose described day is the latest ≤ ``day``.

    ``day=None`` returns the newest cached snapshot; None when nothing fits.
    """
    cached = cached_snapshots(cache_dir)
    if not cached:
        return None
    if day is None:
        return cached[max(cached)]
    # DeepState: file D describes D-1, so the newest file dated <= day + 1.
    eligible = [d for d in cached if d <= day + dt.timedelta(days=1)]
    return cached[max(eligible)] if eligible else None


def _occupied_geometry(frame: gpd.GeoDataFrame) -> BaseGeometry:
    occupied = frame[frame["status"] == "occupied"]
    rows = occupied if len(occupied) else frame
    return shapely.union_all(rows.geometry.to_numpy())


# --- areas and change ------------------------------------------------------------------------


def area_km2(geometries: gpd.GeoSeries | gpd.GeoDataFrame) -> np.ndarray:
    """Return the area of each geometry in km², measured in ``settings.EQUAL_AREA_CRS``.

    The input must carry a CRS (lon/lat frames are projected first; never measured in degrees).
    """
    series = geometries.geometry if isinstance(geometries, gpd.GeoDataFrame) else geometries
    if series.crs is None:
        msg = "area_km2 needs geometries with a CRS; set it (EPSG:4326 for lon/lat) first"
        raise SnapshotError(msg)
    return np.asarray(series.to_crs(settings.EQUAL_AREA_CRS).area.to_numpy() / 1e6, dtype=float)


def _label(frame: gpd.GeoDataFrame, given: str | None) -> str:
    if given:
        return given
    return str(frame["snapshot_date"].iloc[0])


def change_between(
    old: gpd.GeoDataFrame,
    new: gpd.GeoDataFrame,
    *,
    boundaries_dir: Path | None = None,
    old_label: str | None = None,
    new_label: str | None = None,
    split_by_oblast: bool = True,
) -> FrontChange:
    """Measure what changed from snapshot ``old`` to snapshot ``new``.

    Gained = new − old, lost = old − new, on the full-resolution geometry (never simplified).
    Areas are in km² in ``settings.EQUAL_AREA_CRS``. With oblast outlines (``boundaries_dir``,
    see :mod:`geo.layers.boundaries`) each piece is split by oblast and ``by_oblast`` lists
    ``{"oblast", "iso", "gained_km2", "lost_km2", "net_km2"}`` for every oblast touched;
    ``split_by_oblast=False`` skips the split (the dashboard's quick daily layer).
    """
    _check_columns(old)
    _check_columns(new)
    old_geom = _occupied_geometry(old)
    new_geom = _occupied_geometry(new)
    gained_geom = shapely.difference(new_geom, old_geom)
    lost_geom = shapely.difference(old_geom, new_geom)
    crs = settings.DEFAULT_CRS
    gained_km2 = float(area_km2(gpd.GeoSeries([gained_geom], crs=crs))[0])
    lost_km2 = float(area_km2(gpd.GeoSeries([lost_geom], crs=crs))[0])
    old_describes = old["describes_date"].iloc[0]
    new_describes = new["describes_date"].iloc[0]
    source = str(new["source"].iloc[0])
    oblasts = load_oblasts(boundaries_dir) if split_by_oblast else _NO_OBLASTS
    meta = {"describes_from": old_describes, "describes_to": new_describes, "source": source}
    gained = _pieces(gained_geom, "gain", oblasts, meta)
    lost = _pieces(lost_geom, "loss", oblasts, meta)
    return FrontChange(
        old=_label(old, old_label),
        new=_label(new, new_label),
        old_describes=old_describes,
        new_describes=new_describes,
        source=source,
        gained_km2=gained_km2,
        lost_km2=lost_km2,
        gained=gained[gained["area_km2"] >= MIN_PIECE_KM2].reset_index(drop=True),
        lost=lost[lost["area_km2"] >= MIN_PIECE_KM2].reset_index(drop=True),
        by_oblast=_by_oblast(gained, lost) if len(oblasts) else (),
    )


_OUTSIDE: Final = "(outside the oblast outlines)"
_NO_OBLASTS: Final = gpd.GeoDataFrame({"oblast": [], "iso": []}, geometry=[], crs="EPSG:4326")


def _pieces(
    geom: BaseGeometry,
    change: str,
    oblasts: gpd.GeoDataFrame,
    meta: Mapping[str, Any],
) -> gpd.GeoDataFrame:
    crs = settings.DEFAULT_CRS
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    rows: list[dict[str, Any]] = []
    geoms: list[BaseGeometry] = []
    if len(oblasts) and parts:
        tree = shapely.STRtree(oblasts.geometry.to_numpy())
        for part in parts:
            covered = []
            for index in tree.query(part, predicate="intersects"):
                piece = shapely.intersection(part, oblasts.geometry.iloc[index])
                if not piece.is_empty and piece.area > 0:
                    covered.append(piece)
                    geoms.append(piece)
                    rows.append({"oblast": oblasts["oblast"].iloc[index],
                                 "iso": oblasts["iso"].iloc[index]})  # fmt: skip
            rest = shapely.difference(part, shapely.union_all(covered)) if covered else part
            if not rest.is_empty and rest.area > 0:
                geoms.append(rest)
                rows.append({"oblast": _OUTSIDE, "iso": None})
    else:
        geoms = list(parts)
        rows = [{"oblast": None, "iso": None} for _ in parts]
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs=crs)
    if frame.empty:
        frame = gpd.GeoDataFrame({"oblast": [], "iso": []}, geometry=[], crs=crs)
    frame.insert(0, "change", change)
    frame["area_km2"] = area_km2(frame) if len(frame) else np.array([], dtype=float)
    for key, value in meta.items():
        frame[key] = value
    return frame


def _by_oblast(gained: gpd.GeoDataFrame, lost: gpd.GeoDataFrame) -> tuple[dict[str, Any], ...]:
    both = pd.concat([pd.DataFrame(gained.drop(columns="geometry")),
                      pd.DataFrame(lost.drop(columns="geometry"))])  # fmt: skip
    if both.empty:
        return ()
    both["iso"] = both["iso"].fillna("")
    table = both.pivot_table(
        index=["oblast", "iso"], columns="change", values="area_km2", aggfunc="sum", fill_value=0.0
    )
    out = []
    for (oblast, iso), row in table.iterrows():
        gain = float(row.get("gain", 0.0))
        loss = float(row.get("loss", 0.0))
        if gain + loss < 0.001:
            continue
        out.append({"oblast": oblast, "iso": iso or None, "gained_km2": round(gain, 3),
                    "lost_km2": round(loss, 3), "net_km2": round(gain - loss, 3)})  # fmt: skip
    return tuple(sorted(out, key=lambda r: -(r["gained_km2"] + r["lost_km2"])))


# --- approximate front -----------------------------------------------------------------------


def approximate_front(path: Path | None = None) -> gpd.GeoDataFrame:
    """Return the shipped approximate front: one LineString through frontline settlements.

    Read from ``settings.DATA_DIR / "registry" / "frontline_approx.csv"`` (north to south by
    ``order``; coordinates typed in with their source). Status ``"approximate"``.
    """
    path = path or settings.DATA_DIR / "registry" / "frontline_approx.csv"
    rows = _read_approx(path)
    line = LineString([(float(r["lon"]), float(r["lat"])) for r in rows])
    return gpd.GeoDataFrame(
        {
            "snapshot_date": [dt.date(2025, 8, 15)],
            "describes_date": [dt.date(2025, 8, 15)],
            "source": [APPROXIMATE_SOURCE],
            "status": [STATUS_APPROXIMATE],
            "settlements": [", ".join(r["settlement"] for r in rows)],
        },
        geometry=[line],
        crs=settings.DEFAULT_CRS,
    )


def _read_approx(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        msg = f"{path}: cannot read the approximate front ({exc.strerror or exc})"
        raise RegistryError(msg) from exc
    problems = []
    if rows and set(_APPROX_COLUMNS) - set(rows[0]):
        problems.append(f"missing columns {sorted(set(_APPROX_COLUMNS) - set(rows[0]))}")
    for number, row in enumerate(rows, start=2):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            if not (44 <= lat <= 53 and 22 <= lon <= 41):
                problems.append(f"line {number}: {row['settlement']} lies outside Ukraine")
        except (KeyError, TypeError, ValueError):
            problems.append(f"line {number}: lat/lon are not numbers")
        if not (row.get("source_url") or "").startswith("http"):
            problems.append(f"line {number}: source_url is missing")
    if len(rows) < 2:
        problems.append("needs at least two settlements")
    if problems:
        raise RegistryError(f"{path}: " + "; ".join(problems))
    return sorted(rows, key=lambda r: int(r["order"]))


def front_geometry(front: gpd.GeoDataFrame) -> BaseGeometry:
    """Return the geometry distances are measured to: the occupied area or the approximate line.

    The nearest point of the occupied polygon to a place outside it lies on its boundary, the
    front line, so the distance to the polygon is the distance to the front.
    """
    return shapely.union_all(front.to_crs(settings.DEFAULT_CRS).geometry.to_numpy())


_GEOD: Final = Geod(ellps="WGS84")
#: Long lon/lat segments are densified before projecting, so a straight segment between two
#: far vertices is followed as drawn, not replaced by the projected chord.
_DENSIFY_DEG: Final = 0.05


def nearest_front_point(
    geometry: BaseGeometry,
    front: gpd.GeoDataFrame | BaseGeometry,
    *,
    centre: tuple[float, float] | None = None,
) -> tuple[Point, Point, float]:
    """Return (point on ``geometry``, nearest point of the front, geodesic distance in km).

    The nearest pair is searched in an azimuthal equidistant projection centred on
    ``geometry`` (distances from its centre are true there, so the pair found is the true
    nearest one up to the geometry's own extent), and the distance is then measured on the
    WGS84 ellipsoid with ``pyproj.Geod``. A geometry touching or inside the occupied area is
    at 0 km. Never a distance in degrees. ``centre`` (lon, lat) overrides the projection
    centre, so a batch of nearby geometries shares one projection.
    """
    target = front_geometry(front) if isinstance(front, gpd.GeoDataFrame) else front
    if geometry is None or geometry.is_empty or target.is_empty:
        return Point(), Point(), float("nan")
    if centre is None:
        point = geometry.representative_point()
        centre = (round(point.x, 6), round(point.y, 6))
    forward, back = _aeqd_transformers(*centre)

    def project(xy: np.ndarray, transformer: Transformer = forward) -> np.ndarray:
        return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))

    local_geom = shapely.transform(shapely.segmentize(geometry, _DENSIFY_DEG), project)
    local_front = shapely.transform(shapely.segmentize(target, _DENSIFY_DEG), project)
    if local_geom.intersects(local_front):
        meeting = shapely.intersection(geometry, target).representative_point()
        return meeting, meeting, 0.0
    line = shapely.shortest_line(local_geom, local_front)
    (x0, y0), (x1, y1) = shapely.get_coordinates(line)
    lon0, lat0 = back.transform(x0, y0)
    lon1, lat1 = back.transform(x1, y1)
    _, _, metres = _GEOD.inv(lon0, lat0, lon1, lat1)
    return Point(lon0, lat0), Point(lon1, lat1), float(metres) / 1000.0


@functools.lru_cache(maxsize=64)
def _aeqd_transformers(lon: float, lat: float) -> tuple[Transformer, Transformer]:
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    return (
        Transformer.from_crs("EPSG:4326", aeqd, always_xy=True),
        Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True),
    )


def distance_to_front_km(
    geometries: gpd.GeoSeries, front: gpd.GeoDataFrame | BaseGeometry
) -> np.ndarray:
    """Return the geodesic distance in km from each geometry to the front (NaN when empty)."""
    target = front_geometry(front) if isinstance(front, gpd.GeoDataFrame) else front
    series = geometries.to_crs(settings.DEFAULT_CRS) if geometries.crs else geometries
    known: dict[bytes, float] = {}  # zones often share one hromada polygon: measure it once
    centre = _shared_centre(series)
    out = []
    for geom in series:
        key = b"" if geom is None else shapely.to_wkb(geom)
        if key not in known:
            known[key] = nearest_front_point(geom, _near_part(geom, target), centre=centre)[2]
        out.append(known[key])
    return np.array(out, dtype=float)


def _shared_centre(series: gpd.GeoSeries) -> tuple[float, float] | None:
    """One projection centre for geometries within ~1° of each other (error < 0.01 %)."""
    valid = series[~(series.isna() | series.is_empty)]
    if valid.empty:
        return None
    minx, miny, maxx, maxy = valid.total_bounds
    if maxx - minx > 2 or maxy - miny > 2:
        return None
    return (round((minx + maxx) / 2, 3), round((miny + maxy) / 2, 3))


def _near_part(geometry: BaseGeometry | None, target: BaseGeometry) -> BaseGeometry:
    """Clip the front to a 4° box around ``geometry`` (cheaper projection), if it meets it."""
    if geometry is None or geometry.is_empty:
        return target
    minx, miny, maxx, maxy = geometry.bounds
    clipped = shapely.clip_by_rect(target, minx - 4, miny - 4, maxx + 4, maxy + 4)
    return target if clipped.is_empty else clipped


# --- the day's layer -------------------------------------------------------------------------


def _empty_advances() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"area_km2": [], "describes_date": [], "source": []},
        geometry=[],
        crs=settings.DEFAULT_CRS,
    )


def front_for_day(day: dt.date | None, *, cache_dir: Path | None = None) -> FrontLayer:
    """Return the front for ``day`` from the snapshot cache, else the approximate line.

    Parameters
    ----------
    day
        The day the map shows; None for the newest cached snapshot.
    cache_dir
        Snapshot cache; default ``settings.CACHE_DIR / "frontline"``.
    """
    path = snapshot_for_day(day, cache_dir=cache_dir)
    if path is None:
        return _approximate_layer(day, cache_dir)
    try:
        occupied = load_snapshot(path)
    except SnapshotError:  # a damaged cached file: say so (prefetch_front fetches it again)
        reason = f"the cached snapshot {path.name} is unreadable (damaged?)"
        return _approximate_layer(day, cache_dir, reason=reason)
    snapshot_date = occupied["snapshot_date"].iloc[0]
    describes = occupied["describes_date"].iloc[0]
    source = str(occupied["source"].iloc[0])
    previous = cached_snapshots(cache_dir).get(snapshot_date - dt.timedelta(days=1))
    advances, note = _empty_advances(), "no snapshot of the day before cached: advances not shown"
    if previous is not None:
        try:
            cached, note = _advances(str(previous), previous.stat().st_mtime_ns,
                                     str(path), path.stat().st_mtime_ns)  # fmt: skip
            advances = cached.copy()
        except (SnapshotError, OSError):
            note = f"the snapshot of the day before ({previous.name}) is unreadable"
    credit = "DeepStateMap (deepstatemap.live)" if source == SOURCE_DEEPSTATE else source
    legend = (
        f"Occupied territory as of {describes} — {credit}, snapshot file dated {snapshot_date}"
        f" (shows the changes published on {describes}); {note}"
    )
    if day is not None and describes < day:
        legend += f"; newest cached snapshot before {day}"
    return FrontLayer(
        occupied=occupied,
        advances=advances,
        is_approximate=False,
        legend=legend,
        snapshot_date=snapshot_date,
        describes_date=describes,
    )


@functools.lru_cache(maxsize=16)
def _advances(
    previous: str, _previous_mtime: int, current: str, _current_mtime: int
) -> tuple[gpd.GeoDataFrame, str]:
    """Polygons gained from ``previous`` to ``current`` (memoised by paths and mtimes)."""
    change = change_between(load_snapshot(previous), load_snapshot(current), split_by_oblast=False)
    gained = change.gained
    advances = gpd.GeoDataFrame(
        {
            "area_km2": gained["area_km2"].to_numpy(),
            "describes_date": change.new_describes,
            "source": change.source,
        },
        geometry=gained.geometry.to_numpy(),
        crs=settings.DEFAULT_CRS,
    )
    note = (
        f"advances on {change.new_describes}: {change.gained_km2:.1f} km² gained, "
        f"{change.lost_km2:.1f} km² lost"
    )
    return advances, note


def prefetch_front(
    day: dt.date,
    *,
    cache_dir: Path | None = None,
    url_template: str | None = None,
    timeout: float | None = None,
) -> tuple[str, ...]:
    """Cache the snapshots ``front_for_day(day)`` draws: files dated ``day + 1`` and ``day``.

    Returns the problems met (timeouts, HTTP errors, corrupt bodies) as messages; never
    raises, so the dashboard falls back to whatever is cached or to the approximate line.
    """
    problems = []
    for file_day in (day + dt.timedelta(days=1), day):
        try:
            fetch_snapshot(file_day, cache_dir=cache_dir, url_template=url_template,
                           timeout=timeout)  # fmt: skip
        except (FetchError, SnapshotError) as exc:
            problems.append(str(exc))
    return tuple(problems)


def _approximate_layer(
    day: dt.date | None, cache_dir: Path | None, *, reason: str | None = None
) -> FrontLayer:
    front = approximate_front()
    folder = frontline_cache_dir(cache_dir)
    missing = f"; no snapshot for {day} in {folder}" if day else f"; no snapshot in {folder}"
    legend = (
        "APPROXIMATE front line, mid-August 2025, drawn through frontline settlements named in "
        "ISW assessments — not a measured front" + (f"; {reason}" if reason else missing)
    )
    return FrontLayer(
        occupied=front,
        advances=_empty_advances(),
        is_approximate=True,
        legend=legend,
        snapshot_date=None,
        describes_date=None,
    )


# --- display ---------------------------------------------------------------------------------


def simplify_for_web(
    frame: gpd.GeoDataFrame, *, tolerance: float | None = None, grid_size: float = 1e-5
) -> gpd.GeoDataFrame:
    """Return a lighter copy for the browser; **display only**, never measure on it.

    Polygons are simplified together with ``shapely.coverage_simplify`` (Visvalingam–Whyatt
    on a coverage: an edge shared by two polygons is simplified once, so neighbours stay
    edge-matched, with no slivers or gaps), then snapped to a ``grid_size``° grid (≈1 m) so
    the GeoJSON carries 5 decimals. Date columns become ISO strings (JSON-ready for the
    map). Lines and points pass through
    ``simplify(preserve_topology=True)``. ``tolerance`` defaults to
    ``settings.WEB_SIMPLIFY_TOLERANCE_DEG``.
    """
    tolerance = settings.WEB_SIMPLIFY_TOLERANCE_DEG if tolerance is None else tolerance
    out = frame.to_crs(settings.DEFAULT_CRS).copy()
    geoms = out.geometry.to_numpy()
    polygonal = np.array(
        [g is not None and g.geom_type in ("Polygon", "MultiPolygon") for g in geoms],
        dtype=bool,  # an empty frame must still give a boolean mask
    )
    simplified = geoms.copy()
    if polygonal.any():
        simplified[polygonal] = shapely.coverage_simplify(geoms[polygonal], tolerance)
    if (~polygonal).any():
        simplified[~polygonal] = shapely.simplify(geoms[~polygonal], tolerance,
                                                  preserve_topology=True)  # fmt: skip
    simplified = shapely.set_precision(simplified, grid_size)
    out = out.set_geometry(gpd.GeoSeries(simplified, index=out.index, crs=out.crs))
    for column in out.columns.drop(out.geometry.name):
        if out[column].map(lambda v: isinstance(v, dt.date)).any():
            out[column] = out[column].map(lambda v: v.isoformat() if isinstance(v, dt.date) else v)
    return out[~out.geometry.is_empty]


def web_layers(layer: FrontLayer, *, tolerance: float | None = None) -> gpd.GeoDataFrame:
    """Return the browser copy of ``layer``: a coverage of occupied and advance polygons.

    The day's advances lie inside the occupied area; drawn as they are they overlap, and
    simplifying them separately would open slivers between them. Here the occupied area
    minus the advances and the advances themselves tile the same territory (shared edges are
    identical), and :func:`simplify_for_web` simplifies them together. Display only.
    """
    crs = settings.DEFAULT_CRS
    if layer.is_approximate:
        frame = gpd.GeoDataFrame(
            {"kind": ["approximate"], "area_km2": [float("nan")]},
            geometry=layer.occupied.geometry.to_numpy(),
            crs=crs,
        )
    else:
        occupied = front_geometry(layer.occupied)
        advances = list(layer.advances.geometry)
        held = shapely.difference(occupied, shapely.union_all(advances)) if advances else occupied
        frame = gpd.GeoDataFrame(
            {
                "kind": ["occupied"] + ["advance"] * len(advances),
                "area_km2": [float("nan"), *layer.advances["area_km2"]],
            },
            geometry=[held, *advances],
            crs=crs,
        )
    frame["legend"] = layer.legend
    return simplify_for_web(frame, tolerance=tolerance)


def _check_columns(frame: gpd.GeoDataFrame) -> None:
    missing = set(FRONTLINE_COLUMNS) - set(frame.columns)
    if missing:
        msg = f"frontline frame lacks columns {sorted(missing)}"
        raise SnapshotError(msg)
