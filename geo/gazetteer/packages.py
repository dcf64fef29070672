"""Installed versions of the registry packages the gazetteer reads its data from.

The gazetteer cache is keyed on these versions (:func:`geo.gazetteer.build.source_versions`),
so upgrading a data package rebuilds the index. An optional package that is not installed
reads as ``"missing"``, which keys the cache too (the index built without it).
"""

from __future__ import annotations

import importlib.metadata

__all__ = ["installed_version"]


def installed_version(distribution: str) -> str:
    """Return the installed version of ``distribution``, or ``"missing"`` if it is absent."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "missing"
