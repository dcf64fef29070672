"""Read occupied-territory snapshots into one normalised GeoDataFrame per snapshot.

Formats users have:

* **DeepStateMap daily GeoJSON** (``deepstatemap_data_YYYYMMDD.geojson``, the public GitHub
  mirror ``cyterat/deepstate-map-data``): one FeatureCollection with one MultiPolygon, CRS84.
  The date in the name is the *download* date (early morning UTC), so the file dated D shows
  the updates DeepStateMap published during day D−1: ``describes_date = snapshot_date − 1``.
* **ISW-style exports** (GeoJSON, KML or KMZ): several layers ("Assessed Russian-controlled
  Ukrainian Territory", "Assessed Russian Advances", "Claimed …", "infiltration" …) whose names
  say the status; an ISW map dated D is the assessment as of D, so ``describes_date = D``.

Every reader returns the same frame, ``FRONTLINE_COLUMNS``, in EPSG:4326, one row per status
(polygons of one status dissolved into one MultiPolygon):

=============== ===================================================================
snapshot_date   ``datetime.date`` the file is dated (download date for DeepState)
describes_date  ``datetime.date`` of the day whose changes the snapshot shows
source          ``"DeepStateMap"`` or ``"ISW"`` (or what the caller passes)
status          ``"occupied"``, ``"assessed advance"``, ``"claimed"``, ``"infiltration"``
geometry        valid (Multi)Polygon, lon/lat
=============== ===================================================================

Why own parsing rather than ``geopandas.read_file``: the error for a truncated file, a file
without polygons, or one in a projected CRS must say *which* file and *how to fix it*
(:class:`geo.errors.SnapshotError`), and the KML status lives in folder names that OGR drops.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final
from xml.etree import ElementTree as ET  # parsing guarded by _reject_dtd (no DTD/entities)

import geopandas as gpd
import shapely
from shapely.geometry import Polygon, shape
from shapely.geometry.base import BaseGeometry

from geo.errors import SnapshotError

__all__ = [
    "FRONTLINE_COLUMNS",
    "SOURCE_DEEPSTATE",
    "SOURCE_ISW",
    "STATUS_OCCUPIED",
    "date_from_filename",
    "read_snapshot",
    "snapshot_from_bytes",
]

SOURCE_DEEPSTATE: Final = "DeepStateMap"
SOURCE_ISW: Final = "ISW"
STATUS_OCCUPIED: Final = "occupied"
FRONTLINE_COLUMNS: Final = ("snapshot_date", "describes_date", "source", "status", "geometry")

_CRS84_NAMES: Final = frozenset(
    {"urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:epsg::4326", "epsg:4326", "crs84"}
)
_DATE_IN_NAME: Final = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
_KML_NS: Final = "{http://www.opengis.net/kml/2.2}"
#: Layer-name cues → status; the first match wins, so "advance" beats "control".
_STATUS_CUES: Final = (
    ("infiltrat", "infiltration"),
    ("advance", "assessed advance"),
    ("claim", "claimed"),
    ("control", STATUS_OCCUPIED),
    ("occupied", STATUS_OCCUPIED),
)


def date_from_filename(path: str | Path) -> dt.date | None:
    """Return the date written in a file name (``…20250813…`` or ``…2025-08-13…``), or None."""
    match = _DATE_IN_NAME.search(Path(path).name)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def read_snapshot(
    path: str | Path,
    *,
    source: str | None = None,
    snapshot_date: dt.date | None = None,
) -> gpd.GeoDataFrame:
    """Read one snapshot file (GeoJSON, KML or KMZ) into the normalised frontline frame.

    Parameters
    ----------
    path
        The snapshot file; its suffix picks the format (``.geojson``/``.json``, ``.kml``,
        ``.kmz``).
    source
        Who drew it. Default: ``"DeepStateMap"`` when the name starts with ``deepstate``,
        else ``"ISW"``.
    snapshot_date
        The date the file is dated. Default: the date in its name.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`FRONTLINE_COLUMNS`, EPSG:4326, one row per status.

    Raises
    ------
    SnapshotError
        Unreadable or truncated file, unknown format, wrong CRS, no polygons, no date.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read the snapshot file ({exc.strerror or exc})"
        raise SnapshotError(msg) from exc
    return snapshot_from_bytes(raw, name=str(path), source=source, snapshot_date=snapshot_date)


