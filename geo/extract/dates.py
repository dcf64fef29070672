"""PLACEHOLDER — to be replaced by the dates helper."""

from __future__ import annotations

from geo.model import Article, DateRef, Sentence


def find_dates(article: Article, *, sentences: tuple[Sentence, ...]) -> tuple[DateRef, ...]:
    """Return date expressions in text order, resolved against ``article.published``."""
    return ()
