"""Find place names in an article and resolve them through the offline gazetteer.

How, and why this way (it must run at hundreds of articles per second):

1. One regex splits the text into word tokens (``U.S.`` and ``Kam'ianske`` stay whole; an
   English possessive ``’s`` is cut off, so "Ukraine's" gives "Ukraine").
2. At each capitalised token the longest run of up to :data:`MAX_TOKENS` tokens joined by a
   space or a hyphen that is a gazetteer key wins ("Tsjasiv Jar", "Saudi-Arabia",
   "Joint Base Elmendorf-Richardson"). In Norwegian a genitive ``-s`` is tried next
   ("Ukrainas", "USAs", "Saudi-Arabias"); the surface keeps the ``s``, as the annotation
   rules ask. A hyphen compound keeps only the name ("Alaska" in "Alaska-møtet").
3. Institutions named after places ("Kreml", "Det hvite hus", "Ukraine Defense Contact
   Group") and the political "Vesten" are skipped whole; adjectives and demonyms are never
   gazetteer keys (:data:`geo.lexicon.places_en.DEMONYMS`).
4. A name glued by a space to another capitalised word that is not a place is part of a
   person's or an organisation's name ("Lloyd Austin", "Kyiv Post", "Ukraine Contact Defense
   Group"), and so is a name right after a title ("president Trump"); a surname met that
   way is no place later in the article either. Well-known surnames that are also places
   (:data:`geo.lexicon.places_en.PERSON_NAMES`: Rubio, Dmitriev, Eide) count only after a
   preposition of place ("i Eide").
5. At a sentence start, a dash-quote opening or in an all-capitals heading a capital letter
   proves nothing: a name counts there only if the article never writes it in lower case
   ("Vil", "Man"), and a foreign settlement only by its own name and if it is large.
   Names that descriptive lower-case words follow keep only the proper name
   ("Zaporizhzhia nuclear power plant" gives "Zaporizhzhia").
6. Cue words pick the kind: "byen Kherson" is the city, "Kherson-regionen", "Kursk oblast"
   and "guvernøren i Kursk" the region, "elva Dnipro" the river; then
   :func:`geo.gazetteer.resolve.resolve_candidates` picks among homonyms by the article's
   other places.
7. A name after a strong cue ("landsbyen X", "X-regionen") that no rule spells is tried
   fuzzily and otherwise kept unresolved (``place=None``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Literal

from geo.extract.feature_names import feature_names
from geo.extract.recognised_places import recognised_places, vetoed
from geo.extract.small_places import small_places
from geo.gazetteer.build import fold_key
from geo.gazetteer.index import Candidate, Gazetteer
from geo.gazetteer.resolve import KindHint, qualify, resolve_candidates
from geo.lexicon import places_en, places_nb
from geo.model import Article, EntitySpan, PlaceMention, Sentence
from geo.ner.lexicon import SPEECH, TITLE

__all__ = ["MAX_TOKENS", "find_places"]

#: Longest place name, in tokens ("Ukraine Defense Contact Group" must fit to be skipped).
MAX_TOKENS = 4

# Words; "U.S." whole; an inner apostrophe kept (Kam'ianske) unless it opens a possessive.
_TOKEN = re.compile(r"(?:[A-ZÆØÅ][a-z]?\.){2,}|[^\W\d_]+(?:['’ʼ](?![sS]\b)[^\W\d_]+)*")
_JOINERS = frozenset({" ", "-", "‑"})
_ABBREVIATED = frozenset({"St", "Mt", "Ft"})  # "St. Petersburg" is one name
_COUNTRY_RANK = 100.0
_CURATED_RANK = 55.0
_GENITIVE_MIN_RANK = 35.0
#: Settlements ranked below this (own name: about 180,000 inhabitants) need more than a capital
#: letter at a sentence start to count (see _weak_at_start).
_WEAK_START_RANK = 50.0
#: Settlements ranked below this (own name: about 100,000 inhabitants) next to a speech verb
#: are speakers ("Noma said"); see _speaks.
_SPEAKER_MAX_RANK = 48.0
#: A name found in a person's name ("Lloyd Austin") is dropped article-wide only below this
#: rank (own name: about 100,000 inhabitants): "Folkerepublikken Donetsk" must not erase
#: every later "Donetsk".
_SURNAME_MAX_RANK = 48.0
_THEATRE = frozenset({"UA", "RU", "BY"})
_HOME = "NO"  # Norwegian news names small Norwegian places (Kirkenes) at sentence starts

_STOP_KEYS = frozenset(fold_key(n) for n in (*places_nb.NOT_PLACES, *places_en.NOT_PLACES))
_STOP_HEADS = frozenset(key.split(" ", 1)[0] for key in _STOP_KEYS)
_FUNCTION = frozenset(
    fold_key(w)
    for w in (*places_nb.FUNCTION_WORDS, *places_en.FUNCTION_WORDS, *places_en.MODIFIERS)
)
_PERSON_CUES = frozenset(places_nb.PERSON_CUES | places_en.PERSON_CUES)
_PERSON_NAME_KEYS = frozenset(fold_key(n) for n in places_en.PERSON_NAMES)
_COMMON_WORD_KEYS = frozenset(fold_key(n) for n in places_en.COMMON_WORD_CITIES)
_CITY_CUES = places_nb.CITY_CUES | places_en.CITY_CUES
_VILLAGE_CUES = places_nb.VILLAGE_CUES | places_en.VILLAGE_CUES
_REGION_BEFORE = places_nb.REGION_CUES_BEFORE | places_en.REGION_CUES_BEFORE
_REGION_AFTER = places_nb.REGION_CUES_AFTER | places_en.REGION_CUES_AFTER
_RIVER_CUES = places_nb.RIVER_CUES | places_en.RIVER_CUES
_NOT_NAME_WORDS = (
    _PERSON_CUES | _CITY_CUES | _VILLAGE_CUES | _REGION_BEFORE | _REGION_AFTER | _RIVER_CUES
)
_CUE_PAIRS: dict[tuple[str, str], KindHint] = {
    ("guvernøren", "i"): "region",
    ("guvernør", "i"): "region",
    ("governor", "of"): "region",
    ("region", "of"): "region",
    ("city", "of"): "city",
    ("town", "of"): "city",
    ("village", "of"): "village",
}
_CUES_BEFORE: dict[str, KindHint] = {
    **dict.fromkeys(_RIVER_CUES, "river"),
    **dict.fromkeys(_REGION_BEFORE, "region"),
    **dict.fromkeys(_CITY_CUES, "city"),
    **dict.fromkeys(_VILLAGE_CUES, "village"),
}
_CUES_AFTER: dict[str, KindHint] = {
    "byen": "city",
    "city": "city",
    **dict.fromkeys(_RIVER_CUES, "river"),
    **dict.fromkeys(_REGION_AFTER, "region"),
}
#: Titles, and members of parties, that may follow a place that qualifies them ("Ohio Gov.",
#: "Kyiv Mayor", "Texas Democrats").
_TITLES_AFTER = frozenset(w.rstrip(".") for w in TITLE["en"] | TITLE["nb"]) | {
    "gov",
    "lt",
    "democrats",
    "republicans",
    "gop",
}
_SENTENCE_END = frozenset(".!?:\n")
_OPENERS = frozenset(" \t«\"“”'‘(–—-•*")
# The look-ahead lists the letters either alternative starts with (cue words; a capital):
# a cheap test that lets the scan skip most positions (it never changes what matches).
# Both alternatives start at a word start (\b before the alternation) and names are at most
# _NAME_CHARS letters: without that, a long capitalised run ("AAAA…") was rescanned from
# every position inside it (quadratic time).
_NAME_CHARS = 60
_UNKNOWN_CUES = re.compile(
    r"(?=[ltsvA-ZÆØÅ])\b(?:"
    r"(?:landsbyen|tettstedet|småbyen|village of|town of)\s{1,3}"
    rf"(?P<name>[A-ZÆØÅ][^\W\d_]{{1,{_NAME_CHARS}}}(?:[ -][A-ZÆØÅ][^\W\d_]{{1,{_NAME_CHARS}}})?)\b"
    rf"|(?P<region>[A-ZÆØÅ][^\W\d_]{{1,{_NAME_CHARS}}})-(?:regionen|oblasten|fylket|provinsen)\b"
    r")"
)


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    first: int  # token index of the first token
    last: int  # token index of the last token
    key: str
    options: tuple[Candidate, ...]
    hint: KindHint | None = None


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    return fold_key(text)


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _joined(text: str, toks: list[tuple[int, int]], j: int) -> bool:
    """Return whether tokens ``j`` and ``j + 1`` are joined by one space or hyphen."""
    gap = text[toks[j][1] : toks[j + 1][0]]
    return gap in _JOINERS or (
        gap == ". " and text[toks[j][0] : toks[j][1]].capitalize() in _ABBREVIATED
    )


def _match_at(
    text: str, toks: list[tuple[int, int]], i: int, gaz: Gazetteer, lang: str
) -> _Match | int | None:
    """Longest gazetteer name starting at token ``i``; an int = tokens of a stop name."""
    genitive_ok = lang in ("nb", "nn")
    limit = 1
    while limit < MAX_TOKENS and i + limit < len(toks) and _joined(text, toks, i + limit - 1):
        limit += 1
    start = toks[i][0]
    for n in range(limit, 0, -1):
        end = toks[i + n - 1][1]
        surface = text[start:end]
        key = _fold(surface)
        if key in _STOP_KEYS:
            return n
        options = gaz.candidates(key, lang=lang)
        if options and n > 1 and text[toks[i + n - 1][0] : end].lower() in _REGION_AFTER:
            # "Kursk oblast": the surface is the name; the region word becomes the cue.
            shorter = gaz.candidates(_fold(text[start : toks[i + n - 2][1]]), lang=lang)
            if shorter:
                return _Match(start, toks[i + n - 2][1], i, i + n - 2, key, options)
        if options and n > 1 and _shorter_proper_name(text, toks, i, n, gaz=gaz, lang=lang):
            continue  # "Zaporizhzhia nuclear power plant": only the proper name is the place
        if options:
            return _Match(start, end, i, i + n - 1, key, options)
        if genitive_ok and surface.endswith("s") and len(surface) > 3:
            base = _fold(surface[:-1])
            if base in _STOP_KEYS:
                return n
            options = gaz.candidates(base, lang=lang)
            if options and (
                options[0][1] >= _GENITIVE_MIN_RANK or gaz.kind_of(options[0][0]) != "village"
            ):
                return _Match(start, end, i, i + n - 1, base, options)
    return None


def _dotted_abbreviation(
    text: str, toks: list[tuple[int, int]], i: int, gaz: Gazetteer, lang: str
) -> _Match | None:
    """Return "Calif." in "Fresno, Calif." (a comma, the word, its full stop) as a match."""
    start, end = toks[i]
    if text[end : end + 1] != "." or text[max(0, start - 2) : start] != ", ":
        return None
    key = _fold(text[start:end])
    if not gaz.is_dotted(key):
        return None
    options = gaz.candidates(key + ".", lang=lang)
    return _Match(start, end + 1, i, i, key + ".", options) if options else None


def _shorter_proper_name(
    text: str, toks: list[tuple[int, int]], i: int, n: int, *, gaz: Gazetteer, lang: str
) -> bool:
    """Return whether a name ending in a lower-case word has a shorter, capitalised name."""
    if not text[toks[i + n - 1][0]].islower():
        return False
    start = toks[i][0]
    return any(
        text[toks[i + k - 1][0]].isupper()
        and gaz.candidates(_fold(text[start : toks[i + k - 1][1]]), lang=lang)
        for k in range(n - 1, 0, -1)
    )


def _word_before(text: str, toks: list[tuple[int, int]], i: int, k: int = 1) -> str:
    j = i - k
    return text[toks[j][0] : toks[j][1]].lower() if j >= 0 else ""


def _hint(text: str, toks: list[tuple[int, int]], m: _Match) -> KindHint | None:
    """Return the kind the words around the match ask for ("byen X", "X-regionen")."""
    if m.first > 0 and text[toks[m.first - 1][1] : m.start] == " ":
        before = _word_before(text, toks, m.first)
        pair = (_word_before(text, toks, m.first, 2), before)
        hint = _CUE_PAIRS.get(pair) or _CUES_BEFORE.get(before)
        if hint is not None:
            return hint
    nxt = m.last + 1
    if nxt < len(toks) and text[m.end : toks[nxt][0]] in _JOINERS:
        return _CUES_AFTER.get(text[toks[nxt][0] : toks[nxt][1]].lower())
    return None


def _name_word(text: str, tok: tuple[int, int]) -> bool:
    """Return whether the token is a capitalised word that may belong to a name."""
    word = text[tok[0] : tok[1]]
    if not _is_capitalised(word) or len(word) < 2:
        return False
    low = word.lower()
    return _fold(word) not in _FUNCTION and low not in _NOT_NAME_WORDS


def _glued_before(
    text: str, toks: list[tuple[int, int]], m: _Match, strong: set[int]
) -> Literal["inside", "initial"] | None:
    """Tell whether a capitalised non-place word stands right before ("Lloyd Austin").

    ``"initial"`` when that word opens the sentence (it may be an ordinary word written
    with a capital), ``"inside"`` otherwise (surely part of a name).
    """
    prev = m.first - 1
    if prev < 0 or text[toks[prev][1] : m.start] != " " or toks[prev][0] in strong:
        return None
    if not _name_word(text, toks[prev]):
        return None
    return "initial" if _sentence_initial(text, toks[prev][0]) else "inside"


def _glued_after(text: str, toks: list[tuple[int, int]], m: _Match, strong: set[int]) -> bool:
    """Return whether a capitalised non-place word follows ("Kyiv Post", "Marco Rubio").

    A title is no such word: in "Ohio Gov. Jane Roe" or "Kyiv Mayor Ivan Petrenko" the place
    qualifies the office, in "Texas Democrats" the party's members; it is not part of a name.
    """
    nxt = m.last + 1
    return bool(
        nxt < len(toks)
        and text[m.end : toks[nxt][0]] == " "
        and toks[nxt][0] not in strong
        and _name_word(text, toks[nxt])
        and text[toks[nxt][0] : toks[nxt][1]].lower() not in _TITLES_AFTER
    )


def _org_follows(text: str, toks: list[tuple[int, int]], m: _Match) -> bool:
    """Return whether the match opens an organisation's name ("Ukraine Defense Group")."""
    j, end = m.last + 1, m.end
    while j < len(toks) and j <= m.last + MAX_TOKENS and text[end : toks[j][0]] == " ":
        word = text[toks[j][0] : toks[j][1]]
        if not _is_capitalised(word):
            return False
        if word.lower() in places_en.ORG_HEADS:
            return True
        end = toks[j][1]
        j += 1
    return False


