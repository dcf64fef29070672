"""The ingest folder: article files with front matter, and what is already in it.

An ingested article is written as the same UTF-8 text file with front matter that
:mod:`geo.io.articles` reads (``published``, ``lang``, ``title``, ``source``, ``url``; the
reader knows no ``author`` key, so the author is only reported on the command's output), so
``python -m geo build DIR`` takes it like any seed. The store remembers every
URL and every text already in the folder (read back from the files themselves, so copying
files in or deleting them keeps it right) and refuses to write either twice.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Final

from geo.errors import GeoError
from geo.ingest.page import PageArticle
from geo.io.articles import iter_article_paths, read_article

__all__ = ["ArticleStore", "normalize_url", "render_article", "text_fingerprint"]

_TRACKING_PARAMS: Final = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$", re.I)
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SLUG_MAX: Final = 60


def normalize_url(url: str) -> str:
    """Return ``url`` in a canonical form for duplicate checks.

    Lower-case scheme and host, no default port, no fragment, no tracking parameters.

    Examples
    --------
    >>> normalize_url("HTTPS://News.Example:443/a/b?utm_source=x&id=3#top")
    'https://news.example/a/b?id=3'
    """
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urllib.parse.urlencode(
        [
            (k, v)
            for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING_PARAMS.match(k)
        ]
    )
    return urllib.parse.urlunsplit((scheme, host, parts.path or "/", query, ""))


def text_fingerprint(text: str) -> str:
    """SHA-256 of the text with whitespace collapsed and case folded: "the same text"."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    line = " ".join(_CONTROL.sub(" ", value).split())
    return line or None


def render_article(article: PageArticle) -> str:
    """Return the file content for ``article``: front matter, a blank line, the body."""
    fields = {
        "published": _one_line(article.published),
        "lang": article.lang,
        "title": _one_line(article.title),
        "source": _one_line(article.source),
        "url": _one_line(article.url),
    }
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        # Free text is always quoted: the reader strips one pair of outer quotes and nothing
        # else, so a title that itself starts and ends with a quote survives intact.
        quoted = key in ("title", "source")
        lines.append(f'{key}: "{value}"' if quoted else f"{key}: {value}")
    lines.append("---")
    body = _CONTROL.sub("", article.text.replace("\r\n", "\n")).strip("\n")
    return "\n".join(lines) + "\n" + body + "\n"


def _slug(text: str) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae"))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:_SLUG_MAX].rstrip("-") or "article"


class ArticleStore:
    """The articles in one folder: their URLs and text fingerprints, and new files written there."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._urls: dict[str, Path] = {}
        self._texts: dict[str, Path] = {}
        if self.folder.is_dir():
            for path in iter_article_paths([self.folder]):
                try:
                    article = read_article(path)
                except GeoError:
                    continue  # a bad file is the builder's to report, not a reason to stop
                self._texts.setdefault(text_fingerprint(article.text), path)
                if article.url:
                    self._urls.setdefault(normalize_url(article.url), path)

    def path_of_url(self, *urls: str | None) -> Path | None:
        """Return the file already holding any of ``urls``, or ``None``."""
        for url in urls:
            if url:
                found = self._urls.get(normalize_url(url))
                if found is not None:
                    return found
        return None

    def path_of_text(self, text: str) -> Path | None:
        """Return the file already holding this text (whitespace and case aside), or ``None``."""
        return self._texts.get(text_fingerprint(text))

    def write_url_alias(self, path: Path, *urls: str | None) -> None:
        """Remember that ``urls`` lead to the article already in ``path`` (for this run)."""
        for url in urls:
            if url:
                self._urls.setdefault(normalize_url(url), path)

    def write(self, article: PageArticle, *also_urls: str | None) -> Path:
        """Write ``article`` to a new file (atomically) and remember its URLs and text."""
        self.folder.mkdir(parents=True, exist_ok=True)
        day = (article.published or "")[:10] or "undated"
        stem = f"{day}_{_slug(article.title or article.text[:60])}"
        path = self.folder / f"{stem}.txt"
        counter = 2
        while path.exists():
            path = self.folder / f"{stem}-{counter}.txt"
            counter += 1
        handle, tmp = tempfile.mkstemp(dir=self.folder, prefix=".ingest-", suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(render_article(article))
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._texts[text_fingerprint(article.text)] = path
        for url in (article.url, *also_urls):
            if url:
                self._urls.setdefault(normalize_url(url), path)
        return path