def snapshot_from_bytes(
    raw: bytes,
    *,
    name: str,
    source: str | None = None,
    snapshot_date: dt.date | None = None,
    origin: str | None = None,
) -> gpd.GeoDataFrame:
    """Parse a snapshot held in memory (the fetcher validates bodies with this before caching).

    ``name`` is the file name: it gives the format (suffix), the default date and source.
    Error messages quote ``origin`` (e.g. the URL) and ``name``. See :func:`read_snapshot`.
    """
    label = f"{origin} ({name})" if origin else name
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    day = snapshot_date or date_from_filename(name)
    if day is None:
        msg = (
            f"{label}: no date in the file name; name it like deepstatemap_data_YYYYMMDD.geojson "
            "or pass snapshot_date"
        )
        raise SnapshotError(msg)
    if source is None:
        source = SOURCE_DEEPSTATE if Path(name).name.lower().startswith("deepstate") else SOURCE_ISW
    if suffix in (".geojson", ".json"):
        parts = list(_geojson_parts(raw, label))
    elif suffix == ".kml":
        parts = list(_kml_parts(raw, label))
    elif suffix == ".kmz":
        parts = list(_kml_parts(_kml_from_kmz(raw, label), label))
    else:
        msg = f"{label}: unknown snapshot format {suffix!r}; use .geojson, .json, .kml or .kmz"
        raise SnapshotError(msg)
    return _normalise(parts, name=label, source=source, snapshot_date=day)


def _normalise(
    parts: Iterable[tuple[str, BaseGeometry]],
    *,
    name: str,
    source: str,
    snapshot_date: dt.date,
) -> gpd.GeoDataFrame:
    by_status: dict[str, list[BaseGeometry]] = {}
    for status, geom in parts:
        polygonal = _polygonal(geom)
        if polygonal is not None:
            by_status.setdefault(status, []).append(polygonal)
    if not by_status:
        msg = f"{name}: holds no polygons; a frontline snapshot must contain (Multi)Polygons"
        raise SnapshotError(msg)
    _check_lonlat(by_status, name)
    describes = (
        snapshot_date - dt.timedelta(days=1) if source == SOURCE_DEEPSTATE else snapshot_date
    )
    rows = [
        {
            "snapshot_date": snapshot_date,
            "describes_date": describes,
            "source": source,
            "status": status,
            "geometry": shapely.union_all(geoms),
        }
        for status, geoms in by_status.items()
    ]
    return gpd.GeoDataFrame(rows, columns=list(FRONTLINE_COLUMNS), crs="EPSG:4326")


