"""Cross-article event fusion: one real-world event, however many articles report it.

Twenty outlets reporting the same Russian advance give twenty :class:`~geo.model.Event`
records, one per mention. :func:`fuse_events` groups them into :class:`FusedEvent` records
when they are compatible on every count that identifies an event:

* **type** — the same event type;
* **day** — their day spans overlap. An event with no date of its own is taken to fall in
  the :data:`UNDATED_WINDOW_DAYS` days up to its article's publication (news reports what
  just happened: "has taken 120 km² since Monday" states no day of its own); an event with
  neither is never fused. The fused record says, member by member, where its day came
  from (:attr:`FusedEvent.dating`: the text, or only that publication window);
* **place** — the same gazetteer entry, when both name one;
* **participants** — when both name actors, they share one; when only one side names a
  place or actors, the other must agree on the rest. An event naming neither actors nor
  place is too vague to fuse. Statements fuse only when they share a quote (the same words
  from the same speaker), since one person says many things on one day;
* **articles** — at most one mention per article in an event (within-article mentions are
  the extractor's business), and every member must be compatible with every other.

Nothing is averaged: when members disagree on a quantity (one outlet says 110 km², another
120) or on the day, every value is kept with the mentions that support it
(:attr:`FusedEvent.conflicts`). Quotes are fused the same way across the corpus
(:func:`fuse_quotes`): the same words from the same speaker are one quote with several
sources.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from geo.model import Event, Extraction, Place, Quote
from geo.records import EVENT_RECORD_KEYS, event_to_record

__all__ = [
    "FUSED_RECORD_KEYS",
    "MENTION_RECORD_KEYS",
    "PUBLICATION_WINDOW",
    "UNDATED_WINDOW_DAYS",
    "Dating",
    "FusedEvent",
    "FusedQuote",
    "Mention",
    "event_mentions",
    "fuse_events",
    "fuse_quotes",
    "fused_to_record",
    "mention_record",
]

#: Days before publication (inclusive) in which an undated event is taken to fall.
UNDATED_WINDOW_DAYS: Final = 3
_QUOTE_EDGES: Final = re.compile(r"^[\W_]+|[\W_]+$")
#: Keys of one ``events --no-fuse`` record, in order.
MENTION_RECORD_KEYS: Final = (*EVENT_RECORD_KEYS, "sources", "reported_by")
#: Keys of one fused ``events`` record, in order.
FUSED_RECORD_KEYS: Final = (
    *MENTION_RECORD_KEYS, "articles", "conflicts", "date_provenance", "quote_sources",
)  # fmt: skip
#: ``basis`` of a member whose day is only its article's publication window.
PUBLICATION_WINDOW: Final = "publication window"


@dataclass(frozen=True, slots=True)
class Mention:
    """Where one article supports an event or a quote: article id (file stem) and offsets."""

    article: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        """Return ``{"article", "start", "end"}``."""
        return {"article": self.article, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class FusedQuote:
    """One quote (text and speaker) with every mention of it across articles."""

    text: str
    speaker: str | None
    sources: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Dating:
    """Where one member's day came from, so a fused date can be checked.

    ``date`` and ``basis`` are the event's own (``"sentence"``, ``"anchored"``…) when its
    text dates it; an undated event has ``date=None``, ``basis`` :data:`PUBLICATION_WINDOW`
    and ``window`` the days (first, last) it was taken to fall in; with no publication date
    either, ``basis`` is ``"undated"``.
    """

    article: str
    date: str | None
    basis: str
    window: tuple[dt.date, dt.date] | None = None

    def to_record(self) -> dict[str, Any]:
        """Return ``{"article", "date", "basis", "window"}`` (window as ISO days or null)."""
        window = [d.isoformat() for d in self.window] if self.window else None
        return {"article": self.article, "date": self.date, "basis": self.basis,
                "window": window}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """Events from several articles found to be one; ``events[0]`` is the representative.

    ``conflicts`` maps a detail (``"date"``, ``"area_km2"``…) on which members disagree to
    every value given, each with the mentions that support it. ``dating`` says, per member
    (in member order), where its day came from.
    """

    id: str
    events: tuple[Event, ...]
    conflicts: dict[str, list[tuple[Any, tuple[Mention, ...]]]]
    dating: tuple[Dating, ...] = ()

    @property
    def representative(self) -> Event:
        """The member with the most detail (date, place, participants), earliest article."""
        return self.events[0]

    @property
    def sources(self) -> tuple[Mention, ...]:
        """Every mention supporting the event, in member order."""
        return tuple(m for event in self.events for m in event_mentions(event))


def event_mentions(event: Event) -> tuple[Mention, ...]:
    """Return the spans of ``event`` in its article.

    The sentence of each :class:`geo.model.EventMention` (the trigger sentences, two when
    adjacent sentences were merged, and those linked by within-article coreference): a
    source points to the sentence a reader checks, not only the cue words. Deduplicated, in
    text order; an event without mention records gives its own span.
    """
    mentions = getattr(event, "mentions", None) or ()
    spans = {(int(m.sentence_start), int(m.sentence_end)) for m in mentions}
    if not spans:  # an event built by hand, without mention records
        spans = {(event.start, event.end)}
    return tuple(Mention(event.article_id, s, e) for s, e in sorted(spans))


def _quote_key(text: str) -> str:
    return _QUOTE_EDGES.sub("", " ".join(text.split()).casefold())


def _date_span(iso: str | None) -> tuple[dt.date, dt.date] | None:
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


@dataclass(frozen=True, slots=True)
class _Member:
    event: Event
    days: tuple[dt.date, dt.date] | None
    actors: frozenset[str]
    place: str | None
    quotes: frozenset[str]
    dating: Dating


def _member(event: Event, published: dt.date | None) -> _Member:
    days = _date_span(event.date)
    if days is not None:
        dating = Dating(event.article_id, event.date, event.date_basis or "sentence")
    elif published is not None:
        days = (published - dt.timedelta(days=UNDATED_WINDOW_DAYS), published)
        dating = Dating(event.article_id, None, PUBLICATION_WINDOW, days)
    else:
        dating = Dating(event.article_id, None, "undated")
    place = _place_key(event.place)
    return _Member(
        event,
        days,
        frozenset(a.casefold() for a in event.actors),
        place,
        frozenset(_quote_key(q) for q in event.quotes if q.strip()),
        dating,
    )


def _place_key(place: Place | None) -> str | None:
    return place.gazetteer_id if place is not None else None


def _compatible(a: _Member, b: _Member) -> bool:
    if a.event.type != b.event.type or a.event.article_id == b.event.article_id:
        return False
    if a.days is None or b.days is None or a.days[1] < b.days[0] or b.days[1] < a.days[0]:
        return False
    if a.event.type == "statement":
        return bool(a.quotes & b.quotes) and bool(a.actors & b.actors)
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    if a.actors and b.actors and not a.actors & b.actors:
        return False
    shared_place = a.place is not None and a.place == b.place
    shared_actor = bool(a.actors & b.actors)
    return shared_place or shared_actor


def _detail(member: _Member) -> tuple[int, int, int]:
    event = member.event
    return (event.date is None, event.place is None, -len(event.actors))


def _conflicts(members: Sequence[_Member]) -> dict[str, list[tuple[Any, tuple[Mention, ...]]]]:
    values: dict[str, dict[Any, list[Mention]]] = {}
    for member in members:
        event = member.event
        mentions = event_mentions(event)
        if event.date is not None:
            values.setdefault("date", {}).setdefault(event.date, []).extend(mentions)
        seen: set[str] = set()
        for quantity in event.quantities:
            if quantity.name in seen:
                continue  # the first value of a name in an event, as in its record
            seen.add(quantity.name)
            value = int(quantity.value) if quantity.value.is_integer() else quantity.value
            spot = Mention(event.article_id, quantity.start, quantity.end)
            values.setdefault(quantity.name, {}).setdefault(value, []).append(spot)
    return {
        name: [(value, tuple(spots)) for value, spots in by_value.items()]
        for name, by_value in values.items()
        if len(by_value) > 1
    }


def _fused_id(events: Sequence[Event]) -> str:
    if len(events) == 1:
        return events[0].id
    digest = hashlib.sha1(
        "|".join(sorted(e.id for e in events)).encode("utf-8"), usedforsecurity=False
    )
    return f"ev_{digest.hexdigest()[:12]}"


def fuse_events(extractions: Iterable[Extraction]) -> list[FusedEvent]:
    """Group the events of ``extractions`` into fused events (module docstring for the rules).

    Every event ends in exactly one fused event; the order follows each fused event's first
    mention (articles in the order given, events in text order).
    """
    clusters: list[list[_Member]] = []
    by_type: dict[str, list[int]] = {}
    for extraction in extractions:
        published = extraction.article.published
        for event in extraction.events:
            member = _member(event, published)
            if (member.actors or member.place) and member.days is not None:
                for index in by_type.get(event.type, ()):
                    if all(_compatible(member, other) for other in clusters[index]):
                        clusters[index].append(member)
                        break
                else:
                    by_type.setdefault(event.type, []).append(len(clusters))
                    clusters.append([member])
            else:
                clusters.append([member])  # too vague to fuse: stays on its own
    fused = []
    for members in clusters:
        ordered = sorted(members, key=_detail)
        events = tuple(m.event for m in ordered)
        dating = tuple(m.dating for m in ordered)
        fused.append(FusedEvent(_fused_id(events), events, _conflicts(members), dating))
    return fused


def fuse_quotes(extractions: Iterable[Extraction]) -> list[FusedQuote]:
    """Merge quotes with the same words and the same speaker across articles."""
    groups: dict[tuple[str, str], tuple[Quote, list[Mention]]] = {}
    for extraction in extractions:
        for quote in extraction.quotes:
            speaker = quote.speaker.name if quote.speaker else None
            key = (_quote_key(quote.text), (speaker or "").casefold())
            mention = Mention(extraction.article.id, quote.start, quote.end)
            if key in groups:
                groups[key][1].append(mention)
            else:
                groups[key] = (quote, [mention])
    return [
        FusedQuote(q.text, q.speaker.name if q.speaker else None, tuple(mentions))
        for q, mentions in groups.values()
    ]


def mention_record(event: Event) -> dict[str, Any]:
    """Return the ``--no-fuse`` record of one event: today's record plus ``sources``."""
    record = event_to_record(event)
    record["sources"] = [m.to_record() for m in event_mentions(event)]
    record["reported_by"] = list(event.sources)
    return record


