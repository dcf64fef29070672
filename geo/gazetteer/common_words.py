"""Which one-word names are ordinary words (or first names) that must not become places.

Why: GeoNames lists "Bank" as a name of an Indian town, "Keith" for Bay Shore (New York),
"Police" is a Polish town and "Göd" a Hungarian one; indexed as they are, every "Bank",
"Keith", "Police" and "God" in an article became a place on the far side of the world. Word
frequencies from ``wordfreq`` (English and Norwegian Bokmål news, subtitles, web text) tell
an ordinary word from a rare name; the build consults them once, so the hot path pays nothing.

Norwegian frequencies count only for the own names of places outside Norway: Norwegian text
writes its own place names ("Bergen", "Askøy") and its exonyms ("Haag") so often that they
rank as common Norwegian words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from geo.errors import GazetteerError

__all__ = [
    "ALIAS_MAX_ZIPF",
    "DIVISION_MAX_ZIPF",
    "OWN_MAX_ZIPF",
    "SMALL_DIVISION_MAX_ZIPF",
    "WordFrequencies",
    "load_frequencies",
]

#: An alternate (not own) one-word name more frequent than this (Zipf scale: 3 = once per
#: million words) is not indexed: "Keith", "Julia", "Luck", "Media" are words and names first.
ALIAS_MAX_ZIPF = 3.0
#: A settlement's own one-word name more frequent than this is not indexed unless the place
#: is large (see build): "Police", "God" (Göd), "Star", "Hell".
OWN_MAX_ZIPF = 4.5
#: A division's own one-word name more frequent than this is not indexed ("Centre",
#: "Central", "Capital" are regions of some countries).
DIVISION_MAX_ZIPF = 4.5
#: The same for a small second-level division (see ``build.DIVISION_COMMON_MIN_POPULATION``):
#: its name is more often a first name or a word than the division ("Hanna", "Ora").
SMALL_DIVISION_MAX_ZIPF = 3.0


#: Words rarer than this are never common (the lowest limit above); they are not kept.
_FLOOR = min(ALIAS_MAX_ZIPF, OWN_MAX_ZIPF, DIVISION_MAX_ZIPF, SMALL_DIVISION_MAX_ZIPF)


@dataclass(frozen=True, slots=True)
class WordFrequencies:
    """Zipf frequencies per language of the words at or above the lowest limit used.

    ``tables`` maps ``"en"`` and ``"nb"`` to ``{word: zipf}``; a word missing is rare.
    """

    tables: dict[str, dict[str, float]]

    def zipf(self, word: str, *, norwegian: bool = True) -> float:
        """Return the highest Zipf frequency of a lower-case word in English (and Norwegian)."""
        best = self.tables.get("en", {}).get(word, 0.0)
        if norwegian:
            best = max(best, self.tables.get("nb", {}).get(word, 0.0))
        return best


@cache
def load_frequencies() -> WordFrequencies:
    """Load the English and Bokmål frequency tables of ``wordfreq`` (about a second).

    Raises
    ------
    GazetteerError
        When ``wordfreq`` is not installed.
    """
    try:  # imported here: only a build needs it, and it costs every start a few 100 ms
        import wordfreq  # noqa: PLC0415
    except ModuleNotFoundError as exc:
        msg = "the 'wordfreq' package is missing; install it with `pip install 'wordfreq>=3'`"
        raise GazetteerError(msg) from exc
    floor = 10.0 ** (_FLOOR - 9.0)
    tables = {}
    for lang in ("en", "nb"):
        frequencies = wordfreq.get_frequency_dict(lang)
        tables[lang] = {w: math.log10(f) + 9.0 for w, f in frequencies.items() if f >= floor}
    return WordFrequencies(tables)
