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
   country as a confident place, and per confident place (up to :data:`MAX_AGREEING`) in
   the same oblast/state and within :data:`NEAR_KM`.

A second round repeats step 3 with every mention's first choice as context, so a cluster of
homonyms ("Andriivka" beside "Pokrovsk" and "Kostiantynivka") settles together.

4. The article's *focus country* (the idea of CLIFF and Mordecai: most news is about one
   country) is the country of at least :data:`FOCUS_MIN_MENTIONS` and
   :data:`FOCUS_MIN_SHARE` of the chosen places. Its candidates get :data:`FOCUS_BONUS`
   more, and a country chosen only by its name ("Georgia") gives way to a first-level
   division of the focus country that bears the same name when no other mention lies in
   that country (an article about Atlanta and Savannah means the US state).

Before all that, a name qualified by a comma ("Paris, Texas", "Nelson, New Zealand") is
settled by :func:`qualify`: the first name must lie in the second.

So population still decides between a city of 67,000 and a village of 1,000 of the same name
unless the article is plainly about the village's surroundings.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from geo.gazetteer.index import Candidate, Gazetteer

__all__ = [
    "CONFIDENT_MARGIN",
    "CONTEXT_BONUS",
    "CONTEXT_ROUNDS",
    "FOCUS_BONUS",
    "FOCUS_MIN_MENTIONS",
    "FOCUS_MIN_SHARE",
    "HINT_BONUS",
    "MAX_AGREEING",
    "NEAR_KM",
    "QUALIFIER_BONUS",
    "KindHint",
    "qualify",
    "resolve_candidates",
]

KindHint = Literal["region", "city", "village", "river"]

HINT_BONUS = 40.0
CONFIDENT_MARGIN = 10.0
CONTEXT_BONUS = 6.0
NEAR_KM = 100.0
MAX_AGREEING = 2
CONTEXT_ROUNDS = 2
FOCUS_BONUS = 6.0
FOCUS_MIN_MENTIONS = 2
FOCUS_MIN_SHARE = 0.5
#: Added to both readings of "Paris, Texas" that fit together: more than any static gap
#: between a capital and a town, so the pair is settled before the context is consulted.
QUALIFIER_BONUS = 80.0

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
        (i, rank + (HINT_BONUS if gazetteer.kind_of(i) in kinds else 0.0), contextual)
        for i, rank, contextual in options
    ]
    scored.sort(key=lambda c: -c[1])
    return scored


def _confident(cands: list[Candidate]) -> int | None:
    if cands and (len(cands) == 1 or cands[0][1] - cands[1][1] >= CONFIDENT_MARGIN):
        return cands[0][0]
    return None


def _context_bonus(gazetteer: Gazetteer, index: int, others: dict[int, int]) -> float:
    """Return the bonus for agreeing with the confident places of the article.

    Agreement on the country counts once; agreement on the oblast/state and closeness count
    once per agreeing place, up to :data:`MAX_AGREEING`, so a cluster of places outweighs a
    single one. ``others`` maps each context place to how often it is mentioned (a place
    named ten times agrees ten times, as ten mentions would).
    """
    kind = gazetteer.kind_of(index)
    if kind == "country":
        return 0.0
    country = gazetteer.country_of(index)
    admin1 = gazetteer.admin1_of(index)
    here = gazetteer.point_of(index)
    same_country = False
    same_admin1 = near = 0
    for other, mentions in others.items():
        if gazetteer.country_of(other) != country:
            continue
        same_country = True
        other_kind = gazetteer.kind_of(other)
        if other_kind != "country" and admin1 and gazetteer.admin1_of(other) == admin1:
            same_admin1 += mentions
        if other_kind in ("city", "village") and (
            _distance_km(here, gazetteer.point_of(other)) <= NEAR_KM
        ):
            near += mentions
    agreeing = same_country + min(same_admin1, MAX_AGREEING) + min(near, MAX_AGREEING)
    return CONTEXT_BONUS * agreeing


