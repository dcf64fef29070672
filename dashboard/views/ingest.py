"""Add by URL and Follow a feed: news from the web into this session, under the ingest rules.

Beside paste/upload (:mod:`dashboard.views.add_article`). A URL is fetched with the same safe
fetcher as ``python -m geo ingest`` (:mod:`geo.ingest.fetch`: http(s) only, bounded size,
redirects and time, text content types only) and **never** with private access: loopback,
private and link-local addresses are refused, after redirects and DNS answers too, because
the deployed app must not become a way into the network it runs in. Pages and feeds are told
apart by content; a feed adds up to :data:`MAX_ITEMS` new items and is remembered, so "Check
followed feeds" adds what appeared since. Unsupported languages and pages without article
text are reported per item. Articles stay in the visitor's session, like uploads.

Every text from the web is shown as data (a table), never as Markdown or HTML.
"""

from __future__ import annotations

from typing import Final

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.literal import literal
from geo import settings
from geo.errors import GeoError
from geo.ingest import FetchedArticle, FetchPolicy, iter_articles, render_article
from geo.ingest.store import normalize_url, text_fingerprint

__all__ = ["KEY_FEED", "KEY_FEED_SUBMIT", "KEY_URL", "KEY_URL_SUBMIT", "MAX_ITEMS", "render"]

KEY_URL: Final = "ingest_url"
KEY_URL_SUBMIT: Final = "ingest_url_submit"
KEY_FEED: Final = "ingest_feed"
KEY_FEED_SUBMIT: Final = "ingest_feed_submit"
KEY_REFRESH: Final = "ingest_feed_refresh"
KEY_RESULTS: Final = "ingest_results"
KEY_SEEN: Final = "ingest_seen"
KEY_FEEDS: Final = "ingest_feeds"
#: New items taken from one feed per click.
MAX_ITEMS: Final = 20


def policy() -> FetchPolicy:
    """Return the app's fetch rules: safe defaults, never private addresses, short timeout."""
    return FetchPolicy(timeout_s=2 * settings.APP_FETCH_TIMEOUT_S, max_bytes=4 * 1024 * 1024)


def _seen() -> dict[str, set[str]]:
    seen: dict[str, set[str]] = st.session_state.setdefault(
        KEY_SEEN, {"urls": set(), "texts": set()}
    )
    return seen


def _add(got: FetchedArticle) -> dict[str, str]:
    row = {"url": got.url, "status": "error", "title": "", "detail": ""}
    if got.error is not None:
        row["detail"] = str(got.error)
        return row
    if got.article is None:
        return {**row, "status": "duplicate", "detail": "already added in this session"}
    article = got.article
    row["title"] = article.title or ""
    seen = _seen()
    fingerprint = text_fingerprint(article.text)
    if fingerprint in seen["texts"]:
        return {**row, "status": "duplicate", "detail": "the same text was already added"}
    try:
        article_id, frames = data.extract_upload(
            render_article(article).encode("utf-8"), f"{(article.published or 'web')[:10]}.txt"
        )
    except GeoError as exc:
        return {**row, "detail": str(exc)}
    data.add_upload(article_id, frames)
    seen["texts"].add(fingerprint)
    for url in (got.url, got.final_url, article.url):
        if url:
            seen["urls"].add(normalize_url(url))
    detail = f"{article.lang}: {len(frames.events)} events, {len(frames.quotes)} quotes"
    return {**row, "status": "added", "detail": detail}


def _ingest(sources: list[str]) -> None:
    if not settings.ALLOW_FETCH:
        rows = [{"url": s, "status": "error", "title": "",
                 "detail": "downloads are off (FRONTLINE_OFFLINE); nothing was fetched"}
                for s in sources]  # fmt: skip
        st.session_state[KEY_RESULTS] = rows
        return
    seen = _seen()
    rows: list[dict[str, str]] = []
    added = 0
    for got in iter_articles(
        sources, policy(), skip_url=lambda url: normalize_url(url) in seen["urls"]
    ):
        if added >= MAX_ITEMS:
            break
        row = _add(got)
        added += row["status"] == "added"
        rows.append(row)
    st.session_state[KEY_RESULTS] = rows


def _lines(text: str) -> list[str]:
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


def render() -> None:
    """Draw "Add by URL" and "Follow a feed" in the sidebar; fetch on submit."""
    with st.sidebar.expander("Add by URL or follow a feed", expanded=False):
        st.caption(
            "An article page or an RSS/Atom feed (public http(s) addresses only). "
            "Articles stay in this browser session only."
        )
        urls = _lines(st.text_area("Article URLs, one per line", key=KEY_URL, height=68))
        if st.button("Add by URL", key=KEY_URL_SUBMIT) and urls:
            _ingest(urls)
        new_feeds = _lines(st.text_area("Feed URLs, one per line", key=KEY_FEED, height=68))
        if st.button("Follow a feed", key=KEY_FEED_SUBMIT) and new_feeds:
            feeds: list[str] = st.session_state.setdefault(KEY_FEEDS, [])
            feeds.extend(f for f in new_feeds if f not in feeds)
            _ingest(new_feeds)
        followed: list[str] = st.session_state.get(KEY_FEEDS, [])
        if followed and st.button(f"Check {len(followed)} followed feed(s)", key=KEY_REFRESH):
            _ingest(list(followed))
        rows = st.session_state.get(KEY_RESULTS)
        if rows:
            added = sum(r["status"] == "added" for r in rows)
            failed = sum(r["status"] == "error" for r in rows)
            (st.error if failed and not added else st.success)(
                literal(
                    f"{added} added, {failed} failed, {len(rows) - added - failed} duplicate(s)."
                )
            )
            st.dataframe(pd.DataFrame(rows), hide_index=True)
