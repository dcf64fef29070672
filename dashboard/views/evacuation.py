"""The evacuation-zones map: zones ordered evacuated, dates, who must leave, method."""

from __future__ import annotations

import streamlit as st

from dashboard import data, maps, markup, tables
from dashboard.filters import Filters, filter_zones
from dashboard.literal import literal
from dashboard.views import mapframe
from dashboard.views.front import front_day
from geo.frames import Frames

__all__ = ["render"]


def render(
    corpus: Frames, view: Frames, filters: Filters, *, fingerprint: str, tiles: bool
) -> None:
    """Draw the zones (computed once per corpus and day, then filtered) and evacuation events."""
    day = front_day(view, filters)
    front, _ = data.front_for_day(day)
    zones, notice = data.evacuation_zones(fingerprint, day, corpus.events)
    if notice:
        st.caption(literal(markup.public_text(notice)))  # no server paths, no Markdown
    fmap = maps.build_evacuation_map(
        filter_zones(zones, filters),
        tables.with_article_links(view.events, view.articles),
        front=front,
        outlines=data.outlines("ukraine"),
        oblasts=data.oblast_outlines(),
        tiles=tiles,
        focus=mapframe.focus(),
    )
    mapframe.show(fmap, key="map_evacuation")