def _weak_at_start(text: str, gaz: Gazetteer, m: _Match, lower_words: set[str]) -> bool:
    """Return whether a capital letter made an ordinary word look like a place ("Vil").

    Sentence starts, dash-quote openings and all-capitals headings capitalise ordinary words.
    There a name counts only if the article never writes it in lower case, and a settlement
    outside the war's theatre only by its own name, and abroad only if it is a large city.
    """
    surface = text[m.start : m.end]
    if not (_sentence_initial(text, m.start) or (surface.isupper() and len(surface) > 2)):
        return False
    if surface.isupper() and _dateline(text, m):
        return False
    if surface.lower() in lower_words or m.key in _COMMON_WORD_KEYS:
        return True
    index, rank, _ = m.options[0]
    country = gaz.country_of(index)
    kind = gaz.kind_of(index)
    # A one-word second-level division abroad ("Somme") is judged like a settlement.
    division = kind == "region" and " " not in m.key and rank < _CURATED_RANK
    if country in _THEATRE or (kind not in ("city", "village") and not division):
        return False
    if len(surface) <= 3 or _fold(gaz.place(index).name) != m.key:
        return True
    return country != _HOME and rank < _WEAK_START_RANK


_DATELINE_AFTER = re.compile(r"(?:,| \(| ?[-–—] |:\s|\) ?[-–—] )")


