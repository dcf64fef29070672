"""Event assembly: a typed trigger in a sentence → a complete :class:`~geo.model.Event`.

Why a separate step: detection decides *what* happened; assembly decides *who*, *where*,
*when* and *which quotes*, and settles the cases that span sentences. The rules:

Participants
    People and organisations (from the actor stage), countries named as subjects
    ("Ukraina beordret"), role references resolved against the article's people ("USAs
    president" → the person with role president and country US), groups ("europeiske
    ledere", "barnefamilier") and forces ("de russiske styrkene" → Russia). A country right
    before a title ("Storbritannias statsminister") is part of the title, not a participant.
    News outlets and analysts (ISW, AFP, Reuters …) are *sources*, not actors.
Actors and targets
    Statements: the speaker (the quote's speaker, "ifølge X", "X sa", ", sa X", a pronoun
    resolved to the last person). Other events: participants before the trigger in its
    clause act (or the subject right after it, Norwegian V2 order: "Tirsdag rykket de
    russiske styrkene"); participants after a target preposition ("med", "mot", "for",
    "with", "against"), the direct object of a threat or strike, and groups are targets.
Place
    The most specific place named in the sentence (settlement > region > country; a country
    that acts or is addressed counts last, and statements, threats, sanctions, proposals and
    guarantees take no country at all: there it is the topic, not the location). Otherwise,
    for military events and evacuations in a Ukrainian context, a direction ("i øst",
    "nære fronten") gives a documented front point (:data:`geo.events.cues.FRONT_POINTS`)
    with ``place_inferred=True``. An advance whose only place is the country that
    advances ("Russia had seized 110 km² around the town") inherits the place named before
    it in its paragraph, else the place of the article's nearest earlier front event
    (``place_inferred=True``): the advancing country is a participant. A summit takes the
    venue named next to "møtet i …"/"…-møtet" anywhere in the article (Anchorage beats
    Alaska: the more specific wins).
Date
    The first finest date expression of the sentence that is not a bound ("siden 2018",
    "etter fredagens møte"), with "N dager før X" counted back from X. Else, in a dash-quote
    paragraph, the date of the quote's attribution; else the date of the previous event
    (at most two sentences back) that shares an actor (``date_basis="anchored"``); else
    ``None``. The publication date is never used unless the text says "i dag"/"today".
One event, several mentions
    Meetings and calls named again elsewhere in the article ("møtet i Anchorage", "i møte
    med Trump", "the summit") are linked to their event by :mod:`geo.events.coref`, which
    gathers participants, place and date from every mention; each event keeps the spans
    of all its mentions (:attr:`geo.model.Event.mentions`).
Spanning sentences
    Adjacent sentences with the same type and compatible dates, places and actors become one event
    (the sentence of the event is then both sentences); a dash-quote paragraph that only
    repeats the speaker of the event before it adds its quote to that event instead of
    making a new statement.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final, Generic, Protocol, TypeVar

from geo.events.coref import LINKED_TYPES, find_references, link_events
from geo.events.cues import (
    FRONT_POINTS,
    CueTable,
    first_chars,
    group_name,
    split_alternatives,
    starting_with,
)
from geo.events.dating import DateIndex, pick_date
from geo.events.taxonomy import EventType
from geo.extract.quotes import is_outlet
from geo.ids import make_id
from geo.model import (
    ActorMention,
    Article,
    DateRef,
    Event,
    EventMention,
    GeoPrecision,
    Paragraph,
    Place,
    PlaceMention,
    Quantity,
    Quote,
    Sentence,
)

__all__ = ["Context", "assemble_events"]

_SPECIFICITY: Final = {"village": 3, "city": 3, "region": 2, "other": 2, "country": 1}
_GEO_PRECISION: Final[dict[str, GeoPrecision]] = {
    "village": "settlement",
    "city": "settlement",
    "region": "region",
    "other": "region",
    "country": "country",
}
_GRANULARITY_RANK: Final = {"day": 3, "month": 2, "year": 1}
_DIRECTED_TYPES: Final = frozenset({EventType.ADVANCE, EventType.STRIKE, EventType.EVACUATION})
_MERGE_ACROSS_PARAGRAPHS: Final = _DIRECTED_TYPES
# Types whose acting country is never their place when the article names a front place.
_INHERITING_TYPES: Final = frozenset({EventType.ADVANCE})
_REGION_RANK: Final = 2  # _SPECIFICITY of a region: the coarsest place an event may inherit
# Types whose sentences name countries as their subject matter ("truet Russland om fred i
# Ukraina"): only a settlement or region named in them places the event.
_TOPICAL_TYPES: Final = frozenset(
    {
        EventType.STATEMENT,
        EventType.THREAT,
        EventType.SANCTIONS,
        EventType.PEACE_PROPOSAL,
        EventType.SECURITY_AID,
    }
)
_ANCHOR_DISTANCE = 2  # sentences back an actor-sharing event may lend its date
# News agencies and analysts: *sources* of an event, never its actors. Patterns start with a
# capital letter (no leading \b) so the combined search below can skip most positions fast.
_SOURCES: Final = (
    (re.compile(r"Institute for the Study of War|ISW\b"), "ISW"),
    (re.compile(r"AFP\b|Agence France-Presse"), "AFP"),
    (re.compile(r"Reuters\b"), "Reuters"),
    (re.compile(r"NTB\b"), "NTB"),
    (re.compile(r"AP\b|Associated Press"), "AP"),
    (re.compile(r"BBC\b"), "BBC"),
    (re.compile(r"CNN\b"), "CNN"),
    (re.compile(r"DeepState\w*"), "DeepState"),
    (re.compile(r"Kyiv Independent"), "Kyiv Independent"),
    (re.compile(r"Interfax\b"), "Interfax"),
    (re.compile(r"TASS\b"), "TASS"),
    (re.compile(r"Ukrinform\b"), "Ukrinform"),
    (re.compile(r"Bloomberg\b"), "Bloomberg"),
    (re.compile(r"NRK\b"), "NRK"),
)


def _exact_first_letters(source: str) -> set[str] | None:
    r"""Return the letters, in their case, that a case-sensitive pattern must start with.

    Every top-level alternative must open with a plain letter that is not optional
    ("Reuters\b", "AP\b|Associated Press"); anything else gives ``None`` (the caller then
    filters on both cases).
    """
    alternatives = split_alternatives(source)
    if alternatives is None or not all(
        alt[:1].isalpha() and alt[1:2] not in ("?", "*", "{") for alt in alternatives
    ):
        return None
    return {alt[0] for alt in alternatives}


def _source_pattern() -> re.Pattern[str]:
    """Compile one pattern for all :data:`_SOURCES` (group ``s<i>`` names the source).

    It opens with a look-ahead for the sources' first letters (a filter that never changes
    what matches) so the scan skips most positions at once (see
    :func:`geo.events.cues.starting_with`). The sources are case-sensitive names, so the
    filter holds their first letters as written (capitals: the scan then skips the starts
    of lower-case words too); a pattern whose first letter is not plain adds both cases.
    """
    letters: set[str] = set()
    for pattern, _ in _SOURCES:
        exact = _exact_first_letters(pattern.pattern)
        if exact is not None:
            letters |= exact
            continue
        chars = first_chars(pattern.pattern)
        if chars is None:
            letters.clear()
            break
        letters |= chars | {char.upper() for char in chars}
    alternation = "|".join(f"(?P<s{i}>{p.pattern})" for i, (p, _) in enumerate(_SOURCES))
    first = starting_with(letters) if letters else ""
    return re.compile(rf"{first}(?<!\w)(?:{alternation})")


_SOURCE_ANY: Final = _source_pattern()
_SOURCE_NAMES: Final = frozenset(name.lower() for _, name in _SOURCES) | {
    "institute for the study of war",
    "agence france-presse",
    "associated press",
}
_INLINE_QUOTE = re.compile(r"«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"")
_QUOTE_PAIRS: Final = {"«": "»", "“": "”", '"': '"'}
_QUOTE_MARKS: Final = re.compile('[«»“”"\n]')


def inline_quote_spans(text: str) -> list[tuple[int, int]]:
    r"""Return the spans ``_INLINE_QUOTE.finditer(text)`` gives, in linear time.

    Why not the regex: at every opening mark that is never closed ("«Vi vil …" repeated
    through one long paragraph) it reads on to the line's end and fails, which is quadratic
    in the paragraph's length. Here every mark and line break is listed once; an opening
    mark is closed by its closing mark when that comes before the next line break (the
    regex's ``[^»\n]*»``), and the scan resumes after a quote, as ``finditer`` does.
    """
    marks: dict[str, list[int]] = {}
    for match in _QUOTE_MARKS.finditer(text):
        marks.setdefault(match.group(), []).append(match.start())
    breaks = marks.get("\n", [])
    spans: list[tuple[int, int]] = []
    resume = 0
    for match in _QUOTE_MARKS.finditer(text):
        start, opening = match.start(), match.group()
        closing = _QUOTE_PAIRS.get(opening)
        if closing is None or start < resume:
            continue
        closers = marks.get(closing, [])
        k = bisect.bisect_right(closers, start)
        if k == len(closers):
            continue
        close = closers[k]
        b = bisect.bisect_right(breaks, start)
        if b < len(breaks) and breaks[b] < close:
            continue
        spans.append((start, close + 1))
        resume = close + 1
    return spans


_DASH = ("–", "—", "-")
_REPORTED = re.compile(r"\b(?:at|that)\b", re.IGNORECASE)
# "På Telegram skriver X", "on Telegram X said": a channel or place before the verb speaks not.
_LOCATIVE = re.compile(r"(?:\b(?:på|i|fra|frå|via|on|in|at|from)\s+)$", re.IGNORECASE)
_TITLE_CLAUSE_BREAK = re.compile(r"[:;|]")
_UKRAINE = re.compile(r"ukrain", re.IGNORECASE)
_LOWER_WORD_NEXT = re.compile(r" [a-zæøå]")
_ENGLISH_POSSESSIVE = re.compile(r"['’]s ")
_MEETING_COMPOUND = re.compile(r"-(?:topp)?møte", re.IGNORECASE)
_SELF = re.compile(r"\b(?:meg selv|meg sjølv|myself)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Context:
    """Everything the earlier stages found in one article, plus the language's cue table."""

    article: Article
    table: CueTable
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Paragraph, ...]
    places: tuple[PlaceMention, ...]
    actors: tuple[ActorMention, ...]
    orgs: tuple[ActorMention, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateRef, ...]
    quantities: tuple[Quantity, ...]


