"""The story: the diplomacy timeline chart and headline cards, linked both ways with the map.

Choosing an event here (a point on the chart, or the picker) makes it the selected event
and asks the map to open it (:data:`dashboard.views.mapframe.KEY_FOCUS`); clicking a marker
on the map selects its event (:func:`dashboard.views.mapframe.show`), whose card is then
highlighted here and chosen in the picker. Choices are made in widget callbacks, which run
before the script, so the map drawn above already shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import streamlit as st

from dashboard import charts, markup, state
from dashboard.views import mapframe
from geo.frames import Frames

__all__ = ["KEY_CHART", "KEY_PICK", "MAX_CARDS", "render"]

KEY_PICK: Final = "timeline_pick"
KEY_CHART: Final = "timeline_chart"
#: Most story cards drawn (the newest); the caption says when more matched.
MAX_CARDS: Final = 60


def _chart_pick(event: object) -> str | None:
    selection = getattr(event, "selection", None)
    if selection is None and isinstance(event, Mapping):
        selection = event.get("selection")
    picked = selection.get(charts.SELECTION) if hasattr(selection, "get") else None
    if picked:
        first = picked[0]
        return str(first.get("event_id")) if hasattr(first, "get") else None
    return None


def _choose(event_id: str | None) -> None:
    """Select an event and ask the map to show it."""
    if event_id:
        st.session_state[mapframe.KEY_SELECTED] = event_id
        st.session_state[mapframe.KEY_FOCUS] = event_id


def _on_chart() -> None:
    _choose(_chart_pick(st.session_state.get(KEY_CHART)))


def _on_pick() -> None:
    _choose(st.session_state.get(KEY_PICK))


def _quotes_by_event(view: Frames) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    quotes = view.quotes[view.quotes["event_id"].notna()]
    for row in quotes.to_dict("records"):
        grouped.setdefault(str(row["event_id"]), []).append(row)
    return grouped


def render(view: Frames, *, events: Any = None) -> None:
    """Draw the timeline chart, the event picker and the story cards of the filtered events.

    ``events`` (default ``view.events``) may carry extra display columns (article links).
    """
    st.subheader("Timeline")
    events = view.events if events is None else events
    if events.empty:
        st.info("No events match the filters.")
        return
    lane = st.radio(
        "Lanes", charts.LANES, key=state.KEY_LANE, horizontal=True,
        format_func=lambda value: "one per actor" if value == "actor" else "one per type",
    )  # fmt: skip
    chart = charts.build_timeline(events, lane=lane)
    st.altair_chart(chart, on_select=_on_chart, key=KEY_CHART, width="stretch")

    story = charts.story_order(events, limit=MAX_CARDS)
    labels = charts.event_labels(story, limit=len(story))
    options = [str(eid) for eid in story["event_id"]]
    selected = st.session_state.get(mapframe.KEY_SELECTED)
    if selected in options and st.session_state.get(KEY_PICK) != selected:
        st.session_state[KEY_PICK] = selected  # a marker was clicked: its card is chosen
    picked = st.selectbox(
        "Show an event on the map",
        options=options,
        index=None,
        key=KEY_PICK,
        on_change=_on_pick,
        placeholder="Choose an event, or click a marker on the map",
        format_func=lambda eid: labels.get(eid, eid),
    )
    if picked in options:
        row = story[story["event_id"].astype(str) == picked].iloc[0].to_dict()
        st.html(markup.event_details_html(row))
    st.html(
        markup.story_html(
            story.to_dict("records"), _quotes_by_event(view), chosen=picked or selected
        )
    )
    if len(events) > len(story):
        st.caption(
            f"The story shows the newest {MAX_CARDS} dated events of {len(events)}; "
            "narrow the filters to see the others."
        )
