"""Cue tables per language: the words that type an event and find its participants.

Why tables: rules stay readable and testable, and a new cue is one line (textacy's
``REPORTING_VERBS`` idea). Norwegian Bokmål and Nynorsk share one table (Nynorsk forms are
listed beside the Bokmål ones: "snakka", "trua", "våpenkvile", "tryggleiksgarantiar"); English
has its own. Every pattern is matched case-insensitively on word boundaries.

A *verb* cue asserts that something happened or will happen ("møtes", "truet", "rykket …
fram", "beordret evakuering"); a *noun* cue only names a topic ("møtet", "sanksjonene",
"våpenhvile") and never makes an event on its own: "Han bløffer om sanksjoner" is a statement,
not sanctions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

from geo.events.taxonomy import EventType
from geo.model import Lang, Place

__all__ = [
    "CUE_TABLES",
    "FRONT_POINTS",
    "Cue",
    "CueTable",
    "cue_table",
    "first_chars",
    "group_name",
    "split_alternatives",
    "starting_with",
]

CueKind = Literal["verb", "noun"]
T = EventType


@dataclass(frozen=True, slots=True)
class Cue:
    """One trigger: ``pattern`` (regex source) cues ``type``; ``kind`` is verb or noun."""

    type: EventType
    kind: CueKind
    pattern: str


@dataclass(frozen=True, slots=True)
class CueTable:
    """Compiled rules for one language (see module docstring)."""

    cues: tuple[Cue, ...]
    triggers: re.Pattern[str]
    speech: re.Pattern[str]
    according: re.Pattern[str]
    negation: re.Pattern[str]
    conditional: re.Pattern[str]
    clause_break: re.Pattern[str]
    target_prep: re.Pattern[str]
    told: re.Pattern[str]
    pronoun: re.Pattern[str]
    groups: tuple[str, ...]
    crowd: re.Pattern[str]
    demonyms: dict[str, str]
    roles: dict[str, str]
    role_after_place: re.Pattern[str]
    direction: tuple[tuple[re.Pattern[str], str], ...]
    date_bound: re.Pattern[str]
    attributive: re.Pattern[str]
    relative_days: re.Pattern[str]
    numbers: dict[str, int]
    venue_before: re.Pattern[str]
    venue_after: re.Pattern[str]
    summit_title: re.Pattern[str]


_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]|()")


def _split_alternatives(source: str) -> list[str] | None:
    """Split regex source at its top-level ``|``; ``None`` when brackets do not balance."""
    alternatives: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            close = _class_end(source, i)
            if close is None:
                return None
            i = close + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(source[start:i])
            start = i + 1
        i += 1
    if depth != 0:
        return None
    alternatives.append(source[start:])
    return alternatives


#: Public name of :func:`_split_alternatives` (used to read exact first letters elsewhere).
split_alternatives = _split_alternatives


def _class_end(source: str, start: int) -> int | None:
    """Return the index of the ``]`` closing the character class opened at ``start``."""
    i = start + 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1  # a "]" first in a class is a literal
    while i < len(source):
        if source[i] == "\\":
            i += 2
            continue
        if source[i] == "]":
            return i
        i += 1
    return None


def _group_end(source: str, start: int) -> int | None:
    """Return the index of the ``)`` closing the group opened at ``start``."""
    depth, i = 0, start
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            close = _class_end(source, i)
            if close is None:
                return None
            i = close + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _may_be_absent(source: str, after: int) -> bool:
    """Tell whether the quantifier at ``after`` (if any) allows zero repetitions."""
    quantifier = source[after : after + 1]
    if quantifier in ("?", "*"):
        return True
    if quantifier == "{":
        low = source[after + 1 :].split(",", 1)[0].split("}", 1)[0]
        return not low.isdigit() or int(low) == 0
    return False


def _quantifier_end(source: str, at: int) -> int:
    """Return the index after the quantifier at ``at`` ("?", "*", "+", "{m,n}", lazy "?")."""
    end = at
    if source[at : at + 1] in ("?", "*", "+"):
        end = at + 1
    elif source[at : at + 1] == "{":
        end = source.index("}", at) + 1
    if end > at and source[end : end + 1] in ("?", "+"):
        end += 1
    return end


def _group_item(alternative: str) -> tuple[set[str] | None, int]:
    """:func:`_first_item` for an alternative that opens with a group."""
    close = _group_end(alternative, 0)
    if close is None:
        return None, 0
    inner = alternative[1:close]
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?P<"):
        inner = inner.split(">", 1)[1]
    elif inner.startswith("?"):
        return None, 0  # a look-around or an inline flag
    return _starts(inner), close + 1


def _first_item(alternative: str) -> tuple[set[str] | None, int]:
    """Return the characters the first item can start with and the index after the item.

    An item is a plain character, a class of plain characters (``[ab]``) or a group
    (``(?:a|b)``, ``(?P<n>a)``, ``(a)``); anything else (an escape, a look-around, an
    inline flag) gives ``None``.
    """
    first = alternative[0]
    if first == "(":
        return _group_item(alternative)
    if first == "[":
        close = _class_end(alternative, 0)
        members = alternative[1:close] if close is not None else ""
        if close is None or any(char in _REGEX_SYNTAX or char in "-^" for char in members):
            return None, 0
        return ({char.lower() for char in members} or None), close + 1
    if first in _REGEX_SYNTAX:
        return None, 0
    return {first.lower()}, 1


def _alternative_starts(alternative: str) -> set[str] | None:
    """Return the characters one alternative must start with, or ``None`` if unsure.

    An optional first item ("(?:topp)?møtet") adds the characters of what follows it.
    """
    if not alternative:
        return None
    chars, end = _first_item(alternative)
    if chars is None or not _may_be_absent(alternative, end):
        return chars
    rest = _alternative_starts(alternative[_quantifier_end(alternative, end) :])
    return None if rest is None else chars | rest


def _starts(source: str) -> set[str] | None:
    alternatives = _split_alternatives(source)
    if alternatives is None:
        return None
    found: set[str] = set()
    for alternative in alternatives:
        chars = _alternative_starts(alternative)
        if chars is None:
            return None
        found |= chars
    return found


def first_chars(pattern: str) -> frozenset[str] | None:
    """Return the characters (lower case) a pattern must start with, or ``None`` if unsure.

    Reads the regex source itself, conservatively: a plain character, a class of plain
    characters, a group or an alternation of those (an optional one adds what follows it).
    Anything else (an escape, a look-around, a pattern that may match empty) gives
    ``None``, and the pattern is then
    tried at every position, so the answer is never wrong, only slower. (This replaces a
    walk over the parse tree of the private ``re._parser`` module, which a future Python
    may remove.)
    """
    chars = _starts(pattern)
    return frozenset(chars) if chars else None


def starting_with(letters: Iterable[str]) -> str:
    """Return a look-ahead for one of ``letters``: a cheap first test at every position.

    Why: Python's ``re`` tries a pattern that opens with a look-behind and an alternation
    at every character; one class test in front rejects most positions at once.
    """
    return f"(?=[{''.join(re.escape(char) for char in sorted(letters))}])"


def _combine(named: list[tuple[str, str]]) -> re.Pattern[str]:
    """Combine ``(name, pattern)`` pairs into one word-bounded pattern, grouped by first letter.

    At each word start the engine checks one character per letter group and then tries only
    the few patterns that can start with that letter (Python's ``re`` tries alternatives one
    by one, so this is several times faster than a flat alternation); a look-ahead for all
    the letters (:func:`starting_with`) first rejects the other positions. Order is kept
    inside a group, so the earlier pair wins where two match at one position. A pattern
    that can start with several letters appears once per letter as ``<name>_<n>``; read the
    name up to the last underscore.
    """
    by_letter: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for name, pattern in named:
        chars = first_chars(pattern)
        if chars is None:
            anywhere.append(f"(?P<{name}_any>{pattern})")
            continue
        for char in sorted(chars):
            by_letter.setdefault(char, []).append(f"(?P<{name}_{ord(char)}>{pattern})")
    branches = [
        f"(?={re.escape(char)})(?:{'|'.join(alternatives)})"
        for char, alternatives in sorted(by_letter.items())
    ]
    branches.extend(anywhere)
    first = "" if anywhere else starting_with(by_letter)
    return re.compile(
        rf"{first}(?<![\wæøåÆØÅ])(?:{'|'.join(branches)})(?![\wæøåÆØÅ])", re.IGNORECASE
    )


def _compile(cues: tuple[Cue, ...]) -> re.Pattern[str]:
    """Combine the verb cues (named ``c<index>``); noun cues never make an event."""
    return _combine([(f"c{i}", cue.pattern) for i, cue in enumerate(cues) if cue.kind == "verb"])


def group_name(match: re.Match[str]) -> str:
    """Return the pair name of a :func:`_combine` match ("c12", "g0", "forces")."""
    last = match.lastgroup or ""
    return last.rsplit("_", 1)[0]


def _words(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern`` to match whole words only, case-insensitively.

    Its top-level alternatives are grouped by first letter behind a look-ahead for those
    letters, as in :func:`_combine` (same matches, a few times faster to scan); a pattern
    whose alternatives' first letters are not plain, or that names groups, is kept as is.
    """
    alternatives = _split_alternatives(pattern) or [pattern]
    starts = [_alternative_starts(alternative) for alternative in alternatives]
    body, first = pattern, ""
    if "(?P" not in pattern and all(chars is not None for chars in starts):
        by_letter: dict[str, list[str]] = {}
        for alternative, chars in zip(alternatives, starts, strict=True):
            for char in sorted(chars or ()):
                by_letter.setdefault(char, []).append(alternative)
        body = "|".join(
            f"(?={re.escape(char)})(?:{'|'.join(group)})"
            for char, group in sorted(by_letter.items())
        )
        first = starting_with(by_letter)
    return re.compile(rf"{first}(?<![\wæøåÆØÅ])(?:{body})(?![\wæøåÆØÅ])", re.IGNORECASE)


