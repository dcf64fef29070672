"""The only module that makes HTML: every article-derived value is escaped here.

Named ``markup`` rather than ``html``: ``streamlit run dashboard/app.py`` (and AppTest) put
``dashboard/`` first on ``sys.path``, where a ``html.py`` would shadow the standard library
``html`` module that branca, folium and Streamlit import.

Article text is untrusted. ``<script>``, ``<img onerror=…>`` and ``javascript:`` links must
show as text in popups, tooltips, cards and legends. :func:`escape_text` escapes the HTML
metacharacters *and* the characters that matter inside the JavaScript template literals
folium wraps popups and tooltips in (backtick, ``$``, backslash), so a value can close neither
an HTML tag nor the literal around it. Braces are escaped too: branca (folium) re-parses
rendered scripts as Jinja templates, so an article's ``{{ 7*7 }}`` would otherwise run on
the server (template injection).
"""

from __future__ import annotations

import html as _std_html
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import geopandas as gpd
import pandas as pd

from dashboard.literal import isolate_bidi

__all__ = [
    "escape_frame",
    "escape_text",
    "event_details_html",
    "fields_html",
    "format_date",
    "join_names",
    "legend_html",
    "popup_html",
    "quote_card_html",
    "tooltip_text",
]

_JS_TEMPLATE_CHARS = str.maketrans(
    {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
)
_TOOLTIP_CHARS = 160


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def escape_text(value: object) -> str:
    """Return ``value`` as text that is inert inside HTML and inside a JS template literal.

    ``None`` and NaN become ``""``; lists become comma-separated names.

    Examples
    --------
    >>> escape_text("<img src=x onerror=alert(1)>")
    '&lt;img src=x onerror=alert(1)&gt;'
    >>> escape_text("`${alert(1)}`")
    '&#96;&#36;{alert(1)}&#96;'
    >>> escape_text(None)
    ''
    """
    if _is_missing(value):
        return ""
    if isinstance(value, list | tuple):
        value = join_names(value)
    # Bidi controls are isolated: an unterminated override in a title must not reorder the card.
    return isolate_bidi(_std_html.escape(str(value), quote=True).translate(_JS_TEMPLATE_CHARS))


def join_names(names: object) -> str:
    """Join a list of names with commas; a missing value or an empty list gives ``""``."""
    if _is_missing(names) or names is None:
        return ""
    if isinstance(names, str):
        return names
    return ", ".join(str(name) for name in names)  # type: ignore[attr-defined]


def format_date(value: object, precision: object = "day") -> str:
    """Format a date at its precision (``2025-08``, ``2025``); unknown: ``"date unknown"``."""
    if _is_missing(value):
        return "date unknown"
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if precision == "year":
        return f"{stamp.year:04d}"
    if precision == "month":
        return f"{stamp.year:04d}-{stamp.month:02d}"
    return stamp.strftime("%Y-%m-%d")


def _field(row: Mapping[str, Any], name: str) -> Any:
    return row.get(name) if hasattr(row, "get") else None


def tooltip_text(event: Mapping[str, Any]) -> str:
    """Return a one-line, escaped hover label: date, type and actors of an event."""
    parts = [
        format_date(_field(event, "date"), _field(event, "date_precision")),
        str(_field(event, "type_label") or _field(event, "type") or "event"),
    ]
    actors = join_names(_field(event, "actors"))
    if actors:
        parts.append(actors)
    text = " · ".join(parts)
    if len(text) > _TOOLTIP_CHARS:
        text = text[: _TOOLTIP_CHARS - 1] + "…"
    return escape_text(text)


def popup_html(event: Mapping[str, Any]) -> str:
    """Return the popup of one event: what, when, who, where, and the sentence it came from.

    The sentence and the article title make every map item traceable to its source.
    """
    actors = escape_text(join_names(_field(event, "actors")))
    targets = escape_text(join_names(_field(event, "targets")))
    who = actors + (f" → {targets}" if targets else "")
    place = escape_text(_field(event, "place_name"))
    if _field(event, "place_inferred") is True and place:
        place += " (inferred)"
    rows = [
        ("Event", escape_text(_field(event, "type_label") or _field(event, "type"))),
        ("Date", escape_text(format_date(_field(event, "date"), _field(event, "date_precision")))),
        ("Actors", who),
        ("Place", place),
        ("Article", escape_text(_field(event, "article_title") or _field(event, "article_id"))),
    ]
    table = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows if value)
    sentence = escape_text(_field(event, "sentence"))
    return (
        f'<div class="fd-popup"><table>{table}</table>'
        f'<blockquote class="fd-source">{sentence}</blockquote></div>'
    )


