"""The eastern-front map: occupied area, latest advances, events on the front, claim check."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data, maps, markup, tables
from dashboard.filters import Filters, date_bounds
from dashboard.literal import literal
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
    """Draw the front map for the filtered events and the claimed-vs-measured table."""
    front, notice = data.front_for_day(front_day(view, filters))
    if notice:
        st.caption(literal(markup.public_text(notice)))  # no server paths, no Markdown
    fmap = maps.build_front_map(
        tables.with_article_links(view.events, view.articles),
        front=front,
        outlines=data.outlines("ukraine"),
        oblasts=data.oblast_outlines(),
        tiles=tiles,
        focus=mapframe.focus(),
    )
    mapframe.show(fmap, key="map_front")
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
