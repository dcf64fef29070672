"""The eastern-front map: occupied area, the day's advances, events on the front, claim check.

A day control (:mod:`dashboard.views.front_time`) steps through the days the cached
DeepStateMap snapshots measure; the map shows that day's front and events, and below it the
corpus's claim check and the daily gains and losses per oblast.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data, front_time, maps, markup, tables
from dashboard.filters import Filters, date_bounds
from dashboard.literal import literal
from dashboard.views import front_time as front_time_view
from dashboard.views import mapframe
from geo import settings
from geo.frames import Frames

__all__ = ["front_day", "render"]


def front_day(view: Frames, filters: Filters) -> dt.date:
    """Return the day whose front is drawn: filter end, else last event's day, else today."""
    if filters.end:
        return filters.end
    bounds = date_bounds(view)
    return bounds[1] if bounds else dt.datetime.now(tz=dt.UTC).date()


def render(view: Frames, filters: Filters, *, fingerprint: str, tiles: bool) -> None:
    """Draw the front map of the chosen day, the claim check and the front's history."""
    day = front_time_view.day_control(view, front_day(view, filters))
    events = front_time.events_on(view.events, day) if day else view.events
    front, notice = data.front_for_day(day or front_day(view, filters))
    if notice:
        st.caption(literal(markup.public_text(notice)))  # no server paths, no Markdown
    fmap = maps.build_front_map(
        tables.with_article_links(events, view.articles),
        front=front,
        outlines=data.outlines("ukraine"),
        oblasts=data.oblast_outlines(),
        tiles=tiles,
        focus=mapframe.focus(),
    )
    mapframe.show(fmap, key="map_front")
    _claim_check(view, fingerprint)
    front_time_view.render_history(view, day)
    front_time_view.keep_playing()


def _claim_check(view: Frames, fingerprint: str) -> None:
    """Draw what the articles claim against what the snapshots measure, with a CSV download."""
    checked = data.claims(fingerprint, tuple(view.events["event_id"]), view.events)
    if checked is None or not len(checked):
        return
    st.markdown("**Claim check: what the articles claim against what the snapshots measure**")
    reason = tables.not_measured_reason(checked, offline=not settings.ALLOW_FETCH)
    if reason:
        st.warning(literal(reason))
    verdict = tables.claims_verdict(checked)
    st.dataframe(
        verdict,
        hide_index=True,
        width="stretch",
        column_config={
            "Why they differ": st.column_config.TextColumn(width="large"),
            "The article says": st.column_config.TextColumn(width="large"),
        },
    )
    st.download_button(
        "Download the claim check (CSV)",
        data=tables.claims_csv(checked),
        file_name="claim-check.csv",
        mime="text/csv",
        key="download_claims",
    )
