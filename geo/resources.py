"""Expensive, read-only resources the extractor needs, loaded once per process.

The gazetteer index, the actor registry and the named-entity model take time to load; the
CLI, the corpus builder, the benchmarks and the dashboard (through ``st.cache_resource``)
all share one instance.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from geo.extract.actors import ActorRegistry, load_registry
from geo.gazetteer.index import Gazetteer, load_gazetteer
from geo.ner.tagger import Recogniser, load_recogniser

__all__ = ["Resources", "load_resources"]


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the pipeline reads but never changes."""

    gazetteer: Gazetteer
    registry: ActorRegistry
    recogniser: Recogniser


@cache
def load_resources() -> Resources:
    """Load (or build and cache on disk) the gazetteer, the actor registry and the NER model."""
    return Resources(
        gazetteer=load_gazetteer(), registry=load_registry(), recogniser=load_recogniser()
    )
