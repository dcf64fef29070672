"""Shared layer builders: every map is a :func:`new_map` plus these layers, then :func:`finish`.

What each layer is for:

* :func:`add_outlines`: offline country (and, where cached, oblast) outlines, bottom-most.
* :class:`FeatureLayer`: GeoJSON lines and polygons with escaped tooltips/popups.
* :class:`EventLayer`: event markers (a Font Awesome glyph on a disc coloured by type,
  :func:`dashboard.style.event_symbol`) grouped by Leaflet.markercluster: markers that sit
  together become one disc with their count; a group at one spot fans out when clicked.
* :class:`LabelLayer`: place names on the map itself, decluttered in the browser on every
  zoom: labels are shown by rank (venue, capitals, big towns first) and one that would
  overlap a label already shown, or whose ``min_zoom`` is not reached, is hidden.
* :class:`LegendControl`: the legend as a Leaflet control in the top-right corner (the zoom
  buttons are top-left, so it can never cover them), folded on narrow screens.

Every text from an article goes through :mod:`dashboard.markup` first, and all data reaches
the page as JSON through :func:`script_json` (no value can close the script or form a Jinja
expression). Builders are tested by rendering to HTML and counting features.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Protocol

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely.geometry
from branca.element import Element, MacroElement
from jinja2 import Template

from dashboard import markup, style
from dashboard.maps import assets

__all__ = [
    "EVENTS_LAYER",
    "MAX_MARKERS",
    "EventLayer",
    "FeatureLayer",
    "FrontLike",
    "LabelLayer",
    "LegendControl",
    "VenueLike",
    "add_event_markers",
    "add_legend",
    "add_outlines",
    "event_features",
    "finish",
    "fit_points",
    "group_events",
    "has_point",
    "located_rows",
    "map_html",
    "new_map",
    "newest_first",
    "polygon_layer",
    "script_json",
    "shown_note",
]

EVENTS_LAYER: Final = "Events"
#: Most event markers one map draws (newest first); the legend says when more matched.
MAX_MARKERS: Final = 500
_TILES_URL: Final = "OpenStreetMap"
_MAX_ZOOM: Final = 14
_MIN_ZOOM: Final = 2
#: Map width (px) under which the legend starts folded (a phone is 390 px wide).
_FOLD_LEGEND_BELOW_PX: Final = 700
#: Room (px) kept free on the right of the opening view for the legend.
_LEGEND_ROOM_PX: Final = 260

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


class _ScriptLayer(MacroElement):  # type: ignore[misc]  # branca ships no type hints
    """A MacroElement whose ``script`` macro is rendered once, never re-parsed as a template.

    ``MacroElement.render`` wraps the rendered script in ``Element(text)``, which compiles
    the text as a template: slow for megabytes of GeoJSON, and a template injection if data
    held ``{{ … }}`` (also prevented by :func:`script_json`).
    """

    _template: Template

    def render(self, **kwargs: Any) -> None:
        """Add the layer's script to the page as rendered text."""
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(
            _RenderedScript(script(self, kwargs)), name=self.get_name()
        )


_REGISTER: Final = """
        window.fdLayers = window.fdLayers || {};
        window.fdLayers[{{ this.layer_name | tojson }}] = {{ this.get_name() }};
"""


class FeatureLayer(_ScriptLayer):
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
                if (feature.properties.weight) { opts.weight = feature.properties.weight; }
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
        """
        + _REGISTER
        + """
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


