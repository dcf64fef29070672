"""Within-article event coreference: one meeting or call, however many times it is named.

Why: an article names its main event again and again ("møtet i Anchorage", "i møte med
Trump", "konfrontere Putin … under møtet fredag kveld", "the summit", "Friday's call"), and
each mention says a little of who, where and when. The sentence-level detector
(:mod:`geo.events.detect`) sees one sentence at a time, so the sentence that states the
meeting ("to av verdens mektigste ledere møtes fredag") may name nobody. This module links
the later and earlier mentions to that event and gathers its participants, place and date
from all of them; every linked mention is kept on the event (:class:`geo.model.EventMention`)
so each fact stays traceable to its words.

References (per language, :data:`_REFERENCES`)
    A definite or possessive noun phrase of a meeting or a call: "møtet", "toppmøtet",
    "Alaska-møtet", "fredagens møte", "samtalen", "onsdagens videomøte", "i møte med X";
    "the summit", "the Alaska summit", "Friday's meeting", "the call". An indefinite or
    contrasting phrase ("et nytt møte", "neste møte", "a meeting", "another summit") names
    a new event and is never linked.
What a reference contributes
    Its own date (a date right before or after it: "fredagens møte", "møtet fredag kveld";
    never a date phrase that merely contains it, "to dager før fredagens møte"), its place
    ("møtet i Anchorage", "Alaska-møtet"), and participants: the people after "med",
    "mellom", "with", "between" ("i møte med Trump"), a possessive owner ("Trumps møte"),
    and, when the phrase says the clause happens *in* the event ("under møtet", "i møtet",
    "during the summit", "at the meeting"), the people and organisations of that clause.
    A phrase that only bounds time ("før møtet", "etter møtet", "ahead of the summit")
    contributes no participants: talks held *before* a meeting are not that meeting.
Linking
    A reference links to an event of the same type whose date and place are compatible
    (equal where both are known; places in one country): the event whose sentence holds
    it, else the nearest such event before it, else the nearest after it. Two detected
    events of the same type are one event when they share a known date or a known place,
    the other is compatible, and their participants are the same people or one names none.
Cost
    One regex pass per article; references and events are paired by position with
    ``bisect`` and a bounded walk (never all against all), so the work stays linear.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from geo.events.cues import starting_with
from geo.events.taxonomy import EventType
from geo.model import DateRef, Place, PlaceMention

__all__ = ["LINKED_TYPES", "Participant", "Reference", "find_references", "link_events"]

#: The event types that references name ("møtet", "the summit", "samtalen", "the call").
LINKED_TYPES: Final = frozenset({EventType.SUMMIT, EventType.CALL})
_LINKED = LINKED_TYPES
_WALK: Final = 6  # events of one type tried on each side of a reference
_SPECIFICITY: Final = {"village": 3, "city": 3, "region": 2, "other": 2, "country": 1}


@dataclass(frozen=True, slots=True)
class _Language:
    """The reference patterns of one language (see module docstring)."""

    phrases: Callable[[str], Iterator[_Phrase]]
    types: dict[str, EventType]
    definite: Callable[[_Phrase], bool] | None  # None: the pattern is always definite
    blockers: frozenset[str]
    inside: frozenset[str]
    bounds: frozenset[str]
    with_list: re.Pattern[str]
    place_after: re.Pattern[str]
    date_after: re.Pattern[str]


# Norwegian (Bokmål and Nynorsk): "(fredagens|Trumps) (Alaska-)møtet" and the call nouns.
_NB_NOUNS: Final = {
    "toppmøtet": EventType.SUMMIT,
    "toppmøte": EventType.SUMMIT,
    "møtet": EventType.SUMMIT,
    "møte": EventType.SUMMIT,
    "samtalen": EventType.CALL,
    "telefonsamtalen": EventType.CALL,
    "telefonsamtale": EventType.CALL,
    "videosamtalen": EventType.CALL,
    "videosamtale": EventType.CALL,
    "videomøtet": EventType.CALL,
    "videomøte": EventType.CALL,
    "telefonmøtet": EventType.CALL,
    "telefonmøte": EventType.CALL,
}
_EN_NOUNS: Final = {
    "summit": EventType.SUMMIT,
    "meeting": EventType.SUMMIT,
    "talks": EventType.SUMMIT,
    "call": EventType.CALL,
    "phone call": EventType.CALL,
    "video call": EventType.CALL,
}


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NB_NOUN: Final = re.compile(
    starting_with({w[0] for w in _NB_NOUNS} | {w[0].upper() for w in _NB_NOUNS})
    + rf"(?<![\wæøåÆØÅ])(?:{_alternation(list(_NB_NOUNS))})(?![\wæøåÆØÅ-])",
    re.IGNORECASE,
)
_NB_PRE: Final = re.compile(r"(?<![\wæøåÆØÅ-])[A-ZÆØÅ][\wæøåÆØÅ]*$")
_NB_GEN: Final = re.compile(r"(?<![\wæøåÆØÅ-])([\wæøåÆØÅ]+s)\s+$")
_EN_NOUN: Final = re.compile(
    starting_with({w[0] for w in _EN_NOUNS})
    + rf"(?<![\w-])(?:{_alternation(list(_EN_NOUNS))})(?![\w-])"
)
_EN_BEFORE: Final = re.compile(
    r"(?:(?<![\w-])(?P<det>[Tt]he|[Tt]his|[Tt]hat)|(?<![\w-])(?P<gen>[\w-]+['’]s))\s+"
    r"(?P<mods>(?:(?:[A-Z][\w.-]*|high-stakes|upcoming|planned|historic|bilateral)\s+){0,2})$"
)
_LOOK_BACK = 60  # characters searched before a noun for its determiner or genitive


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A reference noun phrase: ``[start, end)`` with its noun and optional genitive."""

    start: int
    end: int
    noun: str
    noun_start: int
    gen: str | None
    gen_end: int


