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
