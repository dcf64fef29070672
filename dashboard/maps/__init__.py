"""Pure map builders: frames in, ``folium.Map`` out (no Streamlit).

One module per map over shared layer builders, so a map can be changed without reading the
others: :mod:`.diplomacy`, :mod:`.front`, :mod:`.evacuation` use :mod:`.layers` (outlines,
clustered event markers, decluttered labels, the legend), :mod:`.places` (capitals, towns,
oblast names from registry packages) and :mod:`.assets` (Leaflet and friends served by the
app itself). Every text from an article goes through :mod:`dashboard.markup` first.
"""

from __future__ import annotations

from dashboard.maps.diplomacy import build_diplomacy_map, link_features, place_at_capitals
from dashboard.maps.evacuation import build_evacuation_map
from dashboard.maps.front import build_front_map
from dashboard.maps.layers import (
    EVENTS_LAYER,
    MAX_MARKERS,
    FeatureLayer,
    FrontLike,
    VenueLike,
    add_outlines,
    event_features,
    map_html,
    newest_first,
    script_json,
)
from dashboard.maps.places import capital_of

__all__ = [
    "EVENTS_LAYER",
    "MAX_MARKERS",
    "FeatureLayer",
    "FrontLike",
    "VenueLike",
    "add_outlines",
    "build_diplomacy_map",
    "build_evacuation_map",
    "build_front_map",
    "capital_of",
    "event_features",
    "link_features",
    "map_html",
    "newest_first",
    "place_at_capitals",
    "script_json",
]
