"""PLACEHOLDER — to be replaced by the actors helper."""

from __future__ import annotations

from geo.model import ActorMention, Article, Paragraph, Sentence


class ActorRegistry:
    """People and organisations known to the project (data/registry/actors.csv)."""


def load_registry() -> ActorRegistry:
    """Load the actor registry."""
    return ActorRegistry()


def find_actors(
    article: Article,
    *,
    sentences: tuple[Sentence, ...],
    paragraphs: tuple[Paragraph, ...],
    registry: ActorRegistry,
) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    """Return (person mentions, organisation mentions), each in text order."""
    return (), ()
