"""Extractions → GeoDataFrames (and back): the one place frames are built.

PLACEHOLDER for the functions; the :class:`Frames` container is the contract the dashboard
reads. Columns of each frame are documented in :mod:`geo.schema`.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

__all__ = ["Frames"]


@dataclass(frozen=True)
class Frames:
    """The frames of a corpus; see :mod:`geo.schema` for every column."""

    places: gpd.GeoDataFrame
    events: gpd.GeoDataFrame
    quotes: gpd.GeoDataFrame
    actors: pd.DataFrame
    articles: pd.DataFrame
