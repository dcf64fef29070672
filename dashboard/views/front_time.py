"""The eastern front in time: a day control with play, the day's change, the daily chart.

Used by :mod:`dashboard.views.front`. The days offered are those whose change the cached
DeepStateMap snapshots measure; when downloads are allowed (``geo.settings.ALLOW_FETCH``)
the snapshots of the corpus's period are fetched first with the gated, cached fetcher
(:func:`geo.layers.frontline.prefetch_front`: every file once, never twice), once per process
and period. Play advances the slider one day per :data:`PLAY_STEP_S` seconds to the end.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Final

import geopandas as gpd
import streamlit as st

from dashboard import front_time
from dashboard.filters import date_bounds
from dashboard.literal import literal
from geo import settings
from geo.frames import Frames
from geo.io.fetch import cached_snapshots
from geo.layers import front_history, frontline

__all__ = ["KEY_DAY", "KEY_PLAY", "PLAY_STEP_S", "day_control", "keep_playing", "render_history"]

KEY_DAY: Final = "front_day"
KEY_PLAY: Final = "front_playing"
KEY_PLAY_BUTTON: Final = "front_play_button"
KEY_RESTART: Final = "front_play_restart"
#: Seconds between two days while playing.
PLAY_STEP_S: float = 1.2
#: Longest period whose snapshots the app downloads by itself (days).
MAX_PREFETCH_DAYS: Final = 62


@st.cache_resource(show_spinner="Fetching the front line snapshots…", max_entries=4)
def _prefetch_period(start: dt.date, end: dt.date) -> tuple[str, ...]:
    """Download the snapshots of ``start``…``end`` (once per process); return problems."""
    problems: list[str] = []
    day = max(start, end - dt.timedelta(days=MAX_PREFETCH_DAYS))
    while day <= end:
        found = frontline.prefetch_front(day, timeout=settings.APP_FETCH_TIMEOUT_S)
        problems.extend(found)
        if any("timeout" in p or "cannot connect" in p for p in found):
            break  # the network is down: do not wait out a timeout per day
        day += dt.timedelta(days=1)
    return tuple(problems)


@st.cache_data(show_spinner="Measuring the daily change…", max_entries=8)
def _timeline(
    cached: tuple[str, ...], event_ids: tuple[str, ...], _events: gpd.GeoDataFrame
) -> front_history.FrontTimeline:
    """Measure every cached day and check the events' claims (keyed by files and events)."""
    return front_history.front_timeline(_events, cached_snapshots())


def _available(view: Frames) -> tuple[list[dt.date], front_history.FrontTimeline]:
    bounds = date_bounds(view)
    if settings.ALLOW_FETCH and bounds is not None:
        _prefetch_period(bounds[0], bounds[1])
    cached = tuple(sorted(p.name for p in cached_snapshots().values()))
    timeline = _timeline(cached, tuple(view.events["event_id"]), view.events)
    days = sorted(set(timeline.daily["day"]))
    return days, timeline


def day_control(view: Frames, wanted: dt.date | None) -> dt.date | None:
    """Draw the day slider and the play button; return the chosen day.

    Returns ``None`` when no day can be measured (nothing cached, offline): the
    view then draws the front for ``wanted`` as before.
    """
    days, timeline = _available(view)
    if not days:
        return None
    if st.session_state.pop(KEY_RESTART, False):
        st.session_state[KEY_DAY] = days[0]  # play pressed on the last day: from the start
    elif st.session_state.get(KEY_DAY) not in days:
        st.session_state[KEY_DAY] = front_time.default_day(days, wanted)
    elif st.session_state.get(KEY_PLAY):
        step = front_time.next_day(days, st.session_state[KEY_DAY])
        if step is not None:
            st.session_state[KEY_DAY] = step
        if step is None or front_time.next_day(days, step) is None:
            st.session_state[KEY_PLAY] = False  # the last day is shown: stop here
    slider, button = st.columns([8, 1])
    with slider:
        day: dt.date = st.select_slider(
            "Day", options=days, key=KEY_DAY, format_func=lambda d: f"{d:%d %b %Y}"
        )
    with button:
        playing = bool(st.session_state.get(KEY_PLAY))
        if st.button(literal("⏸ Pause" if playing else "▶ Play"), key=KEY_PLAY_BUTTON):
            st.session_state[KEY_PLAY] = not playing
            st.session_state[KEY_RESTART] = not playing and front_time.next_day(days, day) is None
            st.rerun()
    st.caption(literal(front_time.day_caption(timeline.daily, day)))
    return day


def render_history(view: Frames, day: dt.date | None) -> None:
    """Draw the day's change per oblast and the daily chart with the corpus's claims."""
    days, timeline = _available(view)
    if not days:
        return
    if day is not None:
        table = front_time.day_table(timeline.daily, day)
        if len(table):
            st.dataframe(table, hide_index=True)
    st.markdown("**Daily change of the occupied area, with the area claims of the articles**")
    st.altair_chart(front_time.build_change_chart(timeline.daily, timeline.claims))
    for problem in timeline.problems:
        st.caption(literal(problem))


def keep_playing() -> None:
    """While playing, wait one step and rerun (the control then advances the day)."""
    if st.session_state.get(KEY_PLAY):
        time.sleep(PLAY_STEP_S)
        st.rerun()
