"""Frontline snapshots: readers, areas, change between days, the day's layer, web copy, CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point, Polygon, box

from geo.cli import main
from geo.errors import SnapshotError
from geo.io.frontline import FRONTLINE_COLUMNS, read_snapshot
from geo.layers.frontline import (
    STATUS_APPROXIMATE,
    approximate_front,
    area_km2,
    change_between,
    front_for_day,
    simplify_for_web,
    snapshot_for_day,
    web_layers,
)

GEOD = Geod(ellps="WGS84")


def deepstate_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "frontline" / "deepstate"


def snapshot_path(shared_dir: Path, day: str) -> Path:
    return deepstate_dir(shared_dir) / f"deepstatemap_data_{day}.geojson"


def geodesic_km2(geom: shapely.Geometry) -> float:
    area, _ = GEOD.geometry_area_perimeter(geom)
    return abs(area) / 1e6


def write_geojson(path: Path, polygons: list[Polygon], **extra: object) -> Path:
    doc = {
        "type": "FeatureCollection",
        **extra,
        "features": [
            {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(p)}
            for p in polygons
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>ISW 2025-08-12</name>
<Folder><name>Assessed Russian-controlled Ukrainian Territory</name>
<Placemark><name>area 1</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
37.0,48.0,0 37.5,48.0,0 37.5,48.5,0 37.0,48.5,0 37.0,48.0,0
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Folder>
<Folder><name>Assessed Russian Advances in Ukraine</name>
<Placemark><name>advance</name><MultiGeometry><Polygon><outerBoundaryIs><LinearRing>
<coordinates>37.5,48.0 37.6,48.0 37.6,48.1 37.5,48.1 37.5,48.0</coordinates>
</LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark></Folder>
</Document></kml>
"""


# --- readers -----------------------------------------------------------------------------------


def test_deepstate_snapshot_is_one_occupied_row_describing_the_day_before(shared_dir: Path) -> None:
    frame = read_snapshot(snapshot_path(shared_dir, "20250813"))
    assert list(frame.columns) == list(FRONTLINE_COLUMNS)
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row["snapshot_date"] == dt.date(2025, 8, 13)
    assert row["describes_date"] == dt.date(2025, 8, 12)
    assert (row["source"], row["status"]) == ("DeepStateMap", "occupied")
    assert row["geometry"].geom_type == "MultiPolygon"
    assert row["geometry"].is_valid
    # The snapshot's README quotes ≈114,503 km² in EPSG:6933; the geodesic area must agree.
    assert area_km2(frame)[0] == pytest.approx(114_503, rel=1e-3)
    assert area_km2(frame)[0] == pytest.approx(geodesic_km2(row["geometry"]), rel=2e-3)


def test_every_shared_snapshot_loads(shared_dir: Path) -> None:
    paths = sorted(deepstate_dir(shared_dir).glob("*.geojson"))
    assert len(paths) >= 20
    for path in paths:
        frame = read_snapshot(path)
        assert frame["describes_date"].iloc[0] == frame["snapshot_date"].iloc[0] - dt.timedelta(1)


def test_isw_kml_layers_become_statuses_dated_as_published(tmp_path: Path) -> None:
    path = tmp_path / "isw_2025-08-12.kml"
    path.write_text(KML, encoding="utf-8")
    frame = read_snapshot(path)
    assert set(frame["status"]) == {"occupied", "assessed advance"}
    assert set(frame["source"]) == {"ISW"}
    assert set(frame["describes_date"]) == {dt.date(2025, 8, 12)}
    advance = frame.loc[frame["status"] == "assessed advance", "geometry"].iloc[0]
    assert advance.equals(box(37.5, 48.0, 37.6, 48.1))


def test_kmz_reads_like_its_kml(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("doc.kml", KML)
    kmz = tmp_path / "isw_20250812.kmz"
    kmz.write_bytes(buffer.getvalue())
    kml = tmp_path / "isw_20250812.kml"
    kml.write_text(KML, encoding="utf-8")
    from_kmz, from_kml = read_snapshot(kmz), read_snapshot(kml)
    assert list(from_kmz["status"]) == list(from_kml["status"])
    assert all(a.equals(b) for a, b in zip(from_kmz.geometry, from_kml.geometry, strict=True))


def test_isw_geojson_status_comes_from_feature_properties(tmp_path: Path) -> None:
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": "Assessed Russian infiltration"},
             "geometry": shapely.geometry.mapping(box(37, 48, 37.1, 48.1))},
            {"type": "Feature", "properties": {"layer": "Claimed Russian Territory"},
             "geometry": shapely.geometry.mapping(box(38, 48, 38.1, 48.1))},
        ],
    }  # fmt: skip
    path = tmp_path / "isw-2025-08-12.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert sorted(read_snapshot(path)["status"]) == ["claimed", "infiltration"]


