"""Decode a fetched body to text and tell a feed from a page by its content.

Why by content: feed URLs rarely end in ``.xml`` (``/rss``, ``/feeds/nyheter``, ``?format=atom``)
and servers often label feeds ``text/html`` or ``text/xml``; the root element is what counts.

Decoding follows the order browsers use: the HTTP ``charset``, a byte-order mark, a
``<meta charset>`` or XML declaration in the first bytes, then UTF-8, then Windows-1252 (the
usual encoding of older Norwegian sites). ``iso-8859-1`` and ``ascii`` labels are read as
Windows-1252, as the WHATWG encoding standard prescribes, since servers use them loosely.
"""

from __future__ import annotations

import codecs
import re
from typing import Final, Literal

__all__ = ["DocumentKind", "decode_body", "document_kind"]

DocumentKind = Literal["feed", "page"]

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I
)
_XML_ENCODING: Final = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.-]+)"""
)
_LOOSE_LABELS: Final = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "ascii", "us-ascii"}
)
# Leading noise before a feed's root element: declarations, comments, processing
# instructions, a doctype.
_PROLOG: Final = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_FEED_ROOT: Final = re.compile(r"<(?:rss|rdf:RDF|feed)[\s>/]", re.I)


def _codec(label: str | bytes | None) -> str | None:
    if label is None:
        return None
    name = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    name = name.strip().lower()
    if name in _LOOSE_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_body(body: bytes, charset: str | None = None) -> str:
    """Return ``body`` as text, choosing the encoding as a browser would (module docstring)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", errors="replace")
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body.decode("utf-16", errors="replace")
    head = body[:4096]
    declared = _codec(charset)
    if declared is None:
        match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        declared = _codec(match.group(1)) if match else None
    if declared is not None and declared not in ("utf-8", "utf_8"):
        try:
            return body.decode(declared)
        except UnicodeDecodeError:
            pass  # the label lied; fall back to sniffing below
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def document_kind(text: str) -> DocumentKind:
    """Return ``"feed"`` when the root element is RSS, RDF or Atom, else ``"page"``.

    Examples
    --------
    >>> document_kind('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    'feed'
    >>> document_kind("<!DOCTYPE html><html><body><p>rss</p></body></html>")
    'page'
    """
    start = text.lstrip("\ufeff")
    prolog = _PROLOG.match(start)
    rest = start[prolog.end() if prolog else 0 :]
    return "feed" if _FEED_ROOT.match(rest) else "page"