def _dateline(text: str, m: _Match) -> bool:
    """Return whether an all-capitals name opens a line as a dateline ("NEW YORK, May 2 -").

    A news dateline is a place by convention: the name alone at the start of a line (or the
    article), followed by a comma, an agency in brackets or a dash.
    """
    line_start = text.rfind("\n", 0, m.start) + 1
    if text[line_start : m.start].strip(' \t"“«*(') and not _sentence_initial(text, m.start):
        return False
    return _DATELINE_AFTER.match(text, m.end) is not None


def _speaks(text: str, toks: list[tuple[int, int]], m: _Match, gaz: Gazetteer, lang: str) -> bool:
    """Return whether a small town's one-word name stands where a speaker does.

    "Noma said", "said Barry", "according to Davis": a speech verb right after or before a
    one-word name makes it a person, unless a preposition of place precedes it ("a man from
    Dewsbury said"). Countries, regions, the war's theatre and cities from
    about 100,000 inhabitants are spared: they act by the annotation rules ("Moscow said").
    """
    index, rank, _ = m.options[0]
    if (
        m.first != m.last
        or rank >= _SPEAKER_MAX_RANK
        or gaz.kind_of(index) not in ("city", "village")
        or gaz.country_of(index) in _THEATRE
    ):
        return False
    verbs = SPEECH["en" if lang == "en" else "nb"]
    prepositions = places_en.PLACE_PREPOSITIONS if lang == "en" else places_nb.PLACE_PREPOSITIONS
    according = _word_before(text, toks, m.first, 2) == "according"
    if _word_before(text, toks, m.first) in prepositions and not according:
        return False  # "a man from Dewsbury said": the town
    nxt = m.last + 1
    if (
        nxt < len(toks)
        and text[m.end : toks[nxt][0]] == " "
        and text[toks[nxt][0] : toks[nxt][1]].lower() in verbs
    ):
        return True
    prev = m.first - 1
    if prev < 0 or text[toks[prev][1] : m.start] not in (" ", ", "):
        return False
    before = text[toks[prev][0] : toks[prev][1]].lower()
    return before in verbs or (before == "to" and _word_before(text, toks, prev) == "according")


