"""Evacuation zones: the orders in ``data/evacuations.csv`` drawn on the map.

Public interface (the dashboard calls these; names are a contract):

``load_evacuation_orders(path=None) -> pandas.DataFrame``
    The orders file, validated on load: every problem (bad date, unknown hromada, missing
    source URL, bad flag or number, missing column) is collected and raised at once as one
    :class:`geo.errors.RegistryError` naming the file and the lines.
``evacuation_zones(*, front=None, boundaries_dir=None, events=None, orders=None)``
    One row per settlement and order, columns :data:`ZONE_COLUMNS`. The zone is drawn from
    the best geometry available, and ``method`` says which:

    1. ``"settlement boundary"`` — the settlement's own OSM polygon;
    2. ``"hromada boundary"`` — the polygon of the hromada (community) it belongs to;
    3. ``"buffer 3 km around settlement point"`` — a point typed in the CSV with its source
       (GeoNames id) or found by the gazetteer near the hromada's centre;
    4. ``"buffer 8 km around hromada centre (<place>)"`` — no point for the settlement;
    5. ``"no geometry"`` — nothing known; the row is kept (a failed lookup keeps its row).

    ``distance_to_front_km`` is the geodesic distance (pyproj.Geod, WGS84) from the zone to the
    nearest point of the front (the cached occupied territory, else the approximate line).
    ``event_ids`` lists the ids of extracted evacuation events (``events`` frame,
    :mod:`geo.schema` columns) that match the order: type ``"evacuation"``, date within one day
    of the order, and a place that is the oblast, a settlement or hromada of the order, eastern
    Ukraine / Ukraine at region or country precision, or a point within 100 km of the zone.

Boundaries: ``boundaries_dir`` is a folder in the layout of :mod:`geo.layers.boundaries`
(``../shared/data/boundaries`` in tests; the deployed app's fetched cache). Without it zones
are buffers (3/4 above), drawn in a local azimuthal equidistant projection so "3 km" is 3 km.

``children`` is the approximate number of children the *whole order* covers, repeated on each
of its rows: never sum it over rows (group by ``order_id``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo import settings
from geo.errors import GeoError, RegistryError
from geo.layers.boundaries import load_hromadas, load_settlements
from geo.layers.frontline import distance_to_front_km, front_for_day

__all__ = [
    "KNOWN_HROMADAS",
    "ORDER_COLUMNS",
    "ZONE_COLUMNS",
    "Hromada",
    "evacuation_zones",
    "load_evacuation_orders",
]

ORDER_COLUMNS: Final = (
    "settlement", "settlement_uk", "hromada", "raion", "oblast", "katottg", "date_ordered",
    "who", "mandatory", "children", "source_url",
)  # fmt: skip
ZONE_COLUMNS: Final = (
    "order_id", "settlement", "settlement_uk", "hromada", "raion", "oblast", "katottg",
    "date_ordered", "who", "mandatory", "children", "source_url", "method",
    "distance_to_front_km", "event_ids", "geometry",
)  # fmt: skip
#: KATOTTG prefix of each oblast the orders name (the first level of the codifier).
_OBLAST_CODES: Final = {"Donetsk": "UA14"}
SETTLEMENT_BUFFER_KM: Final = 3.0
HROMADA_BUFFER_KM: Final = 8.0
EVENT_DISTANCE_KM: Final = 100.0


@dataclass(frozen=True, slots=True)
class Hromada:
    """A hromada (territorial community) the orders name.

    ``name_uk`` is the official Ukrainian name ("Лиманська міська громада").
    ``katottg`` is the KATOTTG code where a cited source gives it (``None`` otherwise: the
    polygon is then matched by its Ukrainian name). ``centre`` is the (lat, lon) of its
    administrative centre from GeoNames (``centre_source``), or ``None``.
    """

    name: str
    name_uk: str
    raion: str
    oblast: str
    katottg: str | None
    centre: tuple[float, float] | None
    centre_source: str | None


#: Hromadas of the orders; codes from the order sources (see ``data/evacuations.csv``),
#: centres from GeoNames (the ids given).
KNOWN_HROMADAS: Final[dict[str, Hromada]] = {
    h.name: h
    for h in (
        Hromada(
            "Bilozerska", "Білозерська міська громада", "Pokrovsk", "Donetsk",
            "UA14160030000019136", (48.53366, 37.06272), "Bilozerske, geonames:712501",
        ),
        Hromada(
            "Dobropilska", "Добропільська міська громада", "Pokrovsk", "Donetsk",
            "UA14160070000097326", (48.46674, 37.08567), "Dobropillia, geonames:709900",
        ),
        Hromada(
            "Kryvorizka", "Криворізька сільська громада", "Pokrovsk", "Donetsk",
            None, (48.44235, 36.91363), "Kryvorizhzhia, geonames:704024",
        ),
        Hromada(
            "Druzhkivska", "Дружківська міська громада", "Kramatorsk", "Donetsk",
            "UA14120030000057882", (48.61995, 37.52537), "Druzhkivka, geonames:616743",
        ),
        Hromada(
            "Andriivska", "Андріївська сільська громада", "Kramatorsk", "Donetsk",
            "UA14120010000096882", None, None,
        ),
        Hromada(
            "Lymanska", "Лиманська міська громада", "Kramatorsk", "Donetsk",
            None, (48.99012, 37.80843), "Lyman, geonames:704204",
        ),
    )
}  # fmt: skip


# --- the orders file -------------------------------------------------------------------------


def load_evacuation_orders(path: Path | None = None) -> pd.DataFrame:
    """Read and validate the evacuation orders (default ``settings.DATA_DIR/evacuations.csv``).

    Returns a DataFrame with :data:`ORDER_COLUMNS` plus ``order_id``, ``lat``, ``lon``,
    ``coord_source``; ``date_ordered`` as ``datetime.date``, ``mandatory`` as bool,
    ``children`` as nullable Int64.

    Raises
    ------
    RegistryError
        Listing every problem found (line numbers are the file's, header = line 1).
    """
    path = Path(path) if path is not None else settings.DATA_DIR / "evacuations.csv"
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        msg = f"{path}: cannot read the evacuation orders ({exc})"
        raise RegistryError(msg) from exc
    missing = [c for c in ORDER_COLUMNS if c not in frame.columns]
    if missing:
        msg = f"{path}: missing columns {missing}; expected {list(ORDER_COLUMNS)}"
        raise RegistryError(msg)
    for optional in ("order_id", "lat", "lon", "coord_source"):
        if optional not in frame.columns:
            frame[optional] = ""
    problems = _validate(frame)
    if problems:
        listing = "\n  ".join(problems)
        msg = f"{path}: {len(problems)} problem(s); fix these lines:\n  {listing}"
        raise RegistryError(msg)
    return _typed(frame)


def _validate(frame: pd.DataFrame) -> list[str]:
    problems = []
    for index, row in frame.iterrows():
        line = int(str(index)) + 2
        where = f"line {line} ({row['settlement'] or '?'})"
        if not row["settlement"].strip():
            problems.append(f"line {line}: settlement is empty")
        try:
            dt.date.fromisoformat(row["date_ordered"])
        except ValueError:
            problems.append(f"{where}: date_ordered {row['date_ordered']!r} is not YYYY-MM-DD")
        if row["hromada"] not in KNOWN_HROMADAS:
            problems.append(
                f"{where}: unknown hromada {row['hromada']!r}; known: {sorted(KNOWN_HROMADAS)}"
                " (add it to geo.layers.evacuation.KNOWN_HROMADAS with its source)"
            )
        if not row["source_url"].startswith(("http://", "https://")):
            problems.append(f"{where}: source_url is missing or not an http(s) URL")
        if row["mandatory"].lower() not in ("true", "false"):
            problems.append(f"{where}: mandatory must be true or false")
        if row["children"] and not row["children"].isdigit():
            problems.append(f"{where}: children must be a whole number or empty")
        problems.extend(_coordinate_problems(row, where))
    return problems


def _coordinate_problems(row: pd.Series, where: str) -> list[str]:
    if bool(row["lat"]) != bool(row["lon"]):
        return [f"{where}: give both lat and lon, or neither"]
    if not row["lat"]:
        return []
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        return [f"{where}: lat/lon are not numbers"]
    problems = []
    if not (44 <= lat <= 53 and 22 <= lon <= 41):
        problems.append(f"{where}: lat/lon {lat}, {lon} lie outside Ukraine")
    if not row["coord_source"]:
        problems.append(f"{where}: coordinates need a coord_source")
    return problems


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["date_ordered"] = out["date_ordered"].map(dt.date.fromisoformat)
    out["mandatory"] = out["mandatory"].str.lower() == "true"
    out["children"] = pd.to_numeric(out["children"].replace("", None)).astype("Int64")
    out["lat"] = pd.to_numeric(out["lat"].replace("", None)).astype(float)
    out["lon"] = pd.to_numeric(out["lon"].replace("", None)).astype(float)
    blank = out["order_id"] == ""
    out.loc[blank, "order_id"] = (
        out.loc[blank, "date_ordered"].astype(str) + "-" + out.loc[blank, "hromada"].str.lower()
    )
    return out


# --- zones -----------------------------------------------------------------------------------


def evacuation_zones(
    *,
    front: gpd.GeoDataFrame | None = None,
    boundaries_dir: Path | None = None,
    events: gpd.GeoDataFrame | None = None,
    orders: pd.DataFrame | None = None,
) -> gpd.GeoDataFrame:
    """Return the evacuation zones (see the module docstring for columns and methods).

    Parameters
    ----------
    front
        Frontline frame to measure distances to; default ``front_for_day(None).occupied``
        (newest cached snapshot, else the approximate line).
    boundaries_dir
        Folder of boundary files; default ``settings.CACHE_DIR / "boundaries"`` when present.
    events
        Extracted events (:data:`geo.schema.EVENTS_COLUMNS`) to join on date and place.
    orders
        Already loaded orders; default :func:`load_evacuation_orders`.
    """
    orders = load_evacuation_orders() if orders is None else orders
    hromadas = load_hromadas(boundaries_dir)
    settlements = load_settlements(boundaries_dir)
    hromada_polygons = {name: _hromada_polygon(h, hromadas) for name, h in KNOWN_HROMADAS.items()}
    geometries: list[BaseGeometry] = []
    methods: list[str] = []
    for row in orders.itertuples(index=False):
        geom, method = _zone_geometry(row, hromada_polygons, settlements)
        geometries.append(geom)
        methods.append(method)
    zones = gpd.GeoDataFrame(
        orders.drop(columns=["lat", "lon", "coord_source"], errors="ignore"),
        geometry=geometries,
        crs=settings.DEFAULT_CRS,
    )
    zones["method"] = methods
    front = front_for_day(None).occupied if front is None else front
    zones["distance_to_front_km"] = distance_to_front_km(zones.geometry, front)
    zones["event_ids"] = _match_events(zones, events)
    return zones[list(ZONE_COLUMNS)]


def _zone_geometry(
    row: Any,
    hromada_polygons: dict[str, BaseGeometry | None],
    settlements: gpd.GeoDataFrame,
) -> tuple[BaseGeometry, str]:
    hromada = KNOWN_HROMADAS[row.hromada]
    hromada_poly = hromada_polygons[row.hromada]
    settlement_poly = _settlement_polygon(row, hromada, hromada_poly, settlements)
    if settlement_poly is not None:
        return settlement_poly, "settlement boundary"
    if hromada_poly is not None:
        return hromada_poly, "hromada boundary"
    point = _settlement_point(row, hromada)
    if point is not None:
        return _geodesic_buffer(point, SETTLEMENT_BUFFER_KM), (
            f"buffer {SETTLEMENT_BUFFER_KM:g} km around settlement point"
        )
    if hromada.centre is not None:
        centre = Point(hromada.centre[1], hromada.centre[0])
        place = (hromada.centre_source or "").split(",")[0]
        return _geodesic_buffer(centre, HROMADA_BUFFER_KM), (
            f"buffer {HROMADA_BUFFER_KM:g} km around hromada centre ({place})"
        )
    return Point(), "no geometry"


def _hromada_polygon(hromada: Hromada, hromadas: gpd.GeoDataFrame) -> BaseGeometry | None:
    if hromadas.empty:
        return None
    if hromada.katottg:
        hits = hromadas[hromadas["katottg"] == hromada.katottg]
    else:
        codes = hromadas["katottg"].fillna("")
        hits = hromadas[
            (hromadas["name_uk"] == hromada.name_uk)
            & codes.str.startswith(_OBLAST_CODES[hromada.oblast])
        ]
    return hits.geometry.iloc[0] if len(hits) == 1 else None


def _settlement_polygon(
    row: Any,
    hromada: Hromada,
    hromada_poly: BaseGeometry | None,
    settlements: gpd.GeoDataFrame,
) -> BaseGeometry | None:
    if settlements.empty:
        return None
    if row.katottg:
        hits = settlements[settlements["katottg"] == row.katottg]
    else:
        hits = settlements[settlements["name_uk"] == row.settlement_uk]
        if hromada_poly is not None:
            inside = hits.geometry.representative_point().within(hromada_poly)
            hits = hits[inside.to_numpy()]
        elif hromada.katottg:
            codes = hits["katottg"].fillna("")
            hits = hits[(codes == "") | codes.str.startswith(hromada.katottg[:10])]
    return hits.geometry.iloc[0] if len(hits) == 1 else None


def _settlement_point(row: Any, hromada: Hromada) -> Point | None:
    if not pd.isna(row.lat) and not pd.isna(row.lon):
        return Point(float(row.lon), float(row.lat))
    if hromada.centre is None:
        return None
    gazetteer = _gazetteer()
    if gazetteer is None:
        return None
    try:
        candidates = gazetteer.lookup(row.settlement, country="UA")
    except (GeoError, LookupError, ValueError):
        return None
    lat0, lon0 = hromada.centre
    for place in candidates:
        if _haversine_km(lat0, lon0, place.lat, place.lon) <= 30.0:
            return Point(place.lon, place.lat)
    return None


@functools.cache
def _gazetteer() -> Any:
    """Return the project gazetteer (loaded once), or None while it cannot be loaded."""
    try:
        from geo.gazetteer.index import load_gazetteer  # noqa: PLC0415 - optional, heavy

        return load_gazetteer()
    except (GeoError, ImportError, OSError):
        return None


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return float(2 * 6371.0088 * np.arcsin(np.sqrt(a)))


def _geodesic_buffer(point: Point, radius_km: float) -> BaseGeometry:
    """Buffer ``point`` by ``radius_km`` in a local azimuthal equidistant projection."""
    return _geodesic_buffer_at(point.x, point.y, radius_km)


@functools.lru_cache(maxsize=256)
def _geodesic_buffer_at(lon: float, lat: float, radius_km: float) -> BaseGeometry:
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    back = Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True)
    circle = Point(0, 0).buffer(radius_km * 1000.0, quad_segs=16)
    return shapely.transform(circle, lambda xy: np.column_stack(back.transform(xy[:, 0], xy[:, 1])))


# --- join with extracted events --------------------------------------------------------------


_EAST_WORDS: Final = ("ukraine", "ukraina", "eastern", "øst", "donbas", "front")


def _match_events(zones: gpd.GeoDataFrame, events: gpd.GeoDataFrame | None) -> list[list[str]]:
    if events is None or events.empty:
        return [[] for _ in range(len(zones))]
    evac = events[events["type"].astype(str) == "evacuation"]
    matches: list[list[str]] = []
    for zone in zones.itertuples(index=False):
        ids = []
        for event in evac.itertuples(index=False):
            if _same_day(event.date, zone.date_ordered) and _same_area(event, zone):
                ids.append(str(event.event_id))
        matches.append(ids)
    return matches


def _same_day(event_date: Any, ordered: dt.date) -> bool:
    if event_date is None or pd.isna(event_date):
        return False
    day: dt.date = pd.Timestamp(event_date).date()
    return abs((day - ordered).days) <= 1


def _same_area(event: Any, zone: Any) -> bool:
    place = str(getattr(event, "place_name", "") or "").lower()
    names = {zone.oblast, zone.settlement, zone.hromada, zone.raion, zone.settlement_uk}
    if any(name and name.lower() in place for name in names):
        return True
    precision = getattr(event, "geo_precision", None)
    country = getattr(event, "place_country", None)
    if country == "UA" and precision in ("region", "country", None):
        return True
    if any(word in place for word in _EAST_WORDS) and precision != "settlement":
        return True
    geom = getattr(event, "geometry", None)
    if geom is None or geom.is_empty or zone.geometry is None or zone.geometry.is_empty:
        return False
    centre = zone.geometry.representative_point()
    return _haversine_km(geom.y, geom.x, centre.y, centre.x) <= EVENT_DISTANCE_KM
