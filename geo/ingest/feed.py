"""Read an RSS/Atom feed's items with ``feedparser``: link, title, date, author, outlet.

The items' pages are fetched and extracted separately (:mod:`geo.ingest.run`); what a feed
says about an item fills the gaps the page leaves (many pages carry no machine-readable date,
every feed item does). The body is handed to feedparser as a stream, never as a string:
feedparser treats a string that looks like a URL or a file name as something to open.
"""

from __future__ import annotations

import datetime as dt
import io
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any, Final

from geo.ingest.page import IngestError

__all__ = ["MAX_FEED_ITEMS", "FeedItem", "parse_feed"]

#: Items read from one feed (newest first, as feeds list them).
MAX_FEED_ITEMS: Final = 200


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed entry: the article link and what the feed says about it."""

    link: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    feed_title: str | None = None


def _iso(parsed: time.struct_time | None) -> str | None:
    if parsed is None:
        return None
    stamp = dt.datetime(*parsed[:6], tzinfo=dt.UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S%z")


def _text(entry: Any, key: str) -> str | None:
    value = entry.get(key)
    return " ".join(str(value).split()) or None if value else None


def parse_feed(body: bytes, url: str) -> list[FeedItem]:
    """Return the items of the feed ``body`` fetched from ``url`` (relative links resolved).

    Raises
    ------
    IngestError
        The body is not a feed feedparser can read, or it lists no items with a link.
    """
    import feedparser  # noqa: PLC0415 - heavy; only ingest needs it, not every CLI start

    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url})
    if parsed.bozo and not parsed.entries:
        reason = parsed.get("bozo_exception", "unreadable XML")
        msg = f"{url}: not a readable RSS/Atom feed ({reason})"
        raise IngestError(msg)
    feed_title = _text(parsed.feed, "title")
    items: list[FeedItem] = []
    for entry in parsed.entries[:MAX_FEED_ITEMS]:
        link = entry.get("link")
        if not link:
            continue
        items.append(
            FeedItem(
                link=urllib.parse.urljoin(url, str(link).strip()),
                title=_text(entry, "title"),
                published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                author=_text(entry, "author"),
                feed_title=feed_title,
            )
        )
    if not items:
        msg = f"{url}: the feed lists no items with a link"
        raise IngestError(msg)
    return items
