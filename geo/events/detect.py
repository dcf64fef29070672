"""Event detection: sentence cues → typed event candidates (see :mod:`geo.events.cues`).

Why sentence-level rules: every event must lead back to the sentence that states it, and the
extractor must run at hundreds of articles per second without a model. The rules, in order:

1. *Headings* (a short paragraph without a full stop: "Russland rykker fram") make no event;
   the body says the same with its date and place.
2. *Triggers*: one pass of the language's combined cue regex over the article. A verb cue
   that is negated ("har ikke angrepet") or sits in a condition ("dersom Russland angriper")
   is dropped, and so is a participle used as an adjective ("the newly liberated city").
   Noun cues never make an event on their own.
3. *Type*: the verb cue of the highest priority wins (evacuation > strike > advance >
   sanctions > threat > proposal > guarantee/aid > call > summit). A second event comes from
   the same sentence only when a second verb cue of another type stands in another clause
   ("…, og Russland angrep Kyiv"). With no verb cue, a speech verb ("sa", "uttalte",
   "ifølge X") or a quote with a speaker makes a *statement*.

Everything else (participants, place, date, quotes, merging of adjacent sentences) is done
by :mod:`geo.events.assemble`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.events.assemble import Context, assemble_events
from geo.events.cues import CueTable, cue_table, group_name
from geo.events.taxonomy import TAXONOMY, EventType
from geo.model import (
    ActorMention,
    Article,
    DateRef,
    Event,
    Paragraph,
    PlaceMention,
    Quantity,
    Quote,
    Sentence,
)

__all__ = ["Trigger", "find_events", "find_triggers"]

_HEADING_MAX_WORDS = 7
_NEGATION_WINDOW = 24  # characters before a trigger searched for "ikke"/"not"
_CLAUSE_PUNCTUATION = re.compile(r"[,;]")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A cue found in a sentence: its type, verb/noun kind and offsets in the article."""

    type: EventType
    kind: str
    start: int
    end: int
    surface: str


def _is_heading(text: str, paragraph: Paragraph, sentence: Sentence) -> bool:
    if sentence.start != paragraph.start or sentence.end != paragraph.end:
        return False
    body = text[paragraph.start : paragraph.end].strip()
    return body[-1:] not in '.!?»"”:' and len(body.split()) <= _HEADING_MAX_WORDS


def _negated(text: str, sentence: Sentence, trigger_start: int, table: CueTable) -> bool:
    window = text[max(sentence.start, trigger_start - _NEGATION_WINDOW) : trigger_start]
    tail = window.split(",")[-1]
    return table.negation.search(tail) is not None


def _conditional(text: str, sentence: Sentence, trigger_start: int, table: CueTable) -> bool:
    before = text[sentence.start : trigger_start]
    clause = _CLAUSE_PUNCTUATION.split(before)[-1]
    return table.conditional.search(clause) is not None


def find_triggers(article: Article, sentence: Sentence, table: CueTable) -> tuple[Trigger, ...]:
    """Return the live cues of one sentence (negated and conditional ones dropped)."""
    text = article.text
    found: list[Trigger] = []
    for match in table.triggers.finditer(text, sentence.start, sentence.end):
        cue = table.cues[int(group_name(match)[1:])]
        if cue.kind == "verb" and (
            _negated(text, sentence, match.start(), table)
            or _conditional(text, sentence, match.start(), table)
        ):
            continue
        if cue.type is EventType.ADVANCE and table.attributive.search(
            text, max(sentence.start, match.start() - 16), match.start()
        ):
            continue  # "newly liberated city", "de okkuperte områdene": an adjective
        found.append(Trigger(cue.type, cue.kind, match.start(), match.end(), match.group(0)))
    return tuple(found)


def _separate_clauses(text: str, first: Trigger, second: Trigger, table: CueTable) -> bool:
    lo, hi = sorted((first, second), key=lambda t: t.start)
    between = text[lo.end : hi.start]
    return table.clause_break.search(between) is not None


