"""PLACEHOLDER — to be replaced by the quotes helper."""

from __future__ import annotations

from geo.model import ActorMention, Article, Paragraph, Quote, Sentence


def find_quotes(
    article: Article,
    *,
    sentences: tuple[Sentence, ...],
    paragraphs: tuple[Paragraph, ...],
    actors: tuple[ActorMention, ...],
    orgs: tuple[ActorMention, ...],
) -> tuple[tuple[Quote, ...], tuple[str, ...]]:
    """Return (quotes in text order, problems such as an unclosed «)."""
    return (), ()
