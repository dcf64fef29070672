"""Cyrillic → Latin transliteration variants (Norwegian, English, German), table-driven.

Why: Norwegian news writes Ukrainian and Russian place names in Norwegian transliteration
("Kostjantynivka", "Druzjkivka", "Zaporizjzja", "Tsjasiv Jar") that GeoNames rarely lists
as alternate names. Generating the spellings by rule from the Cyrillic names GeoNames does
list lets every settlement resolve, whatever the newsroom's transliteration habit.

The tables follow the published conventions:

* Norwegian (``nb``): Språkrådet's recommendations for Ukrainian and Russian
  (ж→zj, ч→tsj, ш→sj, щ→sjtsj, х→kh, я→ja, ю→ju, є→je, ї→ji, й→j).
* English (``en``): the Ukrainian national system of 2010 adopted by BGN/PCGN
  (ж→zh, ч→ch, х→kh, я→ya/ia, ї→yi/i, й→y/i, є→ye/ie) and BGN/PCGN for Russian; plus the
  older "y" spellings (Kostyantynivka, Zaporizhzhya) English newsrooms still use.
* German (``de``): Duden conventions (в→w, ж→sch, з→s, ч→tsch, х→ch, ц→z).

Ukrainian or Russian is detected from the letters (і, ї, є, ґ are Ukrainian; ы, э, ё, ъ are
Russian); a name without tell-tale letters gets the variants of both languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

__all__ = ["Scheme", "detect_language", "has_cyrillic", "transliterate", "variants"]

Scheme = Literal["nb", "en", "de"]
CyrLang = Literal["uk", "ru"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UK_ONLY = frozenset("іїєґІЇЄҐ")
_RU_ONLY = frozenset("ыэёъЫЭЁЪ")
_APOSTROPHES = frozenset("'ʼ’`´")
_VOWELS = frozenset("аеєиіїоуюяыэёАЕЄИІЇОУЮЯЫЭЁ")

# Letters common to every scheme of one language; the scheme tables below override them.
_BASE: dict[str, str] = {
    "а": "a", "б": "b", "д": "d", "е": "e", "з": "z", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "ь": "", "ъ": "", "ґ": "g", "і": "i", "в": "v",
}  # fmt: skip

_TABLES: dict[tuple[CyrLang, Scheme], dict[str, str]] = {
    ("uk", "nb"): {
        "г": "h", "є": "je", "ж": "zj", "и": "y", "ї": "ji", "й": "j", "х": "kh", "ц": "ts",
        "ч": "tsj", "ш": "sj", "щ": "sjtsj", "ю": "ju", "я": "ja",
    },
    ("ru", "nb"): {
        "г": "g", "ё": "jo", "ж": "zj", "и": "i", "й": "j", "х": "kh", "ц": "ts", "ч": "tsj",
        "ш": "sj", "щ": "sjtsj", "ы": "y", "э": "e", "ю": "ju", "я": "ja",
    },
    ("uk", "en"): {
        "г": "h", "є": "ie", "ж": "zh", "и": "y", "ї": "i", "й": "i", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ю": "iu", "я": "ia",
    },
    ("ru", "en"): {
        "г": "g", "ё": "yo", "ж": "zh", "и": "i", "й": "y", "х": "kh", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "shch", "ы": "y", "э": "e", "ю": "yu", "я": "ya",
    },
    ("uk", "de"): {
        "г": "h", "є": "je", "ж": "sch", "з": "s", "в": "w", "и": "y", "ї": "ji", "й": "j",
        "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja",
    },
    ("ru", "de"): {
        "г": "g", "ё": "jo", "ж": "sch", "з": "s", "в": "w", "и": "i", "й": "i", "х": "ch",
        "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ы": "y", "э": "e", "ю": "ju",
        "я": "ja",
    },
}  # fmt: skip

# Word-initial forms (BGN/PCGN: Yevpatoriia, Yizhakevych, Yurivka; Russian е → je/ye).
_INITIAL: dict[tuple[CyrLang, Scheme], dict[str, str]] = {
    ("uk", "en"): {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
    ("ru", "nb"): {"е": "je"},
    ("ru", "en"): {"е": "ye"},
    ("ru", "de"): {"е": "je"},
}
# After a vowel, ь or ъ, Russian е is iotated too (Kijev, Kiyev); BGN "zgh" for Ukrainian зг.
_AFTER_VOWEL: dict[tuple[CyrLang, Scheme], dict[str, str]] = {
    ("ru", "nb"): {"е": "je"},
    ("ru", "en"): {"е": "ye"},
    ("ru", "de"): {"е": "je"},
}


def has_cyrillic(text: str) -> bool:
    """Return whether ``text`` holds at least one Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