@dataclass(slots=True)
class _Participant:
    start: int
    end: int
    name: str
    kind: str  # person | org | country | group | forces
    rank: int


@dataclass(slots=True)
class _Draft:
    type: EventType
    trigger: str
    trigger_start: int
    sentence_index: int
    last_sentence_index: int
    paragraph: int
    start: int
    end: int
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    place: Place | None = None
    place_surface: str | None = None
    place_inferred: bool = False
    date: str | None = None
    granularity: str | None = None
    date_basis: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    dash_only_statement: bool = False
    # (start, end, sentence_start, sentence_end, kind) of every supporting mention
    mentions: list[tuple[int, int, int, int, str]] = field(default_factory=list)


def _role_head(role: str | None) -> str:
    """Return the head of a role: "President of the United States" gives "president"."""
    return (role or "").lower().split(" of ")[0].strip()


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_Span)


def _word_position(form: str, text: str) -> int | None:
    r"""Return where ``form`` first stands in ``text`` as a whole word, or ``None``.

    Same as ``re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text)`` without compiling a
    pattern per name (each new name missed ``re``'s cache and was compiled at run time).
    """
    position = text.find(form)
    while position != -1:
        end = position + len(form)
        before_ok = position == 0 or not _is_word_char(text[position - 1])
        if before_ok and (end == len(text) or not _is_word_char(text[end])):
            return position
        position = text.find(form, position + 1)
    return None