def _after_person_cue(text: str, toks: list[tuple[int, int]], m: _Match) -> bool:
    prev = m.first - 1
    if prev < 0 or text[toks[prev][1] : m.start] != " ":
        return False
    word = text[toks[prev][0] : toks[prev][1]]
    return word.islower() and word in _PERSON_CUES


def _scan(text: str, toks: list[tuple[int, int]], gaz: Gazetteer, lang: str) -> list[_Match]:
    """Return every gazetteer name at a capitalised token, longest first, in text order.

    Only capitalised tokens can open a name, so they are listed first in one comprehension
    (most tokens are lower-case words; a Python loop over all of them cost more than the
    gazetteer look-ups).
    """
    matches: list[_Match] = []
    resume = 0  # the token after the last match: a name never starts inside another
    for i in [i for i, (start, _) in enumerate(toks) if text[start].isupper()]:
        if i < resume:
            continue
        s, e = toks[i]
        word = _fold(text[s:e])
        if (
            word not in _STOP_HEADS
            and not gaz.starts_name(word)
            and not (word.endswith("s") and gaz.starts_name(word[:-1]))
        ):
            continue
        found = _dotted_abbreviation(text, toks, i, gaz, lang) or _match_at(
            text, toks, i, gaz, lang
        )
        if isinstance(found, _Match):
            matches.append(found)
            resume = found.last + 1
        elif isinstance(found, int):
            resume = i + found
    return matches