def _nb_phrases(text: str) -> Iterator[_Phrase]:
    """Norwegian phrases: "(fredagens) (Alaska-)møtet"; found noun first (fast scan)."""
    for match in _NB_NOUN.finditer(text):
        start = match.start()
        if start and text[start - 1] == "-":
            pre = _NB_PRE.search(text, max(0, start - 1 - _LOOK_BACK), start - 1)
            if pre is None:
                continue  # "presse-møtet": a lower-case compound names another kind
            start = pre.start()
        elif start and text[start - 1] in "-’'":
            continue
        gen = _NB_GEN.search(text, max(0, start - _LOOK_BACK), start)
        yield _Phrase(
            gen.start() if gen else start,
            match.end(),
            match.group(),
            match.start(),
            gen.group(1) if gen else None,
            gen.end(1) if gen else -1,
        )


def _en_phrases(text: str) -> Iterator[_Phrase]:
    """English phrases: "the (Alaska) summit", "Friday's meeting"; noun first (fast scan)."""
    for match in _EN_NOUN.finditer(text):
        before = _EN_BEFORE.search(text, max(0, match.start() - _LOOK_BACK), match.start())
        if before is None:
            continue
        yield _Phrase(
            before.start(),
            match.end(),
            match.group(),
            match.start(),
            before.group("gen"),
            before.end("gen") if before.group("gen") else -1,
        )


def _nb_definite(phrase: _Phrase) -> bool:
    """Tell a definite suffix ("møtet", "samtalen") or a genitive ("fredagens møte")."""
    return phrase.noun.lower().endswith(("et", "en")) or phrase.gen is not None


_LANGUAGES: Final = {
    "nb": _Language(
        phrases=_nb_phrases,
        types=_NB_NOUNS,
        definite=_nb_definite,
        blockers=frozenset(
            str.split(
                "et eit ett en ein nytt nye ny neste annet anna andre første forrige siste "
                "tidligere tidlegare kommende komande framtidig fremtidig mulig mogleg "
                "eventuelt eventuelle nok flere fleire ingen hvert kvart"
            )
        ),
        inside=frozenset({"under", "i", "ved"}),
        bounds=frozenset(str.split("før etter siden sidan rundt om foran fram frem innen innan")),
        with_list=re.compile(r"\s+(?:med|mellom)\s+", re.IGNORECASE),
        place_after=re.compile(r"\s+(?:i|på)\s+$", re.IGNORECASE),
        date_after=re.compile(r"\s+(?:på\s+)?$", re.IGNORECASE),
    ),
    "en": _Language(
        phrases=_en_phrases,
        types=_EN_NOUNS,
        definite=None,  # the pattern requires "the"/"this"/"that" or a possessive
        blockers=frozenset(),  # the determiner is part of the pattern
        inside=frozenset({"during", "at", "in", "on"}),
        bounds=frozenset(str.split("before after since ahead about around until")),
        with_list=re.compile(r"\s+(?:with|between)\s+", re.IGNORECASE),
        place_after=re.compile(r"\s+(?:in|at)\s+$", re.IGNORECASE),
        date_after=re.compile(r"\s+(?:on\s+)?$", re.IGNORECASE),
    ),
}
_PREVIOUS_WORD: Final = re.compile(r"([\wæøåÆØÅ]+)\W*$")


