"""PLACEHOLDER — to be replaced by the places helper."""

from __future__ import annotations

from geo.gazetteer.index import Gazetteer
from geo.model import Article, PlaceMention, Sentence


def find_places(
    article: Article, *, sentences: tuple[Sentence, ...], gazetteer: Gazetteer
) -> tuple[PlaceMention, ...]:
    """Return place mentions in text order, resolved where possible."""
    return ()
