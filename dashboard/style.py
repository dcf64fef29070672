"""Colours, groups and labels per event type: one table the maps, the timeline and legends share.

The event taxonomy (:mod:`geo.events`) names types such as ``"meeting"``, ``"call"`` or
``"evacuation_order"``; this module sorts any such name into the map it belongs on by keyword,
so a renamed or added type still lands on a sensible map instead of disappearing.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = [
    "ADVANCE_COLOUR",
    "BASEMAP_FILL",
    "BASEMAP_STROKE",
    "CAPITAL_COLOUR",
    "EVENT_MARKER_CLASS",
    "LINE_COLOUR",
    "LINK_CLASS",
    "OCCUPIED_COLOUR",
    "OUTLINE_CLASS",
    "SHAPE_CLASS",
    "VENUE_COLOUR",
    "ZONE_COLOUR",
    "MapGroup",
    "event_colour",
    "is_connection",
    "map_group",
]

MapGroup = Literal["diplomacy", "front", "evacuation"]

#: CSS classes of what maps draw (the browser test counts SVG paths by them).
EVENT_MARKER_CLASS: Final = "fd-event"
LINK_CLASS: Final = "fd-link"
SHAPE_CLASS: Final = "fd-shape"
OUTLINE_CLASS: Final = "fd-outline"
BASEMAP_FILL: Final = "#eceae4"
BASEMAP_STROKE: Final = "#8a8a8a"
OCCUPIED_COLOUR: Final = "#b03a2e"
ADVANCE_COLOUR: Final = "#f39c12"
ZONE_COLOUR: Final = "#8e44ad"
CAPITAL_COLOUR: Final = "#1f618d"
VENUE_COLOUR: Final = "#117a65"
LINE_COLOUR: Final = "#2e86c1"

_FRONT_WORDS: Final = ("advance", "territor", "strike", "attack", "military", "offensive")
_EVACUATION_WORDS: Final = ("evacuat",)
_CONNECTION_WORDS: Final = ("meeting", "summit", "call")

_COLOURS: Final = (
    ("summit", "#117a65"),
    ("meeting", "#117a65"),
    ("call", "#2e86c1"),
    ("statement", "#5d6d7e"),
    ("threat", "#c0392b"),
    ("sanction", "#7d3c98"),
    ("ceasefire", "#27ae60"),
    ("peace", "#27ae60"),
    ("proposal", "#27ae60"),
    ("guarantee", "#d4ac0d"),
    ("aid", "#d4ac0d"),
    ("advance", "#e67e22"),
    ("territor", "#e67e22"),
    ("strike", "#922b21"),
    ("attack", "#922b21"),
    ("evacuat", "#8e44ad"),
)
_DEFAULT_COLOUR: Final = "#566573"


def map_group(event_type: str) -> MapGroup:
    """Return the map an event type belongs on.

    Examples
    --------
    >>> map_group("evacuation_order"), map_group("advance"), map_group("call")
    ('evacuation', 'front', 'diplomacy')
    """
    lowered = event_type.lower()
    if any(word in lowered for word in _EVACUATION_WORDS):
        return "evacuation"
    if any(word in lowered for word in _FRONT_WORDS):
        return "front"
    return "diplomacy"


def is_connection(event_type: str) -> bool:
    """Return whether the event links its participants (a meeting or a call) with lines.

    Examples
    --------
    >>> is_connection("phone_call"), is_connection("statement")
    (True, False)
    """
    lowered = event_type.lower()
    return any(word in lowered for word in _CONNECTION_WORDS)


def event_colour(event_type: str) -> str:
    """Return the hex colour of an event type (grey for a type this table does not know)."""
    lowered = event_type.lower()
    for word, colour in _COLOURS:
        if word in lowered:
            return colour
    return _DEFAULT_COLOUR
