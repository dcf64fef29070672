"""Bring news from the web into the corpus: article pages and RSS/Atom feeds, fetched safely.

``python -m geo ingest URL... --into DIR`` (:mod:`geo.commands.ingest`) is built on
:func:`ingest`; the dashboard's "Add by URL" and "Follow a feed" use :func:`iter_articles`.
"""

from geo.ingest.fetch import BlockedAddressError, FetchPolicy, fetch_document
from geo.ingest.page import IngestError, PageArticle, extract_page
from geo.ingest.run import FetchedArticle, ItemResult, ingest, iter_articles
from geo.ingest.store import ArticleStore, render_article

__all__ = [
    "ArticleStore",
    "BlockedAddressError",
    "FetchPolicy",
    "FetchedArticle",
    "IngestError",
    "ItemResult",
    "PageArticle",
    "extract_page",
    "fetch_document",
    "ingest",
    "iter_articles",
    "render_article",
]