def _context_without(context: Counter[int], excluded: int | None) -> dict[int, int]:
    """Return the context places with their mention counts, one mention of ``excluded`` less.

    Counts are capped at :data:`MAX_AGREEING`: :func:`_context_bonus` caps its sums there,
    so the bonus is the same, and equal contexts share one cache key.
    """
    counts = dict(context)
    if excluded is not None:
        counts[excluded] -= 1
        if not counts[excluded]:
            del counts[excluded]
    return {index: min(count, MAX_AGREEING) for index, count in counts.items()}


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
        Per mention, candidates from :meth:`Gazetteer.candidates`; the context lifts only
        the ``contextual`` ones.
    hints
        Per mention, the kind a cue in the text asks for, or ``None``.

    Notes
    -----
    Why counts and a cache: a mention's context is every other mention's choice, so
    comparing each mention with each other one cost time quadratic in the number of
    mentions (seconds for a long article that repeats a few places). The context is the
    same multiset for every mention of a round but for the mention's own choice, so it is
    kept as counts of distinct places, and the bonus of a candidate is computed once per
    (candidate, own choice) and round.
    """
    scored = [_with_hint(gazetteer, opts, hint) for opts, hint in zip(options, hints, strict=True)]
    chosen = [_confident(cands) for cands in scored]
    for _ in range(CONTEXT_ROUNDS):
        context = list(chosen)
        counts = Counter(c for c in context if c is not None)
        focus = _focus_country(gazetteer, counts)
        others_by_own: dict[int | None, dict[int, int]] = {}
        bonuses: dict[tuple[int, int | None], float] = {}
        for m, cands in enumerate(scored):
            if not cands or _confident(cands) is not None:
                continue
            own = context[m]
            if own not in others_by_own:
                others_by_own[own] = _context_without(counts, own)
            others = others_by_own[own]

            totals = []
            for index, rank, contextual in cands:
                bonus = 0.0
                if contextual:
                    if (index, own) not in bonuses:
                        bonuses[index, own] = _context_bonus(gazetteer, index, others)
                    bonus = bonuses[index, own]
                    if focus is not None and gazetteer.country_of(index) == focus:
                        bonus += FOCUS_BONUS
                totals.append(rank + bonus)
            best = cands[max(range(len(cands)), key=totals.__getitem__)]  # first best, as max()
            chosen[m] = best[0]
    return _countries_to_focus_divisions(gazetteer, scored, chosen)


def _focus_country(gazetteer: Gazetteer, counts: Counter[int]) -> str | None:
    """Return the country most of the chosen places lie in, if it is clearly the focus."""
    by_country: Counter[str] = Counter()
    for index, mentions in counts.items():
        country = gazetteer.country_of(index)
        if country is not None:
            by_country[country] += mentions
    if not by_country:
        return None
    country, mentions = by_country.most_common(1)[0]
    share = mentions / sum(by_country.values())
    return country if mentions >= FOCUS_MIN_MENTIONS and share >= FOCUS_MIN_SHARE else None


def _countries_to_focus_divisions(
    gazetteer: Gazetteer, scored: list[list[Candidate]], chosen: list[int | None]
) -> list[int | None]:
    """Read a country's name as the focus country's division of that name ("Georgia").

    Only when the country is named by nothing else in the article: no other mention lies
    in it, while at least :data:`FOCUS_MIN_MENTIONS` lie in the focus country.
    """
    counts = Counter(c for c in chosen if c is not None)
    focus = _focus_country(gazetteer, counts)
    if focus is None:
        return chosen
    by_country = Counter(gazetteer.country_of(c) for c in chosen if c is not None)
    out = list(chosen)
    for m, index in enumerate(chosen):
        if index is None or gazetteer.kind_of(index) != "country":
            continue
        country = gazetteer.country_of(index)
        mentions_of_index = counts[index]
        if country == focus or by_country[country] > mentions_of_index:
            continue
        if by_country[focus] < FOCUS_MIN_MENTIONS:
            continue
        for other, _rank, contextual in scored[m]:
            if (
                contextual
                and other != index
                and gazetteer.kind_of(other) == "region"
                and gazetteer.country_of(other) == focus
                and gazetteer.admin1_of(other) == gazetteer.place(other).name
            ):
                out[m] = other
                break
    return out


def _inside(gazetteer: Gazetteer, inner: int, outer: int) -> bool:
    """Return whether place ``inner`` lies in country or first-level division ``outer``."""
    if inner == outer or gazetteer.country_of(inner) != gazetteer.country_of(outer):
        return False
    kind = gazetteer.kind_of(outer)
    if kind == "country":
        return gazetteer.kind_of(inner) != "country"
    admin1 = gazetteer.admin1_of(outer)
    return (
        kind == "region"
        and admin1 is not None
        and admin1 == gazetteer.place(outer).name
        and gazetteer.admin1_of(inner) == admin1
    )


def qualify(
    gazetteer: Gazetteer, inner: Sequence[Candidate], outer: Sequence[Candidate]
) -> tuple[tuple[Candidate, ...], tuple[Candidate, ...]] | None:
    """Settle "Paris, Texas": the readings of both names where the first lies in the second.

    Returns both candidate lists with the best fitting pair (highest summed rank) raised by
    :data:`QUALIFIER_BONUS`, or ``None`` when no reading of the first lies in any of the
    second (then "Oslo, Bergen" is a list of two places, not a qualified name).
    """
    best: tuple[float, int, int] | None = None
    for i, (a, rank_a, _) in enumerate(inner):
        for j, (b, rank_b, _) in enumerate(outer):
            if _inside(gazetteer, a, b) and (best is None or rank_a + rank_b > best[0]):
                best = (rank_a + rank_b, i, j)
    if best is None:
        return None
    _, i, j = best

    def lifted(cands: Sequence[Candidate], k: int) -> tuple[Candidate, ...]:
        index, rank, contextual = cands[k]
        rest = [c for n, c in enumerate(cands) if n != k]
        return ((index, rank + QUALIFIER_BONUS, contextual), *rest)

    return lifted(inner, i), lifted(outer, j)
