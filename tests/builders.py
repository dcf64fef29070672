"""Builders for test inputs, so each test states only what matters to it."""

from __future__ import annotations

import datetime as dt

from geo.model import Article, Lang


def make_article(
    text: str,
    *,
    published: str | None = "2025-08-14",
    lang: Lang = "nb",
    article_id: str = "test",
) -> Article:
    """An article with the given body; published on Thursday 2025-08-14 unless told."""
    return Article(
        id=article_id,
        text=text,
        lang=lang,
        published=dt.date.fromisoformat(published) if published else None,
    )


# ---------------------------------------------------------------- mentions and events
# Hand-built mentions let the event tests run on sentences we write, whatever the
# extraction stages find; offsets are looked up in the text, so a typo fails loudly.

from geo.model import (  # noqa: E402  (kept beside the builders that use them)
    Actor,
    ActorMention,
    DateRef,
    Event,
    Extraction,
    Place,
    PlaceMention,
    Quantity,
    Quote,
)


def _span(text: str, surface: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def make_actor(
    name: str,
    *,
    role: str | None = None,
    country: str | None = None,
    kind: str = "person",
    aliases: tuple[str, ...] = (),
) -> Actor:
    """A registry-like actor; the id is the lower-cased last name."""
    return Actor(
        id=name.rsplit(maxsplit=1)[-1].lower(),
        name=name,
        kind=kind,  # type: ignore[arg-type]
        role=role,
        country=country,
        aliases=aliases,
    )


def mention(text: str, surface: str, actor: Actor, *, occurrence: int = 0) -> ActorMention:
    """An actor mention of ``surface`` (its ``occurrence``-th appearance) in ``text``."""
    start, end = _span(text, surface, occurrence)
    return ActorMention(surface, start, end, actor)


def make_place(
    name: str,
    *,
    kind: str = "country",
    country: str | None = None,
    lat: float = 0.0,
    lon: float = 0.0,
) -> Place:
    """A gazetteer-like place; the id is ``local:<name>``."""
    return Place(f"local:{name.lower()}", name, kind, country, lat, lon)  # type: ignore[arg-type]


def place_mention(
    text: str, surface: str, place: Place | None, *, occurrence: int = 0
) -> PlaceMention:
    """A place mention of ``surface`` in ``text`` (``place=None``: unresolved)."""
    start, end = _span(text, surface, occurrence)
    return PlaceMention(surface, start, end, place)


def date_ref(
    text: str, surface: str, resolved: str, granularity: str = "day", *, occurrence: int = 0
) -> DateRef:
    """A resolved date expression of ``surface`` in ``text``."""
    start, end = _span(text, surface, occurrence)
    return DateRef(surface, start, end, resolved, granularity)  # type: ignore[arg-type]


def quote(text: str, quoted: str, speaker: Actor | None, *, attribution: str = "") -> Quote:
    """A direct quote of ``quoted`` in ``text``."""
    start, end = _span(text, quoted)
    return Quote(quoted, start, end, speaker, attribution)


def make_extraction(
    article: Article,
    *,
    places: tuple[PlaceMention, ...] = (),
    actors: tuple[ActorMention, ...] = (),
    orgs: tuple[ActorMention, ...] = (),
    quotes: tuple[Quote, ...] = (),
    dates: tuple[DateRef, ...] = (),
) -> Extraction:
    """Run sentences, quantities and events over hand-built mentions."""
    from geo.events.detect import find_events
    from geo.extract.quantities import find_quantities
    from geo.text.sentences import split_paragraphs, split_sentences

    paragraphs = split_paragraphs(article.text)
    sentences = split_sentences(article.text, paragraphs)
    quantities = find_quantities(article, sentences=sentences)
    events = find_events(
        article,
        sentences=sentences,
        paragraphs=paragraphs,
        places=places,
        actors=actors,
        orgs=orgs,
        quotes=quotes,
        dates=dates,
        quantities=quantities,
    )
    return Extraction(
        article=article,
        paragraphs=paragraphs,
        sentences=sentences,
        places=places,
        actors=actors,
        orgs=orgs,
        quotes=quotes,
        dates=dates,
        quantities=quantities,
        events=events,
    )


def make_event(**overrides: object) -> Event:
    """An event with plausible defaults; pass only the fields a test cares about."""
    fields: dict[str, object] = {
        "id": "ev_test",
        "type": "summit",
        "article_id": "test",
        "sentence": "Trump og Putin møtes i Anchorage fredag.",
        "start": 0,
        "end": 40,
        "date": "2025-08-15",
        "date_precision": "day",
        "actors": ("Donald Trump", "Vladimir Putin"),
        "place": Place("local:anchorage", "Anchorage", "city", "US", 61.2181, -149.9003),
        "geo_precision": "settlement",
        "quantities": (Quantity("area_km2", 110.0, "km²", "110 km²", 0, 7),),
    }
    fields.update(overrides)
    return Event(**fields)  # type: ignore[arg-type]
