"""The table of filtered events, with GeoJSON and CSV downloads."""

from __future__ import annotations

import streamlit as st

from dashboard import tables
from geo.frames import Frames

__all__ = ["render"]


def render(view: Frames) -> None:
    """Draw the events table (text only: cells are never rendered as HTML) and downloads.

    The downloads do not rerun the app (``on_click="ignore"``): a rerun replaced the files
    behind both buttons, so a click on the second one while the first one's rerun was still
    settling asked for a file that no longer existed.
    """
    st.subheader(f"Events ({len(view.events)})")
    st.dataframe(tables.events_table(view.events), hide_index=True, width="stretch")
    left, right = st.columns(2)
    left.download_button(
        "Download GeoJSON",
        data=lambda: tables.events_geojson(view.events),  # built only when clicked
        file_name="events.geojson",
        mime="application/geo+json",
        key="download_geojson",
        on_click="ignore",  # no rerun: the other button's file stays valid (see below)
    )
    right.download_button(
        "Download CSV",
        data=lambda: tables.events_csv(view.events),
        file_name="events.csv",
        mime="text/csv",
        key="download_csv",
        on_click="ignore",
    )
