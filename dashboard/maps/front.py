"""The eastern-front map: occupied area (dated), the day's advances, front towns, oblasts."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import folium
import geopandas as gpd
import pandas as pd

from dashboard import style
from dashboard.maps import layers
from dashboard.maps.places import oblast_points, populated_places

__all__ = ["FRONT_BBOX", "build_front_map", "front_labels"]

_VIEW: Final = ((48.3, 37.6), 7)
#: (min lon, min lat, max lon, max lat) of the towns labelled along the front.
FRONT_BBOX: Final = (33.0, 46.3, 40.5, 50.6)
#: Two towns closer than this (degrees of latitude, ~9 km) are one city and its districts.
_SAME_TOWN_DEG: Final = 0.08


def _day(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    try:
        return pd.Timestamp(value).strftime("%-d %b %Y")
    except (TypeError, ValueError):
        return str(value)


def front_labels(bbox: tuple[float, float, float, float] = FRONT_BBOX) -> list[dict[str, Any]]:
    """Return town and oblast labels for the front map (larger towns first, fewer zoomed out).

    A town within ~9 km of a larger one is taken for one of its districts (GeoNames lists
    Donetsk's districts as cities) and left out.
    """
    labels: list[dict[str, Any]] = []
    kept: list[tuple[float, float]] = []
    for name, lat, lon, population in populated_places(bbox, countries=("UA", "RU")):
        if any(abs(lat - y) < _SAME_TOWN_DEG and abs(lon - x) < _SAME_TOWN_DEG * 1.5
               for y, x in kept):  # fmt: skip
            continue
        kept.append((lat, lon))
        min_zoom = 0 if population >= 100_000 else 7 if population >= 25_000 else 8
        labels.append(
            {"lat": lat, "lon": lon, "text": name, "rank": 20 - min(population / 1e5, 9),
             "kind": "town", "min_zoom": min_zoom}
        )  # fmt: skip
    west, south, east, north = bbox
    for name, lat, lon in oblast_points("UA"):
        if west <= lon <= east and south <= lat <= north:
            labels.append(
                {"lat": lat, "lon": lon, "text": name.replace(" Oblast", " oblast"),
                 "rank": 40, "kind": "oblast", "centred": True, "min_zoom": 0}
            )  # fmt: skip
    return labels


def _advance_labels(advances: gpd.GeoDataFrame | None) -> list[dict[str, Any]]:
    if advances is None or advances.empty:
        return []
    out = []
    located = layers.located_rows(advances)
    for row, geometry in zip(located.to_dict("records"), located.geometry, strict=True):
        point = geometry.representative_point()
        area = row.get("area_km2")
        text = f"+{area:,.1f} km²" if isinstance(area, int | float) else "advance"
        day = _day(row.get("describes_date"))
        out.append(
            {"lat": point.y, "lon": point.x, "text": f"{text} · {day}" if day else text,
             "rank": -1, "kind": "advance"}
        )  # fmt: skip
    return out


def _front_date(front: layers.FrontLike) -> str:
    for attribute in ("describes_date", "snapshot_date"):
        value = getattr(front, attribute, None)
        if isinstance(value, dt.date):
            return _day(value)
    if not front.occupied.empty and "describes_date" in front.occupied:
        return _day(front.occupied["describes_date"].iloc[0])
    return ""


def build_front_map(
    events: gpd.GeoDataFrame,
    *,
    front: layers.FrontLike | None = None,
    outlines: gpd.GeoDataFrame | str | None = None,
    oblasts: gpd.GeoDataFrame | str | None = None,
    tiles: bool = False,
    focus: str | None = None,
) -> folium.Map:
    """Build the eastern-front map: the dated front, the day's advances, events, labels.

    ``front`` is a ``geo.layers.frontline.FrontLayer``; its ``legend`` (date, source,
    "approximate") is the legend's note. Advances are drawn bright with a label giving
    their area and date. ``oblasts`` (outlines, when cached) are drawn as borders.
    """
    fmap = layers.new_map(_VIEW, tiles=tiles)
    layers.add_outlines(fmap, outlines)
    layers.add_outlines(fmap, oblasts, name="Oblasts", fill=False)
    note = "No front line loaded."
    items: list[tuple[str, ...]] = []
    labels = front_labels()
    if front is not None:
        dated = _front_date(front)
        drawn_occupied = layers.polygon_layer(
            fmap,
            front.occupied,
            name="Occupied",
            colour=style.OCCUPIED_COLOUR,
            fields={"status": "Status", "describes_date": "As of", "source": "Source"},
            opacity=0.25,
        )
        drawn_advances = layers.polygon_layer(
            fmap,
            front.advances,
            name="Latest advances",
            colour=style.ADVANCE_COLOUR,
            fields={"area_km2": "Area (km²)", "describes_date": "Date", "source": "Source"},
            opacity=0.85,
            weight=3,
        )
        labels.extend(_advance_labels(front.advances))
        kind = "dashed" if front.is_approximate else "square"
        word = "Approximate front line" if front.is_approximate else "Occupied area"
        if drawn_occupied:
            items.append((style.OCCUPIED_COLOUR, f"{word}{', ' + dated if dated else ''}", kind))
        if drawn_advances:
            items.append((style.ADVANCE_COLOUR, "Advance of the day (area, date on the map)"))
        note = front.legend
        if front.is_approximate and "approximate" not in note.lower():
            note += " — APPROXIMATE front line."
    drawn, located, kinds = layers.add_event_markers(
        fmap, layers.group_events(events, "front"), focus=focus
    )
    fmap.add_child(layers.LabelLayer(labels, name="Place names"))
    items.extend(layers.event_legend_items(kinds))
    items.append(("#222222", "Town / OBLAST name", "label"))
    note += layers.shown_note(drawn, located)
    layers.add_legend(fmap, "Eastern front", items, note)
    return layers.finish(fmap)