class Participant(Protocol):
    """A participant span as the assembler found it (person, org, country, group…)."""

    start: int
    end: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A noun phrase that refers to a meeting or a call (see module docstring).

    ``governor`` is ``"inside"`` ("under møtet"), ``"bound"`` ("før møtet") or ``""``;
    ``with_start`` is where a "med/with" list of participants begins (``-1`` if none);
    ``owner_end`` marks a possessive owner ("Trumps møte") ending there (``-1`` if none).
    """

    type: EventType
    start: int
    end: int
    date: DateRef | None
    place: PlaceMention | None
    governor: str
    with_start: int
    owner_end: int


class Lookups(Protocol):
    """What linking needs from the assembler's per-article index."""

    text: str

    def participants(self, start: int, end: int) -> Sequence[Participant]: ...
    def clause_around(self, position: int) -> tuple[int, int]: ...
    def outside_quotes(self, start: int, end: int) -> bool: ...


class Draft(Protocol):
    """The fields of an event draft that linking reads and extends."""

    type: EventType
    start: int
    end: int
    actors: list[str]
    targets: list[str]
    sources: list[str]
    quotes: list[str]
    place: Place | None
    place_surface: str | None
    place_inferred: bool
    date: str | None
    granularity: str | None
    date_basis: str
    mentions: list[tuple[int, int, int, int, str]]


# ------------------------------------------------------------------------- references


def find_references(
    text: str,
    lang: str,
    places: Sequence[PlaceMention],
    dates: Sequence[DateRef],
    types: frozenset[EventType] = LINKED_TYPES,
) -> list[Reference]:
    """Return the meeting and call references of an article in text order.

    ``places`` and ``dates`` are the article's mentions (any order); each reference takes
    the date and place standing right next to it. Only references of ``types`` are kept
    (the types the article has events of).
    """
    language = _LANGUAGES["nb" if lang in ("nb", "nn") else "en"]
    phrases = [m for m in language.phrases(text) if language.types[m.noun.lower()] in types]
    if not phrases:
        return []
    by_start = sorted(places, key=lambda m: m.start)
    place_starts = [m.start for m in by_start]
    dated = sorted((d for d in dates if d.resolved is not None), key=lambda d: d.start)
    date_starts = [d.start for d in dated]
    date_ends = sorted((d.end, i) for i, d in enumerate(dated))
    end_keys = [e for e, _ in date_ends]
    found: list[Reference] = []
    for match in phrases:
        ref = _reference(text, match, language, by_start, place_starts)
        if ref is None:
            continue
        date = _adjacent_date(text, match, language, dated, date_starts, date_ends, end_keys)
        found.append(
            Reference(
                ref.type,
                ref.start,
                ref.end,
                date,
                ref.place,
                ref.governor,
                ref.with_start,
                ref.owner_end,
            )
        )
    return found


def _reference(
    text: str,
    match: _Phrase,
    language: _Language,
    places: list[PlaceMention],
    place_starts: list[int],
) -> Reference | None:
    event_type = language.types[match.noun.lower()]
    start = match.start
    before = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    previous = before.group(1).lower() if before is not None else ""
    after = text[match.end : match.end + 60]
    with_list = language.with_list.match(after)
    bare = language.definite is not None and not language.definite(match)
    if bare and not (previous in language.inside and with_list is not None):
        return None  # "et møte", "møte" without "i … med": a new or generic meeting
    if previous in language.blockers or (match.gen or "").lower() in language.blockers:
        return None  # "et nytt møte", "neste møte", "andre møtet": another event
    if previous in language.inside:
        governor = "inside"
    elif previous in language.bounds:
        governor = "bound"
    else:
        governor = ""
    place = _place_near(text, match, language, places, place_starts)
    with_start = match.end + with_list.end() if with_list is not None else -1
    return Reference(event_type, start, match.end, None, place, governor, with_start, match.gen_end)