# Representative points for "the front" when a sentence says only "i øst"/"in the east".
# Coordinates typed in from Wikipedia's infobox coordinates of the named towns (GeoNames
# agrees to 0.01°): Pokrovsk 48.283 N 37.176 E, Kostiantynivka 48.528 N 37.705 E (the
# Donetsk front's busiest axis in August 2025, per ISW daily assessments); Kupiansk
# 49.711 N 37.616 E (north-east); Huliaipole 47.661 N 36.256 E (Zaporizhzhia front, south).
FRONT_POINTS: Final = {
    "east": Place("local:front-east-donetsk", "Eastern front (Donetsk Oblast)", "region",
                  "UA", 48.41, 37.44, admin1="Donetsk"),
    "northeast": Place("local:front-northeast-kharkiv", "North-eastern front (Kharkiv Oblast)",
                       "region", "UA", 49.71, 37.62, admin1="Kharkiv"),
    "south": Place("local:front-south-zaporizhzhia", "Southern front (Zaporizhzhia Oblast)",
                   "region", "UA", 47.66, 36.26, admin1="Zaporizhzhia"),
}  # fmt: skip

_NB_CUES: Final = (
    # evacuation
    Cue(T.EVACUATION, "verb", r"beordr\w*(?:\s+\S+){0,3}?\s+(?:tvangs)?evakuer\w*"),
    Cue(T.EVACUATION, "verb", r"evakuer(?:te|t|es|ast|er|a)|evakueringsordre\w*"
                              r"|tvangsevakuer\w*|pålagt\w* evakuering\w*"),
    Cue(T.EVACUATION, "noun", r"evakuering\w*"),
    # strike / attack
    Cue(T.STRIKE, "verb", r"(?:drone|rakett|missil|luft|bombe)(?:angrep|åtak)\w*"),
    Cue(T.STRIKE, "verb", r"angrep(?:et)?|angriper|angreip|åtak(?:et)?|bombet|bomba"
                          r"|beskjøt|beskaut|beskyt(?:ning|ninga|ningen|te|tet)"),
    Cue(T.STRIKE, "verb", r"(?:sendte|avfyrte|skjøt|skaut|lanserte)(?:\s+\S+){0,3}?\s+"
                          r"(?:\w*droner|\w*dronar|raketter|rakettar|missiler|missilar)"),
    Cue(T.STRIKE, "verb", r"(?:ble|vart|er blitt|har blitt)\s+(?:\S+\s+)?(?:drept|drepne)"),
    Cue(T.STRIKE, "noun", r"\w*droner|\w*dronar|raketter|missiler"),
    # advance / territorial change
    Cue(T.ADVANCE, "verb", r"rykk(?:et|er|a|e)(?:\s+\S+){0,5}?\s+(?:fram|frem|inn)"),
    Cue(T.ADVANCE, "verb", r"erobr(?:et|a|er|ar)|gjenerobr(?:et|a|er)|inntok|tok kontroll"
                           r"|tatt kontroll(?:en)?|okkuperte|befridde|frigjorde"
                           r"|har tatt(?= \S+ (?:landsby|by|tettsted))"),
    Cue(T.ADVANCE, "noun", r"framrykking\w*|fremrykking\w*|framrykning\w*|offensiv\w*"),
    # sanctions
    Cue(T.SANCTIONS, "verb", r"(?:innfør\w*|innfer\w*|vedt\w*|ila\w*|skjerp\w*|utvid\w*|nye)"
                             r"(?:\s+\S+){0,3}?\s+sanksjon\w*"),
    Cue(T.SANCTIONS, "verb", r"sanksjonspakke\w*|sanksjonerte|sanksjonerer|straffetoll\w*"),
    Cue(T.SANCTIONS, "noun", r"sanksjon\w*"),
    # threat
    Cue(T.THREAT, "verb", r"true(?:t|r|de)|trua|truga|truer med|advarte om|åtvara om"),
    Cue(T.THREAT, "noun", r"trussel\w*|trusler\w*|truslar\w*"),
    # ceasefire / peace proposal
    Cue(T.PEACE_PROPOSAL, "verb", r"foreslo|foreslår|foreslått|foreslå|gjorde framlegg"),
    Cue(T.PEACE_PROPOSAL, "verb", r"fredsplan\w*|fredsforslag\w*|våpenhvileforslag\w*"),
    Cue(T.PEACE_PROPOSAL, "verb", r"(?:enige|einige|inngikk|signerte|erklærte)(?:\s+\S+){0,3}?"
                                  r"\s+(?:våpenhvile\w*|våpenkvile\w*|fredsavtale\w*)"),
    Cue(T.PEACE_PROPOSAL, "verb", r"(?:arrangere|holde|ha)\s+(?:et|eit)\s+(?:nytt\s+)?"
                                  r"(?:topp)?møte\s+(?:med|mellom)"),
    Cue(T.PEACE_PROPOSAL, "noun", r"våpenhvile\w*|våpenkvile\w*|fredsavtale\w*|fred"),
    # security guarantee / aid
    Cue(T.SECURITY_AID, "verb", r"sikkerhetsgaranti\w*|tryggleiksgaranti\w*|våpenstøtte"
                                r"|våpenhjelp|militærhjelp|militærstøtte|støttepakke\w*"
                                r"|militær (?:støtte|hjelp|bistand)"),
    Cue(T.SECURITY_AID, "verb", r"(?:sender|sendte|gir|ga|lover|lovet|lova|donerer|donerte)"
                                r"(?:\s+\S+){0,4}?\s+(?:våpen|luftvern\w*|stridsvogner"
                                r"|artilleri|ammunisjon|kampfly)"),
    # call
    Cue(T.CALL, "verb", r"snakk(?:et|a|er)(?=[^.]{0,80}?\bmed\b)|ringte|ringde"
                        r"|telefonsamtale\w*|telefonmøte\w*|videosamtale\w*"
                        r"|videokonferanse\w*|på video|på telefon"),
    Cue(T.CALL, "noun", r"samtale\w*|videomøte\w*"),
    # summit / meeting
    Cue(T.SUMMIT, "verb", r"møt(?:es|tes|te|er|ast|test)(?!(?:\s+\S+){0,2}?\s+(?:pressen"
                          r"|journalist\w*|media))|besøk(?:te|er|a)"
                          r"|finner\s+(?:det\s+)?(?:topp)?møtet\s+sted|(?:topp)?møtet\s+finner\s+sted"
                          r"|(?:topp)?møtet\s+(?:holdes|avholdes)"),
    Cue(T.SUMMIT, "noun", r"toppmøte\w*|møtet|møte"),
)  # fmt: skip

