"""Add an article: paste text or upload a file; it is extracted and shown at once.

Size is bounded twice: ``server.maxUploadSize`` in ``.streamlit/config.toml`` stops large
uploads in the browser, and ``geo.settings.MAX_ARTICLE_BYTES`` is checked by the reader with
a clear message. A bad file shows its error and nothing else is lost.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data
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
    data.add_upload(article_id, frames)
    st.session_state[KEY_MESSAGE] = (
        "success",
        f"Added {name}: {len(frames.events)} events, {len(frames.quotes)} quotes.",
    )


def render() -> None:
    """Draw the paste box and the uploader in the sidebar; extract on submit."""
    with st.sidebar.expander("Add an article", expanded=False):
        limit_kb = settings.MAX_ARTICLE_BYTES // 1000
        st.caption(
            f"Text or a .txt/.md file (UTF-8, optional front matter), up to {limit_kb:,} kB. "
            "It stays in this browser session only."
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
            kind, text = message
            (st.error if kind == "error" else st.success)(text)
