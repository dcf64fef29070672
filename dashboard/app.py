"""Frontline & Diplomacy dashboard: ``streamlit run dashboard/app.py``.

Thin on purpose: load, filter, hand each panel the filtered frames. Logic lives in the pure
modules (filters, maps, charts, markup, tables) and in ``geo``.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import data, state, tables
from dashboard import stories as story_counts
from dashboard.filters import apply_filters, hidden_by_dates, honest_quote_dates
from dashboard.literal import literal
from dashboard.maps import assets
from dashboard.views import (
    add_article,
    diplomacy,
    evacuation,
    events_table,
    front,
    ingest,
    quotes,
    sidebar,
    stories,
    timeline,
)

st.set_page_config(page_title="Frontline & Diplomacy", page_icon="🗺️", layout="wide")

#: On a phone the title shrinks and the page starts higher, so the map is on the first screen.
PHONE_CSS = """<style>@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 3.9rem; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.5rem; padding: 0 0 0.2rem 0; }
}</style>"""


@st.cache_resource(show_spinner=False)
def _install_assets() -> None:
    """Copy Leaflet & co. from their packages into ``dashboard/static/`` once per server."""
    assets.install(Path(__file__).resolve().parent / "static")


_install_assets()

loaded = data.load_frames()
add_article.render()
ingest.render()
loaded = data.with_uploads(loaded)
copies = data.stories_table(loaded)
loaded = data.Loaded(honest_quote_dates(loaded.frames), loaded.fingerprint, loaded.notices)
filters = sidebar.render(loaded.frames)
view = apply_filters(loaded.frames, filters)

st.html(PHONE_CSS)
st.title("Frontline & Diplomacy")
for notice in loaded.notices:
    st.info(literal(notice))  # notices name files and quote errors: never Markdown
st.caption(
    f"{len(view.events)} of {len(loaded.frames.events)} events · "
    f"{len(view.quotes)} of {len(loaded.frames.quotes)} quotes · "
    f"{len(loaded.frames.articles)} article(s) · "
    f"{literal(story_counts.story_counts(copies).label())}"
)
hidden_events, hidden_quotes = hidden_by_dates(loaded.frames, filters)
if hidden_events or hidden_quotes:
    st.caption(
        literal(
            f"The date range hides {hidden_events} events and {hidden_quotes} quotes that "
            "match the other filters: widen it in the sidebar to see them."
        )
    )
stories.render(copies)

state.seed_once(state.KEY_VIEW, state.initial_view())
chosen = st.segmented_control("Map", state.VIEWS, key=state.KEY_VIEW) or state.VIEWS[0]
tiles = bool(st.session_state.get(state.KEY_TILES, False))
if chosen == "Diplomacy":
    diplomacy.render(view, tiles=tiles)
elif chosen == "Eastern front":
    front.render(view, filters, fingerprint=loaded.fingerprint, tiles=tiles)
else:
    evacuation.render(loaded.frames, view, filters, fingerprint=loaded.fingerprint, tiles=tiles)
state.write_url(filters, chosen)

left, right = st.columns([3, 2])
with left:
    timeline.render(view, events=tables.with_article_links(view.events, view.articles))
with right:
    quotes.render(view)
events_table.render(view)
