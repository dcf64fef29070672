"""Stories in the app: how many stories the articles tell, and every copy of each (pure).

Outlets reprint the same wire story under their own headline; :func:`geo.stories.group_stories`
recognises the copies. The app counts *stories* beside *articles* and lists, per story, its
copies with outlet, title, publication day and file, so a reader sees that twenty articles
are one report. Titles and outlets come from the articles' front matter: untrusted text,
returned here as plain data for a table (never Markdown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Final

import pandas as pd

from geo.model import Article
from geo.stories import group_stories

__all__ = ["COPY_COLUMNS", "StoryCounts", "copies_table", "story_counts"]

#: Columns of :func:`copies_table`, one row per copy.
COPY_COLUMNS: Final = (
    "story", "copies", "outlet", "title", "published", "file", "article_id", "story_id",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoryCounts:
    """How many stories the articles tell, how many articles, and how many are reprinted."""

    stories: int
    articles: int
    reprinted: int  # stories carried by more than one article

    def label(self) -> str:
        """Return ``"1 story"`` or ``"N stories"``."""
        return f"{self.stories} story" if self.stories == 1 else f"{self.stories} stories"

    def caption(self) -> str:
        """Return e.g. ``"3 stories in 5 articles (1 carried by several articles)"``."""
        article_word = "article" if self.articles == 1 else "articles"
        text = f"{self.label()} in {self.articles} {article_word}"
        if self.reprinted:
            text += f" ({self.reprinted} carried by several articles)"
        return text


def _file(article: Article) -> str:
    return PurePath(article.path).name if article.path else article.id


def copies_table(articles: Sequence[Article]) -> pd.DataFrame:
    """Return one row per article, grouped by story (columns :data:`COPY_COLUMNS`).

    ``story`` is the title of the story's earliest copy (else its file), ``copies`` how many
    articles carry it. Stories with more copies come first, then by their earliest day;
    copies within a story earliest first. ``published`` is a date or ``None``.
    """
    by_id = {a.id: a for a in articles}
    rows = []
    for story in group_stories(articles):
        first = by_id[story.articles[0]]
        for article_id in story.articles:
            article = by_id[article_id]
            rows.append(
                {
                    "story": first.title or _file(first),
                    "copies": story.copies,
                    "outlet": article.source or "",
                    "title": article.title or "",
                    "published": article.published,
                    "file": _file(article),
                    "article_id": article.id,
                    "story_id": story.id,
                }
            )
    table = pd.DataFrame(rows, columns=list(COPY_COLUMNS))
    if table.empty:
        return table
    order = table.groupby("story_id", sort=False).ngroup()
    table = table.assign(_order=order).sort_values(
        ["copies", "_order"], ascending=[False, True], kind="stable"
    )
    return table.drop(columns="_order").reset_index(drop=True).astype({"copies": "int64"})


def story_counts(table: pd.DataFrame) -> StoryCounts:
    """Count stories, articles and reprinted stories in a :func:`copies_table`."""
    if table.empty:
        return StoryCounts(0, 0, 0)
    per_story = table.groupby("story_id")["article_id"].nunique()
    return StoryCounts(len(per_story), len(table), int((per_story > 1).sum()))
