"""Direct quotes and their speakers, by the conventions of Norwegian and English news.

A quote given to the wrong speaker is a bug users see at once, so every choice is made by
an explicit rule whose name is kept in :attr:`Quote.attribution`:

Quote forms
    - ``dash``: a paragraph opening with "– " (nb/nn), or an inline "– " after a sentence end;
      the quote runs to its attribution (", sa Zelenskyj"), else to the paragraph end.
    - ``«…»``, ``“…”`` and ``"…"`` in any language; a quote still open at a paragraph's
      end whose next paragraph opens with the same mark runs on to the paragraph that
      closes it (English style), and is one quote (its text drops the inner marks).
    - ``label``: interview turns "Spørsmål: …"/"Svar: …", "Q: …"/"A: …", "Støre: …",
      "NRK: …", in blocks of two or more labelled paragraphs with two or more labels.

    Not quotes: a dash line without attribution and without closing punctuation (a heading
    such as "– Lytteøvelse", or an excerpt cut off mid-sentence), one-word scare quotes
    («ja», "invited"), and marks nested inside another quote. An unbalanced « or “ is
    recorded as a problem (what, where) and its quote skipped; the text never raises.

Speaker rules, in order
    - ``verb-after``: ", sa/sier/uttalte/skriver X" (or "ifølge X", "legger han til") right
      after the quote; English ``,” he said`` / ``,” said Umerov`` / ``,” Gen. Mark Milley,
      chairman …, told reporters``.
    - ``det-sier``: "– …. Det sier X til NTB." in the same paragraph.
    - ``sign``: "det sto «…»": written text, no speaker.
    - ``inline-said``: a speech verb before the quote in its sentence; the speaker is the
      subject closest before the verb ("Starmer sa at «…»", "Det hvite hus uttalte at …").
    - ``ifolge``: "Ifølge X … «…»".
    - ``subject``: the sentence opens with an actor, pronoun or role noun before the quote.
    - ``paragraph-after``: the next paragraph opens "Det sier X".
    - ``paragraph-before``: the paragraph before ends with a colon ("Smidt tror at …:"),
      also across list items ("→ …").
    - ``continuation``: a quote that continues the speaker of the quote just before it.

    - ``dialogue``: in a run of paragraph-opening dash turns by two speakers, an
      unattributed turn after a question is by the speaker two turns back.
    - ``interview-question`` / ``interview-answer``: an unattributed run of at least four
      dash turns strictly alternating question and answer (or "Spørsmål"/"Svar" labels):
      questions have no speaker, answers are by the person named last before the run.
    - ``unnamed``: an unnamed speaker ("sa kilder til NRK", "sier en kilde", "unnamed
      European officials said", "the watchdog's inspectors said", "Anonyme kilder sier at")
      keeps no speaker: never the nearest name, never the speaker of the quote before.
    - ``outlet``: a newspaper, agency, channel or platform (registry role, or
      :data:`geo.lexicon.nb.MEDIA_OUTLETS`) that a rule would make the speaker is the
      quote's :attr:`~geo.model.Quote.outlet` instead, and the speaker stays unknown.

    Outlets: every quote also records the outlet named as the carrier in its attribution
    ("til NRK", "på Telegram", "ifølge VG", "Interfax meldte", "told CNN").

    Dates: a quote's date is the day it was said as stated in its attribution or its
    sentence outside the marks (by :func:`geo.events.dating.pick_date`, the rule statements
    use, so quote and event agree), else the colon paragraph introducing it, else the date
    of the quote it continues; otherwise it stays unresolved, never the publication date.

    Pronouns ("han", "hun", "he", "she", "de", "they") resolve to the most recent compatible
    person (gender from the registry or the given name) in this or the two paragraphs before,
    preferring the source of an "ifølge X" in the same sentence; rule name ``pronoun``.
    Definite role nouns ("presidenten", "Nato-sjefen", "utenriksministeren", "the official")
    resolve to the most recent person whose role fits (``role-noun``); "USAs president" to
    the person of that country and role named in the article (``country-role``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

from geo.events.cues import cue_table
from geo.events.dating import DateIndex, PickedDate, pick_date
from geo.extract.actors import is_possessive, person_gender
from geo.lexicon import en, nb
from geo.model import Actor, ActorMention, Article, DateRef, Paragraph, Quote, Sentence

__all__ = ["SPEECH_VERBS", "find_quotes", "is_outlet"]

#: Every speech verb the rules react to (Norwegian and English, lower case).
SPEECH_VERBS: frozenset[str] = nb.SPEECH_VERBS | en.SPEECH_VERBS
_INVERTED = nb.INVERTED_PARTICLE_VERBS
_ACCORDING = nb.ACCORDING_TO
_PRONOUNS: dict[str, str] = {**nb.PRONOUNS, **en.PRONOUNS}
_INDEFINITE = nb.INDEFINITE_ARTICLES | en.INDEFINITE_ARTICLES
_ROLE_NOUNS: dict[str, tuple[re.Pattern[str], ...]] = {
    noun: tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    for noun, patterns in {**nb.ROLE_NOUNS, **en.ROLE_NOUNS}.items()
}
_ORG_ROLE_NOUNS = nb.ORG_ROLE_NOUNS | en.ORG_ROLE_NOUNS
_TITLES: dict[str, str] = {**nb.TITLES, **en.TITLES}
_COUNTRIES: dict[str, str] = {**nb.COUNTRY_GENITIVES, **en.COUNTRY_GENITIVES}
_SIGN_CUES: tuple[str, ...] = nb.SIGN_CUES + en.SIGN_CUES
_PREPOSITIONS = frozenset(
    str.split(
        "med til om mot for overfor på etter av hos mellom between with to about against on of for "
        "from by and og at"
    )
)
#: Words after ", mener" that show the verb is inside the quote ("Vi vet, mener jeg, at …").
_NOT_SPEAKER_WORDS = frozenset(
    str.split("jeg eg vi me du dere at som om det den de dei we i you it that")
)
_ACCORDING_WORDS = frozenset(_ACCORDING)
_GOVERNORS = _PREPOSITIONS | _ACCORDING_WORDS
_NOT_PRONOUN_FOLLOWERS = frozenset({"fleste", "andre", "to", "tre", "mange", "som", "siste"})
_BULLETS = ("→", "•", "-", "*", "–", "—", "·")
_OUTLET_NAMES: frozenset[str] = nb.MEDIA_OUTLETS | en.MEDIA_OUTLETS
_OUTLET_CUES: frozenset[str] = nb.OUTLET_CUES | en.OUTLET_CUES | _ACCORDING_WORDS
_OUTLET_ROLES = en.OUTLET_ROLES
# The verbs among the outlet cues: after an outlet they report ("NRK erfarer"); the
# prepositions among them only count before it ("til NRK"), never after ("VG i talen").
_REPORTING_VERBS: frozenset[str] = frozenset(
    str.split("erfarer erfarte rapporterer rapporterte avslører avslørte learned learns revealed")
    + str.split("reveals reporting")
)
_UNNAMED: frozenset[str] = nb.UNNAMED_HEADS | en.UNNAMED_HEADS
_UNNAMED_PLURAL: frozenset[str] = frozenset(
    w for w in _UNNAMED if w.endswith(("er", "ene", "ar", "ane", "s", "menn", "folk", "people"))
)
_OUTLET_FIRST: frozenset[str] = frozenset(name.split()[0] for name in _OUTLET_NAMES)
# Words an outlet name may hold: capitalised words and numbers ("TV 2"), the lower-case
# "dpa", and the "and"/"of" inside a name; anything else ends a name.
_CAPITALISED = re.compile(r"(?<![\w’'-])(?:[A-ZÆØÅ0-9][\w’'-]*|dpa|and|of)")
_DETERMINERS = frozenset(
    str.split("sin sitt sine hans hennes deres its his her their the egen eigen")
)
_INTERVIEW_LABELS: dict[str, str] = {**nb.INTERVIEW_LABELS, **en.INTERVIEW_LABELS}
_LABEL = re.compile(r"([A-ZÆØÅ][\wæøåÆØÅ.’'-]*(?: [A-ZÆØÅ][\wæøåÆØÅ.’'-]*){0,3}):[ \t]+(?=\S)")
# Characters an attribution may reach from its quote (bounds the work per quote, so a run-on
# sentence with many quotes stays linear).
_ATTRIBUTION_REACH = 300
_UNNAMED_WINDOW = 8  # words an unnamed speaker phrase may run before its verb


@functools.lru_cache(maxsize=4096)
def _name_pattern(
    text: str, *, word_bounded: bool = False, not_vice: bool = False
) -> re.Pattern[str]:
    """Compile (once) a case-insensitive pattern for an organisation name or a role.

    Why a cache of our own: the speaker resolvers used to build these patterns at run
    time for every name; each new name compiled again and evicted entries from ``re``'s
    shared 512-entry cache. The names repeat across articles, so a private cache pays.
    """
    body = re.escape(text)
    if word_bounded:
        body = rf"\b{body}\b"
    if not_vice:
        body = rf"(?<!vice )(?<!vice-){body}"
    return re.compile(body, re.IGNORECASE)


_MARKS = re.compile(r"[«»“”\"]")
_DASH_OPEN = re.compile(r"[–—-] ")
_INLINE_DASH = re.compile(r"(?<=[.!?»”\":])\s+([–—]) ")
_ATTR = re.compile(r"([,?!…])[»”\"]?\s+(\w+(?: to)?)\b")
_DET_SIER = re.compile(r"\.\s+(?:Det|Dette)\s+(\w+)\s")
_WORD = re.compile(r"[\w’'-]+")
#: How far before a quote (in characters) its sentence is searched for the speaker.
_PREFIX_WINDOW = 600
_AFTER_ACCORDING = re.compile(r"\s*,?\s*(?:ifølge|ifølgje|according to)\s+", re.IGNORECASE)
_TRAILING = ",.;:…– "
_TERMINAL = '.!?…»”"'


@functools.lru_cache(maxsize=4096)
def is_outlet(actor: Actor) -> bool:
    """Tell whether an organisation carries others' words: a newspaper, agency or platform.

    By its registry role ("News agency", "Newspaper", "Broadcaster", "Messaging service") or
    its name (:data:`geo.lexicon.nb.MEDIA_OUTLETS`, :data:`geo.lexicon.en.MEDIA_OUTLETS`). An
    outlet is a quote's or an event's source, never its speaker or actor.
    """
    if actor.kind != "org":
        return False
    role = (actor.role or "").lower()
    return (
        any(word in role for word in _OUTLET_ROLES)
        or actor.name in _OUTLET_NAMES
        or any(alias in _OUTLET_NAMES for alias in actor.aliases)
    )


@dataclass(frozen=True, slots=True)
class _Speaker:
    actor: Actor | None
    rule: str


@dataclass(slots=True)
class _Candidate:
    start: int  # quote text (trimmed) start
    end: int
    outer_start: int  # including marks / dash
    outer_end: int  # end of the quote incl. closing mark (dash: where attribution starts)
    kind: str  # "dash" or "marked"
    paragraph: int
    speaker: _Speaker | None = None
    words: int = 0
    skip: bool = False
    extra: dict[str, int] = field(default_factory=dict)
    outlet: str | None = None
    date: PickedDate | None = None
    text: str | None = None  # set when the quote runs over paragraphs (marks removed)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    return start, end


class _Context:
    """Everything the speaker rules look at, indexed once per article."""

    def __init__(
        self,
        article: Article,
        sentences: tuple[Sentence, ...],
        paragraphs: tuple[Paragraph, ...],
        actors: tuple[ActorMention, ...],
        orgs: tuple[ActorMention, ...],
        *,
        dates: tuple[DateRef, ...] = (),
    ) -> None:
        self.text = article.text
        self.table = cue_table(article.lang)
        self.dates = DateIndex(dates)
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.paragraphs = paragraphs
        self.paragraph_starts = [p.start for p in paragraphs]
        self.persons = actors
        self.person_starts = [m.start for m in actors]
        self.mentions = tuple(sorted((*actors, *orgs), key=lambda m: m.start))
        self.mention_starts = [m.start for m in self.mentions]
        self.quote_spans: list[tuple[int, int]] = []
        self._quote_starts: list[int] = []
        self._quote_reach: list[int] = []

    # ----------------------------------------------------------------------------- lookups
    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[i] if i >= 0 else None

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def set_quote_spans(self, spans: list[tuple[int, int]]) -> None:
        """Index quote spans for :meth:`in_quote` (sorted starts, running maximum of ends)."""
        ordered = sorted(spans)
        self.quote_spans = ordered
        self._quote_starts = [s for s, _ in ordered]
        self._quote_reach = []
        reach = -1
        for _, end in ordered:
            reach = max(reach, end)
            self._quote_reach.append(reach)

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self._quote_reach[i] > pos

    def mention_at(self, pos: int) -> ActorMention | None:
        i = bisect.bisect_left(self.mention_starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return self.mentions[i]
        return None

    def mentions_between(self, start: int, end: int) -> list[ActorMention]:
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[lo:hi] if not self.in_quote(m.start)]

    def is_owner(self, mention: ActorMention) -> bool:
        """Tell whether a genitive precedes a noun ("Putins talsmann"): an owner, not an agent."""
        if not is_possessive(mention, self.text):
            return False
        nxt = _WORD.match(self.text, mention.end + (2 if self.text[mention.end] in "'’" else 0))
        after = self.text[mention.end : mention.end + 3].lstrip("'’s ")
        return nxt is None or after[:1].islower()

    def date_of(self, start: int, end: int) -> PickedDate | None:
        """Return the date stated in ``[start, end)`` outside quotes (shared event rule)."""
        if not self.dates.dates:
            return None
        return pick_date(
            self.text, self.table, self.dates, start, end, skip=lambda d: self.in_quote(d.start)
        )

    # ------------------------------------------------------------------------ outlets
    def is_outlet(self, actor: Actor) -> bool:
        """Tell whether an organisation carries others' words (see :func:`is_outlet`)."""
        return is_outlet(actor)

    def carries(self, start: int, end: int) -> bool:
        """Tell whether the outlet at ``start:end`` carries words: "til NRK", "VG skriver"."""
        text = self.text
        before = [w.lower() for w in text[max(0, start - 30) : start].split()]
        while before and before[-1] in _DETERMINERS:
            before.pop()
        if before:
            last = before[-1].strip(",")
            if last in _OUTLET_CUES or last in SPEECH_VERBS:
                return True
        after = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        return after is not None and (
            after.group().lower() in SPEECH_VERBS or after.group().lower() in _REPORTING_VERBS
        )

    def outlet_in(self, start: int, end: int) -> str | None:
        """Return the first outlet named as a carrier between ``start`` and ``end``.

        Registry organisations whose role is an outlet's, and outlet names a recogniser
        may not have tagged (one to three words, or the head of "Telegram-kanalen").
        """
        if end <= start:
            return None
        for mention in self.mentions_between(start, end):
            if self.is_outlet(mention.actor) and self.carries(mention.start, mention.end):
                return mention.actor.name
        text = self.text
        words = list(_CAPITALISED.finditer(text, start, end))
        for i, word in enumerate(words):
            head = word.group().split("-", 1)[0]
            if head not in _OUTLET_FIRST or self.in_quote(word.start()):
                continue
            if head != word.group() and head in _OUTLET_NAMES:
                if self.carries(word.start(), word.start() + len(head)):
                    return head
                continue
            for n in (3, 2, 1):  # "Wall Street Journal", "TV 2", "Reuters"
                if i + n > len(words):
                    continue
                stop = words[i + n - 1].end()
                name = text[word.start() : stop]
                if name in _OUTLET_NAMES and self.carries(word.start(), stop):
                    return name
        return None

    def unnamed_phrase(self, pos: int, limit: int, *, then_verb: bool = False) -> bool:
        """Tell whether an unnamed speaker phrase starts at ``pos`` ("kilder nær Kreml").

        The phrase is a few words headed by an unnamed-speaker noun ("unnamed European
        officials", "the watchdog's inspectors", "en høytstående kilde") before any named
        person; an owner ("Macron's aides") does not name the speaker. With ``then_verb``
        a speech verb must follow the phrase (English ``” a senior official said``).
        """
        text = self.text
        cursor, seen_head = pos, False
        for _ in range(_UNNAMED_WINDOW):
            while cursor < limit and text[cursor] in " ,":
                cursor += 1
            mention = self.mention_at(cursor)
            if mention is not None:
                if not self.is_owner(mention):
                    return False
                cursor = mention.end + (2 if text.startswith(("'s", "’s"), mention.end) else 0)
                continue
            word = _WORD.match(text, cursor)
            if word is None or word.start() >= limit:
                return False
            lower = word.group().lower().removesuffix("'s").removesuffix("’s")
            if lower in _UNNAMED:
                if not then_verb:
                    return True
                seen_head = True
            elif lower in SPEECH_VERBS:
                return seen_head
            elif lower in _PREPOSITIONS and not seen_head:
                return False
            cursor = word.end()
        return False

    # ------------------------------------------------------------------------ resolution
    def resolve_pronoun(self, word: str, pos: int) -> _Speaker:
        gender = _PRONOUNS[word.lower()]
        if gender == "p":  # plural: an organisation, never one person
            for mention in reversed(self.mentions_between(self.window_start(pos), pos)):
                if mention.actor.kind == "org":
                    if self.unnamed_between(mention.end, pos):
                        break  # "Kilder i Kreml … De sier": the unnamed sources, not Kreml
                    return _Speaker(mention.actor, "pronoun")
            return _Speaker(None, "pronoun")
        candidates = [
            m
            for m in self.mentions_between(self.window_start(pos), pos)
            if m.actor.kind == "person" and person_gender(m.actor) in (None, gender)
        ]
        # Walk back sentence by sentence; in the nearest sentence naming a compatible person,
        # prefer whoever speaks there (a speech verb or "ifølge" next to the name), then the
        # subject (the first name no preposition governs), then the last name.
        while candidates:
            group_sentence = self.sentence_at(candidates[-1].start)
            first = group_sentence.start if group_sentence is not None else 0
            group = [m for m in candidates if m.start >= first]
            candidates = candidates[: len(candidates) - len(group)]
            sources = [m for m in group if self.governed(m.start, _ACCORDING_WORDS)]
            if sources:  # "Ifølge X …, noe han kaller «…»": the reporting source
                return _Speaker(sources[-1].actor, "pronoun")
            speakers = [m for m in group if self.speaks(m)]
            if speakers:
                return _Speaker(speakers[-1].actor, "pronoun")
            subjects = [m for m in group if not self.is_owner(m) and not self.governed(m.start)]
            return _Speaker((subjects[0] if subjects else group[-1]).actor, "pronoun")
        return _Speaker(None, "pronoun")

    def speaks(self, mention: ActorMention) -> bool:
        """Tell whether a speech verb or "ifølge" stands right before or after the mention."""
        before = self.text[max(0, mention.start - 25) : mention.start].split()
        after = _WORD.match(self.text, mention.end + 1)
        if after is not None and after.group().lower() in SPEECH_VERBS:
            return True
        if not before:
            return False
        last = before[-1].lower()
        return last in SPEECH_VERBS or last in _ACCORDING or last.rstrip(",") in ("to",)

    def window_start(self, pos: int) -> int:
        idx = self.paragraph_index(pos)
        return self.paragraphs[max(0, idx - 2)].start if self.paragraphs else 0

    def according_to(self, start: int, end: int) -> Actor | None:
        """Source of an "ifølge X" / "according to X" between ``start`` and ``end``."""
        segment = self.text[start:end]
        for match in re.finditer(r"\b(?:[Ii]følge|[Ii]følgje|[Aa]ccording to)\s+", segment):
            pos = start + match.end()
            speaker = self.parse_named(pos, end, allow_org=True)
            if speaker is not None and speaker.actor is not None:
                return speaker.actor
        return None

    def resolve_role(self, noun: str, pos: int) -> _Speaker:
        lower = noun.lower()
        patterns = _ROLE_NOUNS.get(lower)
        if patterns is None and "-" in lower:
            head, _, tail = lower.rpartition("-")
            org = next((m for m in self.mentions if m.surface.lower() == head), None)
            org_name = org.actor.name.lower() if org else head
            patterns = (_name_pattern(org_name),)
            if tail not in _ROLE_NOUNS and not tail.endswith("en"):
                patterns = None
        if patterns is None:
            stem = lower.removesuffix("en").removesuffix("et")
            role = _TITLES.get(stem) or _TITLES.get(lower.removesuffix("n"))
            if role is None:
                return _Speaker(None, "unnamed")
            patterns = (_name_pattern(role, word_bounded=True),)
        want_org = lower in _ORG_ROLE_NOUNS
        for mention in reversed(self.mentions_between(0, pos)):
            actor = mention.actor
            if (actor.kind == "org") != want_org or not (want_org or actor.role):
                continue
            haystack = f"{actor.role or ''} {actor.name}"
            if any(p.search(haystack) for p in patterns):
                return _Speaker(actor, "role-noun")
        return _Speaker(None, "role-noun")

    def resolve_country_role(self, iso: str, title: str, pos: int) -> _Speaker | None:
        role = _TITLES.get(title.lower())
        if role is None:
            return None
        pattern = _name_pattern(role, word_bounded=True, not_vice=True)
        split = bisect.bisect_left(self.person_starts, pos)
        nearest_first = [*reversed(self.persons[:split]), *self.persons[split:]]
        for mention in nearest_first:
            actor = mention.actor
            if actor.country == iso and actor.role and pattern.search(actor.role):
                return _Speaker(actor, "country-role")
        return None

    # ------------------------------------------------------------------------ parsing
    def parse_named(self, pos: int, limit: int, *, allow_org: bool) -> _Speaker | None:
        """Find a named speaker starting at ``pos``: the first non-owner mention of a phrase.

        Title words, country genitives and place words may stand before the name
        ("president Vladimir Putins talsmann Dmitrij Peskov"); punctuation or a
        preposition ends the phrase.
        """
        text = self.text
        cursor = pos
        tokens = 0
        while cursor < limit and tokens < 9:
            while cursor < limit and text[cursor] == " ":
                cursor += 1
            mention = self.mention_at(cursor)
            if mention is not None and text[mention.end : mention.end + 1] == "-":
                compound = _WORD.match(text, cursor)  # "Nato-sjef Mark Rutte"
                cursor = compound.end() if compound is not None else mention.end
                tokens += 1
                continue
            if mention is not None:
                if self.is_owner(mention):
                    cursor = mention.end
                    tokens += 1
                    continue
                if mention.actor.kind == "org" and not (allow_org or tokens == 0):
                    return None
                return _Speaker(mention.actor, "verb-after")
            word = _WORD.match(text, cursor)
            if word is None:
                if cursor < limit and text[cursor] in "().":
                    cursor += 1
                    continue
                return None
            if word.group().lower() in _PREPOSITIONS and tokens:
                return None
            cursor = word.end()
            tokens += 1
        return None

    def parse_after_verb(  # noqa: PLR0911, PLR0912 - one return per documented speaker form
        self, pos: int, quote_start: int
    ) -> _Speaker | None:
        """Who a speech verb ending at ``pos`` names; ``None`` when it names nobody."""
        text = self.text
        sentence = self.sentence_at(pos)
        limit = sentence.end if sentence is not None and sentence.end > pos else len(text)
        while pos < len(text) and text[pos] == " ":
            pos += 1
        word = _WORD.match(text, pos)
        if word is None:
            return None
        lower = word.group().lower()
        if lower in _PRONOUNS:
            nxt = _WORD.match(text, word.end() + 1)
            if nxt is not None and nxt.group().lower() in _NOT_PRONOUN_FOLLOWERS:
                return None
            return self.resolve_pronoun(lower, quote_start)
        second = _WORD.match(text, word.end() + 1) if lower == "the" else None
        role_phrase = second is not None and f"the {second.group().lower()}" in _ROLE_NOUNS
        if not role_phrase and self.unnamed_phrase(word.start(), limit):
            return _Speaker(None, "unnamed")  # "sa kilder til NRK", "said Macron's aides"
        named = self.parse_named(word.start(), limit, allow_org=False)
        if named is not None:
            return named
        compound = word.group()
        if "-" in compound and compound.rsplit("-", 1)[1][:1].islower():
            return self.resolve_role(lower, quote_start)  # "Nato-sjefen", "IAEA-sjefen"
        mention = self.mention_at(word.start())
        if mention is not None:
            return _Speaker(mention.actor, "verb-after")
        if lower == "the":
            second = _WORD.match(text, word.end() + 1)
            if second is not None:
                phrase = f"the {second.group().lower()}"
                if phrase in _ROLE_NOUNS:
                    return self.resolve_role(phrase, quote_start)
            return _Speaker(None, "unnamed")
        if lower in _INDEFINITE:
            return _Speaker(None, "unnamed")
        if lower in _ROLE_NOUNS or (word.group()[:1].islower() and lower.endswith(("en", "et"))):
            return self.resolve_role(lower, quote_start)
        if word.group()[:1].islower() and lower.endswith(("a", "ene")):
            return _Speaker(None, "unnamed")
        return None

    def parse_subject_verb(  # noqa: PLR0911 - one return per documented speaker form
        self, pos: int, quote_start: int
    ) -> _Speaker | None:
        """English ``” Austin said`` / ``” he added`` / ``” Gen. Mark Milley, …, told``."""
        text = self.text
        sentence = self.sentence_at(pos)
        limit = min(len(text), pos + 220)
        if sentence is not None and sentence.end > pos:
            limit = min(limit, sentence.end)
        cursor = pos
        while cursor < limit and text[cursor] in " ,":
            cursor += 1
        word = _WORD.match(text, cursor)
        if word is None:
            return None
        lower = word.group().lower()
        if lower in _PRONOUNS:
            if self._verb_follows(word.end(), limit):
                return self.resolve_pronoun(lower, quote_start)
            return None
        second = _WORD.match(text, word.end() + 1) if lower == "the" else None
        role_phrase = second is not None and f"the {second.group().lower()}" in _ROLE_NOUNS
        if not role_phrase and self.unnamed_phrase(cursor, limit, then_verb=True):
            return _Speaker(None, "unnamed")  # ” unnamed European officials said
        if lower == "the":
            second = _WORD.match(text, word.end() + 1)
            phrase = f"the {second.group().lower()}" if second is not None else ""
            if (
                second is not None
                and phrase in _ROLE_NOUNS
                and self._verb_follows(second.end(), limit)
            ):
                return self.resolve_role(phrase, quote_start)
        for mention in self.mentions_between(cursor, min(limit, cursor + 60)):
            between = text[cursor : mention.start]
            if not re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+)*", between):
                break
            after = mention.end + (2 if text.startswith(("'s", "’s"), mention.end) else 0)
            apposition = re.match(r",[^,“”\"«»]{1,120},", text[after:limit])
            if apposition is not None and not self._verb_follows(after, limit):
                after += apposition.end()
            if self._verb_follows(after, limit):
                return _Speaker(mention.actor, "verb-after")
            break
        return None

    def _verb_follows(self, pos: int, limit: int) -> bool:
        match = re.match(r"\s+(?:also\s+|later\s+|then\s+|\w+ly\s+)?(\w+)", self.text[pos:limit])
        return match is not None and match.group(1).lower() in SPEECH_VERBS

    def prefix_speaker(  # noqa: PLR0911 - one return per documented speaker rule
        self, quote: _Candidate
    ) -> _Speaker | None:
        """Return the speaker named before the quote in its sentence (inline-said, ifolge)."""
        sentence = self.sentence_at(quote.outer_start)
        if sentence is None:
            return None
        # The speaker stands shortly before the quote: a bounded look-back keeps this linear
        # when one endless "sentence" holds thousands of quotes.
        start, end = max(sentence.start, quote.outer_start - _PREFIX_WINDOW), quote.outer_start
        text = self.text
        lowered = text[start:end].lower().rstrip(" :")
        if lowered.endswith(_SIGN_CUES):
            return _Speaker(None, "sign")
        items = self.items(start, end)
        verbs = [
            (m.start(), m.end())
            for m in _WORD.finditer(text, start, end)
            if m.group().lower() in SPEECH_VERBS and not self.in_quote(m.start())
        ]
        for verb_start, verb_end in reversed(verbs):  # the verb closest to the quote governs
            before = [it for it in items if it[1] <= verb_start and not self.governed(it[0])]
            head = self.unnamed_before(start, verb_start)
            if head != -1 and (not before or head < before[0][0]):
                return _Speaker(None, "unnamed")  # "Anonyme kilder i Kreml sier at «…»"
            if before:
                return self.item_speaker(before[-1], "inline-said")
            after = [it for it in items if it[0] >= verb_end]
            if after and text[verb_end : after[0][0]].strip() == "":
                return self.item_speaker(after[0], "inline-said")
        source = self.according_to(start, end)
        if source is not None:
            return _Speaker(source, "ifolge")
        after_according = re.search(
            r"\b(?:[Ii]følge|[Ii]følgje|[Aa]ccording to)\s+", text[start:end]
        )
        if after_according is not None and self.unnamed_phrase(start + after_according.end(), end):
            return _Speaker(None, "unnamed")  # "Ifølge kilder i Kyiv er «…»"
        match = re.search(r"\b(?:[Ii]følge|[Ii]følgje|[Aa]ccording to)\s+(\w+)", text[start:end])
        if match is not None and match.group(1).lower() in _ROLE_NOUNS:
            return self.resolve_role(match.group(1).lower(), quote.start)
        if items:
            first = items[0]
            before_words = [w.group().lower() for w in _WORD.finditer(text, start, first[0])]
            if not before_words or before_words[-1] not in _PREPOSITIONS:
                return self.item_speaker(first, "subject")
        return None

    def unnamed_between(self, start: int, end: int) -> bool:
        """Tell whether a plural unnamed speaker is named between ``start`` and ``end``."""
        return any(
            w.group().lower() in _UNNAMED_PLURAL and not self.in_quote(w.start())
            for w in _WORD.finditer(self.text, start, end)
        )

    def unnamed_before(self, start: int, verb_start: int) -> int:
        """Return where an unnamed speaker heads the clause before a speech verb, else -1."""
        clause = max(start, self.text.rfind(",", start, verb_start) + 1)
        for word in _WORD.finditer(self.text, clause, verb_start):
            if word.group().lower() in _UNNAMED and not self.governed(word.start()):
                return word.start()
        return -1

    def governed(self, pos: int, governors: frozenset[str] | None = None) -> bool:
        """Tell whether a preposition or "ifølge" governs the word at ``pos`` (not a subject)."""
        words = self.text[max(0, pos - 20) : pos].split()
        if not words:
            return False
        last = words[-1].lower()
        if last in (governors if governors is not None else _GOVERNORS):
            return True
        return len(words) > 1 and f"{words[-2].lower()} {last}" == "according to"

    def items(self, start: int, end: int) -> list[tuple[int, int, str, object]]:
        """Actor-like items between ``start`` and ``end``: mentions, pronouns, role nouns."""
        text = self.text
        found: list[tuple[int, int, str, object]] = [
            (m.start, m.end, "mention", m)
            for m in self.mentions_between(start, end)
            if not self.is_owner(m) and m.end <= end
        ]
        taken = {(m[0]) for m in found}
        words = list(_WORD.finditer(text, start, end))
        for idx, word in enumerate(words):
            if word.start() in taken or self.in_quote(word.start()):
                continue
            raw = word.group()
            lower = raw.lower()
            if lower in _PRONOUNS and (raw[0].isupper() or idx > 0):
                if lower in ("de", "dei") and raw[0].islower():
                    continue
                found.append((word.start(), word.end(), "pronoun", lower))
            elif lower in _ROLE_NOUNS and not raw.isupper():
                found.append((word.start(), word.end(), "role", lower))
            elif lower[:-1] in _ORG_ROLE_NOUNS and lower.endswith("s"):
                # "forsvarsalliansens medlemmer ble enige om …": the organisation speaks
                found.append((word.start(), word.end(), "role", lower[:-1]))
            elif lower == "the" and idx + 1 < len(words):
                phrase = f"the {words[idx + 1].group().lower()}"
                if phrase in _ROLE_NOUNS:
                    found.append((word.start(), words[idx + 1].end(), "role", phrase))
            elif raw in _COUNTRIES and idx + 1 < len(words):
                title = words[idx + 1].group()
                if title.lower() in _TITLES and text[word.end() : words[idx + 1].start()] == " ":
                    nxt = words[idx + 2].group() if idx + 2 < len(words) else ""
                    if not nxt[:1].isupper():
                        found.append(
                            (
                                word.start(),
                                words[idx + 1].end(),
                                "country",
                                (_COUNTRIES[raw], title),
                            )
                        )
        found.sort(key=lambda it: it[0])
        return found

    def item_speaker(self, item: tuple[int, int, str, object], rule: str) -> _Speaker:
        start, _end, kind, value = item
        if kind == "mention" and isinstance(value, ActorMention):
            return _Speaker(value.actor, rule)
        if kind == "pronoun":
            return self.resolve_pronoun(str(value), start)
        if kind == "role":
            return self.resolve_role(str(value), start)
        if not isinstance(value, tuple):
            return _Speaker(None, rule)
        iso, title = str(value[0]), str(value[1])
        found = self.resolve_country_role(iso, title, start)
        return found if found is not None else _Speaker(None, rule)

    def paragraph_subject(self, index: int) -> _Speaker | None:
        para = self.paragraphs[index]
        items = self.items(para.start, para.end)
        for item in items:
            return self.item_speaker(item, "paragraph-before")
        return None