class EventLayer(_ScriptLayer):
    """Event markers (``divIcon`` glyphs) in a marker-cluster group, with a count per group.

    Each feature carries ``icon`` (markup from :func:`dashboard.markup.marker_icon_html`),
    ``popup``, ``tooltip`` and ``ref`` (the event id). ``ref`` is put in the tooltip as
    hidden text so that streamlit-folium's ``last_object_clicked_tooltip`` names the event
    a reader clicked (the app opens its card). ``focus`` names an event whose popup opens
    at once (the reader chose it on the timeline).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.markerClusterGroup({
            maxClusterRadius: 36, spiderfyOnMaxZoom: true, showCoverageOnHover: false,
            zoomToBoundsOnClick: true, spiderfyDistanceMultiplier: 1.6,
            iconCreateFunction: function (cluster) {
                var n = cluster.getChildCount();
                return L.divIcon({
                    html: '<span class="fd-cluster-count">' + n + '</span>',
                    className: 'fd-cluster', iconSize: L.point(34, 34)
                });
            }
        });
        window.fdMarkers = window.fdMarkers || {};
        L.geoJson({{ this.data }}, {
            pointToLayer: function (feature, latlng) {
                var p = feature.properties;
                var marker = L.marker(latlng, {
                    icon: L.divIcon({html: p.icon, className: 'fd-event-icon',
                                     iconSize: L.point(24, 24), iconAnchor: L.point(12, 12),
                                     popupAnchor: L.point(0, -10)}),
                    title: '', keyboard: true, riseOnHover: true
                });
                marker.bindPopup(p.popup, {maxWidth: 380});
                var ref = document.createElement('span');
                ref.style.display = 'none';
                ref.textContent = ' fd-ref:' + p.ref + ' ';
                // A string (not a function): streamlit-folium reads its text on a click.
                marker.bindTooltip(p.tooltip + ref.outerHTML,
                                   {direction: 'top', offset: L.point(0, -10)});
                window.fdMarkers[p.ref] = marker;
                return marker;
            }
        }).eachLayer(function (layer) { {{ this.get_name() }}.addLayer(layer); });
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        """
        + _REGISTER
        + """
        var fdFocus = {{ this.focus | tojson }};
        if (fdFocus && window.fdMarkers[fdFocus]) {
            var fdTarget = window.fdMarkers[fdFocus];
            // After the page's other scripts: a later fitBounds would cancel the zoom.
            setTimeout(function () {
                {{ this.get_name() }}.zoomToShowLayer(fdTarget, function () {
                    fdTarget.openPopup();
                });
            }, 0);
        }
        {% endmacro %}
        """
    )

    def __init__(self, collection: Mapping[str, Any], *, focus: str | None = None) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.layer_name = EVENTS_LAYER
        self.data = script_json(collection)
        self.focus = focus


class LabelLayer(_ScriptLayer):
    """Place names drawn on the map, decluttered on every zoom so they never pile up.

    ``labels`` are dicts with ``lat``, ``lon``, ``text`` (plain text; escaped here),
    ``rank`` (lower is shown first), ``kind`` (a CSS modifier: ``venue``, ``capital``,
    ``town``, ``oblast``, ``settlement``, ``hromada``, ``advance``) and ``min_zoom``. The
    browser measures each label once and, on every ``zoomend``/``moveend``, shows labels in
    rank order, skipping any whose box would overlap one already shown, the legend or the
    zoom buttons (a label half hidden under the legend reads as another word).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.layerGroup().addTo({{ this._parent.get_name() }});
        (function (group, map, labels) {
            var items = labels.map(function (l) {
                var marker = L.marker([l.lat, l.lon], {
                    interactive: false, keyboard: false,
                    icon: L.divIcon({html: l.html, className: 'fd-label fd-label-' + l.kind,
                                     iconSize: null})
                });
                marker.addTo(group);
                return {marker: marker, label: l, w: 0, h: 0};
            });
            items.sort(function (a, b) { return a.label.rank - b.label.rank; });
            function boxOf(item) {
                var el = item.marker.getElement();
                if (!el) { return null; }
                if (!item.w) {
                    el.style.display = '';
                    var text = el.firstChild || el;
                    item.w = text.offsetWidth; item.h = text.offsetHeight;
                }
                var p = map.latLngToContainerPoint(item.marker.getLatLng());
                var dx = item.label.centred ? -item.w / 2 : 7;
                return {x0: p.x + dx - 2, y0: p.y - item.h / 2 - 1,
                        x1: p.x + dx + item.w + 2, y1: p.y + item.h / 2 + 1};
            }
            function controls() {
                // The legend and zoom buttons hide what is under them: no label goes there.
                var c = map.getContainer().getBoundingClientRect();
                var boxes = map.getContainer().querySelectorAll(
                    '.fd-legend-box, .leaflet-control-zoom, .leaflet-control-attribution, ' +
                    '.leaflet-control-scale');
                return [].map.call(boxes, function (el) {
                    var r = el.getBoundingClientRect();
                    return {x0: r.left - c.left, y0: r.top - c.top,
                            x1: r.right - c.left, y1: r.bottom - c.top};
                });
            }
            function declutter() {
                var zoom = map.getZoom(), blocked = controls(), shown = [];
                items.forEach(function (item) {
                    var el = item.marker.getElement();
                    if (!el) { return; }
                    if (zoom < item.label.min_zoom) { el.style.display = 'none'; return; }
                    var b = boxOf(item);
                    var clash = shown.concat(blocked).some(function (s) {
                        return b.x0 < s.x1 && s.x0 < b.x1 && b.y0 < s.y1 && s.y0 < b.y1;
                    });
                    el.style.display = clash ? 'none' : '';
                    if (!clash) { shown.push(b); }
                });
            }
            map.on('zoomend moveend resize', declutter);
            map.getContainer().addEventListener('toggle', declutter, true);  // legend folded
            map.whenReady(function () { setTimeout(declutter, 0); });
            declutter();
        })({{ this.get_name() }}, {{ this._parent.get_name() }}, {{ this.data }});
        """
        + _REGISTER
        + """
        {% endmacro %}
        """
    )

    def __init__(self, labels: Sequence[Mapping[str, Any]], *, name: str = "Labels") -> None:
        super().__init__()
        self._name = "LabelLayer"
        self.layer_name = name
        self.data = script_json(
            [
                {
                    "lat": round(float(label["lat"]), 5),
                    "lon": round(float(label["lon"]), 5),
                    "html": markup.label_html(label["text"]),
                    "rank": float(label.get("rank", 100)),
                    "kind": str(label.get("kind", "town")),
                    "min_zoom": int(label.get("min_zoom", 0)),
                    "centred": bool(label.get("centred", False)),
                }
                for label in labels
            ]
        )