def _is_word_char(char: str) -> bool:
    r"""Return whether ``char`` is a regex ``\w`` character (letter, digit, underscore)."""
    return char.isalnum() or char == "_"


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _add(items: list[str], *names: str) -> None:
    for name in names:
        if name and name not in items:
            items.append(name)


class _ByStart(Generic[_Spanned]):
    """Mentions found by span in ``O(log n + k)`` rather than by a scan of all of them.

    Why: each event looked through every place and quantity of the article, so a long
    article with many events took time quadratic in its length.
    """

    def __init__(self, items: Sequence[_Spanned]) -> None:
        self.items = list(items)
        self.order = sorted(range(len(self.items)), key=lambda i: self.items[i].start)
        self.starts = [self.items[i].start for i in self.order]

    def within(self, start: int, end: int) -> list[_Spanned]:
        """Return the items with ``start <= item.start`` and ``item.end <= end``, in input order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.starts, end)
        picked = sorted(i for i in self.order[lo:hi] if self.items[i].end <= end)
        return [self.items[i] for i in picked]


class _SpanCover:
    """Tell in ``O(log n)`` whether any of a set of spans overlaps or contains a span.

    Spans sorted by start with the running maximum of their ends: a span starting before
    ``end`` overlaps ``[start, end)`` exactly when the largest end among them passes
    ``start`` (so per-participant checks no longer scan every quote of the article).
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_ends = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Return whether some span ``(s, e)`` has ``s < end`` and ``start < e``."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.max_ends[k - 1] > start

    def contains(self, start: int, end: int) -> bool:
        """Return whether some span ``(s, e)`` has ``s <= start`` and ``end <= e``."""
        k = bisect.bisect_right(self.starts, start)
        return k > 0 and self.max_ends[k - 1] >= end


class _Overlapping(Generic[_Spanned]):
    """Items overlapping a span, found by bisect: ``O(log n + k)`` per question.

    Why: every event scanned every quote of the article (event candidates × quotes), so a
    long article took time quadratic in its length.
    """

    def __init__(self, items: Sequence[_Spanned]) -> None:
        self.items = sorted(items, key=lambda m: m.start)  # stable: input order among equals
        self.starts = [m.start for m in self.items]
        self.max_ends = list(itertools.accumulate((m.end for m in self.items), max))
        self.rank = {id(m): i for i, m in enumerate(items)}

    def overlapping(self, start: int, end: int) -> list[_Spanned]:
        """Return the items with ``item.start < end`` and ``start < item.end``, in input order."""
        k = bisect.bisect_left(self.starts, end) - 1
        found = []
        while k >= 0 and self.max_ends[k] > start:
            if self.items[k].end > start:
                found.append(self.items[k])
            k -= 1
        found.sort(key=lambda m: self.rank[id(m)])
        return found