def _marked_quotes(ctx: _Context, para: Paragraph, problems: list[str]) -> list[_Candidate]:
    """Top-level «…», “…” and "…" pairs of one paragraph; unbalanced marks become problems."""
    text = ctx.text
    stack: list[tuple[str, int]] = []
    found: list[_Candidate] = []
    for match in _MARKS.finditer(text, para.start, para.end):
        mark, pos = match.group(), match.start()
        if mark in "«“":
            stack.append((mark, pos))
            continue
        opener = {"»": "«", "”": "“"}.get(mark)
        if mark == '"' or (mark == "”" and not any(m == "“" for m, _ in stack)):
            if stack and stack[-1][0] == mark:
                opener = mark
            else:
                stack.append((mark, pos))
                continue
        if not stack or stack[-1][0] != opener:
            problems.append(
                f"unmatched closing {mark} at offset {pos} (paragraph {para.index + 1}): skipped"
            )
            continue
        _, open_pos = stack.pop()
        start, end = _trim(text, open_pos + 1, pos)
        if end <= start:
            continue
        cand = _Candidate(start, end, open_pos, pos + 1, "marked", para.index)
        cand.skip = bool(stack)  # nested inside another quote
        # Words are counted for top-level quotes only: they are disjoint, so the counting is
        # linear; counting every nested quote copied the same text once per level.
        cand.words = 0 if cand.skip else len(text[start:end].split())
        found.append(cand)
    for mark, pos in stack:
        problems.append(
            f"unclosed {mark} at offset {pos} (paragraph {para.index + 1}): quote skipped"
        )
    return found


