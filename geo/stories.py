"""Near-duplicate articles grouped into stories: one NTB or AFP story, all its copies and outlets.

Outlets reprint wire copy under their own headline, with their own boilerplate and small
edits, so exact hashes miss the copies. Each article body becomes a set of word 5-gram
shingles; ``datasketch`` MinHash signatures and an LSH index find candidate pairs in
sub-quadratic time, and each candidate pair is confirmed on the exact shingle sets:

* **Jaccard** ≥ :data:`JACCARD_MIN` — the same text with edits or added boilerplate; or
* **containment** ≥ :data:`CONTAINMENT_MIN` of the shorter text in the longer — one outlet
  printed a shortened version of the wire story.

Two articles on the same topic written separately share names and phrases but few 5-word
runs, so they stay separate stories. Confirmed pairs are joined transitively (union–find);
a story's id is ``story:<id of its earliest article>`` and is stable while that article
stays in the corpus.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd

from geo.model import Article

__all__ = [
    "CONTAINMENT_MIN",
    "JACCARD_MIN",
    "STORY_COLUMNS",
    "Story",
    "group_stories",
    "shingles",
    "story_table",
]

#: Jaccard similarity of shingle sets from which two articles are copies.
JACCARD_MIN: Final = 0.5
#: Share of the shorter article's shingles found in the longer one from which it is a copy.
CONTAINMENT_MIN: Final = 0.8
#: LSH candidate threshold; lower than the confirmation thresholds so no copy is missed.
_LSH_THRESHOLD: Final = 0.3
_NUM_PERM: Final = 128
_SHINGLE_WORDS: Final = 5
#: Articles with fewer shingles are too short to call copies (a one-line brief).
_MIN_SHINGLES: Final = 8
_WORD: Final = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Story:
    """One story: its id, the ids of all its copies (earliest first) and their outlets."""

    id: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]

    @property
    def copies(self) -> int:
        """How many articles carry the story."""
        return len(self.articles)


def shingles(text: str, size: int = _SHINGLE_WORDS) -> frozenset[str]:
    """Return the word ``size``-grams of ``text`` (case-folded, punctuation dropped).

    Examples
    --------
    >>> sorted(shingles("Kyiv, sa han. Kyiv sa han", size=3))
    ['han kyiv sa', 'kyiv sa han', 'sa han kyiv']
    """
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def _is_copy(a: frozenset[str], b: frozenset[str]) -> bool:
    if len(a) < _MIN_SHINGLES or len(b) < _MIN_SHINGLES:
        return False
    common = len(a & b)
    jaccard = common / len(a | b)
    containment = common / min(len(a), len(b))
    return jaccard >= JACCARD_MIN or containment >= CONTAINMENT_MIN


def _sort_key(article: Article) -> tuple[dt.date, str]:
    return (article.published or dt.date.max, article.id)


def group_stories(articles: Iterable[Article]) -> list[Story]:
    """Group ``articles`` into stories (every article is in exactly one, maybe alone).

    Stories are returned earliest first; ids are unique among ``articles``.
    """
    from datasketch import MinHash, MinHashLSH  # noqa: PLC0415 - only stories need it

    ordered = sorted(articles, key=_sort_key)
    sets = [shingles(a.text) for a in ordered]
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_NUM_PERM)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for index, grams in enumerate(sets):
        if len(grams) < _MIN_SHINGLES:
            continue
        signature = MinHash(num_perm=_NUM_PERM)
        signature.update_batch([g.encode("utf-8") for g in grams])
        for other in lsh.query(signature):
            j = int(other)
            if _is_copy(grams, sets[j]):
                root_i, root_j = find(index), find(j)
                if root_i != root_j:
                    parent[max(root_i, root_j)] = min(root_i, root_j)
        lsh.insert(str(index), signature)

    members: dict[int, list[int]] = {}
    for index in range(len(ordered)):
        members.setdefault(find(index), []).append(index)
    stories = []
    for root in sorted(members):
        group = [ordered[i] for i in members[root]]
        outlets = tuple(dict.fromkeys(a.source for a in group if a.source))
        stories.append(Story(f"story:{group[0].id}", tuple(a.id for a in group), outlets))
    return stories


STORY_COLUMNS: Final = ("article_id", "story_id", "copies", "outlets")


def story_table(stories: Sequence[Story]) -> pd.DataFrame:
    """One row per article: ``article_id``, ``story_id``, ``copies`` (int), ``outlets`` (list).

    Merge it on ``article_id`` with the corpus's ``articles`` frame to count stories
    (``story_id.nunique()``) and list a story's copies.
    """
    rows = [
        {
            "article_id": article_id,
            "story_id": story.id,
            "copies": story.copies,
            "outlets": list(story.outlets),
        }
        for story in stories
        for article_id in story.articles
    ]
    frame = pd.DataFrame(rows, columns=list(STORY_COLUMNS))
    return frame.astype({"copies": "int64"})
