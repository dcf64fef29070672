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
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import geopandas as gpd
import pandas as pd

from dashboard.literal import isolate_bidi

__all__ = [
    "escape_frame",
    "escape_text",
    "event_date_text",
    "event_details_html",
    "fields_html",
    "format_date",
    "join_names",
    "label_html",
    "legend_html",
    "link_html",
    "marker_icon_html",
    "outlet_of",
    "popup_html",
    "public_text",
    "quote_card_html",
    "safe_url",
    "story_html",
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


def safe_url(value: object) -> str:
    """Return ``value`` if it is an absolute http(s) URL, else ``""`` (never ``javascript:``).

    Examples
    --------
    >>> safe_url("https://www.nrk.no/a"), safe_url("javascript:alert(1)"), safe_url(None)
    ('https://www.nrk.no/a', '', '')
    """
    if _is_missing(value) or not isinstance(value, str):
        return ""
    text = value.strip()
    parsed = urlsplit(text)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        return ""
    if any(ord(ch) < 33 for ch in text):
        return ""
    return text


def outlet_of(url: object, fallback: object = "") -> str:
    """Return the outlet an article came from: the host of its URL without ``www.``."""
    safe = safe_url(url)
    if safe:
        host = urlsplit(safe).hostname or ""
        return host.removeprefix("www.")
    return "" if _is_missing(fallback) else str(fallback or "")


def link_html(url: object, text: object) -> str:
    """Return an ``<a>`` to an http(s) URL (opens in a new tab), or the escaped text alone."""
    safe = safe_url(url)
    label = escape_text(text)
    if not safe:
        return label
    return (
        f'<a href="{escape_text(safe)}" target="_blank" rel="noopener noreferrer nofollow">'
        f"{label or escape_text(safe)}</a>"
    )


def popup_html(event: Mapping[str, Any]) -> str:
    """Return the popup of one event: what, when, who, where, the source and its sentence.

    The outlet, publication date and a link (http/https only) to the article, and the
    sentence the event came from, make every map item traceable to its source.
    """
    actors = escape_text(join_names(_field(event, "actors")))
    targets = escape_text(join_names(_field(event, "targets")))
    who = actors + (f" → {targets}" if targets else "")
    place = escape_text(_field(event, "place_name"))
    if _field(event, "place_inferred") is True and place:
        place += " (inferred)"
    title = _field(event, "article_title") or _field(event, "article_id")
    url = _field(event, "article_url")
    outlet = escape_text(outlet_of(url, _field(event, "outlet")))
    published = _field(event, "published")
    source = " · ".join(
        part
        for part in (
            link_html(url, title),
            outlet,
            "" if _is_missing(published) else f"published {escape_text(format_date(published))}",
        )
        if part
    )
    rows = [
        ("Event", escape_text(_field(event, "type_label") or _field(event, "type"))),
        ("Date", escape_text(event_date_text(event))),
        ("Actors", who),
        ("Place", place),
        ("Source", source),
    ]
    table = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows if value)
    sentence = escape_text(_field(event, "sentence"))
    return (
        f'<div class="fd-popup"><table>{table}</table>'
        f'<blockquote class="fd-source">{sentence}</blockquote></div>'
    )


def event_date_text(event: Mapping[str, Any]) -> str:
    """Return an event's date as a reader should see it, never a bare publication date.

    An event without a date of its own says so and names the publication day instead:
    ``"date not stated (published 14 Aug 2025)"``.
    """
    date = _field(event, "date")
    if not _is_missing(date):
        return format_date(date, _field(event, "date_precision"))
    published = _field(event, "published")
    if _is_missing(published):
        return "date not stated"
    return f"date not stated (published {pd.Timestamp(published).strftime('%-d %b %Y')})"


def event_details_html(event: Mapping[str, Any]) -> str:
    """Return the details card of an event selected on the timeline (same content as a popup)."""
    return popup_html(event)


