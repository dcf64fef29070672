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
    "LABEL_CLASS",
    "LINE_COLOUR",
    "LINK_CLASS",
    "OCCUPIED_COLOUR",
    "OUTLINE_CLASS",
    "SHAPE_CLASS",
    "SYMBOLS",
    "VENUE_COLOUR",
    "ZONE_COLOUR",
    "MapGroup",
    "event_colour",
    "event_symbol",
    "is_connection",
    "map_group",
]

MapGroup = Literal["diplomacy", "front", "evacuation"]

#: CSS classes of what maps draw (the browser test counts SVG paths by them).
EVENT_MARKER_CLASS: Final = "fd-event"
LINK_CLASS: Final = "fd-link"
SHAPE_CLASS: Final = "fd-shape"
OUTLINE_CLASS: Final = "fd-outline"
LABEL_CLASS: Final = "fd-label"
OBLAST_STROKE: Final = "#6b6b6b"
BASEMAP_FILL: Final = "#eceae4"
BASEMAP_STROKE: Final = "#8a8a8a"
OCCUPIED_COLOUR: Final = "#b03a2e"
ADVANCE_COLOUR: Final = "#f39c12"
ZONE_COLOUR: Final = "#8e44ad"
CAPITAL_COLOUR: Final = "#1f618d"
VENUE_COLOUR: Final = "#d4ac0d"
LINE_COLOUR: Final = "#2e86c1"

_FRONT_WORDS: Final = ("advance", "territor", "strike", "attack", "military", "offensive")
_EVACUATION_WORDS: Final = ("evacuat",)
_CONNECTION_WORDS: Final = ("meeting", "summit", "call")

#: keyword in the type -> (colour, Font Awesome solid glyph, legend label). First match wins.
#: No colour repeats, and none is the front line's red or the advances' orange.
SYMBOLS: Final[tuple[tuple[str, tuple[str, str, str]], ...]] = (
    ("summit", ("#117a65", "handshake", "Meeting / summit")),
    ("meeting", ("#117a65", "handshake", "Meeting / summit")),
    ("call", ("#2e86c1", "phone", "Phone call")),
    ("statement", ("#5d6d7e", "comment", "Statement")),
    ("threat", ("#7e5109", "triangle-exclamation", "Threat")),
    ("sanction", ("#b7950b", "ban", "Sanction")),
    ("ceasefire", ("#27ae60", "dove", "Ceasefire / peace proposal")),
    ("peace", ("#27ae60", "dove", "Ceasefire / peace proposal")),
    ("proposal", ("#27ae60", "dove", "Ceasefire / peace proposal")),
    ("guarantee", ("#1a5276", "shield-halved", "Security guarantee / aid")),
    ("aid", ("#1a5276", "shield-halved", "Security guarantee / aid")),
    ("advance", ("#4a235a", "arrow-trend-up", "Advance / territory claim")),
    ("territor", ("#4a235a", "arrow-trend-up", "Advance / territory claim")),
    ("strike", ("#17202a", "burst", "Strike / attack")),
    ("attack", ("#17202a", "burst", "Strike / attack")),
    ("evacuat", ("#0e6251", "person-walking-arrow-right", "Evacuation")),
)
_DEFAULT_SYMBOL: Final = ("#566573", "circle", "Other event")
_COLOURS: Final = tuple((word, symbol[0]) for word, symbol in SYMBOLS)
_DEFAULT_COLOUR: Final = _DEFAULT_SYMBOL[0]


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


def event_symbol(event_type: str) -> tuple[str, str, str]:
    """Return ``(colour, Font Awesome glyph, legend label)`` of an event type.

    Examples
    --------
    >>> event_symbol("phone_call")
    ('#2e86c1', 'phone', 'Phone call')
    """
    lowered = event_type.lower()
    for word, symbol in SYMBOLS:
        if word in lowered:
            return symbol
    return _DEFAULT_SYMBOL


def event_colour(event_type: str) -> str:
    """Return the hex colour of an event type (grey for a type this table does not know)."""
    lowered = event_type.lower()
    for word, colour in _COLOURS:
        if word in lowered:
            return colour
    return _DEFAULT_COLOUR