def event_details_html(event: Mapping[str, Any]) -> str:
    """Return the details card of an event selected on the timeline (same content as a popup)."""
    return popup_html(event)


def quote_card_html(quote: Mapping[str, Any]) -> str:
    """Return a quote card: the quote, its speaker, date and article, and the text around it.

    The context paragraph shows where the quote sits; the quote itself is highlighted in it
    when it occurs there verbatim (both sides escaped the same way, so they still match).
    """
    speaker = escape_text(_field(quote, "speaker")) or "unknown speaker"
    date = escape_text(format_date(_field(quote, "date")))
    article = escape_text(_field(quote, "article_title") or _field(quote, "article_id"))
    text = escape_text(_field(quote, "text"))
    context = escape_text(_field(quote, "context"))
    if text and text in context:
        context = context.replace(text, f"<mark>{text}</mark>", 1)
    attribution = escape_text(_field(quote, "attribution"))
    how = f' <span class="fd-how">({attribution})</span>' if attribution else ""
    return (
        '<div class="fd-quote" style="border-left:4px solid #1f618d;padding:2px 0 2px 12px;'
        'margin:0 0 14px 0">'
        f'<p class="fd-quote-text" style="font-size:1.05em;margin:0 0 4px 0">«{text}»</p>'
        f'<p class="fd-quote-meta" style="margin:0 0 4px 0;color:#444"><b>{speaker}</b>{how}'
        f" · {date} · {article}</p>"
        f'<p class="fd-quote-context" style="margin:0;color:#666;font-size:0.9em">{context}</p>'
        "</div>"
    )


def legend_html(title: str, items: Iterable[tuple[str, str]], note: str = "") -> str:
    """Return a small map legend: coloured swatches with labels, and a note (sources, method)."""
    rows = "".join(
        f'<div><span style="background:{escape_text(colour)};display:inline-block;'
        f'width:12px;height:12px;margin-right:6px;border:1px solid #555"></span>'
        f"{escape_text(label)}</div>"
        for colour, label in items
    )
    note_html = f'<div class="fd-legend-note">{escape_text(note)}</div>' if note else ""
    return (
        '<div class="fd-legend" style="position:absolute;top:10px;right:10px;z-index:9999;'
        "background:rgba(255,255,255,0.92);padding:8px 10px;border:1px solid #999;"
        'border-radius:4px;font:12px sans-serif;max-width:320px">'
        f"<b>{escape_text(title)}</b>{rows}{note_html}</div>"
    )


def fields_html(row: Mapping[str, Any], fields: Mapping[str, str]) -> str:
    """Return a small table of ``label: value`` for the given columns, every value escaped.

    Used for polygon tooltips (zones, occupied area, advances); empty values are skipped.
    """
    cells = []
    for column, label in fields.items():
        value = _escape_cell(row.get(column))
        if value:
            cells.append(f"<tr><th>{escape_text(label)}</th><td>{value}</td></tr>")
    return f'<table class="fd-fields">{"".join(cells)}</table>' if cells else ""


def escape_frame(frame: gpd.GeoDataFrame, columns: Sequence[str]) -> gpd.GeoDataFrame:
    """Return a copy of ``frame`` holding only ``columns`` (escaped as text) and the geometry.

    ``GeoJsonTooltip``/``GeoJsonPopup`` put property values into the page as HTML, so they
    must be escaped *before* the frame reaches folium. Dates become ISO text.
    """
    out = gpd.GeoDataFrame(
        {column: [_escape_cell(v) for v in frame[column]] for column in columns},
        geometry=frame.geometry.to_numpy(),
        crs=frame.crs,
        index=range(len(frame)),
    )
    return out


def _escape_cell(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return escape_text(value.strftime("%Y-%m-%d"))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and not math.isnan(value):
        return escape_text(f"{value:,.1f}")
    return escape_text(value)
