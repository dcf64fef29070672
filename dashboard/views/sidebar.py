"""Sidebar filters: date range, undated items, actors (any spelling), types, countries, text.

Nothing is hidden silently: the undated choice names how many events and quotes have no
date, and after an article is added the date range opens to the whole corpus again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import streamlit as st

from dashboard import data, state
from dashboard import filters as flt
from dashboard.literal import literal
from geo.frames import Frames

__all__ = ["render"]


def _date_range(frames: Frames, wanted: flt.Filters) -> tuple[dt.date | None, dt.date | None]:
    bounds = flt.date_bounds(frames)
    if bounds is None:
        st.sidebar.caption("No dated events yet.")
        return wanted.start, wanted.end
    low, high = bounds
    if st.session_state.pop(state.KEY_WIDEN, False):  # an article was just added
        st.session_state[state.KEY_DATES] = (low, high)
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


def _undated(frames: Frames, wanted: flt.Filters) -> bool:
    events, quotes = flt.undated_counts(frames)
    state.seed_once(state.KEY_UNDATED, wanted.undated)
    if not (events or quotes):
        return bool(st.session_state[state.KEY_UNDATED])
    return st.sidebar.checkbox(
        literal(f"Include undated ({events} events, {quotes} quotes)"),
        key=state.KEY_UNDATED,
        help="Items whose text states no date cannot be placed in the date range; "
        "choose whether they are shown.",
    )


def _canonicalise(index: Mapping[str, str]) -> None:
    """Turn spellings typed in the actor box (Zelenskyj, Зеленський) into registry names.

    Runs before the widget is drawn, so the box then shows the registry name.
    """
    typed = st.session_state.get(state.KEY_ACTORS)
    if typed:
        canonical = list(flt.canonical_actors(typed, index))
        if canonical != list(typed):
            st.session_state[state.KEY_ACTORS] = canonical


def _actors(frames: Frames, wanted: flt.Filters) -> tuple[str, ...]:
    index = data.actor_spellings()
    counts = dict(flt.actor_counts(frames))
    state.seed_once(state.KEY_ACTORS, list(flt.canonical_actors(wanted.actors, index)))
    _canonicalise(index)
    chosen = st.sidebar.multiselect(
        "Actors",
        options=list(counts),
        key=state.KEY_ACTORS,
        format_func=lambda name: f"{name} ({counts[name]})" if name in counts else name,
        accept_new_options=True,
        help="Any spelling the registry knows works: type Zelenskyj or Зеленський and press "
        "Enter. An actor matches as speaker, actor or the other side of a call or meeting.",
    )
    return flt.canonical_actors(chosen, index)


def render(frames: Frames) -> flt.Filters:
    """Draw the filter widgets (first values from the URL) and return the chosen filters."""
    wanted = state.filters_from_url()
    st.sidebar.header("Filters")
    start, end = _date_range(frames, wanted)
    undated = _undated(frames, wanted)
    actors = _actors(frames, wanted)
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
        actors=actors,
        types=tuple(chosen_types),
        countries=tuple(chosen_countries),
        text=text,
        undated=undated,
    )