_EN_CUES: Final = (
    Cue(T.EVACUATION, "verb", r"ordered(?:\s+\S+){0,3}?\s+(?:the\s+)?evacuat\w*"
                              r"|evacuat(?:ed|es|ing)|evacuation orders?|mandatory evacuation"),
    Cue(T.EVACUATION, "noun", r"evacuation"),
    Cue(T.STRIKE, "verb", r"(?:drone|missile|air|rocket)[ -]?(?:attacks?|strikes?)"),
    Cue(T.STRIKE, "verb", r"attack(?:ed|s)|struck|shelled|bombed|hit|pounded"
                          r"|(?:launched|fired)(?:\s+\S+){0,3}?\s+(?:drones|missiles|rockets)"),
    Cue(T.STRIKE, "verb", r"(?:were|was|have been|had been)\s+killed"),
    Cue(T.STRIKE, "noun", r"attack|strikes?|drones|missiles"),
    Cue(T.ADVANCE, "verb", r"advanc(?:ed|es)|captured|seized|took control|taken control"
                           r"|overran|occupied|recaptured|retook|liberated|pushed forward"
                           r"|gained ground"),
    Cue(T.ADVANCE, "noun", r"advance|offensive"),
    Cue(T.SANCTIONS, "verb", r"(?:impos\w+|announced|new|tighten\w*|expand\w*)(?:\s+\S+){0,3}?"
                             r"\s+sanctions|sanctioned|sanctions package|tariffs? on"),
    Cue(T.SANCTIONS, "noun", r"sanctions"),
    Cue(T.THREAT, "verb", r"threaten(?:s|ed)?|warned of|vowed (?:\S+ ){0,3}?consequences"),
    Cue(T.THREAT, "noun", r"threats?"),
    Cue(T.PEACE_PROPOSAL, "verb", r"propos(?:ed|es|e)|peace plan|peace proposal"
                                  r"|ceasefire proposal"),
    Cue(T.PEACE_PROPOSAL, "verb", r"(?:agreed|signed|declared)(?:\s+\S+){0,3}?\s+"
                                  r"(?:ceasefire|truce|peace (?:deal|agreement))"),
    Cue(T.PEACE_PROPOSAL, "verb", r"(?:hold|arrange|organi[sz]e)\s+a\s+(?:\S+\s+)?"
                                  r"(?:meeting|summit)\s+(?:with|between)"),
    Cue(T.PEACE_PROPOSAL, "noun", r"ceasefire|truce|peace"),
    Cue(T.SECURITY_AID, "verb", r"security guarantees?|military aid|military assistance"
                                r"|weapons package|aid package"
                                r"|(?:send|sent|sends|provide[sd]?|pledge[sd]?|deliver(?:ed|s)?)"
                                r"(?:\s+\S+){0,4}?\s+(?:weapons|air defen[cs]e|tanks|artillery"
                                r"|ammunition|fighter jets)"),
    Cue(T.CALL, "verb", r"(?:phone|video|telephone) call|spoke (?:by phone )?(?:with|to)"
                        r"|talked (?:with|to)|called|video ?conference|held a call"),
    Cue(T.CALL, "noun", r"call|talks"),
    Cue(T.SUMMIT, "verb", r"(?:meet|meets|met)(?!(?:\s+\S+){0,2}?\s+(?:the\s+)?(?:press"
                          r"|reporters|journalists|media))|visited|visits|hosted"
                          r"|summit (?:in|with)"),
    Cue(T.SUMMIT, "noun", r"summit|meeting"),
)  # fmt: skip

