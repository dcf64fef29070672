"""Extraction → JSON-ready dicts: the ``python -m geo extract --format jsonl`` contract.

Other tools and the evaluation read these keys, so they are built here, in one place::

    {"id", "path", "published", "lang",
     "places": [{"surface","start","end","name","kind","country","lat","lon","gazetteer_id"}],
     "actors": [{"surface","start","end","name","role","country"}],
     "orgs":   [... same as actors ...],
     "quotes": [{"text","start","end","speaker","speaker_kind"}],
     "dates":  [{"surface","start","end","resolved","granularity"}],
     "problems": [str]}

Offsets are Python string offsets into the article body (after front matter).
"""

from __future__ import annotations

from typing import Any

from geo.model import ActorMention, DateRef, Extraction, PlaceMention, Quote

__all__ = ["extraction_to_record"]


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