def _attribution(  # noqa: PLR0912 - the attribution forms are tried in documented order
    ctx: _Context, start: int, limit: int
) -> tuple[int, _Speaker] | None:
    """Find ", sa X" / "? spør X" / ", ifølge X" / ". Det sier X" after a dash quote."""
    text = ctx.text
    for match in _ATTR.finditer(text, start, limit):
        verb = match.group(2).lower()
        verb_end = match.end()
        if verb in _ACCORDING or verb == "according to":
            named = ctx.parse_named(verb_end, limit, allow_org=True)
            if named is not None:
                return match.start(), _Speaker(named.actor, "ifolge")
            continue
        if verb not in SPEECH_VERBS and verb not in _INVERTED:
            continue
        speaker = ctx.parse_after_verb(verb_end, start)
        if speaker is None:
            continue
        if verb in _INVERTED and verb not in SPEECH_VERBS:
            tail = re.match(r"[\w ’'.-]{0,40}?\btil\b", text[verb_end:limit])
            if tail is None:
                continue
        return match.start(), speaker
    for match in _ATTR.finditer(text, start, limit):
        # A speech verb after the comma whose speaker phrase the strict rules cannot read
        # ("sier pressetalsperson for de sørlige styrkene, Natalija Humenjuk"): still the
        # end of the quote; the speaker is the first person named in the rest of the sentence.
        verb = match.group(2).lower()
        if verb not in SPEECH_VERBS or match.group(1) != ",":
            continue
        nxt = _WORD.match(text, match.end() + 1)
        if nxt is not None and nxt.group().lower() in _NOT_SPEAKER_WORDS:
            continue
        sentence = ctx.sentence_at(match.end())
        stop = sentence.end if sentence is not None else limit
        if ctx.unnamed_phrase(match.end(), min(stop, limit)):
            return match.start(), _Speaker(None, "unnamed")  # never the nearest name
        persons = [
            m
            for m in ctx.mentions_between(match.end(), min(stop, limit))
            if m.actor.kind == "person" and not ctx.is_owner(m)
        ]
        return match.start(), _Speaker(persons[0].actor if persons else None, "verb-after-loose")
    for match in _DET_SIER.finditer(text, start, limit):
        if match.group(1).lower() in SPEECH_VERBS:
            speaker = ctx.parse_after_verb(match.end(1), start)
            if speaker is not None:
                return match.start() + 1, _Speaker(speaker.actor, "det-sier")
    return None


