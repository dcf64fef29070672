"""The eastern-front map: occupied area, latest advances, events on the front, claim check."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data, maps
from dashboard.filters import Filters, date_bounds
from dashboard.views import mapframe
from geo.frames import Frames

__all__ = ["front_day", "render"]


def front_day(view: Frames, filters: Filters) -> dt.date:
    """Return the day whose front is drawn: filter end, else last event's day, else today."""
    if filters.end:
        return filters.end
    bounds = date_bounds(view)
    return bounds[1] if bounds else dt.datetime.now(tz=dt.UTC).date()


def render(view: Frames, filters: Filters, *, fingerprint: str, tiles: bool) -> None:
    """Draw the front map for the filtered events and the claimed-vs-measured table."""
    front, notice = data.front_for_day(front_day(view, filters))
    if notice:
        st.caption(notice)
    fmap = maps.build_front_map(
        view.events,
        front=front,
        outlines=data.outlines("ukraine"),
        oblasts=data.oblast_outlines(),
        tiles=tiles,
        focus=mapframe.focus(),
    )
    mapframe.show(fmap, key="map_front")
    checked = data.claims(fingerprint, tuple(view.events["event_id"]), view.events)
    if checked is not None and len(checked):
        st.markdown("**Claimed vs measured advances**")
        shown = checked.drop(columns=[c for c in ("event_id", "article_id") if c in checked])
        st.dataframe(shown, hide_index=True)
