"""Turn an article page's HTML into its main text and metadata, with ``trafilatura``.

trafilatura finds the article body (dropping menus, footers, cookie banners and comments)
and reads the metadata a news page carries (OpenGraph, JSON-LD, ``<meta>``): title, author,
outlet, canonical URL and the publication date with its time. Two things are added here
because news sites defeat them often: elements whose class or id names them as ads, cookie
banners, newsletter or related-story boxes are pruned before extraction, and lines that are
only a teaser ("Les også: …", "Read more: …", "ANNONSE") are removed from the text.

The language is detected from the text (:func:`geo.text.language.detect_language`), not taken
from the page's ``lang`` attribute, which templates set site-wide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from geo.errors import GeoError
from geo.text.language import supported_lang

__all__ = ["MIN_TEXT_CHARS", "IngestError", "PageArticle", "extract_page"]

#: Shorter main texts are taken as "no article on this page" (an index or an error page).
MIN_TEXT_CHARS: Final = 200

_BOILERPLATE_TOKENS: Final = (
    "ad", "ads", "advert", "advertisement", "annonse", "reklame", "banner", "cookie",
    "cookies", "consent", "gdpr", "newsletter", "nyhetsbrev", "related", "les-ogsa",
    "lesogsa", "read-more", "teaser", "promo", "sponsored", "share", "social", "paywall",
)  # fmt: skip
_PRUNE_XPATH: Final = [
    f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {t} ') or @id='{t}']"
    for t in _BOILERPLATE_TOKENS
]
_TEASER_LINE: Final = re.compile(
    r"^\s*(?:les\s+(?:også|og|òg|ogso|meir|mer)|sjå\s+(?:også|òg)|se\s+også|read\s+(?:also|more)"
    r"|see\s+also|related(?:\s+stories)?|annonse|reklame|advertisement|sponsored)\b\s*[:.–-]?",
    re.I,
)
_SHORT_TEASER_CHARS: Final = 160


class IngestError(GeoError, ValueError):
    """A fetched document holds no usable article (no text, unsupported language…)."""


@dataclass(frozen=True, slots=True)
class PageArticle:
    """An article read from a page: text without boilerplate, plus its metadata.

    ``published`` is ISO 8601 (``2025-08-14T09:30:00+0200`` or ``2025-08-14``) or ``None``.
    """

    url: str
    text: str
    lang: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    canonical_url: str | None = None


def _clean_text(text: str, title: str | None) -> str:
    lines = [line.strip() for line in text.splitlines()]
    kept = [
        line
        for line in lines
        if line and not (len(line) <= _SHORT_TEASER_CHARS and _TEASER_LINE.match(line))
    ]
    if kept and title and kept[0].casefold() == title.strip().casefold():
        kept = kept[1:]  # the headline is in the front matter
    return "\n".join(kept)


def extract_page(html: str, url: str) -> PageArticle:
    """Extract the article of one HTML page fetched from ``url``.

    Raises
    ------
    IngestError
        The page has no article text (fewer than :data:`MIN_TEXT_CHARS` characters) or the
        text is in an unsupported language (the message names it).
    """
    import trafilatura  # noqa: PLC0415 - heavy (0.2 s); only ingest needs it

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        prune_xpath=_PRUNE_XPATH,
        date_extraction_params={
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            "original_date": True,
            "extensive_search": False,  # guessing from "© 2025" gives false dates
        },
    )
    raw = getattr(doc, "text", None) or "" if doc is not None else ""
    title = getattr(doc, "title", None) if doc is not None else None
    text = _clean_text(raw, title)
    if len(text) < MIN_TEXT_CHARS:
        msg = (
            f"{url}: no article text found on the page ({len(text)} characters of main "
            f"text, need {MIN_TEXT_CHARS}); is it an index or a paywalled page?"
        )
        raise IngestError(msg)
    try:
        lang = supported_lang(text)
    except GeoError as exc:
        msg = f"{url}: unsupported language: {exc}"
        raise IngestError(msg) from exc
    published = getattr(doc, "date", None)
    return PageArticle(
        url=url,
        canonical_url=getattr(doc, "url", None),
        text=text,
        lang=lang,
        title=title,
        published=_published(published),
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        author=getattr(doc, "author", None),
    )


def _published(value: object) -> str | None:
    """ISO date-time from htmldate; a bare ``T00:00:00`` (no zone) means only the day was given."""
    if not value:
        return None
    text = str(value)
    return text[:10] if text.endswith("T00:00:00") else text
