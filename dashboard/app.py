"""Frontline & Diplomacy dashboard: ``streamlit run dashboard/app.py``.

Thin on purpose: load, filter, hand each panel the filtered frames. Logic lives in the pure
modules (filters, maps, charts, markup, tables) and in ``geo``.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard import stories as story_counts
from dashboard.filters import apply_filters
from dashboard.literal import literal
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

loaded = data.load_frames()
add_article.render()
ingest.render()
loaded = data.with_uploads(loaded)
copies = data.stories_table(loaded)
filters = sidebar.render(loaded.frames)
view = apply_filters(loaded.frames, filters)

st.title("Frontline & Diplomacy")
for notice in loaded.notices:
    st.info(literal(notice))  # notices name files and quote errors: never Markdown
st.caption(
    f"{len(view.events)} of {len(loaded.frames.events)} events · "
    f"{len(view.quotes)} of {len(loaded.frames.quotes)} quotes · "
    f"{len(loaded.frames.articles)} article(s) · "
    f"{literal(story_counts.story_counts(copies).label())}"
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
    timeline.render(view)
with right:
    quotes.render(view)
events_table.render(view)
