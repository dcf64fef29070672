"""The data contract between pipeline stages: frozen, slotted records with character offsets.

Stages pass these records, never dicts, so a misspelt field fails at once and every item keeps
the offsets that trace it back to its sentence. The flow is::

    Article ──sentences/paragraphs──▶ Sentence, Paragraph
            ──entities (NER model)──▶ EntitySpan(label)                (names, unresolved)
            ──places (Gazetteer)────▶ PlaceMention(place: Place | None)
            ──actors (ActorRegistry)▶ ActorMention(actor: Actor)        (people and orgs)
            ──dates────────────────▶ DateRef(resolved, granularity)
            ──quotes───────────────▶ Quote(speaker: Actor | None, outlet, date)
            ──quantities───────────▶ Quantity
            ──events───────────────▶ Event(mentions: EventMention, …)
    all of it in one Extraction per article  ──geo.frames──▶ GeoDataFrames

Offsets (``start``/``end``) are Python ``str`` indices into :attr:`Article.text` (the body
after the front matter), so ``article.text[m.start:m.end] == m.surface`` always holds.

Dates are ISO strings at their granularity (``"2025-08-15"``, ``"2025-08"``, ``"2025"``), the
form the JSON contract and the evaluation use; :func:`DateRef.as_date` gives a ``date``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Actor",
    "ActorKind",
    "ActorMention",
    "Article",
    "DateRef",
    "EntitySpan",
    "EntityType",
    "Event",
    "EventMention",
    "Extraction",
    "GeoPrecision",
    "Granularity",
    "Lang",
    "Paragraph",
    "Place",
    "PlaceKind",
    "PlaceMention",
    "Quantity",
    "Quote",
    "Sentence",
]

Lang = Literal["nb", "nn", "en"]
PlaceKind = Literal["country", "region", "city", "village", "other"]
ActorKind = Literal["person", "org"]
Granularity = Literal["day", "month", "year"]
GeoPrecision = Literal["settlement", "region", "country"]
#: Named-entity types of the recogniser (see :mod:`geo.ner.norne` for how NorNE maps on).
EntityType = Literal["PER", "ORG", "LOC", "GPE", "MISC"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, decoded, with its front matter parsed.

    ``published_precision`` is ``"month"`` when only the month of publication is known
    (``published`` is then the first of that month): weekdays cannot be resolved, bare month
    names still can. ``id`` is the file stem; ``content_hash`` (SHA-256 of the raw bytes)
    drives incremental builds; ``body_offset`` is where :attr:`text` starts in the decoded
    file (after front matter), so a file position is ``body_offset + start``.
    """

    id: str
    text: str
    lang: Lang
    published: dt.date | None = None
    published_precision: Literal["day", "month"] = "day"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    content_hash: str = ""
    body_offset: int = 0


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: a run of text between newlines. ``index`` counts from 0."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one paragraph. ``index`` counts from 0 over the whole article."""

    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: one real place with canonical English name and coordinates.

    ``gazetteer_id`` is ``"geonames:<id>"`` for GeoNames entries, ``"iso:<code>"`` for
    countries and ``"local:<slug>"`` for entries the project adds with a cited source.
    ``country`` is ISO 3166-1 alpha-2, or ``None`` for places spanning countries (Europe).
    """

    gazetteer_id: str
    name: str
    kind: PlaceKind
    country: str | None
    lat: float
    lon: float
    population: int = 0
    admin1: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text.

    ``place`` is ``None`` when the name could not be resolved; the mention is kept (a failed
    lookup keeps its row).
    """

    surface: str
    start: int
    end: int
    place: Place | None


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A name the statistical recogniser found, before the registry or gazetteer resolves it.

    ``label`` is ``PER`` (person), ``ORG`` (organisation), ``LOC`` (a place), ``GPE`` (a
    country or town acting as an organisation: "Norge protesterte") or ``MISC`` (a product,
    event or other name the project does not extract).
    """

    surface: str
    start: int
    end: int
    label: EntityType


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or an organisation, from the registry or discovered in the text.

    ``id`` is the registry id (``"zelensky"``) or ``"discovered:<slug>"``.
    """

    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of a person or an organisation; ``surface`` is the shortest name form."""

    surface: str
    start: int
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: ``text`` without dashes, quote marks or the trailing attribution.

    ``speaker`` is ``None`` when the text does not say who spoke (also for an unnamed
    speaker: "en kilde", "a senior official"). ``attribution`` names the rule that chose the
    speaker (``"verb-after"``, ``"paragraph-before"``, ``"pronoun"``, ``"unnamed"``…), so
    every choice can be explained in the dashboard. ``outlet`` is the newspaper, agency,
    channel or platform that carried the words ("sa til NRK", "ifølge Reuters", "skrev han
    på Telegram"): the source, never the speaker; ``None`` when none is named.

    ``date`` is the day the words were said (ISO at ``date_precision``) as the text states it
    around the quote (never inside it); ``None`` when the text does not say, which is not the
    publication date: the dashboard shows "date not stated (published …)". ``date_basis``
    says where the date came from (``"attribution"``, ``"sentence"``, ``"paragraph"``).

    ``text == article.text[start:end]`` holds, except for a quote that runs over several
    paragraphs (English style: an opening mark at each paragraph, a closing one at the end):
    there ``text`` is that slice with the paragraph-opening marks removed.
    """

    text: str
    start: int
    end: int
    speaker: Actor | None
    attribution: str = ""
    outlet: str | None = None
    date: str | None = None
    date_precision: Granularity | None = None
    date_basis: str = ""


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression resolved against the publication date.

    ``resolved`` is ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"`` matching ``granularity``,
    or ``None`` when it cannot be resolved (no publication date). ``resolved_end`` closes
    spans ("i helga"). ``basis`` says how it was resolved (``"weekday-past"``, ``"absolute"``…).
    """

    surface: str
    start: int
    end: int
    resolved: str | None
    granularity: Granularity | None
    resolved_end: str | None = None
    basis: str = ""

    def as_date(self) -> dt.date | None:
        """Return the first day the expression covers, or ``None`` when unresolved."""
        if self.resolved is None:
            return None
        parts = [int(p) for p in self.resolved.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.date(parts[0], parts[1], parts[2])


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with a unit found in the text: ``Quantity("area_km2", 110.0, "km²", …)``.

    ``approx`` is true for "over 30", "rundt 1150", "about 10".
    """

    name: str
    value: float
    unit: str
    surface: str
    start: int
    end: int
    approx: bool = False


