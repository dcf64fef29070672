"""Synthetic frames that follow :mod:`geo.schema` exactly; tests state only what matters.

Until the corpus builder lands these are the dashboard's inputs; they also pin the contract:
:func:`make_frames` fails if a column is missing or extra.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point, Polygon

from geo import schema
from geo.frames import Frames

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'
XSS_LINK = '<a href="javascript:window.__xss=1">click</a>'
XSS_TEMPLATE = "`${window.__xss=1}`"
#: Server-side template injection: branca re-parses rendered scripts as Jinja templates.
SSTI = "{{ 7*191 }} {% for i in range(3) %}loop{% endfor %} {# hidden #}"

PLACES = {
    "Anchorage": (61.2181, -149.9003, "US"),
    "Kyiv": (50.4501, 30.5234, "UA"),
    "Moscow": (55.7558, 37.6173, "RU"),
    "Paris": (48.8566, 2.3522, "FR"),
    "London": (51.5074, -0.1278, "GB"),
    "Pokrovsk": (48.282, 37.176, "UA"),
    "Druzhkivka": (48.630, 37.556, "UA"),
}

ACTOR_COUNTRIES = {
    "Donald Trump": "US",
    "Vladimir Putin": "RU",
    "Volodymyr Zelensky": "UA",
    "Emmanuel Macron": "FR",
    "Keir Starmer": "GB",
    "JD Vance": "US",
    "White House": "US",
}


@dataclass
class Ev:
    """One event row; only what a test cares about needs to be given."""

    type: str
    date: str | None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    place: str | None = None
    sentence: str = "A sentence."
    article_id: str = "a1"
    article_title: str = "Article one"
    quantities: dict[str, float] = field(default_factory=dict)
    event_id: str | None = None


@dataclass
class Qt:
    """One quote row."""

    text: str
    speaker: str | None
    date: str | None
    event_id: str | None = None
    context: str | None = None
    article_id: str = "a1"
    article_title: str = "Article one"
    quote_id: str | None = None


def _ts(value: str | None) -> pd.Timestamp:
    return pd.Timestamp(value) if value else pd.NaT


def _point(place: str | None) -> Point:
    if place is None or place not in PLACES:
        return Point()
    lat, lon, _ = PLACES[place]
    return Point(lon, lat)


def make_events(events: list[Ev]) -> gpd.GeoDataFrame:
    rows: list[dict[str, Any]] = []
    for i, ev in enumerate(events):
        rows.append(
            {
                "event_id": ev.event_id or f"ev_{i:04d}",
                "article_id": ev.article_id,
                "article_title": ev.article_title,
                "published": pd.Timestamp("2025-08-14"),
                "type": ev.type,
                "type_label": ev.type.replace("_", " ").capitalize(),
                "cameo": "04",
                "acled_type": None,
                "date": _ts(ev.date),
                "date_precision": "day" if ev.date else None,
                "actors": list(ev.actors),
                "targets": list(ev.targets),
                "place_name": ev.place,
                "place_country": PLACES[ev.place][2] if ev.place in PLACES else None,
                "place_inferred": False,
                "geo_precision": "settlement" if ev.place else None,
                "quantities": json.dumps(ev.quantities),
                "sentence": ev.sentence,
                "start": 10 * i,
                "end": 10 * i + len(ev.sentence),
                "quotes": [],
                "geometry": _point(ev.place),
            }
        )
    frame = pd.DataFrame(rows, columns=list(schema.EVENTS_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


def make_quotes(quotes: list[Qt]) -> gpd.GeoDataFrame:
    rows = [
        {
            "quote_id": q.quote_id or f"q_{i:04d}",
            "article_id": q.article_id,
            "article_title": q.article_title,
            "published": pd.Timestamp("2025-08-14"),
            "text": q.text,
            "start": 100 * i,
            "end": 100 * i + len(q.text),
            "speaker": q.speaker,
            "speaker_kind": "person" if q.speaker else None,
            "speaker_id": q.speaker.lower().replace(" ", "-") if q.speaker else None,
            "attribution": "verb-after",
            "date": _ts(q.date),
            "context": q.context if q.context is not None else f"Before. {q.text} After.",
            "event_id": q.event_id,
            "geometry": Point(),
        }
        for i, q in enumerate(quotes)
    ]
    frame = pd.DataFrame(rows, columns=list(schema.QUOTES_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


def make_frames(events: list[Ev], quotes: list[Qt] | None = None) -> Frames:
    ev = make_events(events)
    qt = make_quotes(quotes or [])
    names = sorted({n for e in events for n in (*e.actors, *e.targets)})
    actors = pd.DataFrame(
        [
            {
                "actor_id": n.lower().replace(" ", "-"),
                "article_id": "a1",
                "name": n,
                "kind": "person",
                "role": None,
                "country": ACTOR_COUNTRIES.get(n),
                "mentions": 1,
            }
            for n in names
        ],
        columns=list(schema.ACTORS_COLUMNS),
    )
    article_ids = sorted({e.article_id for e in events} | {q.article_id for q in quotes or []})
    articles = pd.DataFrame(
        [
            {
                "article_id": a,
                "title": f"Title {a}",
                "published": pd.Timestamp("2025-08-14"),
                "lang": "nb",
                "path": None,
                "url": None,
                "content_hash": "0" * 64,
                "problems": [],
            }
            for a in article_ids
        ],
        columns=list(schema.ARTICLES_COLUMNS),
    )
    places = gpd.GeoDataFrame(
        pd.DataFrame(columns=[c for c in schema.PLACES_COLUMNS if c != "geometry"]),
        geometry=gpd.GeoSeries([], crs="EPSG:4326"),
    )
    places["published"] = pd.Series(dtype="datetime64[ns]")
    return Frames(places=places, events=ev, quotes=qt, actors=actors, articles=articles)


def seedlike_frames() -> Frames:
    """Return a small corpus shaped like the seed: summit, call, statements, advance, evacuation."""
    events = [
        Ev("meeting", "2025-08-15", ("Donald Trump", "Vladimir Putin"), place="Anchorage",
           sentence="Trump og Putin møtes i Alaska fredag."),
        Ev("call", "2025-08-13", ("Volodymyr Zelensky",), ("Donald Trump", "JD Vance"),
           place="Kyiv", sentence="Zelenskyj snakket onsdag med Trump og Vance på video."),
        Ev("statement", "2025-08-14", ("Emmanuel Macron",), place="Paris",
           sentence="Macron sa at territorium ikke kan forhandles om."),
        Ev("statement", "2025-08-14", ("Keir Starmer",), place="London",
           sentence="Starmer sa at koalisjonen er klar."),
        Ev("threat", "2025-08-13", ("Donald Trump",), ("Vladimir Putin",),
           sentence="Trump truet Russland med alvorlige konsekvenser."),
        Ev("military_advance", "2025-08-12", (), place="Pokrovsk",
           sentence="Russiske styrker rykket fram 110 kvadratkilometer i øst.",
           quantities={"area_km2": 110.0}),
        Ev("evacuation_order", "2025-08-13", ("Volodymyr Zelensky",), place="Druzhkivka",
           sentence="Ukraina beordret evakuering av barnefamilier."),
    ]  # fmt: skip
    quotes = [
        Qt("Territorium kan ikke forhandles om uten Ukraina.", "Emmanuel Macron", "2025-08-14",
           event_id="ev_0002"),
        Qt("Koalisjonen av de villige er klar.", "Keir Starmer", "2025-08-14",
           event_id="ev_0003"),
        Qt("Putin bløffer.", "Volodymyr Zelensky", "2025-08-13", event_id="ev_0001"),
    ]  # fmt: skip
    return make_frames(events, quotes)


def front_polygon(x: float, y: float, size: float = 0.2) -> Polygon:
    return Polygon([(x, y), (x + size, y), (x + size, y + size), (x, y + size)])


@dataclass
class FakeFront:
    """Shaped like ``geo.layers.frontline.FrontLayer``."""

    occupied: gpd.GeoDataFrame
    advances: gpd.GeoDataFrame
    is_approximate: bool = True
    legend: str = "Approximate front, mid-August 2025"


def make_front(n_occupied: int = 2, n_advances: int = 3, note: str = "") -> FakeFront:
    occupied = gpd.GeoDataFrame(
        {"name": [f"area {i} {note}" for i in range(n_occupied)],
         "status": ["occupied"] * n_occupied},
        geometry=[front_polygon(37.8 + i * 0.3, 47.8) for i in range(n_occupied)],
        crs="EPSG:4326",
    )  # fmt: skip
    advances = gpd.GeoDataFrame(
        {"area_km2": [10.0 + i for i in range(n_advances)],
         "describes_date": [dt.date(2025, 8, 12)] * n_advances,
         "source": [f"DeepState {note}"] * n_advances},
        geometry=[front_polygon(37.5 + i * 0.1, 48.6, 0.05) for i in range(n_advances)],
        crs="EPSG:4326",
    )  # fmt: skip
    return FakeFront(occupied=occupied, advances=advances)


def make_zones(n: int = 2, who: str = "families with children") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "settlement": [f"Settlement {i}" for i in range(n)],
            "hromada": ["Druzhkivka"] * n,
            "oblast": ["Donetsk"] * n,
            "date_ordered": [dt.date(2025, 8, 13)] * n,
            "who": [who] * n,
            "mandatory": [True] * n,
            "children": [100 * (i + 1) for i in range(n)],
            "source_url": ["https://example.org/order"] * n,
            "method": ["buffer 3 km"] * n,
            "distance_to_front_km": [12.5] * n,
        },
        geometry=[Point(37.5 + i * 0.1, 48.6).buffer(0.03) for i in range(n)],
        crs="EPSG:4326",
    )
