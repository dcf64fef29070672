"""Evacuation orders: the shipped file, its validation, zones, distances and the event join."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import LineString, Point, box

from geo.errors import RegistryError
from geo.gazetteer.index import load_gazetteer
from geo.layers import evacuation
from geo.layers.evacuation import (
    KNOWN_HROMADAS,
    ZONE_COLUMNS,
    evacuation_zones,
    load_evacuation_orders,
)
from geo.layers.frontline import distance_to_front_km
from geo.model import Place

GEOD = Geod(ellps="WGS84")
HEADER = (
    "order_id,settlement,settlement_uk,hromada,raion,oblast,katottg,date_ordered,who,"
    "mandatory,children,lat,lon,coord_source,source_url\n"
)
GOOD_ROW = (
    "o1,Stepy,Степи,Dobropilska,Pokrovsk,Donetsk,,2025-08-13,families with children,true,"
    "1150,,,,https://example.org/order\n"
)


def with_point(fields: str) -> str:
    """GOOD_ROW with its lat,lon,coord_source fields replaced."""
    return GOOD_ROW.replace(",,,,https", fields + "https")


def boundaries(shared_dir: Path) -> Path:
    return shared_dir / "data" / "boundaries"


def front_line_east_of(lon: float) -> gpd.GeoDataFrame:
    """A hand-made north–south front line at longitude ``lon``."""
    return gpd.GeoDataFrame(
        {"source": ["test"], "status": ["approximate"]},
        geometry=[LineString([(lon, 47.0), (lon, 50.0)])],
        crs="EPSG:4326",
    )


# --- the shipped file --------------------------------------------------------------------------


def test_shipped_orders_cover_the_four_orders_with_sources() -> None:
    orders = load_evacuation_orders()
    by_date = orders.groupby("date_ordered")["settlement"].count().to_dict()
    assert by_date == {
        dt.date(2025, 7, 24): 10,
        dt.date(2025, 8, 8): 19,
        dt.date(2025, 8, 13): 14,
        dt.date(2025, 8, 14): 5,
    }
    assert orders["source_url"].str.startswith("https://").all()
    assert set(orders["hromada"]) <= set(KNOWN_HROMADAS)
    assert (
        orders.groupby("order_id")["children"].first().to_dict()["2025-08-13-pokrovsk-raion"]
        == 1150
    )
    assert orders["mandatory"].all()


# --- validation --------------------------------------------------------------------------------


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "evacuations.csv"
    bad.write_text(
        HEADER
        + GOOD_ROW
        + GOOD_ROW.replace("2025-08-13", "2025-13-45")  # line 3: bad date
        + GOOD_ROW.replace("Dobropilska", "Atlantiska")  # line 4: unknown hromada
        + GOOD_ROW.replace("https://example.org/order", ""),  # line 5: no source
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as info:
        load_evacuation_orders(bad)
    message = str(info.value)
    assert "3 problem(s)" in message
    assert "line 3" in message
    assert "not YYYY-MM-DD" in message
    assert "line 4" in message
    assert "unknown hromada 'Atlantiska'" in message
    assert "line 5" in message
    assert "source_url is missing" in message
    assert "line 2" not in message
    assert str(bad) in message


@pytest.mark.parametrize(
    ("row", "message"),
    [
        pytest.param(GOOD_ROW.replace(",true,", ",perhaps,"), "mandatory must be", id="flag"),
        pytest.param(GOOD_ROW.replace(",1150,", ",many,"), "children must be", id="children"),
        pytest.param(with_point(",48.4,,,"), "both lat and lon", id="lat-only"),
        pytest.param(with_point(",48.4,37.1,,"), "coord_source", id="uncited"),
        pytest.param(with_point(",8.4,37.1,x,"), "outside Ukraine", id="far"),
    ],
)  # fmt: skip
def test_row_checks(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "evacuations.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(RegistryError, match=message):
        load_evacuation_orders(path)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "evacuations.csv"
    path.write_text("settlement,date_ordered\nStepy,2025-08-13\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="missing columns"):
        load_evacuation_orders(path)


# --- zones -------------------------------------------------------------------------------------


def test_zones_use_settlement_then_hromada_polygons(shared_dir: Path) -> None:
    zones = evacuation_zones(front=front_line_east_of(38.5), boundaries_dir=boundaries(shared_dir))
    assert list(zones.columns) == list(ZONE_COLUMNS)
    assert zones.crs.to_epsg() == 4326
    method = dict(zip(zones["settlement"], zones["method"], strict=False))
    assert method["Stepy"] == "settlement boundary"  # OSM has Stepy's own polygon
    assert method["Myrove"] == "settlement boundary"  # matched by its KATOTTG code
    assert method["Druzhkivka"] == "hromada boundary"  # OSM lacks the city polygon
    assert method["Novofedorivka"] == "hromada boundary"  # Kryvorizka, not Kryvyi Rih's
    assert zones.geometry.is_valid.all()
    assert not zones.geometry.is_empty.any()
    kryvorizka = zones.loc[zones["hromada"] == "Kryvorizka"].geometry.iloc[1]
    assert kryvorizka.representative_point().x > 36.5  # Donetsk oblast, not Dnipropetrovsk
    stepy = zones.loc[zones["settlement"] == "Stepy"].geometry.iloc[0]
    dobropilska = zones.loc[zones["settlement"] == "Kopani"].geometry.iloc[0]
    assert stepy.area < dobropilska.area
    assert stepy.representative_point().within(dobropilska)


def test_zones_without_boundaries_are_geodesic_buffers(tmp_path: Path) -> None:
    zones = evacuation_zones(front=front_line_east_of(38.5), boundaries_dir=tmp_path)
    methods = set(zones["method"])
    assert "buffer 3 km around settlement point" in methods
    assert any(m.startswith("buffer 8 km around hromada centre") for m in methods)
    assert "hromada boundary" not in methods
    druzhkivka = zones.loc[zones["settlement"] == "Druzhkivka"].geometry.iloc[0]
    ring = shapely.get_coordinates(druzhkivka.exterior)
    _, _, metres = GEOD.inv([37.52537] * len(ring), [48.61995] * len(ring), ring[:, 0], ring[:, 1])
    assert metres == pytest.approx([3000.0] * len(ring), rel=1e-3)
    # Rows with nothing known keep their row, marked as such.
    andriivska = zones.loc[zones["hromada"] == "Andriivska"]
    assert set(andriivska["method"]) == {"no geometry"}
    assert andriivska["distance_to_front_km"].isna().all()


def test_distance_to_front_is_geodesic_to_the_nearest_point() -> None:
    point = gpd.GeoSeries([Point(37.0, 48.5)], crs="EPSG:4326")
    front = front_line_east_of(37.5)
    _, _, metres = GEOD.inv(37.0, 48.5, 37.5, 48.5)
    assert distance_to_front_km(point, front)[0] == pytest.approx(metres / 1000, rel=1e-3)
    inside = gpd.GeoDataFrame(geometry=[box(36.9, 48.4, 37.1, 48.6)], crs="EPSG:4326")
    assert distance_to_front_km(point, inside)[0] == 0.0


def test_zone_distances_to_the_shared_front(shared_dir: Path) -> None:
    from geo.io.frontline import read_snapshot

    front = read_snapshot(
        shared_dir / "data/frontline/deepstate/deepstatemap_data_20250815.geojson"
    )
    zones = evacuation_zones(front=front, boundaries_dir=boundaries(shared_dir))
    assert (zones["distance_to_front_km"] >= 0).all()
    assert zones["distance_to_front_km"].max() < 40  # these are frontline communities
    stepy = zones.loc[zones["settlement"] == "Stepy", "distance_to_front_km"].iloc[0]
    hromada = zones.loc[zones["settlement"] == "Kopani", "distance_to_front_km"].iloc[0]
    assert hromada <= stepy  # a hromada is never farther than a settlement inside it


# --- join with extracted events ----------------------------------------------------------------


def events_frame(rows: list[dict[str, object]]) -> gpd.GeoDataFrame:
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"])
    geometry = frame.pop("geometry")
    return gpd.GeoDataFrame(frame, geometry=list(geometry), crs="EPSG:4326")


def test_evacuation_events_join_on_date_and_place(tmp_path: Path) -> None:
    events = events_frame([
        {"event_id": "ev-east", "type": "evacuation", "date": "2025-08-13",
         "place_name": "Ukraine", "place_country": "UA", "geo_precision": "region",
         "geometry": Point(37.5, 48.5)},
        {"event_id": "ev-statement", "type": "statement", "date": "2025-08-13",
         "place_name": "Ukraine", "place_country": "UA", "geo_precision": "country",
         "geometry": Point(30.5, 50.4)},
        {"event_id": "ev-paris", "type": "evacuation", "date": "2025-08-13",
         "place_name": "Paris", "place_country": "FR", "geo_precision": "settlement",
         "geometry": Point(2.35, 48.85)},
    ])  # fmt: skip
    zones = evacuation_zones(front=front_line_east_of(38.5), boundaries_dir=tmp_path, events=events)
    by_date = zones.groupby("date_ordered")["event_ids"].agg(
        lambda s: sorted({i for ids in s for i in ids})
    )
    assert by_date[dt.date(2025, 8, 13)] == ["ev-east"]
    assert by_date[dt.date(2025, 8, 14)] == ["ev-east"]  # "onsdag" vs an order dated next day
    assert by_date[dt.date(2025, 7, 24)] == []
    assert by_date[dt.date(2025, 8, 8)] == []


def test_without_events_every_zone_has_an_empty_list(tmp_path: Path) -> None:
    zones = evacuation_zones(front=front_line_east_of(38.5), boundaries_dir=tmp_path)
    assert zones["event_ids"].map(len).eq(0).all()


class FakeGazetteer:
    """Two Hannivkas: one 400 km away (Kirovohrad oblast), one near Dobropillia."""

    def lookup(self, name: str, *, country: str | None = None) -> tuple[Place, ...]:
        if name != "Hannivka":
            return ()
        return (
            Place("geonames:1", "Hannivka", "village", "UA", 48.24245, 33.46367),
            Place("geonames:2", "Hannivka", "village", "UA", 48.49, 37.12),
        )


def test_gazetteer_points_are_taken_only_near_the_hromada(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(evacuation, "_gazetteer", FakeGazetteer)
    zones = evacuation_zones(front=front_line_east_of(38.5), boundaries_dir=tmp_path)
    hannivka = zones.loc[zones["settlement"] == "Hannivka"].iloc[0]
    assert hannivka["method"] == "buffer 3 km around settlement point"
    centre = hannivka.geometry.centroid
    assert (centre.x, centre.y) == pytest.approx((37.12, 48.49), abs=0.01)


def test_typed_coordinates_agree_with_the_gazetteer() -> None:
    """Rows cite GeoNames ids; where the project gazetteer knows the id, it must agree."""
    gazetteer = load_gazetteer()
    orders = load_evacuation_orders()
    cited = orders[orders["coord_source"].str.startswith("geonames:")]
    checked = 0
    for row in cited.itertuples(index=False):
        name = row.settlement.removesuffix(" (village)")
        same = [
            p for p in gazetteer.lookup(name, country="UA") if p.gazetteer_id == row.coord_source
        ]
        if same:
            checked += 1
            assert (same[0].lat, same[0].lon) == pytest.approx((row.lat, row.lon), abs=0.01)
    if checked == 0:
        pytest.skip("the gazetteer does not know these GeoNames ids yet")
