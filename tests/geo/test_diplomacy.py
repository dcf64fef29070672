"""The summit venue as its own place, and geodesic distances from it."""

from __future__ import annotations

import itertools
import math

import geopandas as gpd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import LineString

from geo.layers.diplomacy import SUMMIT_VENUE, venue_distance_lines, venue_distances
from geo.model import Place

GEOD = Geod(ellps="WGS84")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Independent spherical great-circle distance (mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def a_front() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"source": ["test front"], "status": ["approximate"]},
        geometry=[LineString([(37.0, 47.0), (38.0, 49.5)])],
        crs="EPSG:4326",
    )


def test_venue_is_its_own_place_in_anchorage() -> None:
    assert isinstance(SUMMIT_VENUE, Place)
    assert SUMMIT_VENUE.gazetteer_id == "local:jber"
    assert SUMMIT_VENUE.country == "US"
    # Within 15 km of downtown Anchorage (61.218 N, 149.900 W).
    assert haversine_km(SUMMIT_VENUE.lat, SUMMIT_VENUE.lon, 61.21806, -149.90028) < 15


def test_distances_to_capitals_are_geodesic_and_ordered() -> None:
    table = venue_distances(front=a_front()).set_index("target")
    for name in ("Moscow", "Kyiv", "Washington"):
        row = table.loc[name]
        spherical = haversine_km(SUMMIT_VENUE.lat, SUMMIT_VENUE.lon, row["lat"], row["lon"])
        assert row["distance_km"] == pytest.approx(spherical, rel=5e-3)  # ellipsoid vs sphere
    assert table.loc["Washington", "distance_km"] < table.loc["Moscow", "distance_km"]
    assert table.loc["Moscow", "distance_km"] < table.loc["Kyiv", "distance_km"]


def test_distance_to_the_front_is_to_its_nearest_point() -> None:
    table = venue_distances(front=a_front())
    front = table[table["kind"] == "front"].iloc[0]
    # Brute force, independent of the projection search: 2,500 points along the line.
    line = a_front().geometry.iloc[0]
    points = shapely.get_coordinates(shapely.segmentize(line, 0.001))
    count = len(points)
    _, _, metres = GEOD.inv(
        [SUMMIT_VENUE.lon] * count, [SUMMIT_VENUE.lat] * count, points[:, 0], points[:, 1]
    )
    assert front["distance_km"] == pytest.approx(metres.min() / 1000, abs=0.2)
    assert (front["lon"], front["lat"]) == pytest.approx(tuple(points[metres.argmin()]), abs=0.01)
    assert "test front" in front["target"]


def test_without_a_front_the_approximate_line_is_used(tmp_path, monkeypatch) -> None:
    from geo import settings

    monkeypatch.setattr(settings, "CACHE_DIR", tmp_path)
    front = venue_distances().set_index("kind").loc["front"]
    assert "approximate" in front["target"]
    assert 6_000 < front["distance_km"] < 9_000


def test_lines_run_from_the_venue_without_jumping_the_antimeridian() -> None:
    lines = venue_distance_lines(front=a_front())
    assert lines.crs.to_epsg() == 4326
    for line in lines.geometry:
        xs = [x for x, _ in line.coords]
        assert xs[0] == pytest.approx(SUMMIT_VENUE.lon)
        # Unwrapped: never the ±360° jump of a line cut at the antimeridian (routes over the
        # pole legitimately swing by up to 180° in longitude).
        assert max(abs(b - a) for a, b in itertools.pairwise(xs)) < 180
        assert line.length < 400