_NB_NUMBERS: Final = {
    "en": 1,
    "ett": 1,
    "ein": 1,
    "eitt": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
}
_EN_NUMBERS: Final = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                      "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip

_NB_ROLES: Final = {
    "president": "president", "presidenten": "president", "visepresident": "vice president",
    "statsminister": "prime minister", "statsministeren": "prime minister",
    "utenriksminister": "foreign minister", "utanriksminister": "foreign minister",
    "forsvarsminister": "defence minister", "kansler": "chancellor",
}  # fmt: skip
_EN_ROLES: Final = {
    "president": "president", "vice president": "vice president",
    "prime minister": "prime minister", "foreign minister": "foreign minister",
    "defence minister": "defence minister", "defense minister": "defence minister",
    "chancellor": "chancellor",
}  # fmt: skip

_NB: Final = {
    "speech": r"sa|sier|seier|sagt|uttalte|uttala|uttaler|uttalt|skriver|skrev|skreiv"
    r"|opplyser|opplyste|forteller|fortalte|understreket|understreker|hevder|hevdet"
    r"|erklærte|kunngjorde|melder|meldte|mener|meinte|påpekte",
    "according": r"ifølge|i følge|etter det .{1,20} opplyser",
    "negation": r"ikke|ikkje|aldri|ingen",
    "conditional": r"dersom|hvis|viss|om ikkje|om ikke|i tilfelle",
    "clause_break": r";|,\s*(?:og|men|mens|samtidig som)\b|\bmen\b|\bmens\b|\s–\s",
    "target_prep": r"med|mot|til|for|overfor|av",
    "told": r"fortalt|fortalte|sa til|sier til|advarte|ba",
    "pronoun": r"han|hun|ho|hen",
    "forces": r"(?:russisk|ukrainsk|amerikansk|europeisk)e?\s+"
    r"(?:styrker|styrkene|styrkar|styrkane|tropper|troppene|soldater|soldatene|hæren"
    r"|forsvaret|droner|fly|krigsmaskineri|myndigheter|myndighetene|styresmakter"
    r"|styresmaktene|regjeringen|regjeringa)",
    "date_bound": r"(?:siden|sidan|før|etter|innen|innan|fram til|fra og med|til)\s*$",
    "attributive": r"(?:nylig|nyleg|midlertidig|mellombels|tidligere|tidlegare|de|det|den)\s+$",
    "relative_days": r"(?P<n>\w+)\s+(?:dager|dagar|døgn|dag)\s+(?P<dir>før|etter)\s*$",
    "venue_before": r"(?:møt\w*|toppmøte\w*|sted|holdes|avholdes)\s+(?:\S+\s+){0,2}?"
    r"(?:i|på)\s+$",
    "venue_after": r"^-(?:møte\w*|toppmøte\w*)",
    "summit_title": r"møt(?:es|tes|te|er)|toppmøte\w*|møtet",
}
_EN: Final = {
    "speech": r"said|says|say|stated|told|wrote|writes|announced|declared|insisted|added"
    r"|warned|claimed|stressed",
    "according": r"according to",
    "negation": r"not|never|no|n't|no longer",
    "conditional": r"if|unless|in case",
    "clause_break": r";|,\s*(?:and|but|while|whereas)\b|\bbut\b|\bwhile\b|\s[–—]\s",
    "target_prep": r"with|against|to|for|on|toward|towards",
    "told": r"told|warned|urged|asked",
    "pronoun": r"he|she",
    "forces": r"(?:russian|ukrainian|american|us|european)\s+"
    r"(?:forces|troops|soldiers|army|military|drones|units|authorities|officials"
    r"|government)",
    "date_bound": r"(?:since|before|after|by|until|from)\s*$",
    "attributive": r"(?:newly|temporarily|recently|formerly|previously|the)\s+$",
    "relative_days": r"(?P<n>\w+)\s+days?\s+(?P<dir>before|after)\s*$",
    "venue_before": r"(?:meet\w*|summit|talks|held|hosted)\s+(?:\S+\s+){0,2}?(?:in|at)\s+$",
    "venue_after": r"^\s+(?:summit|meeting|talks)",
    "summit_title": r"meet|meets|met|summit|meeting",
}