class _Index:
    """Per-article lookups built once: spans by position, venue, title participants."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        text = ctx.article.text
        self.text = text
        self.sentence_starts = [s.start for s in ctx.sentences]
        self.paragraphs = {p.index: p for p in ctx.paragraphs}
        self.dash_paragraphs = {
            p.index for p in ctx.paragraphs if text[p.start : p.start + 1] in _DASH
        }
        self.quote_spans = _SpanCover([(q.start, q.end) for q in ctx.quotes])
        self.quotes = _Overlapping(ctx.quotes)
        self.dates = DateIndex(ctx.dates)
        self.places = _ByStart(ctx.places)
        self.content_key = (
            ctx.article.content_hash or hashlib.sha256(text.encode("utf-8")).hexdigest()
        )
        self.persons = {m.actor.id: m.actor for m in ctx.actors}
        # Newspapers, agencies and platforms (by registry role): sources, never actors.
        self.not_actors = _SOURCE_NAMES | {
            m.actor.name.lower() for m in ctx.orgs if is_outlet(m.actor)
        }
        self.ukraine_context = any(
            m.place is not None and m.place.country == "UA" for m in ctx.places
        ) or bool(_UKRAINE.search(text))
        self.role_refs = self._role_references()
        self.venue = self._summit_venue()
        self.title_participants = self._title_participants()
        # Spans found once per article, sliced per sentence with bisect.
        parts = sorted(self._all_participants(0, len(text)), key=lambda q: (q.start, -q.rank))
        self.parts = parts
        self.part_starts = [q.start for q in parts]
        self.inline_quotes = _SpanCover(inline_quote_spans(text))
        named = [
            (m.start(), _SOURCES[int(m.lastgroup[1:])][1])
            for m in _SOURCE_ANY.finditer(text)
            if m.lastgroup is not None
        ]
        seen = {start for start, _ in named}  # "AFP" is named once, not also by its actor
        self.source_hits = sorted(
            named
            + [
                (m.start, m.actor.name)
                for m in ctx.orgs
                if is_outlet(m.actor) and m.start not in seen
            ]
        )
        self.source_starts = [start for start, _ in self.source_hits]

    # --------------------------------------------------------------------- participants
    def _role_word(self, place: PlaceMention) -> str | None:
        """Return the title after a country ("USAs president"), or "genitive".

        Any possessive country ("Ukrainas forsvarssjef", "Russia's army") is a modifier,
        never the event's place nor a participant of its own.
        """
        match = self.ctx.table.role_after_place.match(self.text, place.end)
        if match:
            return match.group("role")
        after = self.text[place.end : place.end + 3]
        possessive = (place.surface.endswith("s") and _LOWER_WORD_NEXT.match(after)) or (
            _ENGLISH_POSSESSIVE.match(after)
        )
        return "genitive" if possessive else None

    def _role_references(self) -> list[_Participant]:
        """Resolve "USAs president" to the article's person whose role and country match."""
        found: list[_Participant] = []
        for place in self.ctx.places:
            if place.place is None or place.place.kind != "country":
                continue
            match = self.ctx.table.role_after_place.match(self.text, place.end)
            if match is None:
                continue
            role = self.ctx.table.roles[match.group("role").lower()]
            people = [
                a
                for a in self.persons.values()
                if a.country == place.place.country and _role_head(a.role) == role
            ]
            if len(people) == 1:
                found.append(_Participant(place.start, match.end(), people[0].name, "person", 5))
        return found

    def participants(self, start: int, end: int) -> list[_Participant]:
        """Every participant whose span lies in ``[start, end)``, without overlaps."""
        lo = bisect.bisect_left(self.part_starts, start)
        hi = bisect.bisect_left(self.part_starts, end)
        kept: list[_Participant] = []
        for cand in self.parts[lo:hi]:
            if cand.end > end:
                continue
            clash = [k for k in kept if _overlaps(k.start, k.end, cand.start, cand.end)]
            if not clash:
                kept.append(cand)
            elif all(cand.rank > k.rank for k in clash):
                for k in clash:
                    kept.remove(k)
                kept.append(cand)
        kept.sort(key=lambda q: q.start)
        return [k for k in kept if k.name.lower() not in self.not_actors]

    def _all_participants(self, start: int, end: int) -> list[_Participant]:
        ctx, table, text = self.ctx, self.ctx.table, self.text
        found: list[_Participant] = []
        for m in ctx.actors:
            if start <= m.start and m.end <= end:
                found.append(_Participant(m.start, m.end, m.actor.name, "person", 6))
        for m in ctx.orgs:
            if start <= m.start and m.end <= end:
                found.append(_Participant(m.start, m.end, m.actor.name, "org", 6))
        found.extend(r for r in self.role_refs if start <= r.start and r.end <= end)
        for hit in table.crowd.finditer(text, start, end):
            name = group_name(hit)
            if name != "forces":
                found.append(
                    _Participant(hit.start(), hit.end(), table.groups[int(name[1:])], "group", 4)
                )
                continue
            word = hit.group(0).split()[0].lower()
            country = table.demonyms.get(word) or table.demonyms.get(word[:-1])
            if country:
                found.append(_Participant(hit.start(), hit.end(), country, "forces", 3))
        for p in ctx.places:
            if p.place is None or p.place.kind != "country" or not start <= p.start < end:
                continue
            if self._role_word(p) is not None:
                continue
            found.append(_Participant(p.start, p.end, p.place.name, "country", 2))
        return found

    def in_quote(self, start: int, end: int, sentence: Sentence) -> bool:
        return self.quote_spans.overlaps(start, end) or self.inline_quotes.contains(start, end)

    def inside_quote(self, ref: DateRef) -> bool:
        """Tell whether a date expression stands inside a quote."""
        return self.quote_spans.overlaps(ref.start, ref.end)

    def outside_quotes(self, start: int, end: int) -> bool:
        """Tell whether a span lies outside every quote (for :mod:`geo.events.coref`)."""
        return not (
            self.quote_spans.overlaps(start, end) or self.inline_quotes.contains(start, end)
        )

    def sentence_span(self, position: int) -> tuple[int, int]:
        """Return the offsets of the sentence holding ``position``."""
        sentence = _sentence_of(self, position)
        return (sentence.start, sentence.end) if sentence is not None else (position, position)

    def clause_around(self, position: int) -> tuple[int, int]:
        """Return the clause (see :func:`_clause_bounds`) holding ``position``."""
        sentence = _sentence_of(self, position)
        if sentence is None:
            return position, position
        return _clause_bounds(self.ctx, sentence, position)

    # --------------------------------------------------------------------------- venue
    def is_venue_phrase(self, m: PlaceMention) -> bool:
        """Tell whether a place is named as a meeting's venue ("møtet i X", "X-møtet")."""
        table, text = self.ctx.table, self.text
        before = text[max(0, m.start - 40) : m.start]
        after = text[m.end : m.end + 16]
        return bool(
            table.venue_before.search(before)
            or table.venue_after.match(after)
            or _MEETING_COMPOUND.search(m.surface)
        )

    def _summit_venue(self) -> PlaceMention | None:
        candidates = [m for m in self.ctx.places if m.place is not None and self.is_venue_phrase(m)]
        if not candidates:
            return None
        counts: dict[str, int] = {}
        for c in candidates:
            key = c.place.gazetteer_id if c.place else ""
            counts[key] = counts.get(key, 0) + 1
        return max(
            candidates,
            key=lambda c: (
                _SPECIFICITY.get(c.place.kind, 0) if c.place else 0,
                counts[c.place.gazetteer_id if c.place else ""],
                -c.start,
            ),
        )

    def _title_participants(self) -> list[str]:
        title = self.ctx.article.title or ""
        if not title:
            return []
        for clause in _TITLE_CLAUSE_BREAK.split(title):
            if not self.ctx.table.summit_title.search(clause):
                continue
            names: list[tuple[int, str]] = []
            forms: dict[str, set[str]] = {}
            for mention in self.ctx.actors:
                actor = mention.actor
                forms.setdefault(actor.name, {actor.name, actor.name.split()[-1], *actor.aliases})
                forms[actor.name].add(mention.surface)
            for name, surfaces in forms.items():
                positions = [_word_position(form, clause) for form in surfaces]
                found = [position for position in positions if position is not None]
                if found:
                    names.append((min(found), name))
            return [name for _, name in sorted(names)]
        return []


