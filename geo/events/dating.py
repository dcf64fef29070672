"""When a sentence says something happened: one date rule shared by events and quotes.

Why shared: a quote's date (the day it was said) and the date of the statement event that
holds it are read from the same words, so they must come from the same rule or the panel
and the timeline disagree. The rule: among the resolved date expressions of a span, take the
finest, then the first; a date that only bounds the span ("siden 2018", "etter fredagens
møte", "before the summit") is not when it happened, and "N dager før X" counts back from X.
Dates inside a quote can be skipped (what was said is not when it was said).

Dates are looked up by position with ``bisect`` (:class:`DateIndex`), never by a scan of
every date of the article, so a long article with many quotes and events stays linear.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from geo.events.cues import CueTable
from geo.model import DateRef

__all__ = ["DateIndex", "PickedDate", "pick_date"]

_GRANULARITY_RANK: Final = {"day": 3, "month": 2, "year": 1}
_DAY_COUNT: Final = re.compile(r"(?:\w+\s+)?(?:dager|dagar|døgn|days?)\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PickedDate:
    """The date chosen for a span: ISO ``resolved`` at ``granularity``, and how (``basis``)."""

    resolved: str
    granularity: str
    basis: str


class DateIndex:
    """The article's resolved dates sorted by start, for span look-ups in ``O(log n + k)``."""

    def __init__(self, dates: Sequence[DateRef]) -> None:
        self.dates = sorted((d for d in dates if d.resolved is not None), key=lambda d: d.start)
        self.starts = [d.start for d in self.dates]

    def within(self, start: int, end: int) -> list[DateRef]:
        """Return the dates lying wholly inside ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [d for d in self.dates[lo:hi] if d.end <= end]


def _shift(resolved: str, days: int) -> str:
    return (dt.date.fromisoformat(resolved) + dt.timedelta(days=days)).isoformat()


def pick_date(
    text: str,
    table: CueTable,
    index: DateIndex,
    start: int,
    end: int,
    *,
    skip: Callable[[DateRef], bool] | None = None,
) -> PickedDate | None:
    """Return the date of the span ``[start, end)`` by the module's rule, or ``None``.

    Parameters
    ----------
    text, table
        The article text and its language's cue table (bounds, "N dager før", numbers).
    index
        The article's dates (:class:`DateIndex`).
    skip
        Dates to leave out (for instance those inside a quote).
    """
    best: tuple[int, int, PickedDate] | None = None
    for ref in index.within(start, end):
        if ref.resolved is None or (skip is not None and skip(ref)):
            continue
        before = text[max(start, ref.start - 20) : ref.start]
        resolved, granularity, basis = ref.resolved, ref.granularity or "day", "sentence"
        relative = table.relative_days.search(before)
        if relative is not None and granularity == "day":
            n = table.numbers.get(relative.group("n").lower())
            if n is None and relative.group("n").isdigit():
                n = int(relative.group("n"))
            if n is None:
                continue
            sign = -1 if relative.group("dir").lower() in ("før", "before") else 1
            resolved, basis = _shift(resolved, sign * n), "sentence-offset"
        elif table.date_bound.search(before) and not _DAY_COUNT.match(ref.surface):
            continue
        rank = (_GRANULARITY_RANK.get(granularity, 0), -ref.start)
        if best is None or rank > (best[0], best[1]):
            best = (rank[0], rank[1], PickedDate(resolved, granularity, basis))
    return best[2] if best is not None else None
