"""Find date expressions and resolve them against the publication date, tense-aware.

Why: the timeline and every event need the day a thing happened, and Norwegian news says
"fredag", "i går", "tirsdagens møte" far more often than "15. august 2025". "fredag" put on
the wrong Friday is a visible bug, so each :class:`~geo.model.DateRef` carries a ``basis``
naming the rule that resolved it.

How (all rule-based, a few compiled regular expressions per language, no per-token parsing):

1. *Find* candidates with the patterns of the article's language (nb/nn share one grammar,
   en has its own): weekdays with their time of day ("sent søndag kveld", "natt til
   lørdag"), genitives ("fredagens"), day–month dates ("15. august", "May 16"), numeric and
   ISO dates, months with or without year ("sent i mai i 2024"), seasons ("høsten 2022"),
   relative days ("i går"), weeks/weekends/months/years ("forrige uke", "i helga", "i
   fjor"), "for N … siden"/"N … ago", anchored phrases ("dagen før", "samme kveld", "later
   that year") and bare years in a plausible range and context. Overlaps keep the longest.
2. *Merge* offsets onto the date they are anchored to: "to dager før fredagens møte" is one
   expression, two days before that Friday.
3. *Resolve* in text order, with a reference time that follows the text (TimeML's anchor):
   "dagen før" and "samme kveld" take the last day mentioned (an anchored phrase offers the
   day it is anchored to), "later that year" the last year. Weekdays use the tense of their
   clause: the nearest cue word decides (past verb → the most recent such day on or before
   publication; future marker or present tense of scheduling, "møtes fredag" → the next one;
   the publication weekday itself → the publication day). Genitives ("fredagens") take the
   nearest such day. "i dag" inside a quote is the day the quote was given when the text
   named that day just before ("the text wins").

Without a publication date relative expressions resolve to ``None`` (their nominal
granularity is kept); with only a month (``published_precision == "month"``) weekdays and
day offsets stay ``None`` while months, seasons and years still resolve.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from geo import settings
from geo.lexicon import dates_en, dates_nb
from geo.model import Article, DateRef, Granularity, Sentence

__all__ = ["find_dates"]

_YEAR_MIN: Final = 1900
_YEAR_MAX: Final = 2100
_YEAR_RE: Final = r"(?:1[89]\d\d|20\d\d)"
#: A year written after a day, month or season ("15. august 1066", "mai 2300"): any four
#: digits are that year, kept as written. Years outside :data:`geo.settings.SUPPORTED_DATES`
#: then leave the date unresolved (basis "…-out-of-range"); they are never replaced by a
#: year near the publication, as happened when only 1800–2099 were read as years.
_EXPLICIT_YEAR_RE: Final = r"\d{4}"
#: Lower-case words that may follow a bare year without making it a count ("2030, mens").
_AFTER_YEAR_OK: Final = frozenset(
    {
        "og", "eller", "da", "så", "var", "ble", "vart", "er", "har", "hadde", "kom", "til",
        "som", "men", "der", "mens", "når", "fram", "frem", "ut", "and", "or", "was", "were",
        "is", "has", "had", "when", "but", "to", "until", "as", "the", "that", "onwards",
    }
)  # fmt: skip
#: Words right before a number that make it anything but a year ("nr. 2030", "kl 2000").
_BEFORE_YEAR_NOT: Final = frozenset(
    {"nr", "nummer", "kl", "klokka", "klokken", "kr", "kroner", "no", "number", "at", "km"}
)
_CLAUSE_BREAKS: Final = frozenset(
    {",", ";", ":", "at", "som", "men", "fordi", "that", "which", "who", "but", "because"}
)
_WEAK_PAST_ENDINGS: Final = ("et", "te", "de", "dde", "tte", "a")


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first ("fredagens" before "fredag")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ──────────────────────────────────────────────────────────────────────────── candidates


@dataclass(slots=True)
class _Candidate:
    """A matched expression before resolution; ``data`` holds its normalised parts."""

    start: int
    end: int
    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    anchor: _Candidate | None = None


_Parser = Callable[[re.Match[str], "_Grammar"], dict[str, Any] | None]


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The compiled patterns and cue words of one language."""

    patterns: tuple[tuple[str, re.Pattern[str], _Parser], ...]
    triggers: dict[str, frozenset[str]]
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    future: frozenset[str]
    scheduled: frozenset[str]
    reporting: frozenset[str]
    perfect: frozenset[str]
    past: frozenset[str]
    past_preps: frozenset[str]
    future_preps: frozenset[str]
    year_cues: frozenset[str]
    determiners: frozenset[str]
    war_start: re.Pattern[str]
    english: bool
    by_kind: dict[str, tuple[tuple[re.Pattern[str], _Parser], ...]] = field(init=False)

    def __post_init__(self) -> None:
        """Group the patterns by kind once per grammar.

        Why here: ``_matches`` runs several times per article and used to rebuild this
        table on every call; the grammar is built once per language, so the table is too.
        """
        table: dict[str, list[tuple[re.Pattern[str], _Parser]]] = {}
        for kind, pattern, parser in self.patterns:
            table.setdefault(kind, []).append((pattern, parser))
        object.__setattr__(self, "by_kind", {k: tuple(v) for k, v in table.items()})


def _triggers(*groups: tuple[tuple[str, ...], Iterable[str]]) -> dict[str, frozenset[str]]:
    """Map each lower-case trigger word to the kinds of expression it can be part of."""
    table: dict[str, set[str]] = {}
    for kinds, words in groups:
        for word in words:
            table.setdefault(word.lower(), set()).update(kinds)
    return {word: frozenset(kinds) for word, kinds in table.items()}


def _number(word: str, grammar: _Grammar) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return grammar.numbers.get(word)


def _folded(mapping: dict[str, int]) -> dict[str, int]:
    """Return ``mapping`` keyed by lower case without a trailing dot ("Aug." → "aug")."""
    return {k.lower().rstrip("."): v for k, v in mapping.items()}


def _lower_key(mapping: dict[str, int], word: str) -> int:
    return mapping[word.lower().rstrip(".")]


_PAST_MODS: Final = frozenset({"forrige", "førre", "sist", "last", "past"})
_FUTURE_MODS: Final = frozenset({"neste", "kommende", "førstkommende", "next", "coming"})
_THIS_MODS: Final = frozenset({"denne", "this", "inneværende"})


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    w = " ".join(word.lower().split())
    if w in _PAST_MODS:
        return "past"
    if w in _FUTURE_MODS:
        return "future"
    if w in _THIS_MODS:
        return "this"
    return None