# ---------------------------------------------------------------------------- helpers


def _clause_bounds(ctx: Context, sentence: Sentence, position: int) -> tuple[int, int]:
    text, table = ctx.article.text, ctx.table
    start, end = sentence.start, sentence.end
    for m in table.clause_break.finditer(text, sentence.start, sentence.end):
        if m.end() <= position:
            start = m.end()
        elif m.start() >= position:
            end = m.start()
            break
    for m in table.conditional.finditer(text, position, end):
        end = m.start()
        break
    return start, end


def _after_preposition(text: str, clause_start: int, position: int, table: CueTable) -> bool:
    """Tell whether a target preposition stands right before ``position`` ("med Trump")."""
    words = text[clause_start:position].split()
    return bool(words) and table.target_prep.fullmatch(words[-1]) is not None


def _last_person(
    ctx: Context, before: int, drafts: list[_Draft], sentence_index: int
) -> str | None:
    for draft in reversed(drafts):
        if sentence_index - draft.last_sentence_index > 3:
            break
        persons = {m.actor.name for m in ctx.actors}
        for name in draft.actors:
            if name in persons:
                return name
    candidates = [m for m in ctx.actors if m.end <= before]
    return candidates[-1].actor.name if candidates else None


def _pronoun_in(ctx: Context, start: int, end: int) -> bool:
    return ctx.table.pronoun.search(ctx.article.text, start, end) is not None


def _assign_statement(idx: _Index, draft: _Draft, sentence: Sentence, drafts: list[_Draft]) -> None:
    ctx, text, table = idx.ctx, idx.text, idx.ctx.table
    for quote in idx.quotes.overlapping(sentence.start, sentence.end):
        if quote.speaker:
            _add(draft.actors, quote.speaker.name)
    people = [
        p
        for p in idx.participants(sentence.start, sentence.end)
        if not idx.in_quote(p.start, p.end, sentence)
    ]
    according = table.according.search(text, sentence.start, sentence.end)
    if not draft.actors and according is not None:
        after = [p for p in people if p.start >= according.end()]
        if after:
            _add(draft.actors, after[0].name)
    speech = table.speech.search(text, sentence.start, sentence.end)
    if not draft.actors and speech is not None:
        clause_start, _ = _clause_bounds(ctx, sentence, speech.start())
        before = [
            p
            for p in people
            if clause_start <= p.start < speech.start()
            and "," not in text[p.end : speech.start()]
            and not _LOCATIVE.search(text, max(clause_start, p.start - 12), p.start)
        ]
        # Inverted order names the speaker right after the verb ("På Telegram skriver
        # Zelenskyj", "sier diplomaten", '"…," said Grossi'); that beats anything before it.
        right_after = [
            p
            for p in people
            if p.start >= speech.end()
            and p.kind in ("person", "org")
            and len(text[speech.end() : p.start].split()) <= 2
            and not _REPORTED.search(text, speech.end(), p.start)
            and not table.target_prep.search(text, speech.end(), p.start)
        ][:1]
        speakers = right_after or [p for p in before if p.kind in ("person", "org")]
        if not speakers:
            speakers = [p for p in before if p.kind in ("country", "group")]
        _add(draft.actors, *(p.name for p in speakers))
        told = table.told.search(text, speech.end(), sentence.end)
        if told is not None:
            addressed = [p for p in people if p.start >= told.end()][:1]
            _add(draft.targets, *(p.name for p in addressed if p.name not in draft.actors))
    if not draft.actors and _pronoun_in(ctx, sentence.start, sentence.end):
        person = _last_person(ctx, sentence.start, drafts, sentence.index)
        if person:
            _add(draft.actors, person)


def _assign_participants(
    idx: _Index, draft: _Draft, sentence: Sentence, trigger_end: int, drafts: list[_Draft]
) -> None:
    ctx, text, table = idx.ctx, idx.text, idx.ctx.table
    clause_start, clause_end = _clause_bounds(ctx, sentence, draft.trigger_start)
    people = [
        p
        for p in idx.participants(clause_start, clause_end)
        if not (idx.in_quote(p.start, p.end, sentence) and p.kind == "country")
    ]
    # The verb is the trigger's first word: "rykket de russiske styrkene lenger fram" holds
    # its subject inside the cue (Norwegian V2 order).
    verb_end = draft.trigger_start + len(text[draft.trigger_start : trigger_end].split()[0])
    before = [
        p
        for p in people
        if p.end <= draft.trigger_start
        and p.kind != "group"
        and not _after_preposition(text, clause_start, p.start, table)
    ]
    after = [p for p in people if p.start >= verb_end]
    actors = list(before)
    if not actors:
        for p in after:
            gap = text[verb_end : p.start]
            if table.target_prep.search(gap) or len(gap.split()) > 4 or p.kind == "group":
                break
            actors.append(p)
            after.remove(p)
            break
    targets: list[_Participant] = []
    seen_prep = False
    cursor = verb_end
    for p in after:
        gap = text[cursor : p.start]
        if table.target_prep.search(gap):
            seen_prep = True
        direct = (
            not targets
            and draft.type in (EventType.THREAT, EventType.STRIKE, EventType.SANCTIONS)
            and len(text[verb_end : p.start].split()) <= 2
        )
        if seen_prep or direct or p.kind == "group":
            targets.append(p)
        cursor = p.end
    _add(draft.actors, *(p.name for p in actors))
    _add(draft.targets, *(p.name for p in targets if p.name not in draft.actors))
    if not draft.actors:
        for q in idx.quotes.overlapping(sentence.start, sentence.end):
            if q.speaker:
                _add(draft.actors, q.speaker.name)
                break
    if _SELF.search(text, sentence.start, sentence.end):
        _add(draft.targets, *draft.actors)  # "et møte med Putin, Zelenskyj og meg selv"
    if not draft.actors and _pronoun_in(ctx, clause_start, clause_end):
        person = _last_person(ctx, sentence.start, drafts, sentence.index)
        if person:
            _add(draft.actors, person)


