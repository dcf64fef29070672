"""Extraction → JSON-ready dicts: the ``python -m geo extract --format jsonl`` contract.

Other tools and the evaluation read these keys, so they are built here, in one place::

    {"id", "path", "published", "lang",
     "places": [{"surface","start","end","name","kind","country","lat","lon","gazetteer_id"}],
     "actors": [{"surface","start","end","name","role","country"}],
     "orgs":   [... same as actors ...],
     "quotes": [{"text","start","end","speaker","speaker_kind","outlet","date","date_basis"}],
     "dates":  [{"surface","start","end","resolved","granularity"}],
     "problems": [str]}

Offsets are Python string offsets into the article body (after front matter).

The ``python -m geo events --format jsonl`` contract is built here too
(:func:`event_to_record`), one object per event::

    {"id", "type", "cameo", "acled_type", "date", "date_precision", "actors", "targets",
     "place": {"name", "lat", "lon"}, "geo_precision", "quantities": {"area_km2": 110, …},
     "article", "sentence", "start", "end", "quotes", "mentions": [{"start","end","kind"}]}

``date`` is ``YYYY-MM-DD`` (the first day it covers) or null; ``cameo`` the CAMEO root code;
``quantities`` maps each quantity name to its first value in the event (ints stay ints).
"""

from __future__ import annotations

from typing import Any

from geo.events.taxonomy import acled_type_for, type_info
from geo.model import ActorMention, DateRef, Event, Extraction, PlaceMention, Quote

__all__ = ["EVENT_RECORD_KEYS", "event_to_record", "extraction_to_record"]

#: Keys of one ``events --format jsonl`` object, in order.
EVENT_RECORD_KEYS = (
    "id", "type", "cameo", "acled_type", "date", "date_precision", "actors", "targets",
    "place", "geo_precision", "quantities", "article", "sentence", "start", "end", "quotes",
    "mentions",
)  # fmt: skip


def _place(m: PlaceMention) -> dict[str, Any]:
    p = m.place
    return {
        "surface": m.surface,
        "start": m.start,
        "end": m.end,
        "name": p.name if p else None,
        "kind": p.kind if p else None,
        "country": p.country if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "gazetteer_id": p.gazetteer_id if p else None,
    }


def _actor(m: ActorMention) -> dict[str, Any]:
    return {
        "surface": m.surface,
        "start": m.start,
        "end": m.end,
        "name": m.actor.name,
        "role": m.actor.role,
        "country": m.actor.country,
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_kind": q.speaker.kind if q.speaker else None,
        "outlet": q.outlet,
        "date": q.date,
        "date_basis": q.date_basis or None,
    }


def _date(d: DateRef) -> dict[str, Any]:
    return {
        "surface": d.surface,
        "start": d.start,
        "end": d.end,
        "resolved": d.resolved,
        "granularity": d.granularity,
    }


def extraction_to_record(extraction: Extraction) -> dict[str, Any]:
    """Return the JSON-ready record of one article's extraction (see module docstring)."""
    art = extraction.article
    return {
        "id": art.id,
        "path": art.path,
        "published": art.published.isoformat() if art.published else None,
        "lang": art.lang,
        "places": [_place(m) for m in extraction.places],
        "actors": [_actor(m) for m in extraction.actors],
        "orgs": [_actor(m) for m in extraction.orgs],
        "quotes": [_quote(q) for q in extraction.quotes],
        "dates": [_date(d) for d in extraction.dates],
        "problems": list(extraction.problems),
    }


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _first_day(iso: str | None) -> str | None:
    if iso is None:
        return None
    parts = iso.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts)


def event_to_record(event: Event) -> dict[str, Any]:
    """Return the JSON-ready record of one event (keys: :data:`EVENT_RECORD_KEYS`)."""
    place = event.place
    quantities: dict[str, float | int] = {}
    for q in event.quantities:
        quantities.setdefault(q.name, _number(q.value))
    return {
        "id": event.id,
        "type": event.type,
        "cameo": type_info(event.type).cameo_root,
        "acled_type": acled_type_for(event.type, event.trigger),
        "date": _first_day(event.date),
        "date_precision": event.date_precision,
        "actors": list(event.actors),
        "targets": list(event.targets),
        "place": {
            "name": place.name if place else event.place_surface,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
        },
        "geo_precision": event.geo_precision,
        "quantities": quantities,
        "article": event.article_id,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "quotes": list(event.quotes),
        "mentions": [{"start": m.start, "end": m.end, "kind": m.kind} for m in event.mentions],
    }
