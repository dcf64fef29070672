"""The diplomacy timeline; selecting an event (on the chart or in the list) shows its source."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, markup, state
from geo.frames import Frames

__all__ = ["KEY_PICK", "render"]

KEY_PICK = "timeline_pick"


def _chart_pick(event: object) -> str | None:
    selection = getattr(event, "selection", None) or {}
    picked = selection.get(charts.SELECTION) if hasattr(selection, "get") else None
    if picked:
        first = picked[0]
        return str(first.get("event_id")) if hasattr(first, "get") else None
    return None


def render(view: Frames) -> None:
    """Draw the timeline of the filtered events and the selected event's details."""
    st.subheader("Timeline")
    events = view.events
    if events.empty:
        st.info("No events match the filters.")
        return
    lane = st.radio(
        "Lanes", charts.LANES, key=state.KEY_LANE, horizontal=True,
        format_func=lambda value: "one per actor" if value == "actor" else "one per type",
    )  # fmt: skip
    chart = charts.build_timeline(events, lane=lane)
    event = st.altair_chart(chart, on_select="rerun", key="timeline_chart", width="stretch")
    labels = charts.event_labels(events)
    picked = _chart_pick(event)
    known = set(events["event_id"].astype(str))
    if picked not in known:
        picked = st.selectbox(
            "Event details",
            options=list(labels),
            key=KEY_PICK,
            format_func=lambda eid: labels.get(eid, eid),
        )
    if picked in known:
        row = events[events["event_id"].astype(str) == picked].iloc[0].to_dict()
        st.html(markup.event_details_html(row))