def _polygonal(geom: BaseGeometry) -> BaseGeometry | None:
    """Return the valid polygonal part of ``geom``, or None when it has no area."""
    if geom.is_empty:
        return None
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    polys = [g for g in getattr(geom, "geoms", ()) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(polys) if polys else None


def _check_lonlat(by_status: dict[str, list[BaseGeometry]], name: str) -> None:
    for geoms in by_status.values():
        minx, miny, maxx, maxy = shapely.total_bounds(geoms)
        if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
            msg = (
                f"{name}: coordinates ({minx:.0f}, {miny:.0f}) … ({maxx:.0f}, {maxy:.0f}) are not "
                "lon/lat degrees; reproject the file to EPSG:4326 (CRS84) first"
            )
            raise SnapshotError(msg)


# --- GeoJSON ---------------------------------------------------------------------------------


def _geojson_parts(raw: bytes, name: str) -> Iterator[tuple[str, BaseGeometry]]:
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        msg = f"{name}: not UTF-8 text (byte {exc.start}); is it a GeoJSON file?"
        raise SnapshotError(msg) from exc
    except json.JSONDecodeError as exc:
        msg = (
            f"{name}: malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
            "the file is truncated or not GeoJSON — download it again"
        )
        raise SnapshotError(msg) from exc
    if not isinstance(doc, dict) or "type" not in doc:
        msg = f"{name}: not a GeoJSON object (no 'type' member)"
        raise SnapshotError(msg)
    _check_geojson_crs(doc, name)
    kind = doc["type"]
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            msg = f"{name}: FeatureCollection without a 'features' list"
            raise SnapshotError(msg)
    elif kind == "Feature":
        features = [doc]
    else:
        features = [{"type": "Feature", "properties": {}, "geometry": doc}]
    for index, feature in enumerate(features):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not geometry:
            continue
        try:
            geom = shape(geometry)
        except (
            KeyError,
            TypeError,
            ValueError,
            AttributeError,
            shapely.errors.GEOSException,
        ) as exc:
            msg = f"{name}: feature {index} has an invalid geometry ({exc})"
            raise SnapshotError(msg) from exc
        properties = feature.get("properties") or {}
        yield _status_from_text(_layer_text(properties)), geom


def _check_geojson_crs(doc: dict[str, Any], name: str) -> None:
    crs = doc.get("crs")
    if not crs:
        return
    crs_name = str((crs.get("properties") or {}).get("name", "")) if isinstance(crs, dict) else ""
    if crs_name.lower() not in _CRS84_NAMES:
        msg = (
            f"{name}: CRS {crs_name or crs!r} is not WGS84 lon/lat; export the file in "
            "EPSG:4326 (CRS84)"
        )
        raise SnapshotError(msg)


def _layer_text(properties: dict[str, Any]) -> str:
    keys = ("status", "layer", "Layer", "name", "Name", "folder", "description")
    return " ".join(str(properties[k]) for k in keys if properties.get(k))


def _status_from_text(text: str) -> str:
    lowered = text.lower()
    for cue, status in _STATUS_CUES:
        if cue in lowered:
            return status
    return STATUS_OCCUPIED


# --- KML / KMZ -------------------------------------------------------------------------------


def _kml_from_kmz(raw: bytes, name: str) -> bytes:

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            kml_names = [n for n in archive.namelist() if n.lower().endswith(".kml")]
            if not kml_names:
                msg = f"{name}: the KMZ archive holds no .kml document"
                raise SnapshotError(msg)
            preferred = "doc.kml" if "doc.kml" in kml_names else kml_names[0]
            return archive.read(preferred)
    except zipfile.BadZipFile as exc:
        msg = f"{name}: not a valid KMZ (zip) archive ({exc})"
        raise SnapshotError(msg) from exc


def _reject_dtd(raw: bytes, name: str) -> None:
    head = raw[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        msg = f"{name}: KML with a DTD or entity declarations is refused (unsafe XML)"
        raise SnapshotError(msg)


def _kml_parts(raw: bytes, name: str) -> Iterator[tuple[str, BaseGeometry]]:
    _reject_dtd(raw, name)
    try:
        root = ET.fromstring(raw)  # noqa: S314 - DTD/entities refused above
    except ET.ParseError as exc:
        line, column = exc.position
        msg = f"{name}: malformed KML at line {line}, column {column}; the file is truncated?"
        raise SnapshotError(msg) from exc
    yield from _walk_kml(root, context="")


def _walk_kml(element: ET.Element, context: str) -> Iterator[tuple[str, BaseGeometry]]:
    for child in element:
        tag = child.tag.removeprefix(_KML_NS)
        if tag in ("Document", "Folder"):
            yield from _walk_kml(child, f"{context} {_kml_text(child, 'name')}")
        elif tag == "Placemark":
            label = f"{context} {_kml_text(child, 'name')} {_kml_text(child, 'styleUrl')}"
            status = _status_from_text(label)
            for polygon in child.iter(f"{_KML_NS}Polygon"):
                yield status, _kml_polygon(polygon)


def _kml_text(element: ET.Element, tag: str) -> str:
    found = element.find(f"{_KML_NS}{tag}")
    return (found.text or "").strip() if found is not None else ""


def _kml_polygon(element: ET.Element) -> Polygon:
    outer = element.find(f"{_KML_NS}outerBoundaryIs/{_KML_NS}LinearRing/{_KML_NS}coordinates")
    inners = element.findall(f"{_KML_NS}innerBoundaryIs/{_KML_NS}LinearRing/{_KML_NS}coordinates")
    if outer is None:
        return Polygon()
    shell = _kml_coordinates(outer.text or "")
    holes = [_kml_coordinates(inner.text or "") for inner in inners]
    if len(shell) < 4:
        return Polygon()
    return Polygon(shell, [h for h in holes if len(h) >= 4])


def _kml_coordinates(text: str) -> list[tuple[float, float]]:
    points = []
    for token in text.split():
        values = token.split(",")
        try:
            points.append((float(values[0]), float(values[1])))
        except (IndexError, ValueError):
            continue
    return points