EventMentionKind = Literal["trigger", "reference"]


@dataclass(frozen=True, slots=True)
class EventMention:
    """One place in the article that states or refers to an event.

    ``start``/``end`` are the words themselves (the cue "møtes", or a reference such as
    "møtet i Anchorage", "the summit", "i møte med Trump"); ``sentence_start``/
    ``sentence_end`` the sentence holding them. ``kind`` is ``"trigger"`` for a sentence
    the event was detected in and ``"reference"`` for a later or earlier mention linked to
    it by within-article coreference (see :mod:`geo.events.coref`). Together with the
    article id a mention is a ``{article, start, end}`` pointer, the unit in which events
    fused across articles list their supporting text.
    """

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    kind: EventMentionKind = "trigger"


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what, where and when (see :mod:`geo.events.taxonomy`).

    ``start``/``end`` are the offsets of the sentence that states it first; ``date`` is ISO
    at ``date_precision``; ``actors`` act, ``targets`` are addressed (canonical names).
    ``place_inferred`` marks a place taken from context rather than named in the sentence.
    ``sources`` name who reports it ("ISW", "AFP"); ``trigger`` is the cue that typed it;
    ``date_basis`` says where the date came from ("sentence", "anchored", "coreference"…),
    so every choice can be explained.

    ``mentions`` lists every span of the article that supports the event, in text order:
    the trigger sentence(s) and the references linked to it ("møtet i Anchorage", "i møte
    med Trump", "under møtet fredag kveld"); actors, place and date are gathered from all
    of them, and each stays traceable to its words.
    """

    id: str
    type: str
    article_id: str
    sentence: str
    start: int
    end: int
    date: str | None = None
    date_precision: Granularity | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    place: Place | None = None
    place_surface: str | None = None
    place_inferred: bool = False
    geo_precision: GeoPrecision | None = None
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    trigger: str = ""
    date_basis: str = ""
    mentions: tuple[EventMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article; the unit the corpus builder stores.

    ``problems`` holds non-fatal findings (an unclosed «, an ambiguous speaker) that the
    article still produced a result despite.
    """

    article: Article
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[EntitySpan, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    orgs: tuple[ActorMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    problems: tuple[str, ...] = field(default=())