def _keep_places(
    text: str, toks: list[tuple[int, int]], gaz: Gazetteer, matches: list[_Match], lang: str
) -> list[_Match]:
    """Drop matches that are ordinary words, parts of names, or a person's surname."""
    strong = {m.start for m in matches if m.options[0][1] >= _CURATED_RANK}
    lower_words = {text[s:e] for s, e in toks if text[s].islower()} if matches else set()
    kept: list[_Match] = []
    person_keys: set[str] = set()
    for m in matches:
        top_index, top_rank, _ = m.options[0]
        if gaz.is_upper_only(m.key) and not text[m.start : m.end].rstrip("s").isupper():
            continue
        if _org_follows(text, toks, m) or _weak_at_start(text, gaz, m, lower_words):
            continue
        before = _glued_before(text, toks, m, strong)
        if top_rank >= _COUNTRY_RANK and gaz.kind_of(top_index) == "country":
            if before != "inside":
                kept.append(m)
            continue
        if (
            _after_person_cue(text, toks, m)
            or before == "inside"
            or _surname(text, toks, m, lang)
            or _speaks(text, toks, m, gaz, lang)
        ):
            if top_rank < _SURNAME_MAX_RANK:  # never drop a large city article-wide
                person_keys.add(m.key)
        elif not _glued_after(text, toks, m, strong) and not (
            before == "initial" and top_rank < _CURATED_RANK
        ):
            kept.append(m)
    return [m for m in kept if m.key not in person_keys or m.options[0][1] >= _COUNTRY_RANK]


def _safe(gaz: Gazetteer, m: _Match) -> bool:
    """Return whether the recogniser may not veto the match: a country or a theatre place."""
    index, rank, _ = m.options[0]
    return rank >= _COUNTRY_RANK or gaz.country_of(index) in _THEATRE or rank >= _CURATED_RANK + 15


