"""Ingest URLs (article pages or feeds) into a folder of article files, one result per item.

The flow per source URL: safe fetch (:mod:`geo.ingest.fetch`) → decode and tell feed from
page by content (:mod:`geo.ingest.document`) → a page is extracted
(:mod:`geo.ingest.page`); a feed's items are each fetched and extracted the same way, the
feed's own metadata filling the gaps → already-known URL or identical text is a duplicate,
anything else is written (:mod:`geo.ingest.store`). Every item gives one
:class:`ItemResult`; a failed item never stops the others.

:func:`iter_articles` does everything but the writing, for the dashboard, which keeps added
articles in the visitor's session instead of on disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from geo.errors import GeoError
from geo.ingest.document import decode_body, document_kind
from geo.ingest.feed import FeedItem, parse_feed
from geo.ingest.fetch import FetchPolicy, fetch_document
from geo.ingest.page import IngestError, PageArticle, extract_page
from geo.ingest.store import ArticleStore

__all__ = ["FetchedArticle", "ItemResult", "ingest", "iter_articles"]

Status = Literal["ok", "error", "duplicate"]


@dataclass(frozen=True, slots=True)
class FetchedArticle:
    """One item of a source: its URL and either the article read from it or the error."""

    url: str
    article: PageArticle | None
    error: GeoError | None = None
    feed: str | None = None
    final_url: str | None = None


@dataclass(frozen=True, slots=True)
class ItemResult:
    """What happened to one item: the ``python -m geo ingest`` output line."""

    url: str
    status: Status
    path: Path | None = None
    error: str | None = None
    duplicate_of: Literal["url", "text"] | None = None
    feed: str | None = None
    title: str | None = None
    lang: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None

    def to_record(self) -> dict[str, Any]:
        """Return the JSON-ready record; keys with no value are left out."""
        record: dict[str, Any] = {"url": self.url, "status": self.status}
        if self.path is not None:
            record["path"] = str(self.path)
        for key in ("error", "duplicate_of", "feed", "title", "lang", "published", "source"):
            value = getattr(self, key)
            if value is not None:
                record[key] = value
        if self.author is not None:
            record["author"] = self.author
        return record


def _with_feed_metadata(article: PageArticle, item: FeedItem | None) -> PageArticle:
    if item is None:
        return article
    return replace(
        article,
        title=article.title or item.title,
        published=article.published or item.published,
        author=article.author or item.author,
        source=article.source or item.feed_title,
    )


def _page(
    url: str, html: str, final_url: str, item: FeedItem | None, feed: str | None
) -> FetchedArticle:
    try:
        article = _with_feed_metadata(extract_page(html, final_url), item)
    except GeoError as exc:
        return FetchedArticle(url, None, exc, feed, final_url)
    return FetchedArticle(url, article, None, feed, final_url)


def iter_articles(
    sources: Iterable[str],
    policy: FetchPolicy | None = None,
    *,
    skip_url: Any = None,
) -> Iterator[FetchedArticle]:
    """Yield one :class:`FetchedArticle` per page, or per item of each feed, of ``sources``.

    ``skip_url(url)`` (optional) returns true for an item URL that must not be fetched (it
    is already ingested); such items are yielded with neither article nor error.
    """
    policy = policy or FetchPolicy()
    for source in sources:
        if skip_url is not None and skip_url(source):
            yield FetchedArticle(source, None)
            continue
        try:
            doc = fetch_document(source, policy)
            text = decode_body(doc.body, doc.charset)
            kind = document_kind(text)
            items = parse_feed(doc.body, doc.final_url) if kind == "feed" else None
        except GeoError as exc:
            yield FetchedArticle(source, None, exc)
            continue
        if items is None:
            yield _page(source, text, doc.final_url, None, None)
            continue
        for item in items:
            if skip_url is not None and skip_url(item.link):
                yield FetchedArticle(item.link, None, feed=source)
                continue
            try:
                page = fetch_document(item.link, policy)
            except GeoError as exc:
                yield FetchedArticle(item.link, None, exc, source)
                continue
            html = decode_body(page.body, page.charset)
            if document_kind(html) == "feed":
                error = IngestError(f"{item.link}: the feed item links to a feed, not an article")
                yield FetchedArticle(item.link, None, error, source)
                continue
            yield _page(item.link, html, page.final_url, item, source)


def ingest(
    sources: Iterable[str], into: Path, policy: FetchPolicy | None = None
) -> Iterator[ItemResult]:
    """Ingest ``sources`` into the folder ``into``; yield one :class:`ItemResult` per item."""
    store = ArticleStore(into)
    for got in iter_articles(sources, policy, skip_url=store.path_of_url):
        if got.error is not None:
            yield ItemResult(got.url, "error", error=str(got.error), feed=got.feed)
            continue
        article = got.article
        if article is None:
            known = store.path_of_url(got.url)
            yield ItemResult(got.url, "duplicate", path=known, duplicate_of="url", feed=got.feed)
            continue
        found = ItemResult(
            got.url,
            "ok",
            feed=got.feed,
            title=article.title,
            lang=article.lang,
            published=article.published,
            source=article.source,
            author=article.author,
        )
        known = store.path_of_url(got.final_url, article.url)
        if known is not None:
            yield replace(found, status="duplicate", path=known, duplicate_of="url")
            continue
        known = store.path_of_text(article.text)
        if known is not None:
            store.write_url_alias(known, got.url, got.final_url)
            yield replace(found, status="duplicate", path=known, duplicate_of="text")
            continue
        try:
            path = store.write(article, got.url, got.final_url)
        except OSError as exc:
            yield replace(found, status="error", error=f"cannot write into {into}: {exc}")
            continue
        yield replace(found, path=path)