def _parse_weekday(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    suffix = (m.group("suf") or "").lower()
    return {
        "wd": _lower_key(g.weekdays, m.group("wd")),
        "mod": _mod(m.group("mod")),
        "genitive": suffix in ("ens", "s", "'s", "’s"),
    }


def _parse_daymonth(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    day = int(m.group("day"))
    month = _lower_key(g.months, m.group("month"))
    year = int(m.group("year")) if m.group("year") else None
    if not 1 <= day <= 31 or (year is not None and _safe_date(year, month, day) is None):
        return None
    return {"day": day, "month": month, "year": year, "yrel": _year_relation(m.group("rel"))}


def _parse_numeric(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    year = int(m.group("year"))
    if len(m.group("year")) == 2:  # "14.08.25"; "0001-01-01" is year 1, kept as written
        year += 2000
    try:
        dt.date(year, int(m.group("mon")), int(m.group("day")))
    except ValueError:
        return None
    return {"day": int(m.group("day")), "month": int(m.group("mon")), "year": year, "yrel": None}


_NO_YEAR_RELATION: Final = (
    r"i\s+fjor|i\s+fjol|i\s+år|neste\s+år|forrige\s+år|førre\s+år|(?:samme|same)\s+år(?:et)?"
    r"|året\s+(?:etter|før)"
)
_EN_YEAR_RELATION: Final = (
    r"last\s+year|this\s+year|next\s+year|(?:of\s+)?that\s+year|(?:of\s+)?the\s+same\s+year"
    r"|the\s+(?:following|next)\s+year|the\s+year\s+(?:before|after)"
)


def _year_relation(phrase: str | None) -> tuple[str, int] | None:
    """Parse "i fjor" → ("published", -1); "samme år"/"året etter" → ("reference", 0/1).

    ``"published"`` counts from the publication year, ``"reference"`` from the last year the
    text named ("I 2014 … i mars samme år").
    """
    if not phrase:
        return None
    words = phrase.lower().split()
    if {"samme", "same", "that"} & set(words):
        return "reference", 0
    if words[0] in ("året", "the"):  # "året etter", "the following year", "the year before"
        after = bool({"etter", "following", "after", "next"} & set(words))
        return "reference", 1 if after else -1
    if words[0] in ("neste", "next"):
        return "published", 1
    if words[-1] in ("fjor", "fjol") or words[0] in ("forrige", "førre", "last"):
        return "published", -1
    return "published", 0


def _relative_year(relation: tuple[str, int], ctx: _Context) -> int | None:
    base, offset = relation
    year = ctx.ref_year if base == "reference" else (ctx.published.year if ctx.published else None)
    return year + offset if year is not None else None


def _parse_month(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    return {
        "month": _lower_key(g.months, m.group("month")),
        "year": int(m.group("year")) if m.group("year") else None,
        "yrel": _year_relation(m.group("rel")),
        "edge": bool(m.group("edge")),
    }


def _parse_season(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    if m.group("year"):
        return {"year": int(m.group("year")), "yrel": None}
    if m.groupdict().get("coming"):  # "til høsten": the coming one
        return {"year": None, "yrel": 0}
    mod = (m.group("smod") or "").lower()
    yrel = {"i": 0, "this": 0, "forrige": -1, "førre": -1, "last": -1, "fjor": -1}.get(mod)
    if mod in _FUTURE_MODS:
        yrel = 1
    return {"year": None, "yrel": yrel}


_REL_DAYS: Final = {
    "dag": 0, "går": -1, "morgen": 1, "morgon": 1, "forgårs": -2, "forgår": -2,
    "overmorgen": 2, "overmorgon": 2, "kveld": 0, "natt": 0, "morges": 0,
    "ettermiddag": 0, "formiddag": 0, "today": 0, "yesterday": -1, "tomorrow": 1,
    "tonight": 0, "night": 0, "morning": 0, "afternoon": 0, "evening": 0,
}  # fmt: skip


def _parse_relday(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    word = m.group("rd").lower().split()[-1]
    return {"offset": _REL_DAYS[word]}


_SPAN_UNITS: Final = {
    "uke": "week", "uka": "week", "uken": "week", "veke": "week", "veka": "week",
    "week": "week", "helg": "weekend", "helga": "weekend", "helgen": "weekend",
    "weekend": "weekend", "måned": "month", "måneden": "month", "månad": "month",
    "månaden": "month", "month": "month", "år": "year", "året": "year", "year": "year",
    "fjor": "year", "fjol": "year",
}  # fmt: skip


def _parse_span(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    unit = _SPAN_UNITS[m.group("unit").lower()]
    mod_word = (m.group("wmod") or "").lower()
    if m.group("unit").lower() in ("fjor", "fjol"):
        return {"unit": "year", "offset": -1, "tensed": False}
    mod = _mod(mod_word.split()[-1] if mod_word else None)
    if mod_word in ("i", "over the", "") and unit == "weekend":
        return {"unit": unit, "offset": None, "tensed": True, "past_bias": "over" in mod_word}
    if mod_word == "i" and unit == "year":  # "i år"
        return {"unit": unit, "offset": 0, "tensed": False}
    offset = {"past": -1, "future": 1, "this": 0}.get(mod or "", 0)
    if unit == "weekend" and mod == "this":
        return {"unit": unit, "offset": None, "tensed": True, "past_bias": False}
    return {"unit": unit, "offset": offset, "tensed": False}


_AGO_UNITS: Final = {
    "dag": "day", "dager": "day", "dagar": "day", "døgn": "day", "day": "day", "days": "day",
    "uke": "week", "uker": "week", "veke": "week", "veker": "week", "week": "week",
    "weeks": "week", "måned": "month", "måneder": "month", "månad": "month",
    "månader": "month", "month": "month", "months": "month", "år": "year", "year": "year",
    "years": "year",
}  # fmt: skip


def _parse_ago(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    n = _number(m.group("n"), g)
    if n is None:
        return None
    return {"n": n, "unit": _AGO_UNITS[m.group("unit").lower()], "approx": bool(m.group("approx"))}


_ANCHOR_DIRECTIONS: Final = {
    "før": -1, "etter": 1, "derpå": 1, "forveien": -1, "forvegen": -1, "before": -1,
    "after": 1, "earlier": -1, "later": 1, "tidligere": -1, "tidlegare": -1, "senere": 1,
    "seinare": 1, "next": 1, "following": 1,
}  # fmt: skip


def _parse_counted_anchor(groups: dict[str, str], g: _Grammar) -> dict[str, Any] | None:
    """Parse "to dager senere", "two days before", "to år senere"."""
    n = _number(groups["n"], g)
    if n is None:
        return None
    unit = _AGO_UNITS[groups["unit"].lower()]
    direction = groups["dir"].lower()
    needs_date = direction in ("før", "etter", "before", "after")
    if unit == "year":  # "to år etter invasjonen" names no date: dropped
        return None if needs_date else {"years": n * _ANCHOR_DIRECTIONS[direction]}
    days = n * (7 if unit == "week" else 1)
    return {"days": days * _ANCHOR_DIRECTIONS[direction], "needs_date": needs_date}


def _parse_anchor(groups: dict[str, str], g: _Grammar) -> dict[str, Any] | None:
    """Parse an anchored phrase from its matched groups (both grammars name them alike)."""
    if "n" in groups:
        return _parse_counted_anchor(groups, g)
    if "dday" in groups:  # "dagen før", "the day after", "a day earlier"
        direction = groups["dir"].lower().split()[-1]
        return {"days": _ANCHOR_DIRECTIONS[direction], "needs_date": False, "dagen": True}
    if "yeardir" in groups:  # "året etter", "the following year", "a year earlier"
        words = groups["yeardir"].lower().split()
        return {"years": next((_ANCHOR_DIRECTIONS[w] for w in words if w in _ANCHOR_DIRECTIONS), 0)}
    if "sameyear" in groups:  # "samme år", "later that year"
        return {"years": 0}
    return {"days": 0, "needs_date": False}  # "samme kveld", "tidligere på dagen"


def _parse_year(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    year = int(m.group("year"))
    if not _YEAR_MIN <= year <= _YEAR_MAX:
        return None
    return {"year": year}


# ──────────────────────────────────────────────────────────────────────────── grammars


def _norwegian_grammar() -> _Grammar:
    lex = dates_nb
    wd = _alternation(lex.WEEKDAYS)
    tod = _alternation(lex.TIMES_OF_DAY)
    month = _alternation(lex.MONTHS)
    abbr = _alternation(lex.MONTH_ABBREVIATIONS)
    num = _alternation(lex.NUMBER_WORDS)
    season = _alternation(lex.SEASONS)
    season_def = _alternation(lex.SEASONS_DEFINITE)
    edge = "|".join(lex.MONTH_EDGE_PHRASES)
    b, e = r"(?<![\w-])", r"(?!\w)"
    flags = re.IGNORECASE
    weekday = (
        rf"{b}(?:(?:sent|seint|tidlig|tidleg)\s+)?(?:(?:natt(?:a|en)?|kvelden|morgenen)\s+til\s+)?"
        rf"(?:(?P<mod>forrige|førre|sist|neste|kommende|førstkommende|denne)\s+)?"
        rf"(?P<wd>{wd})(?P<suf>ens|en|s)?(?:\s+(?:{tod}))?{e}"
    )
    daymonth = (
        rf"(?<![\w.,])(?:(?:{wd})\s+(?:den\s+)?)?(?P<day>[0-3]?\d)(?:\.\s*|\s+)"
        rf"(?P<month>(?:{month})(?!\w)|(?:{abbr})(?:\.|(?!\w)))"
        rf"(?:\.?\s+(?:i\s+)?(?P<year>{_EXPLICIT_YEAR_RE})(?!\d)|\s+(?P<rel>{_NO_YEAR_RELATION}){e})?"
    )
    numeric = (
        r"(?<![\w.,/])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>\d{4}|\d{2})(?![\w]|[.,]\d)"
    )
    iso = r"(?<![\w.\-/])(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?![\w-])"
    month_re = (
        rf"{b}(?P<edge>(?:{edge})\s+)?(?P<month>{month}){e}"
        rf"(?:\s+(?:i\s+)?(?P<year>{_EXPLICIT_YEAR_RE})(?!\d|\w)"
        rf"|\s+(?P<rel>{_NO_YEAR_RELATION}){e})?"
    )
    season_re = (
        rf"{b}(?:(?:{season_def})\s+(?:i\s+)?(?P<year>{_EXPLICIT_YEAR_RE})(?!\d)"
        rf"|(?:i\s+)?(?P<smod>fjor|forrige|førre|neste|kommende|i)\s+(?:{season})"
        rf"|(?P<coming>til)\s+(?:{season_def})){e}"
    )
    relday = (
        rf"{b}i\s+(?P<rd>dag|går|morgen|morgon|forgårs|forgår|overmorgen|overmorgon|kveld"
        rf"|natt|morges|ettermiddag|formiddag)"
        rf"(?:\s+(?:tidlig|tidleg|kveld|morges|natt|ettermiddag|formiddag))?{e}"
    )
    span = (
        rf"{b}(?:(?P<wmod>forrige|førre|sist|neste|kommende|denne|inneværende|i)\s+"
        rf"(?P<unit>uke|uka|uken|veke|veka|helg|helga|helgen|måned|måneden|månad|månaden"
        rf"|år|året|fjor|fjol)){e}"
    )
    ago = (
        rf"{b}for\s+(?:(?P<approx>nesten|bare|berre|drøyt|drygt|snart|over|rundt|om\s+lag|omtrent"
        rf"|cirka|ca\.|knapt|vel|litt\s+over|mer\s+enn|meir\s+enn|mindre\s+enn)\s+)?"
        rf"(?P<n>{num}|\d{{1,3}})\s+(?P<unit>dager|dagar|dag|døgn|uker|uke|veker|veke"
        rf"|måneder|måned|månader|månad|år)\s+sid[ae]n{e}"
    )
    anchor = (
        rf"{b}(?:(?P<dday>dagen|kvelden|natten|natta|morgenen|døgnet)\s+"
        rf"(?P<dir>før|etter|i\s+forveien|i\s+forvegen|derpå)"
        rf"|(?:samme|same)\s+(?:dag|dagen|kveld|kvelden|natt|natta|natten|morgen|morgon"
        rf"|ettermiddag|formiddag)"
        rf"|(?:tidligere|tidlegare|senere|seinare)\s+(?:på|samme|same)\s+(?:dagen|dag|kvelden"
        rf"|kveld)"
        rf"|(?:året|månaden|måneden)\s+(?P<yeardir>før|etter)"
        rf"|(?P<sameyear>(?:(?:senere|seinare|tidligere|tidlegare)\s+)?(?:samme|same)\s+år"
        rf"(?:et)?)"
        rf"|(?P<n>{num}|\d{{1,2}})\s+(?P<unit>dager|dagar|døgn|uker|veker|dag|uke|veke|år)\s+"
        rf"(?P<dirn>senere|seinare|tidligere|tidlegare|før|etter)){e}"
    )
    year = rf"(?<![\w.,/])(?P<year>{_YEAR_RE})(?![\d\w]|[.,]\d|-tal|-år)"
    patterns: list[tuple[str, str, _Parser, int]] = [
        ("weekday", weekday, _parse_weekday, flags),
        ("date", daymonth, _parse_daymonth, flags),
        ("date", numeric, _parse_numeric, 0),
        ("date", iso, _parse_numeric, 0),
        ("month", month_re, _parse_month, flags),
        ("season", season_re, _parse_season, flags),
        ("relday", relday, _parse_relday, flags),
        ("span", span, _parse_span, flags),
        ("ago", ago, _parse_ago, flags),
        ("anchor", anchor, _parse_anchor_nb, flags),
        ("year", year, _parse_year, 0),
    ]
    weekday_forms = [w + suffix for w in lex.WEEKDAYS for suffix in ("", "en", "ens", "s")]
    day_words = ["dag", "dagen", "går", "morgen", "morgenen", "morgon", "morgonen", "forgårs",
                 "forgår", "overmorgen", "overmorgon", "kveld", "kvelden", "natt", "natta",
                 "natten", "morges", "ettermiddag", "formiddag"]  # fmt: skip
    units = ["uke", "uka", "uken", "uker", "veke", "veka", "veker", "helg", "helga", "helgen",
             "måned", "måneden", "måneder", "månad", "månaden", "månader", "år", "året", "fjor",
             "fjol", "dager", "dagar", "døgn", "dag", "dagen"]  # fmt: skip
    triggers = _triggers(
        (("weekday", "date"), weekday_forms),
        (("date", "month"), [*lex.MONTHS, *lex.MONTH_ABBREVIATIONS]),
        (("relday", "anchor"), day_words),
        (("span", "ago", "anchor"), units),
        (("season",), [*lex.SEASONS, *lex.SEASONS_DEFINITE]),
    )
    return _Grammar(
        patterns=tuple((k, re.compile(p, f), fn) for k, p, fn, f in patterns),
        triggers=triggers,
        weekdays=_folded(lex.WEEKDAYS),
        months=_folded({**lex.MONTHS, **lex.MONTH_ABBREVIATIONS}),
        numbers=lex.NUMBER_WORDS,
        future=lex.FUTURE_MARKERS,
        scheduled=lex.SCHEDULED_PRESENT,
        reporting=lex.REPORTING_PRESENT,
        perfect=lex.PERFECT_AUXILIARIES,
        past=lex.PAST_VERBS,
        past_preps=lex.PAST_PREPOSITIONS,
        future_preps=lex.FUTURE_PREPOSITIONS,
        year_cues=lex.YEAR_CUES,
        determiners=lex.DETERMINERS,
        war_start=re.compile("|".join(lex.WAR_START_CUES), re.IGNORECASE),
        english=False,
    )


def _parse_anchor_nb(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "dirn" in groups:
        groups["dir"] = groups.pop("dirn")
        groups.pop("dday", None)
    return _parse_anchor(groups, g)


def _english_grammar() -> _Grammar:
    lex = dates_en
    wd = _alternation(lex.WEEKDAYS)
    tod = _alternation(lex.TIMES_OF_DAY)
    months_full = _alternation(k for k in lex.MONTHS if not k.endswith("."))
    abbreviations = _alternation(k.rstrip(".") for k in lex.MONTHS if k.endswith("."))
    months_any = rf"(?:{months_full}|(?:{abbreviations})\.?)"
    num = _alternation(lex.NUMBER_WORDS)
    edge = "|".join(lex.MONTH_EDGE_PHRASES)
    b, e = r"(?<![\w-])", r"(?!\w)"
    weekday = (
        rf"{b}(?:(?i:late|early)\s+)?(?:(?P<mod>(?i:last|next|this|coming))\s+)?"
        rf"(?P<wd>{wd})(?P<suf>['’]s)?(?:\s+(?:{tod}))?{e}"
    )
    date_md = (
        rf"{b}(?:(?:{wd}),?\s+)?(?P<month>{months_any})\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"(?![\d\w])(?:,?\s+(?P<year>{_EXPLICIT_YEAR_RE})(?!\d)|\s+(?P<rel>{_EN_YEAR_RELATION}){e})?"
    )
    date_dm = (
        rf"{b}(?:(?:{wd}),?\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<month>{months_any})(?!\w)(?:,?\s+(?P<year>{_EXPLICIT_YEAR_RE})(?!\d)"
        rf"|\s+(?P<rel>{_EN_YEAR_RELATION}){e})?"
    )
    month_re = (
        rf"{b}(?P<edge>(?i:{edge})\s*)?(?P<month>{months_full}){e}"
        rf"(?:,?\s+(?:of\s+)?(?P<year>{_EXPLICIT_YEAR_RE})(?!\d|\w)|\s+(?P<rel>{_EN_YEAR_RELATION}){e})?"
    )
    season_re = (
        rf"{b}(?:(?:the\s+)?(?i:spring|summer|fall|autumn|winter)\s+(?:of\s+)?"
        rf"(?P<year>{_EXPLICIT_YEAR_RE})(?!\d)"
        rf"|(?P<smod>(?i:this|last|next|past))\s+(?:spring|summer|fall|autumn|winter)){e}"
    )
    relday = (
        rf"{b}(?P<rd>(?i:today|yesterday|tomorrow|tonight|last\s+night|this\s+morning"
        rf"|this\s+afternoon|this\s+evening|earlier\s+today|later\s+today)){e}"
    )
    span = (
        rf"{b}(?:(?P<wmod>(?i:last|this|next|earlier\s+this|later\s+this|over\s+the))\s+"
        rf"(?P<unit>week|weekend|month|year)){e}"
    )
    ago = (
        rf"{b}(?:(?P<approx>(?i:about|nearly|almost|more\s+than|over|some|just|only|roughly))\s+)?"
        rf"(?P<n>(?i:{num})|\d{{1,3}})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago{e}"
    )
    anchor = (
        rf"{b}(?:(?P<dday>(?i:the\s+day|a\s+day|one\s+day|the\s+next|the\s+following"
        rf"|the\s+previous|the\s+prior))\s+"
        rf"(?P<dir>before|after|earlier|later|day)"
        rf"|(?i:(?:on\s+)?the\s+same\s+day|(?:later|earlier)\s+that\s+(?:day|night|morning"
        rf"|evening)|that\s+same\s+day)"
        rf"|(?P<sameyear>(?i:(?:later|earlier)\s+that\s+year|that\s+same\s+year"
        rf"|the\s+same\s+year))"
        rf"|(?P<yeardir>(?i:the\s+(?:following|next)\s+year|the\s+year\s+(?:before|after)"
        rf"|a\s+year\s+(?:later|earlier)))"
        rf"|(?P<n>(?i:{num})|\d{{1,2}})\s+(?P<unit>days?|weeks?|years?)\s+"
        rf"(?P<dirn>later|earlier|before|after)){e}"
    )
    year = rf"(?<![\w.,/$£€])(?P<year>{_YEAR_RE})(?![\d\w]|[.,]\d|['’]?s\b)"
    patterns: list[tuple[str, str, _Parser]] = [
        ("weekday", weekday, _parse_weekday),
        ("date", date_md, _parse_daymonth),
        ("date", date_dm, _parse_daymonth),
        ("date", r"(?<![\w.\-/])(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?![\w-])",
         _parse_numeric),
        ("month", month_re, _parse_month),
        ("season", season_re, _parse_season),
        ("relday", relday, _parse_relday_en),
        ("span", span, _parse_span),
        ("ago", ago, _parse_ago),
        ("anchor", anchor, _parse_anchor_en),
        ("year", year, _parse_year),
    ]  # fmt: skip
    units = ["day", "days", "week", "weeks", "weekend", "month", "months", "year", "years"]
    triggers = _triggers(
        (("weekday", "date"), lex.WEEKDAYS),
        (("date", "month"), [m.rstrip(".") for m in lex.MONTHS]),
        (("relday", "anchor"), ["today", "yesterday", "tomorrow", "tonight", "night", "morning",
                                "afternoon", "evening"]),
        (("span", "ago", "anchor"), units),
        (("season",), lex.SEASONS),
    )  # fmt: skip
    return _Grammar(
        patterns=tuple((k, re.compile(p), fn) for k, p, fn in patterns),
        triggers=triggers,
        weekdays=_folded(lex.WEEKDAYS),
        months=_folded(lex.MONTHS),
        numbers=lex.NUMBER_WORDS,
        future=lex.FUTURE_MARKERS,
        scheduled=lex.SCHEDULED_PRESENT,
        reporting=lex.REPORTING_PRESENT,
        perfect=lex.PERFECT_AUXILIARIES,
        past=lex.PAST_VERBS,
        past_preps=lex.PAST_PREPOSITIONS,
        future_preps=lex.FUTURE_PREPOSITIONS,
        year_cues=lex.YEAR_CUES,
        determiners=frozenset(),  # unused: English past tense is read from "-ed" alone
        war_start=re.compile("|".join(lex.WAR_START_CUES), re.IGNORECASE),
        english=True,
    )


def _parse_relday_en(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    words = m.group("rd").lower().split()
    if words[0] == "last":  # "last night": the night ending on the publication day
        return {"offset": 0}
    return {"offset": _REL_DAYS[words[-1]]}


def _parse_anchor_en(m: re.Match[str], g: _Grammar) -> dict[str, Any] | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "dirn" in groups:
        groups["dir"] = groups.pop("dirn")
    elif "dday" in groups:
        head = groups["dday"].lower().split()
        if groups["dir"].lower() == "day":  # "the next day", "the following day"
            if head[-1] not in ("next", "following", "previous", "prior"):
                return None
            groups["dir"] = "after" if head[-1] in ("next", "following") else "before"
        elif head[-1] != "day":
            return None
    return _parse_anchor(groups, g)


_GRAMMARS: Final[dict[str, _Grammar]] = {}


def _grammar(lang: str) -> _Grammar:
    key = "en" if lang == "en" else "no"
    if key not in _GRAMMARS:
        _GRAMMARS[key] = _english_grammar() if key == "en" else _norwegian_grammar()
    return _GRAMMARS[key]


# ──────────────────────────────────────────────────────────────────────────── finding

_SENTENCE_OPENERS: Final = frozenset('.!?:«"“–—(\n')
_EN_MONTH_PREPOSITIONS: Final = frozenset(
    {
        "in", "by", "since", "until", "till", "of", "from", "to", "through", "during", "early",
        "late", "mid", "before", "after", "last", "next", "this", "that", "each", "every",
        "between", "and", "or", "on",
    }
)  # fmt: skip
_WORD_BEFORE: Final = re.compile(r"([\w']+)\W*$")
_WORD_AFTER: Final = re.compile(r"^\W{0,2}?\s*([\w']+)")
_SPAN_WITH_I: Final = frozenset({"helg", "helga", "helgen", "år", "fjor", "fjol"})


def _word_before(text: str, pos: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return match.group(1) if match else ""


def _word_after(text: str, pos: int) -> str:
    match = re.match(r"[ \t]+([\w']+)", text[pos : pos + 40])
    return match.group(1) if match else ""


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 5) : pos].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENERS


def _plausible_year(c: _Candidate, match_text: str, text: str, g: _Grammar) -> bool:
    """Tell a year ("i 2014", "mener 2030,") from a count ("2000 soldater", "nr. 2030")."""
    before = _word_before(text, c.start).lower()
    grouped = re.search(r"\d[ \u00a0]$", text[max(0, c.start - 2) : c.start])
    if before in _BEFORE_YEAR_NOT or grouped:
        return False
    if before in g.year_cues:
        return True
    if g.english:  # counts carry a thousands separator in English: "the 2014 annexation"
        return _word_after(text, c.end).lower() not in dates_en.COUNT_NOUNS
    if re.match(r"[ \u00a0]\d{3}(?!\d)", text[c.end : c.end + 5]):  # "2 000 000"
        return False
    after = _word_after(text, c.end)
    return not (after and after[0].islower() and after.lower() not in _AFTER_YEAR_OK)


def _plausible_month(c: _Candidate, match_text: str, text: str, g: _Grammar) -> bool:
    """Tell a bare month from a name or a modal ("Theresa May", "may be", "August Ruud")."""
    if c.data["year"] is not None or c.data["edge"]:
        return True
    word = match_text.rsplit(maxsplit=1)[-1]
    if not g.english:
        return word[:1].islower() or _at_sentence_start(text, c.start)
    if word == "May" and _word_before(text, c.start).lower() not in _EN_MONTH_PREPOSITIONS:
        return False
    after = _word_after(text, c.end)
    return not (after[:1].isupper() and text[c.end : c.end + 1] == " ")


def _plausible_season(c: _Candidate, match_text: str, text: str, g: _Grammar) -> bool:
    """Drop "i vår" when it means "in our" ("i vår region")."""
    if g.english or match_text.lower().rsplit(maxsplit=1)[-1] != "vår":
        return True
    after = _word_after(text, c.end)
    return not after or not after[0].islower() or after.lower() in _AFTER_YEAR_OK


def _plausible_span(c: _Candidate, match_text: str, text: str, g: _Grammar) -> bool:
    """Keep "i helga"/"i år" but not "i uka" ("per week") or "over the year"."""
    words = match_text.lower().split()
    if words[0] == "i":
        return words[-1] in _SPAN_WITH_I
    return words[0] != "over" or words[-1] == "weekend"


_HABITUAL: Final = frozenset({"hver", "kvar", "alle", "every", "each"})


def _plausible_weekday(c: _Candidate, match_text: str, text: str, g: _Grammar) -> bool:
    """Drop habitual weekdays ("hver fredag", "every Friday"): no one day is meant."""
    return _word_before(text, c.start).lower() not in _HABITUAL


_PLAUSIBLE: Final[dict[str, Callable[[_Candidate, str, str, _Grammar], bool]]] = {
    "weekday": _plausible_weekday,
    "year": _plausible_year,
    "month": _plausible_month,
    "season": _plausible_season,
    "span": _plausible_span,
}


def _plausible(c: _Candidate, match_text: str, text: str, g: _Grammar) -> bool:
    """Apply the context checks a pattern cannot express (years vs counts, names vs months)."""
    check = _PLAUSIBLE.get(c.kind)
    return check is None or check(c, match_text, text, g)


_WORD: Final = re.compile(r"\w+")
_DIGIT_KINDS: Final = frozenset({"date", "year"})
#: How many words before its trigger word an expression may start ("i slutten av mai": 3).
_WORDS_BEFORE_TRIGGER: Final = {
    "weekday": 4, "date": 3, "month": 3, "season": 3, "relday": 2, "span": 3, "ago": 6,
    "anchor": 4, "year": 0,
}  # fmt: skip


def _matches(text: str, g: _Grammar) -> Iterable[tuple[str, re.Match[str], _Parser]]:
    """Yield pattern matches starting at or a few words before a trigger word (a weekday…).

    Why not ``finditer`` over the whole text: Python's regex engine tries every pattern at
    every position; anchoring the patterns at the few words before each trigger word makes
    the stage several times faster and keeps it linear on very long input.
    """
    by_kind = g.by_kind
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    tried: set[tuple[int, str, int]] = set()
    for k, (start, _end, word) in enumerate(words):
        kinds = g.triggers.get(word.lower())
        if kinds is None:
            if word[0] not in "0123456789":
                continue
            kinds = _DIGIT_KINDS
        for kind in kinds:
            for j in range(max(0, k - _WORDS_BEFORE_TRIGGER[kind]), k + 1):
                pos = words[j][0]
                if j < k and "\n" in text[pos:start]:
                    continue
                for i, (pattern, parser) in enumerate(by_kind[kind]):
                    key = (pos, kind, i)
                    if key in tried:
                        continue
                    tried.add(key)
                    match = pattern.match(text, pos)
                    if match is not None:
                        yield kind, match, parser


def _find_candidates(text: str, g: _Grammar) -> list[_Candidate]:
    found: list[_Candidate] = []
    for kind, match, parser in _matches(text, g):
        data = parser(match, g)
        if data is None:
            continue
        cand = _Candidate(match.start(), match.end(), kind, data)
        if _plausible(cand, match.group(), text, g):
            found.append(cand)
    # Longest first (then earliest): "15. august 2025" beats "august 2025" and "2025".
    found.sort(key=lambda c: (c.start - c.end, c.start))
    taken = bytearray(len(text))
    kept: list[_Candidate] = []
    for cand in found:
        if taken.find(1, cand.start, cand.end) < 0:
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return _merge_anchored(text, kept)


_DAY_KINDS: Final = frozenset({"weekday", "date", "relday"})


def _merge_anchored(text: str, kept: list[_Candidate]) -> list[_Candidate]:
    """Join "to dager før" / "dagen etter" to the date right after it; drop dangling offsets.

    "to dager før fredagens møte" becomes one expression anchored to "fredagens" (its noun
    joins the surface); "en dag etter at X sa" (an event without a date) is dropped, as the
    annotation rules say.
    """
    out: list[_Candidate] = []
    i = 0
    while i < len(kept):
        cand = kept[i]
        if cand.kind == "anchor" and "days" in cand.data:
            nxt = kept[i + 1] if i + 1 < len(kept) else None
            offsettable = cand.data.get("needs_date") or cand.data.get("dagen")
            if (
                offsettable
                and nxt is not None
                and nxt.kind in _DAY_KINDS
                and not text[cand.end : nxt.start].strip()
            ):
                end = nxt.end
                following = kept[i + 2].start if i + 2 < len(kept) else len(text)
                if nxt.kind == "weekday" and nxt.data.get("genitive"):
                    noun = re.match(r"[ \t]+[a-zæøåéü][\w-]*", text[end : end + 40])
                    if noun and end + noun.end() <= following:
                        end += noun.end()
                out.append(_Candidate(cand.start, end, "anchored", cand.data, anchor=nxt))
                i += 2
                continue
            if cand.data.get("needs_date"):
                i += 1
                continue
            if cand.data.get("dagen") and re.match(r"\s+at\b", text[cand.end : cand.end + 5]):
                i += 1
                continue
        out.append(cand)
        i += 1
    return out


# ──────────────────────────────────────────────────────────────────────────── tense

_TOKEN: Final = re.compile(r"\w+|[,;:]")


def _cue(words: list[str], lows: list[str], i: int, g: _Grammar, adjacent: bool) -> str | None:
    """Return the tense token ``i`` signals: ``"past"``, ``"future"`` or ``None``.

    ``words`` are the clause's tokens and ``lows`` the same in lower case (computed once
    per clause, not once per look).
    """
    low = lows[i]
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if g.english and low in ("is", "are", "am", "going", "set", "due"):
        progressive = low in ("is", "are", "am") and nxt.endswith("ing")  # "is meeting"
        return "future" if nxt == "to" or progressive else None
    if low in g.future or low in g.scheduled or low in ("kommer", "kjem"):
        return "future"
    if low in g.reporting or low in g.perfect or low in g.past:
        return "past"
    if g.english:
        past = len(low) > 4 and low.endswith("ed")
    else:  # a weak past form right beside the date: "snakket onsdag", not "møtet fredag"
        past = (
            adjacent
            and len(low) > 4
            and words[i][0].islower()
            and low.endswith(_WEAK_PAST_ENDINGS)
            and (i == 0 or lows[i - 1] not in g.determiners)
        )
    return "past" if past else None


def _tense(text: str, span: tuple[int, int], start: int, end: int, g: _Grammar) -> str | None:
    """Return the tense of the clause around ``text[start:end]``; the nearest cue decides.

    Distance counts tokens, plus a penalty for each comma or subordinating word crossed, so
    "Det hvite hus uttalte tirsdag at de ser …" takes "uttalte", and "kommer til å konfrontere
    Putin … under møtet fredag kveld" takes "kommer" over the earlier "har lagt". The breaks
    between a cue and the date are counted from running totals (one pass over the clause,
    not one per cue).
    """
    matches = list(_TOKEN.finditer(text, span[0], span[1]))
    positions = [m.start() for m in matches]
    words = [m.group() for m in matches]
    lows = [w.lower() for w in words]
    first = bisect.bisect_left(positions, start)
    last = bisect.bisect_left(positions, end)
    if first > 0:
        prep = lows[first - 1]
        if prep in g.past_preps:
            return "past"
        if prep in g.future_preps:
            return "future"
    breaks_before = [0]  # breaks_before[k]: clause breaks among tokens 0..k-1
    for low in lows:
        breaks_before.append(breaks_before[-1] + (low in _CLAUSE_BREAKS))
    best: tuple[float, str] | None = None
    for i in range(len(words)):
        if first <= i < last:
            continue
        cue = _cue(words, lows, i, g, adjacent=i in (first - 1, last))
        if cue is None:
            continue
        lo, hi = (i + 1, first) if i < first else (last, i)
        breaks = breaks_before[hi] - breaks_before[lo] if hi > lo else 0
        distance = (first - i if i < first else i - last + 1.5) + 3 * breaks
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


# ──────────────────────────────────────────────────────────────────────────── resolving


#: Characters either side of a date that its tense and context are read from.
_CLAUSE_WINDOW: Final = 200
#: Characters before a date in which open quote marks are counted.
_QUOTE_WINDOW: Final = 1500


class _Unset:
    """Marks "no day mentioned yet" (distinct from a day mentioned but unresolved)."""


_UNSET: Final = _Unset()


@dataclass(slots=True)
class _Context:
    """What the resolver knows while it walks the article in text order."""

    text: str
    grammar: _Grammar
    published: dt.date | None
    day_known: bool
    sentences: tuple[Sentence, ...]
    sentence_starts: list[int]
    paragraph_starts: dict[int, int]
    ref_day: dt.date | _Unset | None = _UNSET
    ref_year: int | None = None
    #: The weekday named after each candidate in its paragraph ("…,” he said on Wednesday).
    weekday_after: dict[int, _Candidate] = field(default_factory=dict)
    sentence_years: dict[int, int] = field(default_factory=dict)

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def span_at(self, pos: int) -> tuple[int, int]:
        """Return the sentence around ``pos``, clipped to a window (run-on text stays linear)."""
        sentence = self.sentence_at(pos)
        if sentence is not None:
            return max(sentence.start, pos - _CLAUSE_WINDOW), min(
                sentence.end, pos + _CLAUSE_WINDOW
            )
        lo = max(self.text.rfind("\n", 0, pos), self.text.rfind(". ", 0, pos) + 1, 0)
        hi = self.text.find("\n", pos)
        return lo, len(self.text) if hi < 0 else hi


@dataclass(frozen=True, slots=True)
class _Resolution:
    resolved: dt.date | None
    granularity: Granularity
    basis: str
    end: dt.date | None = None
    year_only: int | None = None
    month_only: tuple[int, int] | None = None


def _iso(res: _Resolution) -> tuple[str | None, str | None]:
    if res.granularity == "year":
        year = res.year_only if res.year_only is not None else None
        return (f"{year:04d}" if year is not None else None), None
    if res.granularity == "month":
        if res.month_only is None:
            return None, None
        return f"{res.month_only[0]:04d}-{res.month_only[1]:02d}", None
    if res.resolved is None:
        return None, None
    return res.resolved.isoformat(), res.end.isoformat() if res.end else None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(basis: str, value: dt.date | None, end: dt.date | None = None) -> _Resolution:
    return _Resolution(value, "day", basis if value else f"{basis}-unresolved", end)


def _month(basis: str, value: tuple[int, int] | None) -> _Resolution:
    return _Resolution(None, "month", basis if value else f"{basis}-unresolved", month_only=value)


def _year(basis: str, value: int | None) -> _Resolution:
    return _Resolution(None, "year", basis if value else f"{basis}-unresolved", year_only=value)


def _weekday_offset(data: dict[str, Any], pub: dt.date, tense: str | None) -> tuple[int, str]:
    """Return (days from publication, rule) for a weekday."""
    wd, mod = data["wd"], data["mod"]
    ahead = (wd - pub.weekday()) % 7
    if mod is not None:  # "forrige fredag", "next Monday", "this Friday"
        return {
            "past": ((ahead - 7) if ahead else -7, "weekday-previous"),
            "future": (ahead or 7, "weekday-next"),
            "this": (wd - pub.weekday(), "weekday-this-week"),
        }[mod]
    if ahead == 0:
        return 0, "weekday-same-day"
    if data["genitive"]:  # "fredagens møte": the nearest Friday, either side
        return (ahead if ahead <= 7 - ahead else ahead - 7), "weekday-genitive-nearest"
    if tense == "future":
        return ahead, "weekday-future"
    return ahead - 7, "weekday-past"


def _resolve_weekday(c: _Candidate, ctx: _Context, tense: str | None) -> _Resolution:
    pub = ctx.published
    if pub is None or not ctx.day_known:
        return _day("weekday", None)
    days, basis = _weekday_offset(c.data, pub, tense)
    return _day(basis, pub + dt.timedelta(days=days))


def _pick_year(
    month: int, day: int | None, ctx: _Context, tense: str | None
) -> tuple[int | None, str]:
    """Return the year of a day–month or bare month, by tense, relative to publication."""
    pub = ctx.published
    assert pub is not None  # noqa: S101 (callers check)
    options: list[tuple[int, int]] = []  # (distance in days or months, year)
    for year in (pub.year - 1, pub.year, pub.year + 1):
        if day is not None and ctx.day_known:
            when = _safe_date(year, month, day)
            if when is None:
                continue
            diff = (when - pub).days
        else:
            diff = (year * 12 + month) - (pub.year * 12 + pub.month)
        if tense == "past" and diff > 0:
            continue
        if tense == "future" and diff < 0:
            continue
        options.append((abs(diff), year))
    if not options:
        return None, "unresolved"
    if tense is None and day is None:  # a bare month with no cue: news reports the past
        past = [o for o in options if (o[1] * 12 + month) <= pub.year * 12 + pub.month]
        options = past or options
    return min(options)[1], tense or "nearest"


def _resolve_date(c: _Candidate, ctx: _Context, tense: str | None, war: bool) -> _Resolution:
    day, month, year = c.data["day"], c.data["month"], c.data["year"]
    if year is not None:
        return _day("absolute", _safe_date(year, month, day))
    if c.data["yrel"] is not None:
        year = _relative_year(c.data["yrel"], ctx)
        return _day("day-month-relative-year", _safe_date(year, month, day) if year else None)
    if war and (month, day) >= (2, 24):
        return _day("domain-war-start", _safe_date(2022, month, day))
    if ctx.published is None:
        return _day("day-month", None)
    picked, how = _pick_year(month, day, ctx, tense)
    value = _safe_date(picked, month, day) if picked is not None else None
    return _day(f"day-month-{how}", value)


def _resolve_month(
    c: _Candidate, ctx: _Context, tense: str | None, war: bool, sentence_year: int | None
) -> _Resolution:
    month, pub = c.data["month"], ctx.published
    if c.data["year"] is not None:
        return _month("month-year", (c.data["year"], month))
    if c.data["yrel"] is not None:
        year = _relative_year(c.data["yrel"], ctx)
        return _month("month-relative-year", (year, month) if year else None)
    if sentence_year is not None:
        return _month("month-in-year-context", (sentence_year, month))
    if war and month >= 2:
        return _month("domain-war-start", (2022, month))
    if pub is None:
        return _month("month-bare", None)
    picked, how = _pick_year(month, None, ctx, tense)
    return _month(f"month-bare-{how}", (picked, month) if picked is not None else None)


def _resolve_span(c: _Candidate, ctx: _Context, tense: str | None) -> _Resolution:
    pub, unit, offset = ctx.published, c.data["unit"], c.data["offset"]
    if unit == "year":
        return _year("relative-year", pub.year + offset if pub else None)
    if unit == "month":
        return _month("relative-month", _shift_month(pub.year, pub.month, offset) if pub else None)
    if pub is None or not ctx.day_known:
        return _day(f"relative-{unit}", None)
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
        return _day("relative-week", monday, monday + dt.timedelta(days=6))
    # weekend: by the modifier, else by tense (past unless the clause looks ahead)
    if offset is None:
        direction = "future" if tense == "future" and not c.data.get("past_bias") else "past"
    else:
        direction = {-1: "past", 1: "future"}.get(offset, "future")
    if direction == "past":
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    else:
        saturday = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
        if pub.weekday() == 6:
            saturday = pub - dt.timedelta(days=1)
    return _day(f"relative-weekend-{direction}", saturday, saturday + dt.timedelta(days=1))


def _resolve_ago(c: _Candidate, ctx: _Context) -> _Resolution:
    pub, n, unit = ctx.published, c.data["n"], c.data["unit"]
    if unit == "year":
        return _year("ago", pub.year - n if pub else None)
    if unit == "month":
        return _month("ago", _shift_month(pub.year, pub.month, -n) if pub else None)
    if pub is None or not ctx.day_known:
        return _day("ago", None)
    when = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
    if c.data["approx"]:  # "for bare en uke siden", "about a week ago": a day either side
        return _day("ago-approximate", when - dt.timedelta(days=1), when + dt.timedelta(days=1))
    return _day("ago", when)


def _reference_day(ctx: _Context) -> dt.date | None:
    if isinstance(ctx.ref_day, _Unset):
        return ctx.published if ctx.day_known else None
    return ctx.ref_day


def _in_quote(ctx: _Context, pos: int) -> bool:
    sentence = ctx.sentence_at(pos)
    start = ctx.paragraph_starts.get(sentence.paragraph, 0) if sentence else 0
    opening = ctx.text[start : start + 3].lstrip()[:1]
    before = ctx.text[max(start, pos - _QUOTE_WINDOW) : pos]
    if opening in ("–", "—", "-") or re.search(r":\s*[–—]\s", before):
        return True  # a dash paragraph, or an inline "sa torsdag: – I dag …"
    return (
        before.count("«") > before.count("»")
        or before.count("“") > before.count("”")
        or before.count('"') % 2 == 1
    )


def _weekday_after_in_paragraph(
    candidates: list[_Candidate], ctx: _Context
) -> dict[int, _Candidate]:
    """Map each relative day ("i dag", "today") to the next weekday named in its paragraph."""
    found: dict[int, _Candidate] = {}
    for i, cand in enumerate(candidates):
        if cand.kind != "relday":
            continue
        here = ctx.sentence_at(cand.start)
        for later in candidates[i + 1 :]:
            there = ctx.sentence_at(later.start)
            if here is None or there is None or there.paragraph != here.paragraph:
                break
            if later.kind == "weekday":
                found[cand.start] = later
                break
    return found


def _resolve_relday(c: _Candidate, ctx: _Context) -> _Resolution:
    pub = ctx.published
    if pub is None or not ctx.day_known:
        return _day("relative-day", None)
    base, basis = pub, "relative-day"
    ref = ctx.ref_day
    said_on = ctx.weekday_after.get(c.start)
    if said_on is not None and _in_quote(ctx, c.start):
        # The attribution after the quote says when it was said: it wins over earlier days.
        ref = _resolve(said_on, ctx).resolved
    if (
        isinstance(ref, dt.date)
        and pub - dt.timedelta(days=2) <= ref < pub
        and _in_quote(ctx, c.start)
    ):
        base, basis = ref, "relative-day-quote"  # "i dag" said on the day the text named
    return _day(basis, base + dt.timedelta(days=c.data["offset"]))


def _resolve_anchored(c: _Candidate, ctx: _Context) -> _Resolution:
    assert c.anchor is not None  # noqa: S101 (built that way in _merge_anchored)
    inner = _resolve(c.anchor, ctx)
    kind = "weekday" if c.anchor.kind == "weekday" else "date"
    value = inner.resolved + dt.timedelta(days=c.data["days"]) if inner.resolved else None
    return _day(f"anchored-to-{kind}", value)


def _resolve_anchor(c: _Candidate, ctx: _Context) -> _Resolution:
    if "years" in c.data:
        year = ctx.ref_year
        return _year("anchored-to-year", year + c.data["years"] if year else None)
    ref = _reference_day(ctx)
    return _day("anchored-to-reference", ref + dt.timedelta(days=c.data["days"]) if ref else None)


def _resolve_season(c: _Candidate, ctx: _Context) -> _Resolution:
    if c.data["year"] is not None:
        return _year("season-year", c.data["year"])
    pub = ctx.published
    return _year("season-relative", pub.year + c.data["yrel"] if pub else None)


def _resolve_tensed(c: _Candidate, ctx: _Context) -> _Resolution:
    """Resolve weekdays, day–month dates and months: these read the tense of their clause."""
    span = ctx.span_at(c.start)
    g = ctx.grammar
    tense = _tense(ctx.text, span, c.start, c.end, g)
    if c.kind == "weekday":
        return _resolve_weekday(c, ctx, tense)
    war = g.war_start.search(ctx.text, span[0], span[1]) is not None
    if c.kind == "date":
        return _resolve_date(c, ctx, tense, war)
    sentence = ctx.sentence_at(c.start)
    sentence_year = ctx.sentence_years.get(sentence.index) if sentence else None
    return _resolve_month(c, ctx, tense, war, sentence_year)


def _resolve_span_tensed(c: _Candidate, ctx: _Context) -> _Resolution:
    tense = None
    if c.data.get("tensed"):
        tense = _tense(ctx.text, ctx.span_at(c.start), c.start, c.end, ctx.grammar)
    return _resolve_span(c, ctx, tense)


_RESOLVERS: Final[dict[str, Callable[[_Candidate, _Context], _Resolution]]] = {
    "anchored": _resolve_anchored,
    "anchor": _resolve_anchor,
    "year": lambda c, ctx: _year("year", c.data["year"]),
    "season": _resolve_season,
    "relday": _resolve_relday,
    "span": _resolve_span_tensed,
    "ago": _resolve_ago,
    "weekday": _resolve_tensed,
    "date": _resolve_tensed,
    "month": _resolve_tensed,
}


def _resolve(c: _Candidate, ctx: _Context) -> _Resolution:
    """Resolve one candidate with the rule of its kind (see the module docstring)."""
    return _RESOLVERS[c.kind](c, ctx)


def _in_range(res: _Resolution) -> bool:
    """Tell whether every date of a resolution lies in :data:`geo.settings.SUPPORTED_DATES`."""
    first, last = settings.SUPPORTED_DATES
    days = [d for d in (res.resolved, res.end) if d is not None]
    if any(not first <= d <= last for d in days):
        return False
    if res.month_only is not None and not (first.year, first.month) <= res.month_only <= (
        last.year,
        last.month,
    ):
        return False
    return res.year_only is None or first.year <= res.year_only <= last.year


def _supported(c: _Candidate, ctx: _Context) -> _Resolution:
    """Resolve ``c``; a date outside the supported range is left unresolved, and says so.

    Why: "i går" on 0001-01-01 overflowed ``datetime.date`` and a year such as 1066 or 2300
    cannot be held by the frames' ``datetime64[ns]`` columns. The expression is kept (its
    surface and offsets) with ``resolved=None`` and a basis ending in ``-out-of-range``.
    """
    try:
        res = _resolve(c, ctx)
    except OverflowError:
        res = _Resolution(None, "day", c.kind)
    else:
        if _in_range(res):
            return res
    return _Resolution(None, res.granularity, f"{res.basis}-out-of-range")


def _remember(c: _Candidate, res: _Resolution, ctx: _Context, anchor_day: Any) -> None:
    """Move the reference time: the day and year the text is now talking about."""
    if c.kind in ("weekday", "date", "relday", "anchored") or (
        c.kind == "anchor" and "days" in c.data
    ):
        ctx.ref_day = anchor_day if c.kind == "anchored" else res.resolved
    year = None
    if res.resolved is not None:
        year = res.resolved.year
    elif res.month_only is not None:
        year = res.month_only[0]
    elif res.year_only is not None:
        year = res.year_only
    if year is not None:
        ctx.ref_year = year
    explicit = c.kind == "year" or c.data.get("year") is not None
    sentence = ctx.sentence_at(c.start)
    if explicit and year is not None and sentence is not None:
        ctx.sentence_years[sentence.index] = year


def find_dates(article: Article, *, sentences: tuple[Sentence, ...]) -> tuple[DateRef, ...]:
    """Return the article's date expressions in text order, resolved against its publication.

    Parameters
    ----------
    article
        The article; ``published``/``published_precision`` anchor relative expressions and
        ``lang`` picks the grammar (``nb`` and ``nn`` share one).
    sentences
        The article's sentences (:func:`geo.text.sentences.split_sentences`): the tense of a
        weekday is read from its sentence.

    Returns
    -------
    tuple[DateRef, ...]
        Non-overlapping expressions with exact offsets (``text[start:end] == surface``),
        ``resolved`` as ``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` (or ``None``), ``granularity``,
        ``resolved_end`` for spans and the rule in ``basis``. Never raises on odd text.
    """
    text = article.text
    grammar = _grammar(article.lang)
    paragraph_starts: dict[int, int] = {}
    for sentence in sentences:
        paragraph_starts.setdefault(sentence.paragraph, sentence.start)
    first, last = settings.SUPPORTED_DATES
    published = article.published
    if published is not None and not first <= published <= last:
        published = None  # nothing can be resolved against it (the reader refuses such dates)
    ctx = _Context(
        text=text,
        grammar=grammar,
        published=published,
        day_known=published is not None and article.published_precision == "day",
        sentences=sentences,
        sentence_starts=[s.start for s in sentences],
        paragraph_starts=paragraph_starts,
    )
    candidates = list(_find_candidates(text, grammar))
    ctx.weekday_after = _weekday_after_in_paragraph(candidates, ctx)
    refs: list[DateRef] = []
    for cand in candidates:
        res = _supported(cand, ctx)
        anchor_day = _supported(cand.anchor, ctx).resolved if cand.anchor is not None else None
        _remember(cand, res, ctx, anchor_day)
        resolved, resolved_end = _iso(res)
        refs.append(
            DateRef(
                surface=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                resolved=resolved,
                granularity=res.granularity,
                resolved_end=resolved_end,
                basis=res.basis,
            )
        )
    return tuple(refs)
