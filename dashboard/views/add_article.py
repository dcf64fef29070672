"""Add an article: paste text and/or upload a file, with its date, title, outlet and link.

The published date anchors relative dates in the text ("on Wednesday"), so the form asks for
it. The language is detected (:func:`dashboard.ingest.detect_language`) and shown, and the
reader can correct it; a language the extraction does not read is named and warned about.
Pasted text and an uploaded file are both added when both are given, never one silently
instead of the other. After adding, the date filter is reset so the new article's events are
in range. Size is bounded twice: ``server.maxUploadSize`` stops large uploads in the
browser, and ``geo.settings.MAX_ARTICLE_BYTES`` is checked by the reader with a clear
message. A bad file shows its error and nothing else is lost. A session keeps a few
uploads only (``MAX_SESSION_UPLOADS``, ``MAX_SESSION_UPLOAD_BYTES`` in :mod:`dashboard.data`);
the oldest are dropped first and the message says so. Messages name the file and may quote
the article, so they are shown literally (:func:`dashboard.literal.literal`).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data, ingest, state
from dashboard.literal import literal
from geo import settings
from geo.errors import ArticleError

__all__ = ["KEY_FILE", "KEY_PASTE", "KEY_SUBMIT", "render"]

KEY_PASTE = "add_paste"
KEY_FILE = "add_file"
KEY_SUBMIT = "add_submit"
KEY_MESSAGE = "add_message"
KEY_PUBLISHED = "add_published"
KEY_TITLE = "add_title"
KEY_OUTLET = "add_outlet"
KEY_URL = "add_url"
KEY_LANG = "add_lang"
_AUTO = "detect"


def _language_label(code: str) -> str:
    return "detect from the text" if code == _AUTO else f"{ingest.language_name(code)} ({code})"


def _one(raw: bytes, name: str, lang_choice: str) -> tuple[str, str]:
    """Extract and keep one article; return ``(kind, message)`` for the reader."""
    try:
        text = ingest.extract_text(raw, name)
    except ingest.UploadError as exc:
        return "error", str(exc)
    detected = ingest.detect_language(text.decode("utf-8", errors="replace"))
    lang = detected if lang_choice == _AUTO else lang_choice
    published = st.session_state.get(KEY_PUBLISHED)
    try:
        article_id, frames = data.extract_upload(
            text,
            name,
            published=published if isinstance(published, dt.date) else None,
            lang=lang,
            title=st.session_state.get(KEY_TITLE) or None,
            url=st.session_state.get(KEY_URL) or None,
            outlet=st.session_state.get(KEY_OUTLET) or None,
        )
    except (ArticleError, RuntimeError) as exc:
        return "error", f"{name}: {exc}"
    try:
        dropped = data.add_upload(article_id, frames)
    except ArticleError as exc:
        return "error", str(exc)
    language = f"language {ingest.language_name(lang)}" + (
        " (detected)" if lang_choice == _AUTO else " (chosen)"
    )
    message = f"Added {name}: {len(frames.events)} events, {len(frames.quotes)} quotes; {language}."
    if dropped:
        message += (
            f" Removed the oldest upload(s) {', '.join(dropped)}: a session keeps at most "
            f"{data.MAX_SESSION_UPLOADS} articles "
            f"({data.MAX_SESSION_UPLOAD_BYTES // 1_000_000} MB)."
        )
    if lang not in ingest.SUPPORTED:
        return "warning", (
            f"{message} The text looks like {ingest.language_name(lang)}: the extraction reads "
            "only Norwegian (Bokmål, Nynorsk) and English, so places, people and events may be "
            "missed. Choose the language below if the detection is wrong."
        )
    return "success", message


def _submit(pasted: str, upload: object, lang_choice: str) -> None:
    messages: list[tuple[str, str]] = []
    if upload is not None:
        messages.append(_one(upload.getvalue(), upload.name, lang_choice))  # type: ignore[attr-defined]
    if pasted.strip():
        messages.append(_one(pasted.encode("utf-8"), "pasted text.txt", lang_choice))
    if not messages:
        messages.append(("error", "Paste some text or choose a file."))
    if any(kind != "error" for kind, _ in messages):
        st.session_state.pop(state.KEY_DATES, None)  # widen the date range to include it
        st.session_state[state.KEY_WIDEN] = True
    st.session_state[KEY_MESSAGE] = messages


def render() -> None:
    """Draw the Add-article form in the sidebar; extract on submit."""
    with st.sidebar.expander("Add an article", expanded=False):
        st.caption(
            "Paste the text or upload .txt, .md, .html, .docx or .pdf "
            f"(up to {settings.MAX_ARTICLE_BYTES // 1000:,} kB). "
            "It stays in this browser session only."
        )
        pasted = st.text_area("Paste article text", key=KEY_PASTE, height=150)
        upload = st.file_uploader("and/or upload a file", key=KEY_FILE)
        st.date_input(
            "Published",
            value=None,
            key=KEY_PUBLISHED,
            format="YYYY-MM-DD",
            help="Anchors 'on Wednesday' and 'yesterday' in the text.",
        )
        st.text_input("Title", key=KEY_TITLE)
        st.text_input("Outlet", key=KEY_OUTLET, placeholder="e.g. NRK")
        st.text_input("Link (https://…)", key=KEY_URL)
        sample = pasted if pasted.strip() else ""
        detected = ingest.detect_language(sample) if len(sample) > 40 else None
        options = [_AUTO, *ingest.SUPPORTED]
        lang_choice = st.selectbox(
            "Language",
            options,
            key=KEY_LANG,
            format_func=_language_label,
            help="Detected from the text; choose another if the detection is wrong.",
        )
        if detected:
            st.caption(
                literal(f"Detected language of the pasted text: {ingest.language_name(detected)}.")
            )
            if detected not in ingest.SUPPORTED:
                st.warning(
                    literal(
                        f"This looks like {ingest.language_name(detected)}; the extraction "
                        "reads only Norwegian and English."
                    )
                )
        if st.button("Extract and show", key=KEY_SUBMIT):
            _submit(pasted, upload, lang_choice)
        for kind, text in st.session_state.get(KEY_MESSAGE) or []:
            {"error": st.error, "warning": st.warning}.get(kind, st.success)(
                literal(text)
            )  # names the file, may quote the article