_DEMONYMS_NB: Final = {
    "russisk": "Russia",
    "ukrainsk": "Ukraine",
    "amerikansk": "United States",
    "europeisk": "Europe",
}
_DEMONYMS_EN: Final = {"russian": "Russia", "ukrainian": "Ukraine", "american": "United States",
                       "us": "United States", "european": "Europe"}  # fmt: skip

_NB_GROUPS: Final = (
    (r"europeiske\s+ledere(?:ne)?|europeiske\s+leiarar", "European leaders"),
    (r"vestlige\s+ledere(?:ne)?", "Western leaders"),
    (r"koalisjonen\s+av\s+de\s+villige", "Coalition of the willing"),
    (r"barnefamilier|barnefamiliar|familier med barn", "families with children"),
    (r"sivile|sivilbefolkningen", "civilians"),
)
_EN_GROUPS: Final = (
    (r"european\s+leaders", "European leaders"),
    (r"western\s+leaders", "Western leaders"),
    (r"coalition\s+of\s+the\s+willing", "Coalition of the willing"),
    (r"families\s+with\s+children", "families with children"),
    (r"civilians", "civilians"),
)

_NB_DIRECTION: Final = (
    (r"(?:i|mot|fra)\s+nordøst|nordøstlige\s+ukraina|nordøst\s+i\s+ukraina", "northeast"),
    (r"(?:i|mot|fra)\s+øst|østlige\s+ukraina|øst\s+i\s+ukraina|østfronten|fronten", "east"),
    (r"(?:i|mot|fra)\s+sør|sørlige\s+ukraina|sør\s+i\s+ukraina|sørfronten", "south"),
)
_EN_DIRECTION: Final = (
    (r"(?:in|to)\s+the\s+north-?east|north-?eastern\s+ukraine", "northeast"),
    (r"(?:in|to)\s+the\s+east|eastern\s+ukraine|eastern\s+front|the\s+front(?:\s?line)?", "east"),
    (r"(?:in|to)\s+the\s+south|southern\s+ukraine|southern\s+front", "south"),
)


