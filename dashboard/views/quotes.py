"""The quote panel: cards with speaker, date, article and the surrounding text."""

from __future__ import annotations

import streamlit as st

from dashboard import markup
from geo.frames import Frames

__all__ = ["KEY_SPEAKERS", "MAX_CARDS", "render"]

KEY_SPEAKERS = "quote_speakers"
MAX_CARDS = 60


def render(view: Frames) -> None:
    """Draw quote cards for the filtered quotes, narrowed further by speaker."""
    st.subheader("Quotes")
    quotes = view.quotes
    speakers = sorted({str(s) for s in quotes["speaker"].dropna()})
    chosen = st.multiselect("Speaker", options=speakers, key=KEY_SPEAKERS)
    if chosen:
        quotes = quotes[quotes["speaker"].isin(chosen)]
    if quotes.empty:
        st.info("No quotes match the filters.")
        return
    ordered = quotes.sort_values("date", ascending=False, na_position="last")
    for row in ordered.head(MAX_CARDS).to_dict("records"):
        st.html(markup.quote_card_html(row))
    if len(ordered) > MAX_CARDS:
        st.caption(f"Showing {MAX_CARDS} of {len(ordered)} quotes; narrow the filters to see more.")
