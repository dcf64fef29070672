"""Stable identifiers: the same input always gives the same id (no counters, no randomness)."""

from __future__ import annotations

import hashlib

__all__ = ["make_id"]


def make_id(prefix: str, *parts: object) -> str:
    """Return ``"<prefix>_<12 hex>"`` from a SHA-1 of the parts.

    Examples
    --------
    >>> make_id("ev", "seed", 10, 20) == make_id("ev", "seed", 10, 20)
    True
    >>> make_id("ev", "a").startswith("ev_")
    True
    """
    joined = "\x1f".join(str(part) for part in parts)
    digest = hashlib.sha1(joined.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{prefix}_{digest[:12]}"