def _dash_quotes(ctx: _Context, para: Paragraph) -> list[_Candidate]:
    """Dash quotes of one paragraph: at its start and after sentence ends ("… – Ja, sier han")."""
    text = ctx.text
    starts: list[int] = []
    if _DASH_OPEN.match(text, para.start):
        starts.append(para.start)
    for match in _INLINE_DASH.finditer(text, para.start, para.end):
        if not ctx.in_quote(match.start(1)):
            starts.append(match.start(1))
    found: list[_Candidate] = []
    for k, dash in enumerate(starts):
        limit = starts[k + 1] if k + 1 < len(starts) else para.end
        body = dash + 2
        attribution = _attribution(ctx, body, limit)
        if attribution is not None:
            cut, speaker = attribution
            start, end = _trim(text, body, cut + 1 if text[cut] in "?!" else cut)
            if end > start:
                cand = _Candidate(start, end, dash, cut, "dash", para.index, speaker)
                cand.words = len(text[start:end].split())
                found.append(cand)
            continue
        segment_end = limit
        while segment_end > body and text[segment_end - 1].isspace():
            segment_end -= 1
        if segment_end <= body or text[segment_end - 1] not in _TERMINAL:
            continue  # a heading ("– Lytteøvelse") or an excerpt cut off mid-sentence
        start, end = _trim(text, body, segment_end)
        if end > start:
            cand = _Candidate(start, end, dash, segment_end, "dash", para.index)
            cand.words = len(text[start:end].split())
            found.append(cand)
    return found


