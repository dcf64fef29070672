"""Show untrusted text literally in Streamlit: the one helper every Markdown call goes through.

Why: ``st.caption``, ``st.markdown``, ``st.info``/``st.warning``/``st.error``/``st.success``,
``st.toast`` and widget labels render their text as Markdown. A sentence, title, file name or
error message taken from an article would otherwise turn into a link, bold text, or an
image that makes every visitor's browser fetch a URL of the article author's choosing (a
tracking beacon). :func:`literal` backslash-escapes every ASCII punctuation character, which
CommonMark (and Streamlit's extensions: ``:red[…]`` colours, ``:material/…:`` icons, ``$…$``
maths) then shows as itself; an HTML entity such as ``&amp;`` stays text. Autolinks and
emoji shortcodes, which Streamlit's Markdown finds after escapes are resolved, are broken
with an invisible word joiner (U+2060), so no link appears either.
Bidi controls are isolated (U+2068 … U+2069) so an unterminated right-to-left override cannot
reorder the rest of the line. Pure: no Streamlit import, so it is tested directly.

Usage: ``st.caption(literal(sentence))``, ``st.info(literal(notice))``; a fixed string that
the app itself writes needs no escaping. ``tests/dashboard/test_literal.py`` checks every
Markdown-rendering call in ``dashboard/app.py`` and ``dashboard/views/`` on the source.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["BIDI_CONTROLS", "MARKDOWN_CALLS", "isolate_bidi", "literal"]

#: Streamlit calls whose text argument (or label) is rendered as Markdown.
MARKDOWN_CALLS: Final = frozenset(
    {
        "markdown", "caption", "info", "warning", "error", "success", "toast", "write",
        "title", "header", "subheader", "expander", "popover", "tabs", "metric", "button",
        "download_button", "link_button", "page_link", "checkbox", "toggle", "radio",
        "selectbox", "multiselect", "text_input", "text_area", "number_input", "date_input",
        "file_uploader", "slider", "select_slider", "segmented_control", "pills", "status",
        "form_submit_button", "chat_message", "color_picker", "time_input",
    }
)  # fmt: skip
#: Embedding, override and isolate controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_FIRST_STRONG_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"
_WORD_JOINER = "\u2060"
_WWW = re.compile(r"(www)\.", re.IGNORECASE)


def isolate_bidi(text: str) -> str:
    """Wrap ``text`` in an isolate when it holds bidi controls, so they end where it ends.

    The closing U+2069 terminates every embedding and override opened inside the isolate,
    so text after an unterminated right-to-left override (U+202E) is not reversed.
    Text without bidi controls is returned unchanged.
    """
    if not BIDI_CONTROLS.intersection(text):
        return text
    return f"{_FIRST_STRONG_ISOLATE}{text}{_POP_ISOLATE}"


def _break_text_transforms(text: str) -> str:
    """Put an invisible word joiner where Markdown plugins rewrite text after parsing.

    Backslash escapes work on Markdown syntax, but GFM's autolinks (``http://…``, ``www.…``,
    ``name@host.org``) and emoji or icon shortcodes (``:smile:``, ``:material/home:``) are
    found in the text *after* escapes are resolved. A U+2060 after each colon, before each
    ``@`` and inside ``www.`` leaves the text looking the same but matching none of them.
    """
    text = text.replace(":", ":" + _WORD_JOINER).replace("@", _WORD_JOINER + "@")
    return _WWW.sub(lambda m: m.group(1) + _WORD_JOINER + ".", text)


def literal(text: object) -> str:
    r"""Return ``text`` escaped so that Streamlit's Markdown shows it exactly as written.

    ``None`` gives ``""``. Line breaks are kept as hard line breaks.

    Examples
    --------
    >>> literal("![x](beacon.png) **bold**")
    '\\!\\[x\\]\\(beacon\\.png\\) \\*\\*bold\\*\\*'
    >>> literal("Kyiv og Moskva")
    'Kyiv og Moskva'
    """
    if text is None:
        return ""
    inert = _break_text_transforms(str(text))
    escaped = _ASCII_PUNCTUATION.sub(lambda m: "\\" + m.group(), inert)
    lines = [isolate_bidi(line) for line in escaped.split("\n")]
    return "  \n".join(line.lstrip(" \t") for line in lines)  # no indented code blocks