def _sources(idx: _Index, start: int, end: int) -> list[str]:
    found: list[str] = []
    lo = bisect.bisect_left(idx.source_starts, start)
    hi = bisect.bisect_left(idx.source_starts, end)
    for _, name in idx.source_hits[lo:hi]:
        _add(found, name)
    return found


def _choose_place(
    idx: _Index, draft: _Draft, sentence: Sentence, earlier: Sequence[_Draft] = ()
) -> None:
    """Pick the event's place inside ``sentence`` (a clause span when it holds two events).

    ``earlier`` are the article's events before it: an advance whose only place is the
    country that advances inherits the front place named before it (:func:`_inherited_place`).
    """
    text = idx.text
    best, unresolved, fallback = _explicit_place(idx, draft, sentence)
    best_rank = _SPECIFICITY.get(best.place.kind, 0) if best and best.place else 0
    if draft.type is EventType.SUMMIT and idx.venue is not None and idx.venue.place:
        venue = idx.venue
        venue_rank = _SPECIFICITY.get(venue.place.kind, 0) if venue.place else 0
        same_area = best is None or (
            best.place is not None
            and venue.place is not None
            and best.place.country == venue.place.country
        )
        if same_area and venue_rank >= best_rank:
            inside = sentence.start <= venue.start and venue.end <= sentence.end
            draft.place, draft.place_surface, draft.place_inferred = (
                venue.place,
                venue.surface,
                not inside,
            )
            return
    if draft.type in _DIRECTED_TYPES and best_rank <= 1 and idx.ukraine_context:
        for pattern, key in idx.ctx.table.direction:
            hit = pattern.search(text, sentence.start, sentence.end)
            if hit is not None:
                draft.place, draft.place_surface = FRONT_POINTS[key], hit.group(0)
                draft.place_inferred = True
                return
    if best is not None:
        draft.place, draft.place_surface = best.place, best.surface
    elif unresolved is not None:
        draft.place_surface = unresolved.surface
    elif fallback is not None:
        inherited = _inherited_place(idx, draft, sentence, fallback, earlier)
        if inherited is not None:
            draft.place, draft.place_surface = inherited
            draft.place_inferred = True
        else:
            draft.place, draft.place_surface = fallback.place, fallback.surface


def _inherited_place(
    idx: _Index,
    draft: _Draft,
    sentence: Sentence,
    fallback: PlaceMention,
    earlier: Sequence[_Draft],
) -> tuple[Place, str | None] | None:
    """Return the place an advance placed only at its acting country takes from context.

    Why: in "Analysts said Russia had seized 110 km² around the town" the country is who
    advances, not where; its centroid would put the front inside Russia. In order: the
    place named nearest before the sentence in its paragraph; else the place of the
    article's nearest earlier front event (advance, strike, evacuation); else, in a
    Ukrainian context, the place in Ukraine named nearest before it. Only towns and regions
    count, outside quotes; of one sentence the most specific. ``None`` when nothing fits
    (the country stays, as a coarse place) or when the country is a target, not the actor.
    """
    if draft.type not in _INHERITING_TYPES or fallback.place is None:
        return None
    if fallback.place.name not in draft.actors or fallback.place.name in draft.targets:
        return None
    para = idx.paragraphs.get(sentence.paragraph)
    if para is not None:
        local = _nearest_named_place(idx, para.start, sentence.start, lambda place: True)
        if local is not None:
            return local
    for prev in reversed(earlier):
        if (
            prev.type in _DIRECTED_TYPES
            and prev.place is not None
            and _SPECIFICITY.get(prev.place.kind, 0) >= _REGION_RANK
        ):
            return prev.place, prev.place_surface
    if idx.ukraine_context:
        return _nearest_named_place(idx, 0, sentence.start, lambda place: place.country == "UA")
    return None


def _nearest_named_place(
    idx: _Index, start: int, end: int, accept: Callable[[Place], bool]
) -> tuple[Place, str] | None:
    """Return the most specific town or region of the last sentence in ``[start, end)`` naming one.

    Places inside quotes, role words ("Ukrainas president") and countries are skipped;
    returns the place and its surface.
    """
    found: list[tuple[Place, PlaceMention]] = []
    for m in reversed(idx.places.within(start, end)):
        place = m.place
        if (
            place is None
            or _SPECIFICITY.get(place.kind, 0) < _REGION_RANK
            or not accept(place)
            or not idx.outside_quotes(m.start, m.end)
            or idx._role_word(m) is not None
        ):
            continue
        if found and idx.sentence_span(m.start) != idx.sentence_span(found[0][1].start):
            break
        found.append((place, m))
    if not found:
        return None
    # text order, so the first of equally specific places wins (as in _explicit_place)
    place, mention = max(reversed(found), key=lambda pm: _SPECIFICITY.get(pm[0].kind, 0))
    return place, mention.surface