def _surname(text: str, toks: list[tuple[int, int]], m: _Match, lang: str) -> bool:
    """Return whether a name that is also a well-known surname is used as one here."""
    if m.key not in _PERSON_NAME_KEYS:
        return False
    prepositions = places_en.PLACE_PREPOSITIONS if lang == "en" else places_nb.PLACE_PREPOSITIONS
    prev = m.first - 1
    return prev < 0 or text[toks[prev][0] : toks[prev][1]].lower() not in prepositions


def find_places(
    article: Article,
    *,
    sentences: tuple[Sentence, ...],
    gazetteer: Gazetteer,
    entities: tuple[EntitySpan, ...] = (),
) -> tuple[PlaceMention, ...]:
    """Return the article's place mentions in text order, resolved where possible.

    Parameters
    ----------
    article
        The article; offsets index :attr:`Article.text` (``text[m.start:m.end] ==
        m.surface``).
    sentences
        The article's sentences (kept for the stage contract; sentence starts are found
        from the text itself, which also covers headings and dash-quote openings).
    gazetteer
        The loaded index (:func:`geo.gazetteer.index.load_gazetteer`).
    entities
        The recogniser's names (:mod:`geo.ner`): they veto gazetteer matches that are
        common words or parts of other names, and add places the gazetteer rules missed
        (:mod:`geo.extract.recognised_places`).

    Returns
    -------
    tuple[PlaceMention, ...]
        One mention per occurrence; ``place`` is ``None`` only for names a strong cue marks
        as a place ("landsbyen X") that the gazetteer does not know.
    """
    del sentences  # sentence starts are read off the text (see docstring)
    text = article.text
    toks = _tokens(text)
    matches = _scan(text, toks, gazetteer, article.lang)
    kept = _keep_places(text, toks, gazetteer, matches, article.lang)
    if entities:
        starts = [e.start for e in entities]
        kept = [
            m
            for m in kept
            if not vetoed(
                text,
                m.start,
                m.end,
                safe=_safe(gazetteer, m),
                rank=m.options[0][1],
                entities=entities,
                starts=starts,
                lang=article.lang,
            )
        ]
    for m in kept:
        m.hint = _hint(text, toks, m)
    for inner, outer in pairwise(kept):  # "Paris, Texas": the first lies in the second
        if text[inner.end : outer.start] == ", ":
            pair = qualify(gazetteer, inner.options, outer.options)
            if pair is not None:
                inner.options, outer.options = pair
    chosen = resolve_candidates(gazetteer, [m.options for m in kept], [m.hint for m in kept])
    mentions = [
        PlaceMention(
            surface=text[m.start : m.end],
            start=m.start,
            end=m.end,
            place=gazetteer.place(idx) if idx is not None else None,
        )
        for m, idx in zip(kept, chosen, strict=True)
    ]
    mentions.extend(_cued_unknowns(text, gazetteer, [(m.start, m.end) for m in matches]))
    if entities:
        mentions.extend(
            recognised_places(
                text, gazetteer, entities, [(m.start, m.end) for m in mentions], article.lang
            )
        )
    mentions.extend(
        small_places(
            text,
            toks,
            gazetteer,
            taken=[(m.start, m.end) for m in mentions],
            countries={m.place.country for m in mentions if m.place and m.place.country},
            lang=article.lang,
        )
    )
    mentions.extend(
        m
        for m in feature_names(text, gazetteer, [(m.start, m.end) for m in mentions], article.lang)
        if _fold(m.surface) not in _STOP_KEYS  # "Downing Street" is an institution
    )
    mentions.sort(key=lambda pm: pm.start)
    return tuple(mentions)


def _cued_unknowns(
    text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]]
) -> list[PlaceMention]:
    """Names after strong place cues that the index does not spell: fuzzy, else unresolved."""
    out: list[PlaceMention] = []
    ordered = sorted(taken)  # overlap test by bisect, not a scan of every match per cue
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))
    for cue in _UNKNOWN_CUES.finditer(text):
        group = "name" if cue.group("name") else "region"
        start, end = cue.span(group)
        i = bisect_left(starts, end)
        if i > 0 and reach[i - 1] > start:
            continue
        surface = text[start:end]
        if _fold(surface) in _FUNCTION or _fold(surface) in _STOP_KEYS:
            continue
        found = gazetteer.fuzzy_lookup(surface)
        if group == "region":
            regions = [p for p in found if p.kind == "region"]
            found = tuple(regions) or found
        out.append(PlaceMention(surface, start, end, found[0] if found else None))
    return out
