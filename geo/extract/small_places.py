"""Small towns abroad, read only where the text itself marks a place.

The main index holds settlements abroad from 15,000 inhabitants: below that, names collide
with people's names and ordinary words too often to be read wherever they are capitalised.
Local news still names such towns ("a councillor in Nenagh", "the race at Thruxton,
Hampshire"). :attr:`geo.gazetteer.build.GazetteerData.small_keys` lists them apart, and this
module reads them only with evidence of two kinds:

- **Qualified**: the name is followed by a comma and a country or region that holds one of
  its namesakes ("Thruxton, Hampshire", "Visbek, Germany"); that namesake is the place.
- **After a preposition of place**, in the middle of a sentence ("in Nenagh", "near
  Dunshaughlin"), when one of its namesakes lies in a country the article already names:
  the article's other places vouch for it.

A name glued to a following capitalised word ("in Barry Jones's house") is never read on
its own evidence; once a name is placed, its other mentions in the article are that place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from geo.gazetteer.build import fold_key
from geo.gazetteer.index import Candidate, Gazetteer
from geo.model import PlaceMention

__all__ = ["PREPOSITIONS", "small_places"]

#: Prepositions after which a capitalised name is read as a small town (per language group).
#: "to", "of", "på" and "til" are left out: they also stand before persons.
PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"in", "at", "near", "from", "outside", "via", "into", "across", "around"}),
    "nb": frozenset({"i", "fra", "frå", "ved", "nær", "utenfor", "utanfor"}),
}
_LONGEST = 3  # tokens


def _free(starts: list[int], reach: list[int], start: int, end: int) -> bool:
    i = bisect_left(starts, end)
    return not (i > 0 and reach[i - 1] > start)


def _qualifier(
    text: str, toks: Sequence[tuple[int, int]], j: int, gaz: Gazetteer, lang: str
) -> tuple[set[str], set[str]]:
    """Countries and regions named right after ``", "`` at token ``j`` ("…, Hampshire")."""
    countries: set[str] = set()
    regions: set[str] = set()
    for n in range(_LONGEST, 0, -1):
        if j + n > len(toks):
            continue
        surface = text[toks[j][0] : toks[j + n - 1][1]]
        for index, _, _ in gaz.candidates(fold_key(surface), lang=lang):
            kind = gaz.kind_of(index)
            if kind == "country":
                countries.add(gaz.country_of(index) or "")
            elif kind == "region":
                regions.add(gaz.place(index).name)
                countries.add(gaz.country_of(index) or "")
        if countries:
            break
    return countries, regions


def _pick(
    gaz: Gazetteer, options: tuple[Candidate, ...], countries: set[str], regions: set[str]
) -> int | None:
    """Return the namesake in one of ``regions`` (else ``countries``), or None."""
    in_region = [i for i, _, _ in options if gaz.admin1_of(i) in regions]
    if in_region:
        return in_region[0]
    in_country = [i for i, _, _ in options if gaz.country_of(i) in countries]
    return in_country[0] if in_country else None


def small_places(
    text: str,
    toks: Sequence[tuple[int, int]],
    gazetteer: Gazetteer,
    *,
    taken: Sequence[tuple[int, int]],
    countries: set[str],
    lang: str,
) -> list[PlaceMention]:
    """Return the small towns named with evidence (see the module docstring).

    Parameters
    ----------
    text, toks
        The article text and its word tokens (start, end).
    gazetteer
        The index; its ``small_candidates`` are consulted.
    taken
        Spans of places already found; a small town never overlaps one.
    countries
        ISO codes of the countries of the article's resolved places.
    lang
        The article's language (``nb``/``nn`` share the Norwegian prepositions).
    """
    prepositions = PREPOSITIONS["en" if lang == "en" else "nb"]
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    out: list[PlaceMention] = []
    pending: list[tuple[int, int]] = []  # small-town names met without evidence
    resume = 0
    for i in [i for i, (start, _) in enumerate(toks) if text[start].isupper()]:
        start = toks[i][0]
        if i < resume or not _free(starts, reach, start, toks[i][1]):
            continue
        found = None
        for n in range(min(_LONGEST, len(toks) - i), 0, -1):
            last = i + n - 1
            if any(text[toks[k][1] : toks[k + 1][0]] != " " for k in range(i, last)):
                continue
            options = gazetteer.small_candidates(fold_key(text[start : toks[last][1]]))
            if options:
                found = (last, options)
                break
        if found is None:
            continue
        last, options = found
        end = toks[last][1]
        after = text[end : toks[last + 1][0]] if last + 1 < len(toks) else ""
        chosen = None
        if after == ", ":
            chosen = _pick(gazetteer, options, *_qualifier(text, toks, last + 1, gazetteer, lang))
        glued = after == " " and text[toks[last + 1][0]].isupper()
        if chosen is None and i > 0 and not glued and text[toks[i - 1][1] : start] == " ":
            word = text[toks[i - 1][0] : toks[i - 1][1]]
            if word in prepositions:  # lower case: not at a sentence start
                chosen = _pick(gazetteer, options, countries, set())
        if chosen is not None and _free(starts, reach, start, end):
            out.append(PlaceMention(text[start:end], start, end, gazetteer.place(chosen)))
            resume = last + 1
        else:
            pending.append((start, end))
    return out + _same_name_again(text, out, pending)


def _same_name_again(
    text: str, found: list[PlaceMention], pending: list[tuple[int, int]]
) -> list[PlaceMention]:
    """Return the other mentions of a town the article has shown to be one ("the Samos camp").

    One name, one sense per article: once the evidence placed "Samos", its mentions without
    a preposition ("Samos's economy", "the Samos camp") are the same place.
    """
    places = {m.surface: m.place for m in found}
    return [
        PlaceMention(text[s:e], s, e, places[text[s:e]]) for s, e in pending if text[s:e] in places
    ]
