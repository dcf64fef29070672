"""Sidebar filters: date range, actors (with counts), event types, countries, free text."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import filters as flt
from dashboard import state
from geo.frames import Frames

__all__ = ["render"]


def _date_range(frames: Frames, wanted: flt.Filters) -> tuple[dt.date | None, dt.date | None]:
    bounds = flt.date_bounds(frames)
    if bounds is None:
        st.sidebar.caption("No dated events yet.")
        return wanted.start, wanted.end
    low, high = bounds
    start = min(max(wanted.start or low, low), high)
    end = max(min(wanted.end or high, high), low)
    state.seed_once(state.KEY_DATES, (start, end))
    picked = st.sidebar.date_input(
        "Date range", key=state.KEY_DATES, min_value=low, max_value=high, format="YYYY-MM-DD"
    )
    chosen = tuple(picked) if isinstance(picked, list | tuple) else (picked,)
    if len(chosen) < 2:  # the user is between the two clicks of a range
        chosen = (chosen[0], chosen[0]) if chosen else (low, high)
    first, last = chosen[0], chosen[1]
    return (None if first <= low else first), (None if last >= high else last)


def render(frames: Frames) -> flt.Filters:
    """Draw the filter widgets (first values from the URL) and return the chosen filters."""
    wanted = state.filters_from_url()
    st.sidebar.header("Filters")
    start, end = _date_range(frames, wanted)

    counts = dict(flt.actor_counts(frames))
    state.seed_once(state.KEY_ACTORS, [a for a in wanted.actors if a in counts])
    actors = st.sidebar.multiselect(
        "Actors",
        options=list(counts),
        key=state.KEY_ACTORS,
        format_func=lambda name: f"{name} ({counts.get(name, 0)})",
    )
    types = flt.type_options(frames)
    state.seed_once(state.KEY_TYPES, [t for t in wanted.types if t in types])
    chosen_types = st.sidebar.multiselect("Event types", options=types, key=state.KEY_TYPES)
    countries = flt.country_options(frames)
    state.seed_once(state.KEY_COUNTRIES, [c for c in wanted.countries if c in countries])
    chosen_countries = st.sidebar.multiselect(
        "Countries (event place)", options=countries, key=state.KEY_COUNTRIES
    )
    state.seed_once(state.KEY_TEXT, wanted.text)
    text = st.sidebar.text_input("Search text", key=state.KEY_TEXT, placeholder="e.g. Alaska")
    st.sidebar.checkbox(
        "Background tiles (needs internet)",
        key=state.KEY_TILES,
        help="Country outlines are always drawn offline; tiles add streets and terrain.",
    )
    return flt.Filters(
        start=start,
        end=end,
        actors=tuple(actors),
        types=tuple(chosen_types),
        countries=tuple(chosen_countries),
        text=text,
    )
