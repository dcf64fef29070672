"""The evacuation map: zones ordered evacuated (date, who must leave), their names, events."""

from __future__ import annotations

from typing import Any, Final

import folium
import geopandas as gpd
import shapely

from dashboard import style
from dashboard.maps import layers
from dashboard.maps.front import front_labels

__all__ = ["ZONE_FIELDS", "build_evacuation_map", "zone_labels"]

_VIEW: Final = ((48.5, 37.4), 8)
ZONE_FIELDS: Final = {
    "settlement": "Settlement",
    "hromada": "Hromada",
    "oblast": "Oblast",
    "date_ordered": "Ordered",
    "who": "Who must leave",
    "mandatory": "Mandatory",
    "children": "Children",
    "method": "Drawn as",
    "distance_to_front_km": "Distance to front (km)",
    "source_url": "Source",
}


def zone_labels(zones: gpd.GeoDataFrame | None) -> list[dict[str, Any]]:
    """Return a label per evacuated settlement and per hromada (at the middle of its zones)."""
    if zones is None or zones.empty:
        return []
    located = layers.located_rows(zones)
    labels: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row, geometry in zip(located.to_dict("records"), located.geometry, strict=True):
        name = str(row.get("settlement") or "")
        if not name or name in seen:
            continue
        seen.add(name)
        point = geometry.representative_point()
        labels.append(
            {"lat": point.y, "lon": point.x, "text": name, "rank": 5, "kind": "settlement"}
        )
    if "hromada" in located:
        for hromada, group in located.groupby("hromada"):
            if not str(hromada):
                continue
            centre = shapely.union_all(group.geometry.to_numpy()).centroid
            labels.append(
                {"lat": centre.y, "lon": centre.x, "text": f"{hromada} hromada", "rank": 3,
                 "kind": "hromada", "centred": True}
            )  # fmt: skip
    return labels


def build_evacuation_map(
    zones: gpd.GeoDataFrame | None,
    events: gpd.GeoDataFrame,
    *,
    front: layers.FrontLike | None = None,
    outlines: gpd.GeoDataFrame | str | None = None,
    oblasts: gpd.GeoDataFrame | str | None = None,
    tiles: bool = False,
    focus: str | None = None,
) -> folium.Map:
    """Build the evacuation map: zones ordered evacuated (date, who must leave), and events.

    The legend names how zones were drawn (settlement area, hromada area, or a buffer
    around the settlement point), as ``zones["method"]`` says.
    """
    fmap = layers.new_map(_VIEW, tiles=tiles)
    layers.add_outlines(fmap, outlines)
    layers.add_outlines(fmap, oblasts, name="Oblasts", fill=False)
    items: list[tuple[str, ...]] = []
    if front is not None and layers.polygon_layer(
        fmap, front.occupied, name="Occupied", colour=style.OCCUPIED_COLOUR, fields={},
        opacity=0.15,
    ):  # fmt: skip
        kind = "dashed" if front.is_approximate else "square"
        items.append((style.OCCUPIED_COLOUR, "Front line / occupied area", kind))
    drawn = 0
    methods: list[str] = []
    labels = [label for label in front_labels() if label["kind"] != "oblast"]
    for label in labels:
        label["rank"] += 20  # towns come after the evacuated places
    if zones is not None and not zones.empty:
        drawn = layers.polygon_layer(
            fmap, zones, name="Evacuation zones", colour=style.ZONE_COLOUR,
            fields=ZONE_FIELDS, opacity=0.45,
        )  # fmt: skip
        if "method" in zones:
            methods = sorted({str(m) for m in zones["method"].dropna()})
        located = layers.located_rows(zones)
        if not located.empty:
            min_x, min_y, max_x, max_y = located.total_bounds
            fmap.fit_bounds([[min_y, min_x], [max_y, max_x]], padding=(20, 20))
        labels = zone_labels(zones) + labels
    if drawn:
        items.append((style.ZONE_COLOUR, "Zone ordered evacuated"))
    shown, located_events, kinds = layers.add_event_markers(
        fmap, layers.group_events(events, "evacuation"), focus=focus
    )
    fmap.add_child(layers.LabelLayer(labels, name="Place names"))
    items.extend(layers.event_legend_items(kinds))
    items.append(("#222222", "Settlement / hromada / town name", "label"))
    note = f"{drawn} zone(s). Drawn as: {', '.join(methods)}." if methods else "No zones loaded."
    note += layers.shown_note(shown, located_events)
    layers.add_legend(fmap, "Evacuation zones", items, note)
    return layers.finish(fmap)