def quote_card_html(quote: Mapping[str, Any]) -> str:
    """Return a quote card: the quote, its speaker, date and article, and the text around it.

    The date is the day the quote was said; when the text does not say, the card says so
    and names the publication day instead (never the publication date as if it were the day
    of speech). The context paragraph shows where the quote sits; the quote itself is
    highlighted in it when it occurs there verbatim (both sides escaped the same way, so
    they still match).
    """
    speaker = escape_text(_field(quote, "speaker")) or "unknown speaker"
    date = escape_text(event_date_text(quote))  # "date not stated (published …)" if unknown
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


def _story_card(event: Mapping[str, Any], quotes: Sequence[Mapping[str, Any]], chosen: bool) -> str:
    kind = escape_text(_field(event, "type_label") or _field(event, "type") or "Event")
    actors = escape_text(join_names(_field(event, "actors")))
    targets = escape_text(join_names(_field(event, "targets")))
    who = actors + (f" → {targets}" if targets else "")
    place = escape_text(_field(event, "place_name"))
    title = _field(event, "article_title") or _field(event, "article_id")
    url = _field(event, "article_url")
    outlet = escape_text(outlet_of(url, _field(event, "outlet")))
    said = "".join(
        f"<li><b>{escape_text(_field(q, 'speaker')) or 'unknown speaker'}</b>: "
        f"«{escape_text(_field(q, 'text'))}»</li>"
        for q in quotes
    )
    facts = " · ".join(part for part in (who, place and f"in {place}") if part)
    source = " · ".join(part for part in (link_html(url, title), outlet) if part)
    classes = "fd-story-card fd-story-chosen" if chosen else "fd-story-card"
    flag = '<span class="fd-story-flag">chosen · shown on the map</span>' if chosen else ""
    return (
        f'<article class="{classes}" data-event="{escape_text(_field(event, "event_id"))}">'
        f'<p class="fd-story-date">{escape_text(event_date_text(event))}{flag}</p>'
        f'<h4 class="fd-story-head">{kind}{": " + facts if facts else ""}</h4>'
        f'<blockquote class="fd-story-sentence">{escape_text(_field(event, "sentence"))}'
        "</blockquote>"
        + (f'<ul class="fd-story-quotes">{said}</ul>' if said else "")
        + (f'<p class="fd-story-source">{source}</p>' if source else "")
        + "</article>"
    )


_STORY_CSS = (
    "<style>.fd-story{font-size:0.95em}.fd-story-card{border-left:4px solid #bbb;"
    "padding:4px 0 4px 12px;margin:0 0 12px 0;overflow-wrap:anywhere}"
    ".fd-story-chosen{border-left-color:#c0392b;background:#fdf2f0}"
    ".fd-story-date{margin:0;color:#555;font-size:0.9em}"
    ".fd-story-flag{margin-left:8px;color:#c0392b;font-weight:bold}"
    ".fd-story-head{margin:2px 0;font-size:1em}"
    ".fd-story-sentence{margin:4px 0;padding-left:8px;border-left:2px solid #ddd;color:#333}"
    ".fd-story-quotes{margin:2px 0 2px 18px;padding:0}.fd-story-source{margin:0;color:#666;"
    "font-size:0.85em}.fd-story h3{font-size:1em;margin:14px 0 6px 0}</style>"
)


def story_html(
    events: Sequence[Mapping[str, Any]],
    quotes_by_event: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    chosen: str | None = None,
) -> str:
    """Return the story: one headline card per event in time order, undated ones apart.

    A card holds the event's date (or "date not stated (published …)"), its kind, actors and
    place, the sentence it came from, its quotes and its source; the event chosen on the map
    or in the picker is highlighted. ``events`` must already be in story order (dated
    first, by day); undated events are listed under their own heading.
    """
    dated = [e for e in events if not _is_missing(_field(e, "date"))]
    undated = [e for e in events if _is_missing(_field(e, "date"))]

    def cards(rows: Sequence[Mapping[str, Any]]) -> str:
        return "".join(
            _story_card(
                row,
                quotes_by_event.get(str(_field(row, "event_id")), ()),
                str(_field(row, "event_id")) == chosen,
            )
            for row in rows
        )

    parts = [_STORY_CSS, '<div class="fd-story">', cards(dated)]
    if undated:
        parts.append(f"<h3>Undated ({len(undated)}): the text states no day</h3>")
        parts.append(cards(undated))
    parts.append("</div>")
    return "".join(parts)


