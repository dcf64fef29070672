"""Numbers with units: "110 kvadratkilometer" → ``Quantity("area_km2", 110.0, "km²")``.

Why: the claim check compares an article's "110 km² in 24 hours" with measured frontline
change, and the maps size evacuation markers by "1150 barn". A quantity is a number (digits
with Norwegian or English separators, or a number word) followed by a unit from the table
below, optionally preceded by an approximation cue ("over 30 samtaler" → ``approx=True``)
and followed by a multiplier ("2 millioner"). Norwegian compounds count by their last part
("telefonsamtaler" is talks, "barnefamilier" families).

Number formats: "1 150" and "1.150" (nb) and "1,150" (en) are thousands; "1,5" (nb) and
"1.5" (en) decimals. Numbers without a known unit (years, "15. august") are ignored.
"""

from __future__ import annotations

import re
from typing import Final

from geo.model import Article, Quantity, Sentence

__all__ = ["UNITS", "find_quantities", "parse_number"]

# (quantity name, unit label, regex of the unit word); a compound prefix is allowed where
# the pattern starts with "~" (Norwegian compounds: "telefonsamtaler", "kamikazedroner").
UNITS: Final = (
    ("area_km2", "km²", r"(?:kvadratkilometer|kvadratkilometre|km²|km2|kvm\. km"
     r"|square kilomet(?:re|er)s?|sq\.? ?km)"),
    ("distance_km", "km", r"(?:kilometer|kilometre|kilometers|kilometres|km)"),
    ("children", "children", r"~(?:barn|born|children)"),
    ("families", "families", r"~(?:familier|familiar|families)"),
    ("killed", "people", r"(?:drepte|døde|omkomne|dødsofre|killed|dead)"),
    ("injured", "people", r"(?:sårede|skadde|skadet|wounded|injured)"),
    ("civilians", "people", r"(?:sivile|civilians)"),
    ("soldiers", "people", r"~(?:soldater|soldatar|tropper|troops|soldiers|servicemen)"),
    ("people", "people", r"(?:personer|mennesker|menneske|folk|innbyggere|innbyggjarar"
     r"|people|persons|residents|inhabitants)"),
    ("drones", "drones", r"~(?:droner|dronar|drones|uavs)"),
    ("missiles", "missiles", r"~(?:raketter|rakettar|missiler|missilar|missiles|rockets)"),
    ("settlements", "settlements", r"(?:landsbyer|landsbyar|bosetninger|tettsteder|byer"
     r"|villages|settlements|towns)"),
    ("talks", "talks", r"~(?:samtaler|samtalar|talks|calls|conversations)"),
    ("duration_hours", "h", r"(?:timer|timar|hours)"),
    ("duration_days", "d", r"(?:døgn|dager|dagar|days)"),
    ("amount_usd", "USD", r"(?:dollar|dollars|usd)"),
    ("amount_eur", "EUR", r"(?:euro|euros|eur)"),
    ("amount_nok", "NOK", r"(?:kroner|kr|nok)"),
)  # fmt: skip

_NB_WORDS: Final = frozenset(
    {"to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti", "elleve", "tolv",
     "femten", "tjue", "tretti", "førti", "femti", "hundre", "tusen"}
)  # fmt: skip
_WORD_NUMBERS: Final = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8,
    "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "femten": 15, "tjue": 20, "tretti": 30,
    "førti": 40, "femti": 50, "hundre": 100, "tusen": 1000,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip

_MULTIPLIERS: Final = {
    "millioner": 1e6, "million": 1e6, "millionar": 1e6, "mill.": 1e6, "mill": 1e6,
    "milliarder": 1e9, "milliardar": 1e9, "billion": 1e9, "mrd.": 1e9, "mrd": 1e9,
    "tusen": 1e3, "thousand": 1e3,
}  # fmt: skip

_APPROX = (
    r"over|mer enn|meir enn|flere enn|fleire enn|rundt|omkring|cirka|ca\.|nesten|nærmere|"
    r"nærare|minst|opptil|om lag|i overkant av|i underkant av|anslagsvis|about|around|"
    r"more than|nearly|almost|at least|some|up to|roughly|approximately|over|an estimated"
)
_DIGITS = r"\d{1,3}(?:[ \u00a0.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?"
_NUMBER_WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_MULT = "|".join(re.escape(m) for m in sorted(_MULTIPLIERS, key=len, reverse=True))