def _place_near(
    text: str,
    match: _Phrase,
    language: _Language,
    places: list[PlaceMention],
    place_starts: list[int],
) -> PlaceMention | None:
    """Return a place inside the phrase ("Alaska-møtet") or right after it ("møtet i Anchorage")."""
    lo = bisect.bisect_left(place_starts, match.start)
    hi = bisect.bisect_left(place_starts, match.end + 40)
    for m in places[lo:hi]:
        if m.place is None:
            continue
        if m.start < match.noun_start:
            return m  # "Alaska-møtet", "the Anchorage summit"
        if m.start >= match.end and language.place_after.search(text, match.end, m.start):
            gap = text[match.end : m.start]
            if len(gap) <= 5:
                return m
    return None


def _adjacent_date(  # noqa: PLR0917 - the sorted date indexes built once per article
    text: str,
    match: _Phrase,
    language: _Language,
    dated: list[DateRef],
    date_starts: list[int],
    date_ends: list[tuple[int, int]],
    end_keys: list[int],
) -> DateRef | None:
    """Return the date right before the noun ("fredagens møte") or right after ("møtet fredag")."""
    noun_start = match.noun_start
    k = bisect.bisect_right(end_keys, noun_start) - 1
    if k >= 0:
        ref = dated[date_ends[k][1]]
        if ref.start >= match.start - 1 and text[ref.end : noun_start].strip(" -") == "":
            return ref
    j = bisect.bisect_left(date_starts, match.end)
    if j < len(dated):
        ref = dated[j]
        if ref.start - match.end <= 4 and language.date_after.search(text, match.end, ref.start):
            return ref
    return None


# ---------------------------------------------------------------------------- linking


def _same_date(a: str | None, b: str | None) -> bool | None:
    """``True``/``False`` when both are known (compared at the coarser one), else ``None``."""
    if a is None or b is None:
        return None
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def _same_area(a: Place | None, b: Place | None) -> bool | None:
    if a is None or b is None:
        return None
    if a.gazetteer_id == b.gazetteer_id:
        return True
    return a.country is not None and a.country == b.country


def _compatible(draft: Draft, date: str | None, place: Place | None) -> bool:
    return _same_date(draft.date, date) is not False and _same_area(draft.place, place) is not False


def _add(items: list[str], *names: str) -> None:
    for name in names:
        if name and name not in items:
            items.append(name)


def _antecedent(ref: Reference, drafts: list[Draft], starts: list[int]) -> Draft | None:
    """Return the event a reference names: its own sentence's, else the nearest compatible one."""
    date = ref.date.resolved if ref.date is not None else None
    place = ref.place.place if ref.place is not None else None
    i = bisect.bisect_right(starts, ref.start) - 1
    if i >= 0 and drafts[i].start <= ref.start < drafts[i].end:
        return drafts[i] if _compatible(drafts[i], date, place) else None
    for k in range(i, max(-1, i - _WALK), -1):
        if _compatible(drafts[k], date, place):
            return drafts[k]
    for k in range(i + 1, min(len(drafts), i + 1 + _WALK)):
        if _compatible(drafts[k], date, place):
            return drafts[k]
    return None


def _reference_participants(idx: Lookups, ref: Reference) -> list[Participant]:
    """Who a reference names as taking part (see module docstring)."""
    text = idx.text
    clause_start, clause_end = idx.clause_around(ref.start)
    found: list[Participant] = []
    if ref.owner_end != -1:
        found.extend(
            p for p in idx.participants(ref.start, ref.owner_end + 1) if p.kind in ("person", "org")
        )
    if ref.with_start != -1:
        cursor = ref.with_start
        for p in idx.participants(ref.with_start, clause_end):
            gap = text[cursor : p.start]
            if gap and not _joins(gap):
                break
            found.append(p)
            cursor = p.end
    if ref.governor == "inside":
        found.extend(
            p
            for p in idx.participants(clause_start, clause_end)
            if p.kind in ("person", "org") and idx.outside_quotes(p.start, p.end)
        )
    return found


def _joins(gap: str) -> bool:
    """Tell whether the words between two listed participants only join them."""
    stripped = gap.strip(' ,«»“”"')
    return stripped.lower() in ("", "og", "and", "samt", "or", "eller")


def _take(draft: Draft, participants: Sequence[str]) -> None:
    """Add gathered participants: a meeting's are all actors, a call's join its targets."""
    for name in participants:
        if name in draft.actors or name in draft.targets:
            continue
        if draft.type is EventType.SUMMIT or not draft.actors:
            draft.actors.append(name)
        else:
            draft.targets.append(name)


