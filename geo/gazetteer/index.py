"""PLACEHOLDER — to be replaced by the gazetteer helper (see module contract below).

Contract: ``load_gazetteer() -> Gazetteer`` (built once, cached on disk under
``settings.CACHE_DIR``); ``Gazetteer.lookup(name, *, country=None) -> tuple[Place, ...]``
returns candidates for a surface form (any spelling: nb/en/de transliteration, Cyrillic),
best first.
"""

from __future__ import annotations

from geo.model import Place


class Gazetteer:
    """Offline place index."""

    def lookup(self, name: str, *, country: str | None = None) -> tuple[Place, ...]:
        """Return candidate places for ``name``, best first."""
        return ()


def load_gazetteer() -> Gazetteer:
    """Load the gazetteer index."""
    return Gazetteer()