def fused_to_record(
    fused: FusedEvent, quotes: Sequence[FusedQuote] | None = None
) -> dict[str, Any]:
    """Return the JSON record of a fused event.

    The keys of :func:`geo.records.event_to_record` (taken from the representative, with
    ``actors``/``targets``/``quotes`` the union over members), plus ``sources`` (every
    supporting mention ``{"article", "start", "end"}``), ``articles``, ``reported_by`` (who
    the articles say reports it: "ISW", "AFP"), ``conflicts`` (``{detail: [{"value",
    "sources"}]}`` where members disagree), ``date_provenance`` (per member ``{"article",
    "date", "basis", "window"}``: dated by its text, or only by its publication window) and
    ``quote_sources`` (each quote with the
    mentions of it in all articles, from ``quotes`` of :func:`fuse_quotes`; empty without).
    Keys: :data:`FUSED_RECORD_KEYS`.
    """
    rep = fused.representative
    record = event_to_record(rep)
    record["id"] = fused.id
    record["actors"] = _union(e.actors for e in fused.events)
    record["targets"] = _union(e.targets for e in fused.events)
    record["quotes"] = _union(e.quotes for e in fused.events)
    for event in fused.events[1:]:
        for q in event.quantities:
            record["quantities"].setdefault(
                q.name, int(q.value) if q.value.is_integer() else q.value
            )
    record["sources"] = [m.to_record() for m in fused.sources]
    record["reported_by"] = _union(e.sources for e in fused.events)
    record["articles"] = list(dict.fromkeys(e.article_id for e in fused.events))
    record["conflicts"] = {
        name: [
            {"value": value, "sources": [m.to_record() for m in mentions]}
            for value, mentions in values
        ]
        for name, values in fused.conflicts.items()
    }
    record["date_provenance"] = [d.to_record() for d in fused.dating]
    keys = {_quote_key(q) for q in record["quotes"]}
    record["quote_sources"] = [
        {"text": q.text, "speaker": q.speaker, "sources": [m.to_record() for m in q.sources]}
        for q in quotes or ()
        if _quote_key(q.text) in keys
    ]
    return record


def _union(groups: Iterable[Iterable[str]]) -> list[str]:
    return list(dict.fromkeys(item for group in groups for item in group))