def _unit_group(index: int, pattern: str) -> str:
    if pattern.startswith("~"):
        pattern = r"[a-zæøåA-ZÆØÅ]*?" + pattern[1:]
    return f"(?P<u{index}>{pattern})"


_UNIT_ALT = "|".join(_unit_group(i, pattern) for i, (_, _, pattern) in enumerate(UNITS))
_QUANTITY = re.compile(
    rf"(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?P<num>{_DIGITS}|\b(?:{_NUMBER_WORDS})\b)"
    rf"(?:\s*(?P<mult>{_MULT})(?![\wæøå]))?"
    rf"(?:\s*(?:av\s+|of\s+)?)"
    rf"(?:(?P<adj>små|small|[a-zæøå]{{2,}}(?:e|ic|al|ian|ed))\s+)??"
    rf"(?:{_UNIT_ALT})(?![\wæøå²])",
    re.IGNORECASE,
)


# Where a match of _QUANTITY can begin. The pattern opens with an optional alternation, so
# the regex engine has no first character to skip to and tries the whole pattern at every
# character of the article (most of the stage's time). Every match starts either at its
# number or at an approximation cue that ends, after white space, right before its number;
# so _candidate_starts finds the numbers with this cheap pattern (every digit, because a
# number may begin inside a digit run when the run as a whole is no number), looks back
# from each for a cue, and _QUANTITY is only tried, anchored, at those positions.
# The look-ahead (digits and the letters number words start with) rejects most positions
# with one test before the alternation is tried; it never changes what matches.
_NUMBER_FIRST = "".join(sorted({word[0] for word in _WORD_NUMBERS}))
_NUMBER_START = re.compile(rf"(?=[\d{_NUMBER_FIRST}])(?:\d|\b(?:{_NUMBER_WORDS})\b)", re.IGNORECASE)
_APPROX_ALTERNATIVES: Final = tuple(_APPROX.replace("\\.", ".").split("|"))
_APPROX_LENGTHS: Final = sorted({len(cue) for cue in _APPROX_ALTERNATIVES}, reverse=True)
# The letters a cue can open with, matched by the engine itself so that its case folding
# (dotless ı, long ſ) stays exactly that of _QUANTITY.
_APPROX_FIRST_ASCII = frozenset(
    "".join(cue[0] for cue in _APPROX_ALTERNATIVES)
    + "".join(cue[0].upper() for cue in _APPROX_ALTERNATIVES)
)
_APPROX_FIRST = re.compile(
    "[" + re.escape("".join(sorted({cue[0] for cue in _APPROX_ALTERNATIVES}))) + "]",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .,]\d{3})+")
_SEPARATORS = re.compile(r"[ .,]")


# "13 mennesker ble drept", "12 people were killed": the count is of the dead or hurt.
_FATE = re.compile(
    r"(?:\s+\S+){0,2}?\s+(?:ble|vart|er|har blitt|were|was|have been|are)\s+"
    r"(?:(?P<dead>drept|drepne|omkommet|killed)|(?P<hurt>skadet|skadd|såret|wounded|injured))",
    re.IGNORECASE,
)


def parse_number(text: str, lang: str = "nb") -> float | None:
    """Parse a number as written in ``lang``; ``None`` when it is not one.

    Examples
    --------
    >>> parse_number("1 150"), parse_number("1.150"), parse_number("1,5")
    (1150.0, 1150.0, 1.5)
    >>> parse_number("1,150", "en"), parse_number("1.5", "en"), parse_number("tolv")
    (1150.0, 1.5, 12.0)
    """
    word = _WORD_NUMBERS.get(text.lower())
    if word is not None:
        return float(word)
    compact = text.replace("\u00a0", " ")
    if _THOUSANDS.fullmatch(compact):
        sep = compact[len(compact.split(" ")[0].split(".")[0].split(",")[0])]
        decimal = "," if lang != "en" else "."
        if sep != decimal or compact.count(sep) > 1:
            return float(_SEPARATORS.sub("", compact))
    decimal_text = compact.replace(",", ".") if lang != "en" else compact.replace(",", "")
    try:
        return float(decimal_text)
    except ValueError:
        return None