def detect_language(text: str) -> tuple[CyrLang, ...]:
    """Return the Cyrillic languages ``text`` may be written in, most likely first.

    Ukrainian-only letters (і ї є ґ) give ``("uk",)``, Russian-only letters (ы э ё ъ)
    give ``("ru",)``; otherwise both are possible, Ukrainian first.
    """
    letters = set(text)
    if letters & _UK_ONLY:
        return ("uk",)
    if letters & _RU_ONLY:
        return ("ru",)
    return ("uk", "ru")


def _chunk(
    ch: str, prev: str, lang: CyrLang, scheme: Scheme, table: Mapping[str, str]
) -> str | None:
    low = ch.lower()
    key = (lang, scheme)
    word_start = not prev or not prev.isalpha()
    if word_start and low in _INITIAL.get(key, {}):
        return _INITIAL[key][low]
    if prev and (prev in _VOWELS or prev.lower() in "ьъ") and low in _AFTER_VOWEL.get(key, {}):
        return _AFTER_VOWEL[key][low]
    if low in table:
        return table[low]
    if low in _BASE:
        return _BASE[low]
    return None


@lru_cache(maxsize=65536)
def transliterate(text: str, scheme: Scheme = "nb", lang: CyrLang | None = None) -> str:
    """Transliterate Cyrillic ``text`` into Latin letters by ``scheme``.

    Parameters
    ----------
    text
        A name in Cyrillic (Ukrainian or Russian); Latin letters, spaces and hyphens pass
        through unchanged, apostrophes (Куп'янськ) are dropped.
    scheme
        ``"nb"`` (Norwegian), ``"en"`` (BGN/PCGN) or ``"de"`` (Duden).
    lang
        ``"uk"`` or ``"ru"``; detected from the letters when ``None``.

    Returns
    -------
    str
        The transliteration with the capitalisation of the source ("Часів Яр" →
        "Tsjasiv Jar").
    """
    language = lang or detect_language(text)[0]
    table = _TABLES[(language, scheme)]
    out: list[str] = []
    prev = ""
    for ch in text:
        if ch in _APOSTROPHES:
            continue
        chunk = _chunk(ch, prev, language, scheme, table)
        if (
            scheme == "nb"
            and chunk
            and chunk[0] == "j"
            and out
            and out[-1].lower().endswith(("zj", "sj"))
        ):
            chunk = chunk[1:]  # Norwegian writes жя/шю as "zja"/"sju", not "zjja"
        if chunk is None:
            out.append(ch)
        elif ch.isupper() and chunk:
            out.append(chunk[0].upper() + chunk[1:])
        else:
            out.append(chunk)
        prev = ch
    return "".join(out)


def _older_english(text: str) -> str:
    """BGN/PCGN before 2010: я→ya, ю→yu, є→ye, ї→yi everywhere (Kostyantynivka)."""
    table = dict(_TABLES[("uk", "en")])
    table.update({"я": "ya", "ю": "yu", "є": "ye", "ї": "yi", "й": "y"})
    out: list[str] = []
    prev = ""
    for ch in text:
        if ch in _APOSTROPHES:
            continue
        chunk = _chunk(ch, prev, "uk", "en", table)
        if chunk is None:
            out.append(ch)
        elif ch.isupper() and chunk:
            out.append(chunk[0].upper() + chunk[1:])
        else:
            out.append(chunk)
        prev = ch
    return "".join(out)


def variants(text: str) -> frozenset[str]:
    """Return the Norwegian, English and German spellings of a Cyrillic name.

    Empty when ``text`` has no Cyrillic letters. Both Ukrainian and Russian readings are
    produced when the letters do not tell the language apart ("Буча" → "Butsja",
    "Bucha", "Butscha").
    """
    if not has_cyrillic(text):
        return frozenset()
    found: set[str] = set()
    schemes: tuple[Scheme, ...] = ("nb", "en", "de")
    for lang in detect_language(text):
        for scheme in schemes:
            found.add(transliterate(text, scheme, lang))
        if lang == "uk":
            found.add(_older_english(text))
    return frozenset(v for v in found if not has_cyrillic(v))
