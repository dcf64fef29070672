"""PLACEHOLDER — to be replaced by the events helper."""

from __future__ import annotations

from geo.gazetteer.index import Gazetteer
from geo.model import (
    ActorMention,
    Article,
    DateRef,
    Event,
    Paragraph,
    PlaceMention,
    Quantity,
    Quote,
    Sentence,
)


def find_events(
    article: Article,
    *,
    sentences: tuple[Sentence, ...],
    paragraphs: tuple[Paragraph, ...],
    places: tuple[PlaceMention, ...],
    actors: tuple[ActorMention, ...],
    orgs: tuple[ActorMention, ...],
    quotes: tuple[Quote, ...],
    dates: tuple[DateRef, ...],
    quantities: tuple[Quantity, ...],
    gazetteer: Gazetteer,
) -> tuple[Event, ...]:
    """Return sentence-level events in text order."""
    return ()