def _explicit_place(
    idx: _Index, draft: _Draft, sentence: Sentence
) -> tuple[PlaceMention | None, PlaceMention | None, PlaceMention | None]:
    """Return the place candidates named in the sentence.

    (the most specific usable place, the first unresolved mention, a participant country as
    a last resort for military events: "Ukraina beordret evakuering" with nothing else).
    """
    participants = set(draft.actors) | set(draft.targets)
    diplomatic = draft.type not in _DIRECTED_TYPES
    candidates: list[tuple[float, int, PlaceMention]] = []
    unresolved: PlaceMention | None = None
    fallback: PlaceMention | None = None
    for m in idx.places.within(sentence.start, sentence.end):
        if idx.in_quote(m.start, m.end, sentence):
            continue  # a place inside a quote is what was said, not where
        if m.place is None:
            unresolved = unresolved or m
            continue
        if idx._role_word(m) is not None:
            continue
        if m.place.name in participants:
            if not diplomatic and (fallback is None or m.place.name in draft.targets):
                fallback = m  # where a strike lands (the target) beats who launched it
            continue  # "truet Russland", "Russland angrep X": a participant, not the place
        if draft.type in _TOPICAL_TYPES and (m.place.kind == "country" or idx.is_venue_phrase(m)):
            continue  # countries in a statement or threat are its topic, not where it was made
        candidates.append((float(_SPECIFICITY.get(m.place.kind, 0)), -m.start, m))
    best = max(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None
    return best, unresolved, fallback


def _choose_date(idx: _Index, draft: _Draft, start: int, end: int) -> bool:
    """Date the draft from the span by :func:`geo.events.dating.pick_date`.

    A statement skips dates inside quotes (what was said is not when it was said), the rule
    a quote's own date follows too, so the two agree.
    """
    skip = idx.inside_quote if draft.type is EventType.STATEMENT else None
    picked = pick_date(idx.text, idx.ctx.table, idx.dates, start, end, skip=skip)
    if picked is None:
        return False
    draft.date, draft.granularity, draft.date_basis = (
        picked.resolved,
        picked.granularity,
        picked.basis,
    )
    return True


def _sentence_of(idx: _Index, position: int) -> Sentence | None:
    i = bisect.bisect_right(idx.sentence_starts, position) - 1
    return idx.ctx.sentences[i] if i >= 0 else None


def _attach_quotes(idx: _Index, draft: _Draft) -> None:
    para = idx.paragraphs.get(draft.paragraph)
    in_dash = draft.paragraph in idx.dash_paragraphs
    spans = [(draft.start, draft.end)]
    if in_dash and para is not None:
        spans.append((para.start, para.end))
    hits = {id(q): q for a, b in spans for q in idx.quotes.overlapping(a, b)}
    for quote in sorted(hits.values(), key=lambda q: idx.quotes.rank[id(q)]):
        _add(draft.quotes, quote.text)
    for neighbour in (draft.paragraph + 1, draft.paragraph - 1):
        if neighbour not in idx.dash_paragraphs:
            continue
        other = idx.paragraphs[neighbour]
        for quote in idx.quotes.overlapping(other.start, other.end):
            if quote.speaker is not None and quote.speaker.name in draft.actors:
                _add(draft.quotes, quote.text)


# ------------------------------------------------------------------------ post-passes


def _without_repeats(idx: _Index, drafts: list[_Draft]) -> list[_Draft]:
    """Drop an event whose type and sentence repeat an earlier one (captions printed twice)."""
    seen: set[tuple[EventType, str]] = set()
    kept = []
    for draft in drafts:
        key = (draft.type, idx.text[draft.start : draft.end])
        if key not in seen:
            seen.add(key)
            kept.append(draft)
    return kept


def _compatible(a: _Draft, b: _Draft) -> bool:
    if a.type != b.type or b.sentence_index - a.last_sentence_index != 1:
        return False
    if a.paragraph != b.paragraph and not (
        a.type in _MERGE_ACROSS_PARAGRAPHS and b.paragraph - a.paragraph == 1
    ):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if _different_places(a.place, b.place):
        return False  # "møter X i Brussel. Senere møter han X i Genève": two meetings
    return not (a.actors and b.actors and not set(a.actors) & set(b.actors))


def _different_places(a: Place | None, b: Place | None) -> bool:
    """Tell two known places apart: other countries, or two different settlements."""
    if a is None or b is None or a.gazetteer_id == b.gazetteer_id:
        return False
    if a.country != b.country:
        return True
    settlements = ("city", "village")
    return a.kind in settlements and b.kind in settlements


def _more_specific(a: Place | None, b: Place | None) -> bool:
    return b is not None and (
        a is None or _SPECIFICITY.get(b.kind, 0) > _SPECIFICITY.get(a.kind, 0)
    )


def _merge_adjacent(idx: _Index, drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        prev = merged[-1] if merged else None
        if prev is None or not _compatible(prev, draft):
            merged.append(draft)
            continue
        prev.end = draft.end
        prev.last_sentence_index = draft.last_sentence_index
        _add(prev.actors, *draft.actors)
        _add(prev.targets, *(t for t in draft.targets if t not in prev.actors))
        _add(prev.sources, *draft.sources)
        _add(prev.quotes, *draft.quotes)
        prev.mentions.extend(draft.mentions)
        prev.quantities.extend(q for q in draft.quantities if q not in prev.quantities)
        if prev.date is None and draft.date is not None:
            prev.date, prev.granularity, prev.date_basis = (
                draft.date,
                draft.granularity,
                draft.date_basis,
            )
        if _more_specific(prev.place, draft.place):
            prev.place, prev.place_surface = draft.place, draft.place_surface
            prev.place_inferred = draft.place_inferred
    return merged


def _fold_dash_statements(idx: _Index, drafts: list[_Draft]) -> list[_Draft]:
    kept: list[_Draft] = []
    for draft in drafts:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and draft.dash_only_statement
            and draft.paragraph - prev.paragraph in (0, 1)
            and draft.actors
            and set(draft.actors) <= set(prev.actors)
        ):
            _add(prev.quotes, *draft.quotes)
            prev.mentions.extend(draft.mentions)
            continue
        kept.append(draft)
    return kept


def _fill_summits(idx: _Index, drafts: list[_Draft]) -> None:
    for draft in drafts:
        if draft.type is not EventType.SUMMIT:
            continue
        if len(set(draft.actors) | set(draft.targets)) < 2 and idx.title_participants:
            _add(draft.actors, *idx.title_participants)


def _dates_from_quotes(idx: _Index, drafts: list[_Draft]) -> None:
    """Date a statement by the day its quotes were said, so quote and event agree.

    A quote's own date (:attr:`geo.model.Quote.date`, read by the same rule) wins for a
    statement; any other event without a date of its own takes it too.
    """
    dated = {q.text: q for q in idx.ctx.quotes if q.date is not None}
    if not dated:
        return
    for draft in drafts:
        if draft.date is not None and draft.type is not EventType.STATEMENT:
            continue
        said = next((dated[t] for t in draft.quotes if t in dated), None)
        if said is None or said.date == draft.date:
            continue
        draft.date, draft.granularity = said.date, said.date_precision or "day"
        draft.date_basis = "quote"


def _anchor_dates(idx: _Index, drafts: list[_Draft]) -> None:
    for i, draft in enumerate(drafts):
        if draft.date is not None:
            continue
        if draft.paragraph in idx.dash_paragraphs:
            para = idx.paragraphs[draft.paragraph]
            if _choose_date(idx, draft, para.start, para.end):
                draft.date_basis = "quote-context"
                continue
        for prev in reversed(drafts[:i]):
            if draft.sentence_index - prev.last_sentence_index > _ANCHOR_DISTANCE:
                break
            if prev.date is not None and set(prev.actors) & set(draft.actors):
                draft.date, draft.granularity = prev.date, prev.granularity
                draft.date_basis = "anchored"
                break


def _geo_precision(place: Place | None) -> GeoPrecision | None:
    return _GEO_PRECISION.get(place.kind) if place is not None else None


def _to_event(idx: _Index, draft: _Draft) -> Event:
    article = idx.ctx.article
    key = idx.content_key
    granularity = draft.granularity if draft.granularity in _GRANULARITY_RANK else None
    return Event(
        id=make_id("ev", article.id, key, draft.start, draft.end, draft.type.value),
        type=draft.type.value,
        article_id=article.id,
        sentence=idx.text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        date=draft.date,
        date_precision=granularity,  # type: ignore[arg-type]  # checked against the ranks
        actors=tuple(draft.actors),
        targets=tuple(draft.targets),
        place=draft.place,
        place_surface=draft.place_surface,
        place_inferred=draft.place_inferred,
        geo_precision=_geo_precision(draft.place),
        quantities=tuple(sorted(draft.quantities, key=lambda q: q.start)),
        quotes=tuple(draft.quotes),
        sources=tuple(draft.sources),
        trigger=draft.trigger,
        date_basis=draft.date_basis if draft.date else "",
        mentions=tuple(
            EventMention(
                start, end, s_start, s_end, "reference" if kind == "reference" else "trigger"
            )
            for start, end, s_start, s_end, kind in sorted(set(draft.mentions))
        ),
    )


def assemble_events(
    ctx: Context, chosen: list[tuple[Sentence, EventType, str, int, int]]
) -> tuple[Event, ...]:
    """Turn ``(sentence, type, trigger surface, trigger start, trigger end)`` into events.

    See the module docstring for the rules; returns events in text order.
    """
    if not chosen:
        return ()
    idx = _Index(ctx)
    # A quantity that overlaps a date ("15. august 2025 ... 2025 soldater") is not counted.
    date_spans = _SpanCover([(d.start, d.end) for d in ctx.dates])
    quantities = _ByStart([q for q in ctx.quantities if not date_spans.overlaps(q.start, q.end)])
    drafts: list[_Draft] = []
    per_sentence: dict[int, int] = {}
    for sentence, *_ in chosen:
        per_sentence[sentence.index] = per_sentence.get(sentence.index, 0) + 1
    for sentence, event_type, surface, trig_start, trig_end in chosen:
        scope = sentence
        if per_sentence[sentence.index] > 1:  # two events: each keeps to its own clause
            lo, hi = _clause_bounds(ctx, sentence, trig_start)
            scope = Sentence(sentence.index, lo, hi, sentence.paragraph)
        draft = _Draft(
            type=event_type,
            trigger=surface,
            trigger_start=trig_start,
            sentence_index=sentence.index,
            last_sentence_index=sentence.index,
            paragraph=sentence.paragraph,
            start=sentence.start,
            end=sentence.end,
        )
        cue_start, cue_end = (
            (trig_start, trig_end) if trig_end > trig_start else (scope.start, scope.end)
        )
        draft.mentions.append((cue_start, cue_end, sentence.start, sentence.end, "trigger"))
        if event_type is EventType.STATEMENT:
            _assign_statement(idx, draft, sentence, drafts)
        else:
            _assign_participants(idx, draft, sentence, trig_end, drafts)
        draft.sources = _sources(idx, sentence.start, sentence.end)
        draft.actors = [a for a in draft.actors if a.lower() not in idx.not_actors]
        _choose_place(idx, draft, scope, drafts)
        _choose_date(idx, draft, sentence.start, sentence.end)
        draft.quantities = quantities.within(scope.start, scope.end)
        draft.dash_only_statement = (
            event_type is EventType.STATEMENT
            and sentence.paragraph in idx.dash_paragraphs
            and draft.date is None
        )
        _attach_quotes(idx, draft)
        drafts.append(draft)
    drafts = _without_repeats(idx, drafts)
    drafts = _merge_adjacent(idx, drafts)
    drafts = _fold_dash_statements(idx, drafts)
    linked = {d.type for d in drafts} & LINKED_TYPES
    if linked:  # only meetings and calls are named again; skip the scan for other articles
        references = find_references(idx.text, ctx.article.lang, ctx.places, ctx.dates, linked)
        drafts = link_events(idx, drafts, references, idx.sentence_span)
    _fill_summits(idx, drafts)
    _dates_from_quotes(idx, drafts)
    _anchor_dates(idx, drafts)
    return tuple(_to_event(idx, d) for d in drafts)