def _is_list_item(ctx: _Context, index: int) -> bool:
    para = ctx.paragraphs[index]
    return ctx.text[para.start : para.start + 1] in _BULLETS


def _colon_intro(ctx: _Context, index: int) -> _Speaker | None:
    """Speaker of a colon-ended paragraph before ``index``, across list items."""
    j = index - 1
    while j >= 0:
        para = ctx.paragraphs[j]
        if ctx.text[para.end - 1] == ":":
            return ctx.paragraph_subject(j)
        if not _is_list_item(ctx, j):
            return None
        j -= 1
    return None


def _paragraph_after(ctx: _Context, index: int) -> _Speaker | None:
    if index + 1 >= len(ctx.paragraphs):
        return None
    nxt = ctx.paragraphs[index + 1]
    match = re.match(r"(?:Det|Dette)\s+(\w+)\s", ctx.text[nxt.start : nxt.end])
    if match is None or match.group(1).lower() not in SPEECH_VERBS:
        return None
    speaker = ctx.parse_after_verb(nxt.start + match.end(1), ctx.paragraphs[index].start)
    if speaker is None:
        return None
    return _Speaker(speaker.actor, "paragraph-after")


def _speaker_of(ctx: _Context, quote: _Candidate, previous: list[_Candidate]) -> _Speaker:
    """Try the speaker rules in the documented order; ``"none"`` when no rule applies."""
    text, paragraphs = ctx.text, ctx.paragraphs
    speaker = quote.speaker
    if speaker is None and quote.kind == "marked":
        after = quote.outer_end
        tail = re.match(r"\s*,?\s*(\w+)", text[after : after + 40])
        verb = tail.group(1).lower() if tail is not None else ""
        if tail is not None and (verb in SPEECH_VERBS or verb in _INVERTED):
            speaker = ctx.parse_after_verb(after + tail.end(1), quote.start)
        source = _AFTER_ACCORDING.match(text, after)
        if speaker is None and source is not None:
            named = ctx.parse_named(source.end(), len(text), allow_org=True)
            speaker = _Speaker(named.actor, "ifolge") if named is not None else None
        if speaker is None:
            speaker = ctx.parse_subject_verb(after, quote.start)
        if speaker is None:
            speaker = ctx.prefix_speaker(quote)
    if speaker is None and quote.kind == "dash":
        para_start = paragraphs[quote.paragraph].start
        if text[para_start : quote.outer_start].rstrip().endswith(":"):
            speaker = ctx.prefix_speaker(quote)  # "Zelenskyj sier: – Vi gir oss ikke."
    if speaker is None:
        speaker = _paragraph_after(ctx, quote.paragraph) if quote.kind == "dash" else None
    if speaker is None:
        speaker = _colon_intro(ctx, quote.paragraph)
    if speaker is None:
        speaker = _continuation(ctx, quote, previous)
    return speaker if speaker is not None else _Speaker(None, "none")