def _zip_without_kml() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "no map here")
    return buffer.getvalue()


POINT = {"type": "Point", "coordinates": [37, 48]}
POINTS_ONLY = json.dumps(
    {"type": "FeatureCollection",
     "features": [{"type": "Feature", "properties": {}, "geometry": POINT}]}
).encode()  # fmt: skip
WEB_MERCATOR = json.dumps(
    {"type": "FeatureCollection",
     "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
     "features": [{"type": "Feature", "properties": {},
                   "geometry": shapely.geometry.mapping(box(4.1e6, 6.1e6, 4.2e6, 6.2e6))}]}
).encode()  # fmt: skip
PROJECTED_NO_CRS = WEB_MERCATOR.replace(b'"urn:ogc:def:crs:EPSG::3857"', b'"CRS84"')


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        pytest.param("d_20250812.geojson", b'{"type": "FeatureCollection", "feat', "malformed JSON",
                     id="truncated-json"),
        pytest.param("d_20250812.geojson", POINTS_ONLY, "no polygons", id="no-polygons"),
        pytest.param("d_20250812.geojson", WEB_MERCATOR, "not WGS84", id="wrong-crs"),
        pytest.param("d_20250812.geojson", PROJECTED_NO_CRS, "not lon/lat", id="projected-coords"),
        pytest.param("d_20250812.geojson", b"\xff\xfe\x00binary", "not UTF-8", id="binary"),
        pytest.param("d_20250812.geojson", b"[1, 2]", "not a GeoJSON object", id="json-array"),
        pytest.param("d_20250812.kmz", _zip_without_kml(), "no .kml", id="empty-kmz"),
        pytest.param("d_20250812.kmz", b"PK\x03\x04broken", "not a valid KMZ", id="broken-kmz"),
        pytest.param("d_20250812.kml", KML.encode()[:300], "malformed KML", id="truncated-kml"),
        pytest.param("d_20250812.kml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><kml/>',
                     "unsafe XML", id="kml-with-entities"),
        pytest.param("d_20250812.shp", b"x", "unknown snapshot format", id="unknown-format"),
        pytest.param("nodate.geojson", POINTS_ONLY, "no date in the file name", id="no-date"),
    ],
)  # fmt: skip
def test_malformed_snapshot_files_raise_a_clear_error_naming_the_file(
    tmp_path: Path, name: str, body: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(body)
    with pytest.raises(SnapshotError, match=message) as info:
        read_snapshot(path)
    assert name in str(info.value)


def test_missing_file_is_a_snapshot_error(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="cannot read"):
        read_snapshot(tmp_path / "deepstatemap_data_20250812.geojson")


# --- areas and change --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "polygon",
    [
        pytest.param(box(37.0, 48.0, 38.0, 49.0), id="one-degree-cell-donbas"),
        pytest.param(box(0.0, 0.0, 1.0, 1.0), id="one-degree-cell-equator"),
        pytest.param(Point(36.5, 47.5).buffer(0.3), id="disc"),
    ],
)
def test_area_km2_matches_an_independent_geodesic_area(polygon: Polygon) -> None:
    measured = area_km2(gpd.GeoSeries([polygon], crs="EPSG:4326"))[0]
    assert measured == pytest.approx(geodesic_km2(polygon), rel=1e-3)


def test_area_km2_never_measures_degrees() -> None:
    with pytest.raises(SnapshotError, match="CRS"):
        area_km2(gpd.GeoSeries([box(0, 0, 1, 1)]))


def _snapshot(path: Path, *polygons: Polygon) -> gpd.GeoDataFrame:
    return read_snapshot(write_geojson(path, list(polygons)))


def test_change_between_measures_gain_and_loss_geodesically(tmp_path: Path) -> None:
    old = _snapshot(tmp_path / "deepstatemap_data_20250812.geojson", box(37.0, 48.0, 37.5, 48.5))
    # New: advanced east by 0.1°, withdrew from a 0.05° strip in the south.
    new = _snapshot(tmp_path / "deepstatemap_data_20250813.geojson", box(37.0, 48.05, 37.6, 48.5))
    change = change_between(old, new, boundaries_dir=tmp_path / "none")
    assert change.gained_km2 == pytest.approx(geodesic_km2(box(37.5, 48.05, 37.6, 48.5)), rel=1e-3)
    assert change.lost_km2 == pytest.approx(geodesic_km2(box(37.0, 48.0, 37.5, 48.05)), rel=1e-3)
    assert change.net_km2 == pytest.approx(change.gained_km2 - change.lost_km2)
    assert (change.old_describes, change.new_describes) == (
        dt.date(2025, 8, 11),
        dt.date(2025, 8, 12),
    )
    assert change.by_oblast == ()
    assert change.gained["area_km2"].sum() == pytest.approx(change.gained_km2, rel=1e-6)


