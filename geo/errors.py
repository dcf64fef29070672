"""Typed exceptions for the whole library, one small class per kind of failure.

Why: callers (the batch builder, the CLI, the dashboard) must tell *bad input* — which is
reported per file while the batch goes on — from *programming errors*, which must propagate.
Every class derives from :class:`GeoError` and from the matching built-in, so ``except
ValueError`` keeps working for callers that do not know this module. Messages say what went
wrong, where (path, line, column, offset) and how to fix it.
"""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "FetchError",
    "FrontMatterError",
    "GazetteerError",
    "GeoError",
    "RegistryError",
    "SchemaError",
    "SnapshotError",
]


class GeoError(Exception):
    """Base class of every error this library raises on purpose."""


class ArticleError(GeoError, ValueError):
    """An article file cannot be read: empty, binary, too large, undecodable."""


class FrontMatterError(ArticleError):
    """The front matter between ``---`` lines is malformed or holds an invalid value."""


class GazetteerError(GeoError, OSError):
    """The offline gazetteer cannot be built or loaded."""


class RegistryError(GeoError, ValueError):
    """A registry data file (actors, evacuation orders, frontline settlements) is invalid."""


class SchemaError(GeoError, ValueError):
    """A frame or record does not match its documented schema (see :mod:`geo.schema`)."""


class SnapshotError(GeoError, ValueError):
    """A frontline snapshot (GeoJSON/KML/KMZ) is malformed or holds no usable polygons."""


class FetchError(GeoError, OSError):
    """Downloading a remote file failed: timeout, HTTP error, or a corrupt body."""
