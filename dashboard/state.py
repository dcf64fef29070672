"""Streamlit state: widget keys, and the filters' round trip through ``st.query_params``.

The codec is pure (:func:`dashboard.filters.to_query`/``from_query``); this module only moves
values between the URL, ``st.session_state`` and the widgets. On a session's first run the
widgets start from the URL, so a shared link opens the same view.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from dashboard.filters import QUERY_KEYS, Filters, from_query, to_query

__all__ = [
    "KEY_ACTORS",
    "KEY_COUNTRIES",
    "KEY_DATES",
    "KEY_LANE",
    "KEY_TEXT",
    "KEY_TILES",
    "KEY_TYPES",
    "KEY_UNDATED",
    "KEY_VIEW",
    "KEY_WIDEN",
    "VIEWS",
    "VIEW_KEY_IN_URL",
    "filters_from_url",
    "initial_view",
    "seed_once",
    "write_url",
]

KEY_DATES: Final = "filter_dates"
KEY_ACTORS: Final = "filter_actors"
KEY_TYPES: Final = "filter_types"
KEY_COUNTRIES: Final = "filter_countries"
KEY_TEXT: Final = "filter_text"
KEY_UNDATED: Final = "filter_undated"
#: Set when an article was added: the date range then opens to the corpus's full span.
KEY_WIDEN: Final = "filter_widen_dates"
KEY_TILES: Final = "map_tiles"
KEY_VIEW: Final = "map_view"
KEY_LANE: Final = "timeline_lane"
VIEWS: Final = ("Diplomacy", "Eastern front", "Evacuation zones")
VIEW_KEY_IN_URL: Final = "view"
_SLUGS: Final = {
    "Diplomacy": "diplomacy",
    "Eastern front": "front",
    "Evacuation zones": "evacuation",
}


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in (*QUERY_KEYS, VIEW_KEY_IN_URL)}


def filters_from_url() -> Filters:
    """Return the filters the URL asks for (empty filters when it asks for none)."""
    return from_query(_url_params())


def initial_view() -> str:
    """Return the map view the URL names (``?view=front``), else the first view."""
    wanted = st.query_params.get(VIEW_KEY_IN_URL)
    for label, slug in _SLUGS.items():
        if wanted == slug:
            return label
    return VIEWS[0]


def seed_once(key: str, value: object) -> None:
    """Give a widget its first value (from the URL) once per session; later the user's wins."""
    if key not in st.session_state:
        st.session_state[key] = value


def write_url(filters: Filters, view: str | None) -> None:
    """Put the filters and the view in the URL, touching it only when something changed."""
    wanted = to_query(filters)
    if view and view in _SLUGS and view != VIEWS[0]:
        wanted[VIEW_KEY_IN_URL] = [_SLUGS[view]]
    current = {k: v for k, v in _url_params().items() if v}
    if current != wanted:
        st.query_params.from_dict(wanted)