def find_quotes(
    article: Article,
    *,
    sentences: tuple[Sentence, ...],
    paragraphs: tuple[Paragraph, ...],
    actors: tuple[ActorMention, ...],
    orgs: tuple[ActorMention, ...],
    dates: tuple[DateRef, ...] = (),
) -> tuple[tuple[Quote, ...], tuple[str, ...]]:
    """Return (quotes in text order, problems such as an unclosed «).

    See the module docstring for the quote forms, the speaker rules, outlets and dates;
    each quote's ``attribution`` names the rule that chose its speaker. ``dates`` are the
    article's date expressions (:func:`geo.extract.dates.find_dates`); without them every
    quote's date stays unstated.
    """
    ctx = _Context(article, sentences, paragraphs, actors, orgs, dates=dates)
    text = article.text
    problems: list[str] = []
    labels = _label_turns(ctx)
    labelled = {q.paragraph for q in labels}
    marked: list[_Candidate] = []
    for para in _chain_paragraphs(ctx, marked):
        marked.extend(_marked_quotes(ctx, para, problems))
    ctx.set_quote_spans([(q.outer_start, q.outer_end) for q in marked])
    dashes: list[_Candidate] = []
    if article.lang in ("nb", "nn"):
        for para in paragraphs:
            if para.index not in labelled:
                dashes.extend(_dash_quotes(ctx, para))
    ctx.set_quote_spans(
        [(q.start, q.end) for q in (*dashes, *labels)]
        + [(q.outer_start, q.outer_end) for q in marked]
    )
    dash_starts = [d.start for d in dashes]  # dash quotes are in text order, never nested
    for quote in marked:
        i = bisect.bisect_right(dash_starts, quote.outer_start) - 1
        if i >= 0 and quote.outer_start < dashes[i].end:
            quote.skip = True  # nested inside a dash quote
        if quote.paragraph in labelled and quote.text is None:
            quote.skip = True  # nested inside an interview turn
        if not quote.skip and (quote.words < 2 or _is_title(text[quote.start : quote.end])):
            quote.skip = True  # one-word scare quote, or a name ("«Dagens Næringsliv»")
    candidates = sorted(
        [q for q in [*dashes, *marked, *labels] if not q.skip], key=lambda q: q.start
    )
    _interview_runs(ctx, candidates)

    quotes: list[Quote] = []
    previous: list[_Candidate] = []
    for quote in candidates:
        speaker = _speaker_of(ctx, quote, previous)
        spans = _attribution_spans(ctx, quote)
        quote.outlet = quote.outlet or next(
            (o for o in (ctx.outlet_in(a, b) for a, b in spans) if o), None
        )
        if speaker.actor is not None and ctx.is_outlet(speaker.actor):
            quote.outlet = quote.outlet or speaker.actor.name  # "ifølge NRK": the source
            speaker = _Speaker(None, "outlet")
        quote.speaker = speaker
        quote.date = _quote_date(ctx, quote, spans, previous)
        previous.append(quote)
        quotes.append(_record(text, quote))
    return tuple(_attribute_forward(ctx, candidates, quotes)), tuple(problems)


