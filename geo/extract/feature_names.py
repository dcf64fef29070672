"""English names of streets, natural features and landmarks, recognised by their head word.

A gazetteer of settlements and divisions cannot list every street, lake or stadium, yet news
names them as places ("on Larchmont Avenue", "near Lake Wendell", "at Brightwater
Stadium"). English writes such names with a capitalised generic head word before or after
the proper part, which marks them as places whether or not any list knows them:

- a run of one to three capitalised words followed by a head such as ``Street``, ``Avenue``,
  ``Bridge``, ``Lake``, ``Island``, ``Stadium`` (:data:`HEADS_AFTER`);
- ``Lake``, ``Mount``, ``Mt.``, ``Cape`` before one to three capitalised words
  (:data:`HEADS_BEFORE`).

The head must be capitalised (so "the city's main street" gives nothing) and the run must not
start with a function word ("The", "A") nor hold a title ("President Park" is a person).
Names the gazetteer spells are resolved; the rest are kept unresolved (``place=None``), like
any unknown place. Heads that also end organisations' names ("Hospital", "Center", "Hall")
are not listed: an organisation's name is no place.
This is English only: Norwegian writes these names as one compound word
("Storgata", "Mjøsa"), which the Norwegian recogniser learnt from NorNE.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from geo.gazetteer.build import fold_key
from geo.gazetteer.index import Gazetteer
from geo.lexicon import places_en
from geo.model import PlaceMention
from geo.ner.lexicon import TITLE

__all__ = ["HEADS_AFTER", "HEADS_BEFORE", "feature_names"]


#: Generic words that end a place's name in English (streets, water, land, landmarks).
def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


HEADS_AFTER: frozenset[str] = _words(
    """
    Street Avenue Road Drive Boulevard Lane Parade Highway Expressway Square Plaza Bridge
    Lake Lagoon River Creek Canal Bay Beach Island Islands Peninsula Valley Mountains
    Hills Heights Forest Desert Park Gardens Point Falls Harbour Harbor Reservoir Glacier
    Stadium Racecourse Racetrack Airport Castle Cathedral Palace Theatre Township Estate
    """
)
#: Generic words that open a place's name in English.
HEADS_BEFORE: frozenset[str] = frozenset({"Lake", "Mount", "Mt.", "Cape"})

_WORD = r"[A-Z][\w'’\-]*[\w]|[A-Z]\.?|\d+(?:st|nd|rd|th)"
_RUN = rf"(?:(?:{_WORD}) ){{1,3}}"
_AFTER = "|".join(sorted(HEADS_AFTER, key=len, reverse=True))
_BEFORE = "|".join(re.escape(h) for h in sorted(HEADS_BEFORE, key=len, reverse=True))
_PATTERN = re.compile(
    rf"(?=[A-Z\d])(?<![\w'’.\-])(?:(?P<run>{_RUN})(?P<head>{_AFTER})"
    rf"|(?P<pre>{_BEFORE}) (?P<name>(?:{_WORD})(?: (?:{_WORD})){{0,2}}))(?![\w'’\-])"
)
_FUNCTION = frozenset(w.lower() for w in places_en.FUNCTION_WORDS) | {
    "the",
    "a",
    "an",
    "this",
    "that",
    "on",
    "in",
    "at",
    "of",
    "and",
    "or",
    "by",
    "to",
    "from",
    "for",
}


_TITLES = frozenset(w.rstrip(".") for w in TITLE["en"])


def _trimmed(text: str, start: int, end: int) -> int | None:
    """Return where the name starts once leading function words are cut, or None if empty."""
    words = text[start:end].split(" ")
    offset = start
    for word in words[:-1]:
        if word.lower() not in _FUNCTION and not word.endswith((".", ",")):
            return offset
        offset += len(word) + 1
    return None


def feature_names(
    text: str, gazetteer: Gazetteer, taken: Sequence[tuple[int, int]], lang: str
) -> list[PlaceMention]:
    """Return English street, water, land and landmark names that overlap no found place.

    Parameters
    ----------
    text
        The article text.
    gazetteer
        Resolves the names it spells ("Lake Geneva"); others stay unresolved.
    taken
        Spans of the places already found: a name overlapping one is left to it.
    lang
        The article's language; only English is read (see the module docstring).
    """
    if lang != "en":
        return []
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    out: list[PlaceMention] = []
    for match in _PATTERN.finditer(text):
        if match.group("run") is not None:
            start = _trimmed(text, match.start(), match.end())
        else:
            start = match.start()
        end = match.end()
        if start is None or any(
            w.lower().rstrip(".") in _TITLES for w in text[start:end].split(" ")[:-1]
        ):
            continue  # "President Park" is a person
        i = bisect_left(starts, end)
        if i > 0 and reach[i - 1] > start:
            continue
        surface = text[start:end]
        options = gazetteer.candidates(fold_key(surface), lang=lang)
        place = gazetteer.place(options[0][0]) if options else None
        out.append(PlaceMention(surface, start, end, place))
    return out
