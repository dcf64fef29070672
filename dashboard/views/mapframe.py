"""Draw a folium map with streamlit-folium and report which event marker was clicked.

One place for the frame's options: every map uses the same height, and the click on an
event marker comes back as its id (the marker's tooltip carries ``fd-ref:<event id>`` as
hidden text), so the app can open that event's card on the timeline.
"""

from __future__ import annotations

import re
from typing import Any, Final

import folium
import streamlit as st
from streamlit_folium import st_folium

__all__ = ["HEIGHT", "KEY_FOCUS", "KEY_SELECTED", "clicked_event", "focus", "show"]

HEIGHT: Final = 520
#: Session key of the event chosen on the map or on the timeline (its id).
KEY_SELECTED: Final = "selected_event"
#: Session key of the event the timeline asked the map to show (its popup opens).
KEY_FOCUS: Final = "map_focus"
_REF: Final = re.compile(r"fd-ref:(\S+)")


def clicked_event(returned: Any) -> str | None:
    """Return the event id named by streamlit-folium's ``last_object_clicked_tooltip``."""
    if not isinstance(returned, dict):
        return None
    match = _REF.search(str(returned.get("last_object_clicked_tooltip") or ""))
    return match[1] if match else None


def focus() -> str | None:
    """Return the event the timeline asked the map to show, if any."""
    value = st.session_state.get(KEY_FOCUS)
    return str(value) if value else None


def show(fmap: folium.Map, *, key: str) -> None:
    """Draw ``fmap``; a click on an event marker makes it the selected event."""
    returned = st_folium(
        fmap,
        key=key,
        returned_objects=["last_object_clicked_tooltip"],
        height=HEIGHT,
        use_container_width=True,
    )
    picked = clicked_event(returned)
    seen_key = f"{key}_last_click"
    if picked and st.session_state.get(seen_key) != picked:
        st.session_state[seen_key] = picked
        st.session_state[KEY_SELECTED] = picked