#: Legend symbol kinds: a filled square, a Font Awesome marker, a line, a dashed line, a
#: hollow circle (capitals), a text label.
LegendKind = str


def _legend_symbol(kind: LegendKind, colour: str, glyph: str) -> str:
    colour = escape_text(colour)
    if kind == "marker":
        return marker_icon_html(colour, glyph, extra_class="fd-legend-marker")
    if kind in ("line", "dashed"):
        style = "dashed" if kind == "dashed" else "solid"
        return (
            f'<span class="fd-swatch" style="border:0;border-top:3px {style} {colour};'
            'height:0;width:22px"></span>'
        )
    if kind == "hollow":
        return (
            f'<span class="fd-swatch" style="border:3px solid {colour};border-radius:50%;'
            'background:#fff;width:8px;height:8px"></span>'
        )
    if kind == "label":
        return '<span class="fd-swatch fd-swatch-label">Aa</span>'
    return f'<span class="fd-swatch" style="background:{colour}"></span>'


def legend_html(
    title: str,
    items: Iterable[tuple[str, str] | tuple[str, str, str] | tuple[str, str, str, str]],
    note: str = "",
) -> str:
    """Return a map legend: one row per symbol on the map, and a note (date, source, method).

    ``items`` are ``(colour, label)`` (a filled square), or ``(colour, label, kind)`` or
    ``(colour, label, kind, glyph)`` with ``kind`` one of ``square``, ``marker``, ``line``,
    ``dashed``, ``hollow``, ``label``. The legend is a ``<details>`` element, so a reader
    can fold it away (the map folds it on narrow screens).
    """
    rows = []
    for item in items:
        colour, label = item[0], item[1]
        kind = item[2] if len(item) > 2 else "square"
        glyph = item[3] if len(item) > 3 else "circle"
        rows.append(
            f'<div class="fd-legend-row">{_legend_symbol(kind, colour, glyph)}'
            f"<span>{escape_text(label)}</span></div>"
        )
    note_html = f'<div class="fd-legend-note">{escape_text(note)}</div>' if note else ""
    return (
        '<details class="fd-legend" open><summary><b>'
        f'{escape_text(title)}</b> <span class="fd-legend-hint">legend</span></summary>'
        f'<div class="fd-legend-body">{"".join(rows)}{note_html}</div></details>'
    )


_IN_FOLDER = re.compile(r"\s+(?:in|from|at)\s+(?:[A-Za-z]:)?[/\\][^\s;,)]+")
_PATH = re.compile(r"(?<![:/\w.])(?:[A-Za-z]:)?[/\\](?:[\w.+-]+[/\\])+[\w.+-]*")


def public_text(text: str) -> str:
    """Return ``text`` without server paths (``… in /srv/app/data/cache``): readers see notes.

    Examples
    --------
    >>> public_text("no snapshot for 2025-08-15 in /srv/app/data/cache/frontline")
    'no snapshot for 2025-08-15 cached'
    """
    text = _IN_FOLDER.sub(" cached", text)
    return _PATH.sub("", text)


def marker_icon_html(colour: str, glyph: str, *, extra_class: str = "") -> str:
    """Return the HTML of an event marker: a coloured disc with a Font Awesome glyph.

    ``colour`` and ``glyph`` come from :mod:`dashboard.style` (never from an article); they
    are escaped all the same.
    """
    classes = f"fd-glyph {extra_class}".strip()
    return (
        f'<span class="{escape_text(classes)}" style="background:{escape_text(colour)}">'
        f'<i class="fa-solid fa-{escape_text(glyph)}" aria-hidden="true"></i></span>'
    )


def label_html(text: object) -> str:
    """Return a map label's inner HTML: the escaped text (place names come from data files)."""
    return f'<span class="fd-label-text">{escape_text(text)}</span>'


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
