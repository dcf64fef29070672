"""Choose one place per mention among homonyms, using the article's other places.

Why a separate step: "Dobropillia", "Kostiantynivka" or "Borova" each name several
settlements, and the right one is the one near the article's other places. The rule, in the
units of the static ranks of :mod:`geo.gazetteer.build` (``8·log10(population)``, +15 for a
capital, 55 for curated names, 100 for countries):

1. A cue in the text ("byen Kherson", "Kherson-regionen", "elva Dnipro") adds
   :data:`HINT_BONUS` to the candidates of the matching kind.
2. Mentions whose best candidate leads by :data:`CONFIDENT_MARGIN` or more are *confident*;
   they make the context: their countries, their first-level regions, their points.
3. Every other mention adds :data:`CONTEXT_BONUS` per agreement with that context: same
   country as a confident place, same oblast/state, within :data:`NEAR_KM` of one.

So population still decides between a city of 67,000 and a village of 1,000 of the same name
unless the article is plainly about the village's surroundings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from geo.gazetteer.index import Candidate, Gazetteer

__all__ = [
    "CONFIDENT_MARGIN",
    "CONTEXT_BONUS",
    "HINT_BONUS",
    "NEAR_KM",
    "KindHint",
    "resolve_candidates",
]

KindHint = Literal["region", "city", "village", "river"]

HINT_BONUS = 40.0
CONFIDENT_MARGIN = 10.0
CONTEXT_BONUS = 6.0
NEAR_KM = 100.0

_HINT_KINDS: dict[str, frozenset[str]] = {
    "region": frozenset({"region"}),
    "city": frozenset({"city", "village"}),
    "village": frozenset({"village", "city"}),
    "river": frozenset({"other"}),
}


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular approximation: plenty for a 100 km neighbourhood test."""
    lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(lat)
    dy = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(dx, dy)


def _with_hint(
    gazetteer: Gazetteer, options: Sequence[Candidate], hint: KindHint | None
) -> list[Candidate]:
    if hint is None:
        return list(options)
    kinds = _HINT_KINDS[hint]
    scored = [
        (i, rank + (HINT_BONUS if gazetteer.kind_of(i) in kinds else 0.0)) for i, rank in options
    ]
    scored.sort(key=lambda c: -c[1])
    return scored


def resolve_candidates(
    gazetteer: Gazetteer,
    options: Sequence[Sequence[Candidate]],
    hints: Sequence[KindHint | None],
) -> list[int | None]:
    """Return the chosen place index for each mention (``None`` when it has no candidate).

    Parameters
    ----------
    gazetteer
        The index the candidates come from.
    options
        Per mention, ``(place index, static rank)`` pairs from :meth:`Gazetteer.candidates`.
    hints
        Per mention, the kind a cue in the text asks for, or ``None``.
    """
    scored = [_with_hint(gazetteer, opts, hint) for opts, hint in zip(options, hints, strict=True)]
    confident: list[int | None] = []
    for cands in scored:
        if not cands:
            confident.append(None)
        elif len(cands) == 1 or cands[0][1] - cands[1][1] >= CONFIDENT_MARGIN:
            confident.append(cands[0][0])
        else:
            confident.append(None)

    chosen: list[int | None] = []
    for m, cands in enumerate(scored):
        if not cands:
            chosen.append(None)
            continue
        if confident[m] is not None:
            chosen.append(confident[m])
            continue
        others = [c for k, c in enumerate(confident) if c is not None and k != m]
        countries = {gazetteer.country_of(i) for i in others}
        admin1s = {
            (gazetteer.country_of(i), gazetteer.admin1_of(i))
            for i in others
            if gazetteer.kind_of(i) != "country" and gazetteer.admin1_of(i)
        }
        points = [
            gazetteer.point_of(i) for i in others if gazetteer.kind_of(i) in ("city", "village")
        ]
        best, best_score = cands[0][0], -math.inf
        for index, score in cands:
            kind = gazetteer.kind_of(index)
            country = gazetteer.country_of(index)
            bonus = 0.0
            if kind != "country" and country in countries:
                bonus += CONTEXT_BONUS
            if (country, gazetteer.admin1_of(index)) in admin1s:
                bonus += CONTEXT_BONUS
            if points and kind != "country":
                here = gazetteer.point_of(index)
                if any(_distance_km(here, p) <= NEAR_KM for p in points):
                    bonus += CONTEXT_BONUS
            if score + bonus > best_score:
                best, best_score = index, score + bonus
        chosen.append(best)
    return chosen