def _record(text: str, quote: _Candidate) -> Quote:
    speaker = quote.speaker if quote.speaker is not None else _Speaker(None, "none")
    date = quote.date
    return Quote(
        quote.text if quote.text is not None else text[quote.start : quote.end],
        quote.start,
        quote.end,
        speaker.actor,
        speaker.rule,
        outlet=quote.outlet,
        date=date.resolved if date is not None else None,
        date_precision=date.granularity if date is not None else None,  # type: ignore[arg-type]
        date_basis=date.basis if date is not None else "",
    )


def _attribution_spans(ctx: _Context, quote: _Candidate) -> list[tuple[int, int]]:
    """Return the words around a quote that attribute it: its sentence outside the marks."""
    spans: list[tuple[int, int]] = []
    first = ctx.sentence_at(quote.outer_start)
    if first is not None and first.start < quote.outer_start:
        spans.append((max(first.start, quote.outer_start - _ATTRIBUTION_REACH), quote.outer_start))
    last = ctx.sentence_at(max(0, quote.outer_end - 1))
    if last is not None and last.end > quote.outer_end:
        spans.append((quote.outer_end, min(last.end, quote.outer_end + _ATTRIBUTION_REACH)))
    return spans


def _quote_date(
    ctx: _Context, quote: _Candidate, spans: list[tuple[int, int]], previous: list[_Candidate]
) -> PickedDate | None:
    """Return the day the words were said, as the text states it (else ``None``).

    The attribution and the quote's sentence outside its marks come first ("sa Zelenskyj
    onsdag"); then the introducing paragraph of a colon-introduced quote; then, for a quote
    that continues a speaker, the date of the quote it continues. Dates inside quotes never
    count: what was said is not when it was said.
    """
    for start, end in spans:
        picked = ctx.date_of(start, end)
        if picked is not None:
            basis = "attribution" if start >= quote.outer_end else "sentence"
            return PickedDate(picked.resolved, picked.granularity, basis)
    rule = quote.speaker.rule if quote.speaker is not None else ""
    if rule == "paragraph-before" and quote.paragraph > 0:
        para = ctx.paragraphs[quote.paragraph - 1]
        picked = ctx.date_of(para.start, para.end)
        if picked is not None:
            return PickedDate(picked.resolved, picked.granularity, "paragraph")
    if rule in ("continuation", "dialogue") and quote.speaker is not None:
        for earlier in reversed(previous):
            if earlier.paragraph < quote.paragraph - 3:
                break
            if earlier.speaker is not None and earlier.speaker.actor == quote.speaker.actor:
                if earlier.date is not None:
                    return PickedDate(earlier.date.resolved, earlier.date.granularity, rule)
                break
    return None


def _attribute_forward(
    ctx: _Context, candidates: list[_Candidate], quotes: list[Quote]
) -> list[Quote]:
    """Give an unattributed dash paragraph the speaker of the dash quote right after it.

    "– Vi gir oss ikke." followed by "– Vi vinner, sa Zelenskyj." is one speaker.
    """
    out = list(quotes)
    for k in range(len(candidates) - 2, -1, -1):
        quote, nxt = candidates[k], candidates[k + 1]
        if (
            quote.kind == "dash"
            and nxt.kind == "dash"
            and out[k].attribution == "none"
            and nxt.paragraph == quote.paragraph + 1
            and out[k + 1].speaker is not None
            and ctx.text[ctx.paragraphs[nxt.paragraph].start] in "–—-"
        ):
            q, nxt_quote = out[k], out[k + 1]
            dated = q.date is not None
            out[k] = Quote(
                q.text,
                q.start,
                q.end,
                nxt_quote.speaker,
                "paragraph-after",
                outlet=q.outlet or nxt_quote.outlet,
                date=q.date if dated else nxt_quote.date,
                date_precision=q.date_precision if dated else nxt_quote.date_precision,
                date_basis=q.date_basis if dated else nxt_quote.date_basis,
            )
    return out


def _continuation(ctx: _Context, quote: _Candidate, previous: list[_Candidate]) -> _Speaker | None:
    """Give the last quote's speaker to a quote that opens its sentence or paragraph."""
    text = ctx.text
    sentence = ctx.sentence_at(quote.outer_start)
    opens = sentence is None or text[sentence.start : quote.outer_start].strip(" →•*-–") == ""
    if not opens:
        return None
    turn = _dialogue_turn(ctx, quote, previous)
    if turn is not None:
        return turn
    for earlier in reversed(previous):
        if earlier.paragraph < quote.paragraph - 3:
            break
        if earlier.speaker is not None and earlier.speaker.actor is not None:
            if earlier.paragraph == quote.paragraph or quote.kind == "dash" or _alone(ctx, quote):
                return _Speaker(earlier.speaker.actor, "continuation")
            return None
    return None


def _alone(ctx: _Context, quote: _Candidate) -> bool:
    """Tell whether the quote fills its whole paragraph."""
    para = ctx.paragraphs[quote.paragraph]
    rest = ctx.text[para.start : quote.outer_start] + ctx.text[quote.outer_end : para.end]
    return rest.strip(" .,") == ""


def _is_title(words: str) -> bool:
    """Tell whether a quoted phrase is a name: a few words, every one capitalised."""
    parts = words.split(maxsplit=4)  # five parts are enough to say no
    return len(parts) <= 4 and all(p[:1].isupper() for p in parts)


# ------------------------------------------------------------------ dialogue and interviews


def _opens_paragraph(ctx: _Context, quote: _Candidate) -> bool:
    return (
        quote.kind in ("dash", "label")
        and quote.outer_start == ctx.paragraphs[quote.paragraph].start
    )


def _is_question(ctx: _Context, quote: _Candidate) -> bool:
    return ctx.text[quote.end - 1 : quote.end] == "?"


def _dialogue_turn(ctx: _Context, quote: _Candidate, previous: list[_Candidate]) -> _Speaker | None:
    """Alternate speakers in a dash dialogue: an unattributed turn answers the turn before.

    Two paragraph-opening dash turns by different speakers (one may be the unnamed
    interviewer) right before this one, where the last was a question (or this one and the
    one two back are both questions): this turn is by the speaker two turns back
    ("– Vil du møte ham? spør NRK. / – Ja, svarer Støre. / – Når? / – Snart.").
    """
    if quote.kind != "dash" or len(previous) < 2 or not _opens_paragraph(ctx, quote):
        return None
    last, before = previous[-1], previous[-2]
    if not (
        last.paragraph == quote.paragraph - 1
        and before.paragraph == quote.paragraph - 2
        and _opens_paragraph(ctx, last)
        and _opens_paragraph(ctx, before)
    ):
        return None
    last_actor = last.speaker.actor if last.speaker is not None else None
    before_actor = before.speaker.actor if before.speaker is not None else None
    if last_actor == before_actor or (last_actor is None and before_actor is None):
        return None
    asked = _is_question(ctx, last) or (_is_question(ctx, quote) and _is_question(ctx, before))
    if not asked:
        return None
    if before_actor is None:
        quote.outlet = before.outlet  # the interviewer's outlet asks again
    return _Speaker(before_actor, "dialogue")


