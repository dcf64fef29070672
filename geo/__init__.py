"""Frontline & Diplomacy: news articles → places, actors, quotes, dates, events → GeoDataFrames.

A pure library (no Streamlit, no Folium). The public API is flat; see the submodules for the
stages and :mod:`geo.model` for the data contract between them.
"""

from geo.corpus import BatchResult, build_corpus, load_corpus
from geo.errors import (
    ArticleError,
    FetchError,
    FrontMatterError,
    GazetteerError,
    GeoError,
    RegistryError,
    SchemaError,
    SnapshotError,
)
from geo.frames import Frames, extractions_to_frames
from geo.io.articles import article_from_bytes, article_from_text, read_article
from geo.pipeline import extract_article
from geo.resources import Resources, load_resources

__all__ = [
    "ArticleError",
    "BatchResult",
    "FetchError",
    "Frames",
    "FrontMatterError",
    "GazetteerError",
    "GeoError",
    "RegistryError",
    "Resources",
    "SchemaError",
    "SnapshotError",
    "article_from_bytes",
    "article_from_text",
    "build_corpus",
    "extract_article",
    "extractions_to_frames",
    "load_corpus",
    "load_resources",
    "read_article",
]
