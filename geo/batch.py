"""Extract many article files, one at a time, never stopping on a bad one.

A batch reports each bad file (as a :class:`Failure` holding the :class:`~geo.errors.GeoError`)
and goes on: unreadable or non-regular files, bad front matter, and articles over their
extraction budget alike. Callers decide how to show failures and exit non-zero at the end.
Programming errors (``TypeError`` …) are not caught: they are bugs, not bad input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.errors import GeoError
from geo.io.articles import iter_article_paths, read_article
from geo.model import Extraction, Lang
from geo.pipeline import extract_article
from geo.resources import Resources, load_resources

__all__ = ["Failure", "iter_extractions"]


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that could not be extracted, and why."""

    path: Path
    error: GeoError

    def __str__(self) -> str:
        return str(self.error)


def iter_extractions(
    paths: Iterable[Path],
    *,
    published: dt.date | None = None,
    lang: Lang | None = None,
    resources: Resources | None = None,
) -> Iterator[Extraction | Failure]:
    """Yield one :class:`Extraction` or :class:`Failure` per article file, in path order.

    ``paths`` may hold files and folders (folders give their ``.txt``/``.md`` files).
    """
    res = resources if resources is not None else load_resources()
    for path in iter_article_paths(tuple(paths)):
        try:
            article = read_article(path, published=published, lang=lang)
            extraction = extract_article(article, res)  # over its time or size budget: bad
        except GeoError as exc:
            yield Failure(path, exc)
            continue
        yield extraction
