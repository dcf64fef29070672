"""Add an article: paste text or upload a file; it is extracted and shown at once.

Size is bounded twice: ``server.maxUploadSize`` in ``.streamlit/config.toml`` stops large
uploads in the browser, and ``geo.settings.MAX_ARTICLE_BYTES`` is checked by the reader with
a clear message. A bad file shows its error and nothing else is lost. A session keeps a few
uploads only (``MAX_SESSION_UPLOADS``, ``MAX_SESSION_UPLOAD_BYTES`` in :mod:`dashboard.data`);
the oldest are dropped first and the message says so. Messages name the file and may quote
the article, so they are shown literally (:func:`dashboard.literal.literal`).
"""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.literal import literal
from geo import settings
from geo.errors import ArticleError

__all__ = ["KEY_FILE", "KEY_PASTE", "KEY_SUBMIT", "render"]

KEY_PASTE = "add_paste"
KEY_FILE = "add_file"
KEY_SUBMIT = "add_submit"
KEY_MESSAGE = "add_message"


def _extract(raw: bytes, name: str) -> None:
    try:
        article_id, frames = data.extract_upload(raw, name)
    except ArticleError as exc:
        st.session_state[KEY_MESSAGE] = ("error", str(exc))
        return
    except RuntimeError as exc:
        st.session_state[KEY_MESSAGE] = ("error", str(exc))
        return
    try:
        dropped = data.add_upload(article_id, frames)
    except ArticleError as exc:
        st.session_state[KEY_MESSAGE] = ("error", str(exc))
        return
    note = (
        f" Removed the oldest upload(s) {', '.join(dropped)}: a session keeps at most "
        f"{data.MAX_SESSION_UPLOADS} articles ({data.MAX_SESSION_UPLOAD_BYTES // 1_000_000} MB)."
        if dropped
        else ""
    )
    st.session_state[KEY_MESSAGE] = (
        "success",
        f"Added {name}: {len(frames.events)} events, {len(frames.quotes)} quotes.{note}",
    )


def render() -> None:
    """Draw the paste box and the uploader in the sidebar; extract on submit."""
    with st.sidebar.expander("Add an article", expanded=False):
        st.caption(
            "Text or a .txt/.md file (UTF-8, optional front matter), up to "
            f"{settings.MAX_ARTICLE_BYTES // 1000:,} kB. It stays in this browser session only."
        )
        pasted = st.text_area("Paste article text", key=KEY_PASTE, height=150)
        upload = st.file_uploader("or upload a file", type=["txt", "md"], key=KEY_FILE)
        if st.button("Extract and show", key=KEY_SUBMIT):
            if upload is not None:
                _extract(upload.getvalue(), upload.name)
            elif pasted.strip():
                _extract(pasted.encode("utf-8"), "pasted.txt")
            else:
                st.session_state[KEY_MESSAGE] = ("error", "Paste some text or choose a file.")
        message = st.session_state.get(KEY_MESSAGE)
        if message:
            kind, text = message  # holds the file name and article text: shown literally
            if kind == "error":
                st.error(literal(text))
            else:
                st.success(literal(text))