def test_change_is_split_by_oblast_when_outlines_are_given(tmp_path: Path) -> None:
    oblasts = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"shapeName": "West Oblast", "shapeISO": "UA-01"},
             "geometry": shapely.geometry.mapping(box(36.0, 47.0, 37.55, 49.0))},
            {"type": "Feature", "properties": {"shapeName": "East Oblast", "shapeISO": "UA-02"},
             "geometry": shapely.geometry.mapping(box(37.55, 47.0, 39.0, 49.0))},
        ],
    }  # fmt: skip
    oblast_file = tmp_path / "oblasts.geojson"
    oblast_file.write_text(json.dumps(oblasts), encoding="utf-8")
    old = _snapshot(tmp_path / "deepstatemap_data_20250812.geojson", box(37.0, 48.0, 37.5, 48.5))
    new = _snapshot(tmp_path / "deepstatemap_data_20250813.geojson", box(37.0, 48.0, 37.6, 48.5))
    change = change_between(old, new, boundaries_dir=oblast_file)
    by_name = {row["oblast"]: row for row in change.by_oblast}
    assert set(by_name) == {"West Oblast", "East Oblast"}
    assert by_name["West Oblast"]["gained_km2"] == pytest.approx(
        geodesic_km2(box(37.5, 48.0, 37.55, 48.5)), rel=1e-3
    )
    assert sum(r["gained_km2"] for r in change.by_oblast) == pytest.approx(change.gained_km2, 1e-3)


def test_shared_change_for_2025_08_12_agrees_with_an_independent_overlay(shared_dir: Path) -> None:
    old = read_snapshot(snapshot_path(shared_dir, "20250812"))
    new = read_snapshot(snapshot_path(shared_dir, "20250813"))
    change = change_between(old, new, boundaries_dir=shared_dir / "data" / "boundaries")
    # Independent: geopandas overlay, measured in a Lambert equal-area centred on Ukraine.
    laea = "+proj=laea +lat_0=48.5 +lon_0=35 +datum=WGS84 +units=m"
    gained = gpd.overlay(new.to_crs(laea), old.to_crs(laea), how="difference")
    assert change.gained_km2 == pytest.approx(gained.area.sum() / 1e6, rel=5e-3)
    assert change.gained_km2 > 0
    assert change.by_oblast
    assert change.by_oblast[0]["oblast"] == "Donetsk Oblast"
    total = sum(r["gained_km2"] for r in change.by_oblast)
    assert total == pytest.approx(change.gained_km2, abs=0.05)
    assert change.gained.geometry.within(new.geometry.iloc[0].buffer(1e-6)).all()
    assert not change.gained.geometry.intersects(old.geometry.iloc[0].buffer(-1e-4)).any()


def test_change_record_has_the_cli_contract_keys(shared_dir: Path) -> None:
    change = change_between(
        read_snapshot(snapshot_path(shared_dir, "20250814")),
        read_snapshot(snapshot_path(shared_dir, "20250815")),
    )
    record = change.to_record()
    assert {"old", "new", "gained_km2", "lost_km2", "net_km2", "by_oblast"} <= set(record)
    json.dumps(record)


# --- the day's layer ---------------------------------------------------------------------------