def _interviewee(ctx: _Context, before: int) -> Actor | None:
    """Return the person named last before ``before`` outside quotes (the interviewee)."""
    i = bisect.bisect_left(ctx.person_starts, before) - 1
    while i >= 0:
        mention = ctx.persons[i]
        if not ctx.in_quote(mention.start):
            return mention.actor
        i -= 1
    return None


def _interview_runs(ctx: _Context, candidates: list[_Candidate]) -> None:
    """Give the turns of an unattributed dash interview their speakers (in place).

    A run of at least four paragraph-opening dash quotes in consecutive paragraphs, none
    attributed, alternating question ("…?") and answer with at least two of each, is an
    interview: the questions are the interviewer's (unnamed, ``interview-question``), the
    answers the person named last before the run (``interview-answer``).
    """
    run: list[_Candidate] = []
    for quote in [*candidates, None]:
        if (
            quote is not None
            and quote.kind == "dash"
            and quote.speaker is None
            and _opens_paragraph(ctx, quote)
            and (not run or quote.paragraph == run[-1].paragraph + 1)
        ):
            run.append(quote)
            continue
        _assign_interview(ctx, run)
        run = (
            [quote]
            if quote is not None
            and quote.kind == "dash"
            and quote.speaker is None
            and _opens_paragraph(ctx, quote)
            else []
        )


def _assign_interview(ctx: _Context, run: list[_Candidate]) -> None:
    questions = [_is_question(ctx, q) for q in run]
    if len(run) < 4 or sum(questions) < 2 or len(run) - sum(questions) < 2:
        return
    if any(a == b for a, b in itertools.pairwise(questions)):
        return  # not a strict alternation: a monologue with a rhetorical question
    answerer = _interviewee(ctx, run[0].outer_start)
    for quote, asked in zip(run, questions, strict=True):
        quote.speaker = (
            _Speaker(None, "interview-question")
            if asked
            else _Speaker(answerer, "interview-answer")
        )


def _label_turns(ctx: _Context) -> list[_Candidate]:
    """Labelled interview turns: "Spørsmål: …" / "Svar: …", "Q: …", "Støre: …", "NRK: …".

    Only blocks of at least two labelled paragraphs in a row with at least two different
    labels count (a lone "Zelenskyj: Vi gir oss ikke" is a headline), and a turn must end
    like a sentence. A person's label names the speaker; "Spørsmål"/"Q" and an outlet's
    label are the interviewer (no speaker; the outlet is kept); "Svar"/"A" is the person
    named last before the block.
    """
    text = ctx.text
    turns: list[tuple[int, str, Actor | None, int]] = []  # paragraph, kind, actor, body start
    for para in ctx.paragraphs:
        match = _LABEL.match(text, para.start, para.end)
        if match is None or text[para.end - 1 : para.end] not in _TERMINAL:
            continue
        label = match.group(1)
        kind = _INTERVIEW_LABELS.get(label.lower())
        mention = ctx.mention_at(para.start)
        if kind is not None:
            turns.append((para.index, kind, None, match.end()))
        elif mention is not None and mention.end == match.end(1):
            outlet = ctx.is_outlet(mention.actor)
            turns.append((para.index, "q" if outlet else "p", mention.actor, match.end()))
        elif label in _OUTLET_NAMES:
            turns.append((para.index, "q", None, match.end()))
    found: list[_Candidate] = []
    block: list[tuple[int, str, Actor | None, int]] = []
    for turn in [*turns, None]:
        if turn is not None and (not block or turn[0] == block[-1][0] + 1):
            block.append(turn)
            continue
        if len(block) >= 2 and len({(kind, actor) for _, kind, actor, _ in block}) >= 2:
            found.extend(_label_candidates(ctx, block))
        block = [turn] if turn is not None else []
    return found


def _label_candidates(
    ctx: _Context, block: list[tuple[int, str, Actor | None, int]]
) -> list[_Candidate]:
    text = ctx.text
    answerer = _interviewee(ctx, ctx.paragraphs[block[0][0]].start)
    found = []
    for index, kind, actor, body in block:
        para = ctx.paragraphs[index]
        start, end = _trim(text, body, para.end)
        if end <= start:
            continue
        if kind == "p" and actor is not None:
            speaker = _Speaker(actor, "label")
        elif kind == "a":
            speaker = _Speaker(answerer, "interview-answer")
        else:
            speaker = _Speaker(None, "interview-question")
        cand = _Candidate(start, end, para.start, para.end, "label", index, speaker)
        cand.words = len(text[start:end].split())
        if kind == "q" and actor is not None:
            cand.outlet = actor.name
        found.append(cand)
    return found


# ------------------------------------------------------------ quotes over several paragraphs

_OPENERS = {"“": "”", "«": "»", '"': '"'}


def _open_at_end(text: str, start: int, end: int) -> int:
    """Return where the quote left open at the end of ``[start, end)`` opens, else ``-1``."""
    open_at = -1
    depth = 0
    for match in _MARKS.finditer(text, start, end):
        mark = match.group()
        if mark in "“«" or (mark == '"' and depth == 0):
            if depth == 0:
                open_at = match.start()
            depth += 1
        else:
            depth = max(0, depth - 1)
    return open_at if depth > 0 else -1


def _chain_paragraphs(ctx: _Context, marked: list[_Candidate]) -> list[Paragraph]:
    """Find quotes that run over paragraphs; return the paragraph parts left to scan.

    English (and Norwegian «») style: a quote that is still open at a paragraph's end, where
    the next paragraph opens with the same mark, continues there, up to the paragraph whose
    opening mark is closed. Such a quote becomes one candidate (added to ``marked``); the
    parts of its first and last paragraphs outside it are returned for the ordinary scan.
    """
    text, paragraphs = ctx.text, ctx.paragraphs
    parts: list[Paragraph] = []
    i = 0
    failed_until = -1  # paragraphs up to here open a chain that is known not to close
    while i < len(paragraphs):
        para = paragraphs[i]
        open_at = _open_at_end(text, para.start, para.end) if i > failed_until else -1
        chain_end, scanned = _chain_end(ctx, i, text[open_at] if open_at != -1 else "")
        if open_at == -1 or chain_end is None:
            failed_until = max(failed_until, scanned - 1)  # never rescan: linear time
            parts.append(para)
            i += 1
            continue
        last, close_at = chain_end
        start, end = _trim(text, open_at + 1, close_at)
        cand = _Candidate(start, end, open_at, close_at + 1, "marked", para.index)
        cand.text = re.sub(r"(\n\s*)[«“\"]", r"\1", text[start:end])
        cand.words = len(cand.text.split())
        marked.append(cand)
        parts.append(Paragraph(para.index, para.start, open_at))
        closing = paragraphs[last]
        parts.append(Paragraph(closing.index, close_at + 1, closing.end))
        i = last + 1
    return [p for p in parts if p.end > p.start]


def _chain_end(ctx: _Context, first: int, opener: str) -> tuple[tuple[int, int] | None, int]:
    """Return ((paragraph, offset of the closing mark) or ``None``, last paragraph read).

    The paragraphs between ``first`` and a failed chain's last one cannot start a chain
    that closes either, so the caller skips them (no paragraph is read twice).
    """
    if not opener:
        return None, first
    text, paragraphs = ctx.text, ctx.paragraphs
    closer = _OPENERS[opener]
    j = first + 1
    while j < len(paragraphs):
        para = paragraphs[j]
        if text[para.start : para.start + 1] != opener:
            return None, j
        if _open_at_end(text, para.start, para.end) != para.start:
            close_at = text.find(closer, para.start + 1, para.end)
            return ((j, close_at) if close_at != -1 else None), j
        j += 1
    return None, j
