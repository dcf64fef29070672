"""PLACEHOLDER — to be replaced by the events helper."""

from __future__ import annotations

from geo.model import Article, Quantity, Sentence


def find_quantities(article: Article, *, sentences: tuple[Sentence, ...]) -> tuple[Quantity, ...]:
    """Return quantities with units in text order."""
    return ()