def choose_types(text: str, triggers: tuple[Trigger, ...], table: CueTable) -> tuple[Trigger, ...]:
    """Pick the event trigger(s) of a sentence.

    The strongest verb cue wins, except that a threat governs what follows it in its clause
    ("truet med nye sanksjoner" is a threat); a second cue of another type is kept only when
    it stands in another clause.
    """
    verbs = sorted(
        (t for t in triggers if t.kind == "verb"),
        key=lambda t: (-TAXONOMY[t.type].priority, t.start),
    )
    if not verbs:
        return ()
    top = verbs[0]
    threat = next((t for t in verbs if t.type is EventType.THREAT and t.start < top.start), None)
    if threat is not None and not _separate_clauses(text, threat, top, table):
        top = threat  # "truet med nye sanksjoner" threatens sanctions (CAMEO 1312)
    verbs.remove(top)
    verbs.insert(0, top)
    chosen = [top]
    for other in verbs[1:]:
        if other.type != chosen[0].type and _separate_clauses(text, chosen[0], other, table):
            chosen.append(other)
            break
    return tuple(sorted(chosen, key=lambda t: t.start))


def _statement_trigger(
    article: Article, sentence: Sentence, quotes: tuple[Quote, ...], table: CueTable
) -> Trigger | None:
    text = article.text
    for pattern in (table.according, table.speech):
        match = pattern.search(text, sentence.start, sentence.end)
        if match is not None:
            return Trigger(EventType.STATEMENT, "verb", match.start(), match.end(), match.group(0))
    for quote in quotes:
        if quote.speaker is not None and quote.start < sentence.end and sentence.start < quote.end:
            return Trigger(EventType.STATEMENT, "verb", quote.start, quote.start, "quote")
    return None


def find_events(
    article: Article,
    *,
    sentences: tuple[Sentence, ...],
    paragraphs: tuple[Paragraph, ...],
    places: tuple[PlaceMention, ...],
    actors: tuple[ActorMention, ...],
    orgs: tuple[ActorMention, ...],
    quotes: tuple[Quote, ...],
    dates: tuple[DateRef, ...],
    quantities: tuple[Quantity, ...],
) -> tuple[Event, ...]:
    """Return the article's sentence-level events in text order.

    Each event carries its type, actors and targets, place (explicit or inferred, with
    ``place_inferred``), date with precision and basis, quantities, quotes and sources; ids
    are stable (:func:`geo.ids.make_id` of the article, its content hash, the span and type).
    Places arrive already resolved, so the detector needs no gazetteer.

    Examples
    --------
    >>> from geo.model import Article, Sentence, Paragraph
    >>> text = "Russland innførte nye sanksjoner."
    >>> art = Article(id="a", text=text, lang="nb")
    >>> events = find_events(art, sentences=(Sentence(0, 0, len(text), 0),),
    ...     paragraphs=(Paragraph(0, 0, len(text)),), places=(), actors=(), orgs=(),
    ...     quotes=(), dates=(), quantities=())
    >>> [e.type for e in events]
    ['sanctions']
    """
    table = cue_table(article.lang)
    text = article.text
    para_by_index = {p.index: p for p in paragraphs}
    chosen: list[tuple[Sentence, Trigger]] = []
    for sentence in sentences:
        paragraph = para_by_index.get(sentence.paragraph)
        if paragraph is not None and _is_heading(text, paragraph, sentence):
            continue
        triggers = choose_types(text, find_triggers(article, sentence, table), table)
        if not triggers:
            statement = _statement_trigger(article, sentence, quotes, table)
            triggers = (statement,) if statement is not None else ()
        chosen.extend((sentence, trigger) for trigger in triggers)
    context = Context(
        article=article,
        table=table,
        sentences=sentences,
        paragraphs=paragraphs,
        places=places,
        actors=actors,
        orgs=orgs,
        quotes=quotes,
        dates=dates,
        quantities=quantities,
    )
    return assemble_events(context, [(s, t.type, t.surface, t.start, t.end) for s, t in chosen])
