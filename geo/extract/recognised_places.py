"""Where the recogniser and the gazetteer meet on places: vetoes and additions.

The gazetteer knows where places are; the recogniser (:mod:`geo.ner`) knows which words in
this sentence are names. Two rules combine them:

- **Veto** (precision): a gazetteer match that the recogniser does not see as a name is
  dropped when it is a common word of the article's language (``wordfreq``: "Medan",
  "University", "God" are places somewhere) or stands where a capital letter proves
  nothing (a sentence start), unless it is a country or a curated place of the story. A
  match inside a longer product or event name ("Oslo Maraton") is dropped too.
- **Addition** (recall): a name the recogniser calls a place that no gazetteer rule found
  becomes a place mention, resolved when the gazetteer spells it (also as a Norwegian
  genitive) and otherwise kept unresolved (``place=None``) like any unknown place.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from geo.gazetteer.build import fold_key
from geo.gazetteer.index import Gazetteer
from geo.model import EntitySpan, PlaceMention
from geo.ner.features import FREQUENCIES, group_of

__all__ = ["COMMON_ZIPF", "recognised_places", "vetoed"]

#: Zipf frequency (log10 per billion words) from which a lower-case word is common.
COMMON_ZIPF = 4.5
#: Gazetteer rank from which a name is never taken for a common word (regions, cities of
#: about 180,000 people and more: "Washington", "Europe" are frequent words too).
_COMMON_SAFE_RANK = 50.0
_LONGEST = 200  # characters: no name is longer
_SENTENCE_END = frozenset(".!?:\n")
_OPENERS = frozenset(" \t«\"“”'‘(–—-•*")


def _overlapping(
    entities: Sequence[EntitySpan], starts: Sequence[int], start: int, end: int
) -> list[EntitySpan]:
    """Return the entities overlapping ``[start, end)`` (``starts``: their sorted starts)."""
    i = bisect.bisect_left(starts, end)
    j = i
    while j > 0 and entities[j - 1].start > start - _LONGEST:
        j -= 1
    return [e for e in entities[j:i] if e.end > start]


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def vetoed(
    text: str,
    start: int,
    end: int,
    *,
    safe: bool,
    rank: float,
    entities: Sequence[EntitySpan],
    starts: Sequence[int],
    lang: str,
) -> bool:
    """Tell whether the recogniser's view vetoes the gazetteer match ``text[start:end]``.

    ``safe`` marks a match only a longer name or a common word vetoes (a country, a place
    of the war's theatre); ``rank`` is its gazetteer rank (countries and capitals are never
    common words); ``starts`` are the entities' sorted starts.
    """
    around = _overlapping(entities, starts, start, end)
    native = lang != "en"  # the English model is transferred: its "place" proves less
    for entity in around:
        if entity.label in ("LOC", "GPE") and native:
            return False
        if entity.label == "MISC" and " " in entity.surface and not safe and native:
            return True  # a product's or an event's name ("Oslo Maraton") is no place
    surface = text[start:end]
    if " " in surface or "-" in surface or surface.isupper():
        return False
    if (
        rank < _COMMON_SAFE_RANK
        and FREQUENCIES.zipf(surface.lower(), group_of(lang)) >= COMMON_ZIPF
    ):
        return True
    if safe or any(e.label in ("LOC", "GPE") for e in around):
        return False
    # The Norwegian model is trained on the language itself: at a sentence start, where a
    # capital letter proves nothing, its silence counts. The English model is transferred.
    return not around and lang != "en" and _sentence_initial(text, start)


def recognised_places(
    text: str,
    gazetteer: Gazetteer,
    entities: Sequence[EntitySpan],
    taken: Sequence[tuple[int, int]],
    lang: str,
) -> list[PlaceMention]:
    """Return place mentions for the recogniser's places that overlap no found place."""
    out: list[PlaceMention] = []
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    if lang == "en":
        return out  # the transferred English model adds no places, it only vetoes
    for entity in entities:
        if entity.label != "LOC":
            continue
        i = bisect.bisect_left(starts, entity.end)
        if any(s < entity.end and entity.start < e for s, e in spans[max(0, i - 8) : i]):
            continue
        surface = entity.surface
        options = gazetteer.candidates(fold_key(surface), lang=lang)
        if not options and lang != "en" and surface.endswith("s") and len(surface) > 3:
            options = gazetteer.candidates(fold_key(surface[:-1]), lang=lang)
        place = gazetteer.place(options[0][0]) if options else None
        out.append(PlaceMention(surface, entity.start, entity.end, place))
    return out