@pytest.fixture
def cache_with_august(tmp_path: Path, shared_dir: Path) -> Path:
    """A cache folder holding copies of three shared daily snapshots (test-local copies)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    for day in ("20250811", "20250812", "20250813"):
        shutil.copy(snapshot_path(shared_dir, day), cache)
    return cache


@pytest.mark.parametrize(
    ("day", "expected_file_date"),
    [
        pytest.param(dt.date(2025, 8, 12), dt.date(2025, 8, 13), id="day-drawn-from-next-file"),
        pytest.param(dt.date(2025, 8, 11), dt.date(2025, 8, 12), id="earlier-day"),
        pytest.param(dt.date(2025, 9, 30), dt.date(2025, 8, 13), id="newest-before-a-later-day"),
        pytest.param(None, dt.date(2025, 8, 13), id="no-day-newest"),
        pytest.param(dt.date(2025, 8, 9), None, id="before-any-snapshot"),
    ],
)
def test_snapshot_for_day_takes_the_latest_described_on_or_before(
    cache_with_august: Path, day: dt.date | None, expected_file_date: dt.date | None
) -> None:
    path = snapshot_for_day(day, cache_dir=cache_with_august)
    if expected_file_date is None:
        assert path is None
    else:
        assert path is not None
        assert path.name == f"deepstatemap_data_{expected_file_date:%Y%m%d}.geojson"


def test_front_for_day_uses_the_cache_and_shows_the_days_advances(cache_with_august: Path) -> None:
    layer = front_for_day(dt.date(2025, 8, 12), cache_dir=cache_with_august)
    assert not layer.is_approximate
    assert layer.describes_date == dt.date(2025, 8, 12)
    assert "2025-08-12" in layer.legend
    assert "DeepStateMap" in layer.legend
    assert "approximate" not in layer.legend.lower()
    assert len(layer.advances) > 0
    assert set(layer.advances["describes_date"]) == {dt.date(2025, 8, 12)}
    assert {"area_km2", "describes_date", "source"} <= set(layer.advances.columns)
    expected = change_between(
        read_snapshot(cache_with_august / "deepstatemap_data_20250812.geojson"),
        read_snapshot(cache_with_august / "deepstatemap_data_20250813.geojson"),
    )
    assert layer.advances["area_km2"].sum() == pytest.approx(expected.gained_km2, abs=0.05)


def test_front_for_day_without_the_previous_day_has_no_advances(
    cache_with_august: Path,
) -> None:
    (cache_with_august / "deepstatemap_data_20250812.geojson").unlink()
    layer = front_for_day(dt.date(2025, 8, 12), cache_dir=cache_with_august)
    assert layer.advances.empty
    assert "advances not shown" in layer.legend


def test_front_for_day_falls_back_to_the_labelled_approximate_line(tmp_path: Path) -> None:
    layer = front_for_day(dt.date(2025, 8, 12), cache_dir=tmp_path / "empty")
    assert layer.is_approximate
    assert "APPROXIMATE" in layer.legend
    assert list(layer.occupied["status"]) == [STATUS_APPROXIMATE]
    assert layer.occupied.geometry.iloc[0].geom_type == "LineString"
    assert layer.advances.empty


def test_approximate_front_runs_along_the_real_front(shared_dir: Path) -> None:
    """Every settlement of the shipped line lies within 15 km of DeepState's mid-August edge."""
    occupied = read_snapshot(snapshot_path(shared_dir, "20250815")).geometry.iloc[0]
    line = approximate_front().geometry.iloc[0]
    aeqd = "+proj=aeqd +lat_0=48.5 +lon_0=36.5 +datum=WGS84 +units=m"
    edge = gpd.GeoSeries([occupied.boundary], crs="EPSG:4326").to_crs(aeqd).iloc[0]
    points = gpd.GeoSeries(shapely.points(shapely.get_coordinates(line)), crs="EPSG:4326")
    distances_km = points.to_crs(aeqd).distance(edge) / 1000
    assert len(points) >= 15
    assert distances_km.max() < 15, distances_km.round(1).tolist()


# --- web copy ----------------------------------------------------------------------------------


def test_simplify_for_web_keeps_shared_edges_shared() -> None:
    wiggle = [(37.5, 48.0 + i / 200, i % 2 * 0.0005) for i in range(201)]
    edge = [(x + dx, y) for x, y, dx in wiggle]
    left = Polygon([(37.0, 48.0), *edge, (37.0, 49.0)])
    right = Polygon([*edge, (38.0, 49.0), (38.0, 48.0)][::-1])
    frame = gpd.GeoDataFrame({"k": [1, 2]}, geometry=[left, right], crs="EPSG:4326")
    web = simplify_for_web(frame, tolerance=0.002)
    a, b = web.geometry
    assert shapely.get_num_coordinates(a) < shapely.get_num_coordinates(left)
    assert a.intersection(b).area == pytest.approx(0, abs=1e-12)  # no overlap
    assert a.union(b).area == pytest.approx(a.area + b.area)  # …and no gap:
    assert a.union(b).area == pytest.approx(box(37, 48, 38, 49).area, rel=1e-6)