class _IconPath(_ScriptLayer):
    """Tell Leaflet where its default marker images are, and the zoom range.

    Without tiles the map has no maximum zoom, which the marker-cluster layer needs.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.Icon.Default.imagePath = {{ this.path | tojson }};
        {{ this._parent.get_name() }}.setMaxZoom({{ this.max_zoom }});
        {{ this._parent.get_name() }}.setMinZoom({{ this.min_zoom }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "IconPath"
        self.path = assets.asset_url("leaflet", "images/")
        self.max_zoom = _MAX_ZOOM
        self.min_zoom = _MIN_ZOOM


class LegendControl(_ScriptLayer):
    """The legend as a Leaflet control (top right), folded when the map is narrow."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: 'topright'});
        {{ this.get_name() }}.onAdd = function (map) {
            var box = L.DomUtil.create('div', 'fd-legend-box');
            box.innerHTML = {{ this.data }};
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            var details = box.querySelector('details');
            if (details && map.getSize().x < {{ this.fold_below }}) { details.open = false; }
            return box;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "LegendControl"
        self.data = script_json(html)
        self.fold_below = _FOLD_LEGEND_BELOW_PX


_CSS: Final = """<style>
.fd-glyph{display:inline-flex;align-items:center;justify-content:center;width:22px;
 height:22px;border-radius:50%;border:2px solid #fff;box-shadow:0 0 0 1px #333;color:#fff;
 font-size:11px;box-sizing:border-box}
.fd-event-icon{background:none;border:0}
.fd-cluster{background:none;border:0}
.fd-cluster-count{display:flex;align-items:center;justify-content:center;width:34px;
 height:34px;border-radius:50%;background:#fff;border:3px solid #333;color:#111;
 font:bold 13px sans-serif;box-sizing:border-box}
.fd-label{background:none;border:0;white-space:nowrap;pointer-events:none}
.fd-label-text{display:inline-block;transform:translate(7px,-50%);font:12px/1.2 sans-serif;
 color:#222;text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff}
.fd-label-oblast .fd-label-text{transform:translate(-50%,-50%);font:italic 11px sans-serif;
 color:#666;letter-spacing:.04em;text-transform:uppercase}
.fd-label-venue .fd-label-text,.fd-label-capital .fd-label-text{font-weight:bold}
.fd-label-advance .fd-label-text{color:#7e3b00;font-weight:bold}
.fd-label-hromada .fd-label-text{transform:translate(-50%,-50%);font-style:italic;color:#4a235a}
.fd-legend-box{background:rgba(255,255,255,.94);border:1px solid #999;border-radius:4px;
 font:11px/1.3 sans-serif;max-width:min(240px,calc(100vw - 80px));padding:5px 8px;
 max-height:calc(100vh - 40px);overflow:auto}
.fd-legend summary{cursor:pointer}
.fd-legend-hint{color:#777;font-weight:normal}
.fd-legend-row{display:flex;align-items:center;gap:6px;margin:2px 0}
.fd-swatch{display:inline-block;width:12px;height:12px;border:1px solid #555;flex:none}
.fd-swatch-label{border:0;width:auto;height:auto;font-size:10px;color:#333}
.fd-legend-marker{width:18px;height:18px;font-size:9px;flex:none}
.fd-legend-note{margin-top:4px;color:#444}
.fd-popup table{border-collapse:collapse}.fd-popup th{text-align:left;padding-right:6px;
 vertical-align:top}.fd-source{margin:6px 0 0 0;padding-left:8px;border-left:3px solid #aaa}
</style>"""


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


def new_map(view: tuple[tuple[float, float], int], *, tiles: bool) -> folium.Map:
    """Return an empty map at ``view`` (centre, zoom), with online tiles only if asked."""
    centre, zoom = view
    fmap = folium.Map(location=list(centre), zoom_start=zoom, tiles=None, control_scale=True)
    if tiles:
        folium.TileLayer(_TILES_URL, name="Tiles (online)", show=True).add_to(fmap)
    fmap.get_root().header.add_child(Element(_CSS), name="fd_css")
    fmap.add_child(_IconPath())
    return fmap


def finish(fmap: folium.Map) -> folium.Map:
    """Point the map's scripts and stylesheets at the app's own copies; return the map."""
    return assets.localize(fmap)


def add_outlines(
    fmap: folium.Map,
    outlines: gpd.GeoDataFrame | str | None,
    *,
    name: str = "Countries (offline)",
    fill: bool = True,
) -> None:
    """Draw outlines as the bottom layer (not clickable, so events stay on top).

    ``outlines`` is a frame of polygons or its GeoJSON text
    (:func:`dashboard.basemap.outlines_geojson`, serialised once). ``fill=False`` draws
    borders only (oblasts over the countries).
    """
    if outlines is None:
        return
    if isinstance(outlines, gpd.GeoDataFrame):
        if outlines.empty:
            return
        outlines = str(outlines[["name", "geometry"]].to_json(drop_id=True))
    options: dict[str, Any] = {
        "fillColor": style.BASEMAP_FILL,
        "color": style.BASEMAP_STROKE,
        "weight": 0.8,
        "fillOpacity": 1.0,
        "className": style.OUTLINE_CLASS,
    }
    if not fill:
        options.update(
            {"fill": False, "color": style.OBLAST_STROKE, "weight": 0.6, "dashArray": "3 3"}
        )
    fmap.add_child(
        FeatureLayer(
            outlines.replace("<", "\\u003c"),  # trusted data, still never a closing tag
            options=options,
            interactive=False,
            name=name,
        )
    )


def has_point(geometry: Any) -> bool:
    """Return whether ``geometry`` is a non-empty point."""
    return geometry is not None and not geometry.is_empty and geometry.geom_type == "Point"


def _is_located(geometry: Any) -> bool:
    return geometry is not None and not geometry.is_empty


def located_rows(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the rows of ``frame`` with a non-empty geometry."""
    mask = np.fromiter((_is_located(g) for g in frame.geometry), dtype=bool, count=len(frame))
    return frame.loc[mask]


def newest_first(events: gpd.GeoDataFrame, limit: int | None = None) -> gpd.GeoDataFrame:
    """Return at most ``limit`` located events, newest first (undated last).

    A map with thousands of markers is slow to send and unreadable; the legend says how
    many were left out, and the filters narrow the rest.
    """
    import dashboard.maps as maps_package  # noqa: PLC0415 - MAX_MARKERS may be patched there

    limit = getattr(maps_package, "MAX_MARKERS", MAX_MARKERS) if limit is None else limit
    located = located_rows(events)
    located = located[located.geom_type == "Point"]
    if len(located) <= limit:
        return located
    order = pd.to_datetime(located["date"]).sort_values(ascending=False, na_position="last")
    return located.loc[order.index[:limit]]


def event_features(events: gpd.GeoDataFrame) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of event points with escaped popup and tooltip.

    Events at one place keep their exact coordinates: the cluster layer groups them with a
    count and fans them out when clicked. Properties hold only escaped markup
    (:mod:`dashboard.markup`).
    """
    features: list[dict[str, Any]] = []
    for row in events.to_dict("records"):
        geometry = row.get("geometry")
        if not has_point(geometry):
            continue
        colour, glyph, _ = style.event_symbol(str(row.get("type", "")))
        features.append(
            {
                "type": "Feature",
                "id": str(row.get("event_id")),
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(geometry.x, 5), round(geometry.y, 5)],
                },
                "properties": {
                    "layer": "event",
                    "ref": str(row.get("event_id")),
                    "type": str(row.get("type", "")),
                    "icon": markup.marker_icon_html(
                        colour, glyph, extra_class=style.EVENT_MARKER_CLASS
                    ),
                    "popup": markup.popup_html(row),
                    "tooltip": markup.tooltip_text(row),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def add_event_markers(
    fmap: folium.Map, events: gpd.GeoDataFrame, *, focus: str | None = None
) -> tuple[int, int, list[str]]:
    """Add the located events as one clustered marker layer.

    Returns ``(drawn, located, types drawn)``: at most ``MAX_MARKERS`` are drawn, newest
    first; the types feed the legend so it lists exactly the symbols on the map.
    """
    located = located_rows(events)
    shown = newest_first(located)
    collection = event_features(shown)
    if collection["features"]:
        fmap.add_child(EventLayer(collection, focus=focus))
    kinds = [f["properties"]["type"] for f in collection["features"]]
    return len(collection["features"]), len(located), kinds


def event_legend_items(kinds: Iterable[str]) -> list[tuple[str, str, str, str]]:
    """Return one legend row per distinct symbol among ``kinds`` (in first-seen order)."""
    rows: list[tuple[str, str, str, str]] = []
    for kind in kinds:
        colour, glyph, label = style.event_symbol(kind)
        row = (colour, label, "marker", glyph)
        if row not in rows:
            rows.append(row)
    return rows


def shown_note(drawn: int, located: int) -> str:
    """Say how many events were left off the map (empty when none were)."""
    if drawn < located:
        return f" Showing the newest {drawn:,} of {located:,} events: narrow the filters."
    return ""


def add_legend(
    fmap: folium.Map,
    title: str,
    items: Iterable[tuple[str, ...]],
    note: str,
) -> None:
    """Add the legend control (see :func:`dashboard.markup.legend_html` for ``items``)."""
    html = markup.legend_html(title, items, markup.public_text(note))  # type: ignore[arg-type]
    fmap.add_child(LegendControl(html))


def group_events(events: gpd.GeoDataFrame, group: style.MapGroup) -> gpd.GeoDataFrame:
    """Return the events that belong on one map (:func:`dashboard.style.map_group`)."""
    if events.empty:
        return events
    mask = events["type"].astype(str).map(style.map_group) == group
    return events[mask]


def polygon_layer(
    fmap: folium.Map,
    frame: gpd.GeoDataFrame | None,
    *,
    name: str,
    colour: str,
    fields: Mapping[str, str],
    opacity: float,
    weight: float | None = None,
) -> int:
    """Add polygons (or lines) with an escaped tooltip of ``fields`` (column -> label).

    Returns the number of features drawn. Points are skipped (events are drawn as markers);
    lines (the approximate front) are drawn dashed.
    """
    if frame is None or frame.empty:
        return 0
    polygons = located_rows(frame)
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
                "weight": weight if weight is not None else (4 if line_only else 1.2),
                "dashArray": "10 6" if line_only else None,
                "fillOpacity": opacity,
                "className": style.SHAPE_CLASS,
            },
            name=name,
        )
    )
    return len(features)


def fit_points(fmap: folium.Map, points: Sequence[tuple[float, float]], max_zoom: int = 6) -> None:
    """Open the map on ``points`` (lat, lon), keeping the right side free for the legend."""
    if len(points) < 2:
        return
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    fmap.fit_bounds(
        [[min(lats), min(lons)], [max(lats), max(lons)]],
        padding_top_left=(40, 40),
        padding_bottom_right=(_LEGEND_ROOM_PX, 30),
        max_zoom=max_zoom,
    )


def map_html(fmap: folium.Map) -> str:
    """Render a map to a standalone HTML string (tests, the benchmark's size figures)."""
    return str(fmap.get_root().render())
