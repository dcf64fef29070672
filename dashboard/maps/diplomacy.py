"""The diplomacy map: the summit venue, capitals and leaders, lines for calls and meetings."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any, Final

import folium
import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from dashboard import markup, style
from dashboard.maps import layers
from dashboard.maps.places import capital_of

__all__ = ["build_diplomacy_map", "link_features", "place_at_capitals"]

_VIEW: Final = ((52.0, -40.0), 2)
#: Most events listed in the popup of one call/meeting line.
_LINE_POPUP_EVENTS: Final = 5

_Link = tuple[tuple[float, float], tuple[float, float], bool]


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


def _participant_points(
    people: Iterable[str], countries: Mapping[str, str]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for person in people:
        capital = capital_of(countries.get(person))
        if capital is not None and (capital[1], capital[2]) not in points:
            points.append((capital[1], capital[2]))
    return points


def _leaders_and_links(
    diplomatic: gpd.GeoDataFrame, countries: Mapping[str, str]
) -> tuple[dict[str, list[str]], dict[_Link, list[dict[str, Any]]]]:
    """Return leaders by country, and the events behind each (start, end, is_call) line.

    A meeting with a place links each participant's capital to the venue; a call (or a
    meeting without a place) links the participants' capitals pairwise, so a call between
    Zelensky and Trump draws Kyiv–Washington whichever side is filtered on.
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
        if not is_call and layers.has_point(geometry):
            segments = [(point, (geometry.y, geometry.x)) for point in points]
        else:
            segments = [tuple(sorted(pair)) for pair in itertools.combinations(points, 2)]
        for start, end in segments:
            if start != end:  # a call links two capitals whichever side phoned
                links.setdefault((start, end, is_call), []).append(row)
    return leaders, links


def _newest_key(row: Mapping[str, Any]) -> pd.Timestamp:
    value = row.get("date")
    return pd.Timestamp.min if value is None or pd.isna(value) else pd.Timestamp(value)


def link_features(links: Mapping[_Link, list[dict[str, Any]]], *, calls: bool) -> dict[str, Any]:
    """Return calls (or meetings) as GeoJSON lines, one per pair of places, newest first.

    The tooltip says how many events a line stands for; the popup lists the newest few with
    their source sentences (escaped markup, as :func:`layers.event_features`).
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
    return {"type": "FeatureCollection", "features": features[: layers.MAX_MARKERS]}


def _add_links(fmap: folium.Map, links: Mapping[_Link, list[dict[str, Any]]]) -> list[bool]:
    """Draw meetings (solid) and calls (dashed); return which of the two were drawn."""
    drawn: list[bool] = []
    for calls, name in ((False, "Meetings"), (True, "Calls")):
        collection = link_features(links, calls=calls)
        if collection["features"]:
            drawn.append(calls)
            fmap.add_child(
                layers.FeatureLayer(
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
    return drawn


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
        if layers.has_point(geometries[index]):
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


def build_diplomacy_map(
    events: gpd.GeoDataFrame,
    actors: pd.DataFrame,
    *,
    venue: layers.VenueLike | None = None,
    distances: Mapping[str, float] | None = None,
    outlines: gpd.GeoDataFrame | str | None = None,
    tiles: bool = False,
    focus: str | None = None,
) -> folium.Map:
    """Build the diplomacy map: the venue, capitals and leaders, lines for calls and meetings.

    Parameters
    ----------
    events
        Filtered events; only diplomatic ones (:func:`dashboard.style.map_group`) are drawn.
    actors
        The actors frame: gives each participant's country, hence the capital drawn for them.
    venue
        The summit venue, drawn with its own marker and label; ``distances`` (km by
        destination name) go in its popup ("far from the battlefield").
    outlines, tiles
        Offline country outlines beneath everything; optional online tiles.
    focus
        An event id whose popup opens at once (chosen on the timeline).
    """
    fmap = layers.new_map(_VIEW, tiles=tiles)
    layers.add_outlines(fmap, outlines)
    diplomatic = layers.group_events(events, "diplomacy")
    countries = _actor_countries(actors)

    leaders, links = _leaders_and_links(diplomatic, countries)
    drawn_links = _add_links(fmap, links)

    labels: list[dict[str, Any]] = []
    capitals_layer = folium.FeatureGroup(name="Capitals and leaders").add_to(fmap)
    for iso2, people in sorted(leaders.items()):
        capital = capital_of(iso2)
        if capital is None:
            continue
        name, lat, lon = capital
        folium.CircleMarker(
            [lat, lon],
            radius=6,
            color=style.CAPITAL_COLOUR,
            fill_color="#ffffff",
            fill_opacity=1.0,
            weight=3,
            class_name="fd-capital",
            tooltip=folium.Tooltip(markup.escape_text(f"{name}: {', '.join(people)}")),
        ).add_to(capitals_layer)
        labels.append({"lat": lat, "lon": lon, "text": name, "rank": 10, "kind": "capital"})

    if venue is not None:
        lines_html = "".join(
            f"<li>{markup.escape_text(dest)}: {km:,.0f} km</li>"
            for dest, km in (distances or {}).items()
        )
        popup = f"<b>{markup.escape_text(venue.name)}</b>" + (
            f"<ul>{lines_html}</ul>" if lines_html else ""
        )
        folium.Marker(
            [venue.lat, venue.lon],
            icon=folium.DivIcon(
                html=markup.marker_icon_html(style.VENUE_COLOUR, "star", extra_class="fd-venue"),
                icon_size=(24, 24),
                icon_anchor=(12, 12),
                class_name="fd-event-icon",
            ),
            tooltip=folium.Tooltip(markup.escape_text(f"Summit venue: {venue.name}")),
            popup=folium.Popup(popup, max_width=320),
        ).add_to(fmap)
        labels.append(
            {"lat": venue.lat, "lon": venue.lon, "text": venue.name, "rank": 0, "kind": "venue"}
        )

    drawn, located, kinds = layers.add_event_markers(
        fmap, place_at_capitals(diplomatic, actors), focus=focus
    )
    if labels:
        fmap.add_child(layers.LabelLayer(labels, name="Place names"))
        layers.fit_points(fmap, [(label["lat"], label["lon"]) for label in labels])
    items: list[tuple[str, ...]] = []
    if venue is not None:
        items.append((style.VENUE_COLOUR, "Summit venue", "marker", "star"))
    if leaders:
        items.append((style.CAPITAL_COLOUR, "Capital of a leader involved", "hollow"))
    if False in drawn_links:
        items.append((style.LINE_COLOUR, "Meeting (line to the venue)", "line"))
    if True in drawn_links:
        items.append((style.LINE_COLOUR, "Phone call (between capitals)", "dashed"))
    items.extend(layers.event_legend_items(kinds))
    if drawn:
        items.append(("#333333", "Number = events grouped at one spot (click to open)", "hollow"))
    layers.add_legend(
        fmap,
        "Diplomacy",
        items,
        "Outlines: Natural Earth. Events without a place sit at their speaker's capital. "
        "Click a marker for its source sentence." + layers.shown_note(drawn, located),
    )
    return layers.finish(fmap)