def _more_specific(a: Place | None, b: Place | None) -> bool:
    return b is not None and (
        a is None or _SPECIFICITY.get(b.kind, 0) > _SPECIFICITY.get(a.kind, 0)
    )


def _absorb(keep: Draft, other: Draft) -> None:
    """Fold a second detection of the same event into the first."""
    _take(keep, [*other.actors, *other.targets])
    _add(keep.sources, *other.sources)
    _add(keep.quotes, *other.quotes)
    keep.mentions.extend(other.mentions)
    if keep.date is None and other.date is not None:
        keep.date, keep.granularity = other.date, other.granularity
        keep.date_basis = "coreference"
    if _more_specific(keep.place, other.place) and _same_area(keep.place, other.place) is not False:
        keep.place, keep.place_surface = other.place, other.place_surface
        keep.place_inferred = other.place_inferred


def _same_event(a: Draft, b: Draft) -> bool:
    date, area = _same_date(a.date, b.date), _same_area(a.place, b.place)
    if date is False or area is False:
        return False
    same_place = (
        a.place is not None
        and b.place is not None
        and (a.place.gazetteer_id == b.place.gazetteer_id)
    )
    if not (date or same_place):
        return False
    people_a, people_b = set(a.actors) | set(a.targets), set(b.actors) | set(b.targets)
    return not people_a or not people_b or people_a <= people_b or people_b <= people_a


def _merge_detections(drafts: list[Draft]) -> list[Draft]:
    """Fold later detections of the same meeting or call into the first (bounded walk)."""
    kept: list[Draft] = []
    by_type: dict[EventType, list[Draft]] = {}
    for draft in drafts:
        if draft.type not in _LINKED:
            kept.append(draft)
            continue
        earlier = by_type.setdefault(draft.type, [])
        target = next((e for e in reversed(earlier[-_WALK:]) if _same_event(e, draft)), None)
        if target is None:
            earlier.append(draft)
            kept.append(draft)
        else:
            _absorb(target, draft)
    return kept


def _inside_cue(starts: list[int], reach: list[int], ref: Reference) -> bool:
    """Tell whether a reference lies inside a cue's words (sorted starts, running max end)."""
    k = bisect.bisect_right(starts, ref.start)
    return k > 0 and reach[k - 1] >= ref.end


def link_events(
    idx: Lookups,
    drafts: list[Draft],
    references: Sequence[Reference],
    sentence_of: Callable[[int], tuple[int, int]],
) -> list[Draft]:
    """Merge repeated detections and attach every reference to its event (in place).

    Returns the drafts that remain, in text order; each keeps the spans of all its
    mentions in ``mentions`` as ``(start, end, sentence_start, sentence_end, kind)``.
    """
    drafts = _merge_detections(drafts)
    by_type: dict[EventType, list[Draft]] = {}
    for draft in drafts:
        by_type.setdefault(draft.type, []).append(draft)
    starts = {t: [d.start for d in ds] for t, ds in by_type.items()}
    cues = sorted(
        (m[0], m[1]) for d in drafts if d.type in _LINKED for m in d.mentions if m[4] == "trigger"
    )
    cue_starts = [start for start, _ in cues]
    cue_reach = list(itertools.accumulate((end for _, end in cues), max))
    for ref in references:
        candidates = by_type.get(ref.type)
        if not candidates:
            continue
        draft = _antecedent(ref, candidates, starts[ref.type])
        if draft is None:
            continue
        if _inside_cue(cue_starts, cue_reach, ref):
            continue  # the words of a cue itself ("finner møtet sted")
        sentence_start, sentence_end = sentence_of(ref.start)
        end = max(ref.end, ref.place.end) if ref.place is not None else ref.end
        draft.mentions.append((ref.start, end, sentence_start, sentence_end, "reference"))
        _take(draft, [p.name for p in _reference_participants(idx, ref)])
        if draft.date is None and ref.date is not None and ref.date.resolved is not None:
            draft.date, draft.granularity = ref.date.resolved, ref.date.granularity or "day"
            draft.date_basis = "coreference"
        place = ref.place.place if ref.place is not None else None
        if _more_specific(draft.place, place) and ref.place is not None:
            draft.place, draft.place_surface = place, ref.place.surface
            draft.place_inferred = not (draft.start <= ref.place.start < draft.end)
    for draft in drafts:
        draft.mentions.sort()
    return drafts