def test_simplified_snapshot_is_lighter_and_stays_close(shared_dir: Path) -> None:
    frame = read_snapshot(snapshot_path(shared_dir, "20250813"))
    web = simplify_for_web(frame)
    original, simplified = frame.geometry.iloc[0], web.geometry.iloc[0]
    assert len(web.to_json()) < len(frame.to_json(default=str))
    assert simplified.is_valid
    assert shapely.hausdorff_distance(original, simplified) < 0.01  # < ~1 km at this latitude
    assert area_km2(web)[0] == pytest.approx(area_km2(frame)[0], rel=1e-3)


# --- CLI ---------------------------------------------------------------------------------------


def test_cli_change_prints_one_json_object(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([
        "frontline", "change",
        str(snapshot_path(shared_dir, "20250812")), str(snapshot_path(shared_dir, "20250813")),
        "--boundaries", str(shared_dir / "data" / "boundaries"),
    ])  # fmt: skip
    assert code == 0
    record = json.loads(capsys.readouterr().out)
    assert {"old", "new", "gained_km2", "lost_km2", "net_km2", "by_oblast"} <= set(record)
    assert record["net_km2"] == pytest.approx(record["gained_km2"] - record["lost_km2"], abs=1e-3)
    assert record["by_oblast"][0]["oblast"] == "Donetsk Oblast"


def test_cli_change_accepts_cached_dates(
    cache_with_august: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["frontline", "change", "2025-08-12", "2025-08-13", "--cache", str(cache_with_august)]
    )
    assert code == 0
    record = json.loads(capsys.readouterr().out)
    assert record["describes"] == ["2025-08-11", "2025-08-12"]
    assert record["gained_km2"] > 0


@pytest.mark.parametrize(
    ("old", "message"),
    [
        pytest.param("2025-08-01", "run `python -m geo frontline fetch --date 2025-08-01`",
                     id="date-not-cached"),
        pytest.param("no/such/file.geojson", "not a YYYY-MM-DD date", id="no-such-file"),
    ],
)  # fmt: skip
def test_cli_change_reports_a_missing_snapshot(
    cache_with_august: Path, capsys: pytest.CaptureFixture[str], old: str, message: str
) -> None:
    code = main(["frontline", "change", old, "2025-08-13", "--cache", str(cache_with_august)])
    assert code == 1
    assert message in capsys.readouterr().err


def test_approximate_front_coordinates_agree_with_the_gazetteer() -> None:
    """Each settlement cites a GeoNames id; where the gazetteer knows it, the points agree."""
    import csv

    from geo import settings
    from geo.gazetteer.index import load_gazetteer

    gazetteer = load_gazetteer()
    path = settings.DATA_DIR / "registry" / "frontline_approx.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert all(r["source_url"].startswith("https://") for r in rows)
    checked = 0
    for row in rows:
        same = [p for p in gazetteer.lookup(row["settlement"], country="UA")
                if p.gazetteer_id == row["coord_source"]]  # fmt: skip
        if same:
            checked += 1
            assert (same[0].lat, same[0].lon) == pytest.approx(
                (float(row["lat"]), float(row["lon"])), abs=0.01
            )
    if checked == 0:
        pytest.skip("the gazetteer does not know these GeoNames ids yet")


def test_web_layers_tile_the_occupied_area_with_the_advances(cache_with_august: Path) -> None:
    layer = front_for_day(dt.date(2025, 8, 12), cache_dir=cache_with_august)
    web = web_layers(layer)
    assert set(web["kind"]) == {"occupied", "advance"}
    assert (web["kind"] == "advance").sum() == len(layer.advances)
    held = web.loc[web["kind"] == "occupied"].geometry.iloc[0]
    for advance in web.loc[web["kind"] == "advance"].geometry:
        assert held.intersection(advance).area == pytest.approx(0, abs=1e-9)  # no overlap
        assert held.boundary.intersection(advance.boundary).length > 0  # glued, no sliver
    assert area_km2(gpd.GeoSeries([shapely.union_all(web.geometry)], crs="EPSG:4326"))[
        0
    ] == pytest.approx(area_km2(layer.occupied)[0], rel=1e-3)
    json.loads(web.to_json())  # JSON-ready for the map (dates as strings)


def test_web_layers_of_the_approximate_front_keep_the_legend(tmp_path: Path) -> None:
    web = web_layers(front_for_day(None, cache_dir=tmp_path))
    assert list(web["kind"]) == ["approximate"]
    assert "APPROXIMATE" in web["legend"].iloc[0]


def test_simplify_for_web_keeps_an_empty_frame_empty() -> None:
    empty = gpd.GeoDataFrame({"area_km2": []}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    out = simplify_for_web(empty)
    assert out.empty
    assert out.crs == empty.crs