def _may_open_cue(char: str) -> bool:
    """Return whether an approximation cue can begin with ``char`` (as ``_QUANTITY`` folds case).

    ASCII is answered from a set; other characters ask the regex engine, whose case folding
    also lets "ſ" stand for "s".
    """
    if char.isascii():
        return char in _APPROX_FIRST_ASCII
    return _APPROX_FIRST.match(char) is not None


def _candidate_starts(text: str, start: int, end: int) -> list[int]:
    """Return, sorted, every position in ``[start, end)`` where a quantity may begin.

    A superset of the starts of :data:`_QUANTITY` matches: each number (see
    :data:`_NUMBER_START`) and, before it, each position where an approximation cue could
    begin and end right at the white space that precedes the number.
    """
    starts: set[int] = set()
    for number in _NUMBER_START.finditer(text, start, end):
        position = number.start()
        starts.add(position)
        gap = position
        while gap > start and text[gap - 1].isspace():
            gap -= 1
        if gap == position:
            continue  # a cue is separated from its number by white space
        for length in _APPROX_LENGTHS:
            cue_start = gap - length
            if cue_start >= start and _may_open_cue(text[cue_start]):
                starts.add(cue_start)
    return sorted(starts)


def _matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Return what ``_QUANTITY.finditer(text, start, end)`` returns, without the full scan.

    ``_QUANTITY`` is tried anchored at each candidate start, left to right, skipping starts
    inside the previous match, exactly as ``finditer`` would; it fails at every other
    position (see :func:`_candidate_starts`), so the matches are the same.
    """
    found: list[re.Match[str]] = []
    resume = start
    for position in _candidate_starts(text, start, end):
        if position < resume:
            continue
        match = _QUANTITY.match(text, position, end)
        if match is not None:
            found.append(match)
            resume = match.end()
    return found


def _unit_index(match: re.Match[str]) -> int:
    for i in range(len(UNITS)):
        if match.group(f"u{i}") is not None:
            return i
    msg = "quantity regex matched without a unit group"  # pragma: no cover - regex invariant
    raise AssertionError(msg)


def find_quantities(article: Article, *, sentences: tuple[Sentence, ...]) -> tuple[Quantity, ...]:
    """Return quantities with units found in the article's sentences, in text order.

    ``sentences`` bounds the search, so a number never joins a unit across a sentence end.

    Examples
    --------
    >>> from geo.model import Article, Sentence
    >>> text = "Russland tok 110 kvadratkilometer. Over 30 samtaler og 1 150 barn."
    >>> art = Article(id="x", text=text, lang="nb")
    >>> sents = (Sentence(0, 0, 34, 0), Sentence(1, 35, len(text), 0))
    >>> [(q.name, q.value, q.approx) for q in find_quantities(art, sentences=sents)]
    [('area_km2', 110.0, False), ('talks', 30.0, True), ('children', 1150.0, False)]
    """
    text = article.text
    found: list[Quantity] = []
    for sentence in sentences:
        for match in _matches(text, sentence.start, sentence.end):
            number = match.group("num")
            if number.isalpha() and (number.lower() in _NB_WORDS) != (article.lang != "en"):
                continue  # "fire missiles" is English, not four; "to" is Norwegian only
            value = parse_number(number, article.lang)
            if value is None:
                continue
            mult = match.group("mult")
            if mult:
                value *= _MULTIPLIERS[mult.lower()]
            if match.group("adj") and _YEAR.fullmatch(number):
                continue  # "i 2024 ukrainske soldater": a year, not a count
            name, unit, _ = UNITS[_unit_index(match)]
            if name in ("people", "civilians", "soldiers", "children"):
                fate = _FATE.match(text, match.end(), min(sentence.end, match.end() + 40))
                if fate is not None:
                    name = "injured" if fate.group("hurt") else "killed"
            found.append(
                Quantity(
                    name=name,
                    value=value,
                    unit=unit,
                    surface=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    approx=match.group("approx") is not None,
                )
            )
    return tuple(found)
