"""The diplomacy map: summit venue, capitals and leaders, lines for calls and meetings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, maps, tables
from dashboard.literal import literal
from dashboard.views import mapframe
from geo.frames import Frames

__all__ = ["render"]


def render(view: Frames, *, tiles: bool) -> None:
    """Draw the map of the filtered diplomatic events."""
    venue, distances = data.diplomacy_venue()
    fmap = maps.build_diplomacy_map(
        tables.with_article_links(view.events, view.articles),
        view.actors,
        venue=venue,
        distances=distances,
        outlines=data.outlines("world"),
        tiles=tiles,
        focus=mapframe.focus(),
    )
    mapframe.show(fmap, key="map_diplomacy")
    sentences = tables.distance_sentences(view)
    if sentences and distances:
        st.caption("The article says: " + literal(" / ".join(f"“{s}”" for s in sentences)))
        st.dataframe(
            pd.DataFrame({"to": list(distances), "km": [round(v) for v in distances.values()]}),
            hide_index=True,
        )