def _table(
    *,
    cues: tuple[Cue, ...],
    words: dict[str, str],
    groups: tuple[tuple[str, str], ...],
    demonyms: dict[str, str],
    roles: dict[str, str],
    direction: tuple[tuple[str, str], ...],
    numbers: dict[str, int],
) -> CueTable:
    role_alt = "|".join(sorted((re.escape(r) for r in roles), key=len, reverse=True))
    return CueTable(
        cues=cues,
        triggers=_compile(cues),
        speech=_words(words["speech"]),
        according=_words(words["according"]),
        negation=_words(words["negation"]),
        conditional=_words(words["conditional"]),
        clause_break=re.compile(words["clause_break"], re.IGNORECASE),
        target_prep=_words(words["target_prep"]),
        told=_words(words["told"]),
        pronoun=_words(words["pronoun"]),
        groups=tuple(name for _, name in groups),
        crowd=_combine(
            [*((f"g{i}", p) for i, (p, _) in enumerate(groups)), ("forces", words["forces"])]
        ),
        demonyms=demonyms,
        roles=roles,
        role_after_place=re.compile(rf"\s*(?P<role>{role_alt})\b", re.IGNORECASE),
        direction=tuple((_words(p), key) for p, key in direction),
        date_bound=re.compile(words["date_bound"], re.IGNORECASE),
        attributive=re.compile(rf"(?<![\wæøå]){words['attributive']}", re.IGNORECASE),
        relative_days=re.compile(words["relative_days"], re.IGNORECASE),
        numbers=numbers,
        venue_before=re.compile(words["venue_before"], re.IGNORECASE),
        venue_after=re.compile(words["venue_after"], re.IGNORECASE),
        summit_title=_words(words["summit_title"]),
    )


#: Compiled tables; Nynorsk uses the Norwegian table (it lists the Nynorsk forms).
CUE_TABLES: Final = {
    "nb": _table(
        cues=_NB_CUES,
        words=_NB,
        groups=_NB_GROUPS,
        demonyms=_DEMONYMS_NB,
        roles=_NB_ROLES,
        direction=_NB_DIRECTION,
        numbers=_NB_NUMBERS,
    ),
    "en": _table(
        cues=_EN_CUES,
        words=_EN,
        groups=_EN_GROUPS,
        demonyms=_DEMONYMS_EN,
        roles=_EN_ROLES,
        direction=_EN_DIRECTION,
        numbers=_EN_NUMBERS,
    ),
}


def cue_table(lang: Lang) -> CueTable:
    """Return the cue table for ``lang`` ("nn" shares the Norwegian table).

    Raises
    ------
    ValueError
        For a language without a table; the message lists the supported ones.
    """
    key = "nb" if lang in ("nb", "nn") else lang
    if key not in CUE_TABLES:
        msg = f"no event cues for language {lang!r}; supported: nb, nn, en"
        raise ValueError(msg)
    return CUE_TABLES[key]
