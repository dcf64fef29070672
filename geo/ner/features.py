"""Tokens, candidate windows and the features the named-entity model reads.

Why windows: names are capitalised (or carry digits, "E6", "G7"), so only the runs of such
tokens, the short connectors inside them ("Universitetet i Bergen", "Kristelig
Folkeparti"), and one token of context on each side are tagged. On NorNE train those
windows are about a quarter of the tokens and hold 93 % of the entity tokens (99.5 % of the
person tokens; what they miss are lower-case heads after a name, "… kommune", which the
context token usually catches). Training and tagging use the same windows.

Why these features: the model is trained on Norwegian only and also tags English, so most
features are *delexicalised*, the same in every language: the token's shape, its length,
whether its lower-case form is a frequent word in the article's language (``wordfreq``),
whether the article writes it in lower case elsewhere or capitalised mid-sentence, whether
it is a known given name, and the cue class of the words around it (a title before, a place
preposition, a speech verb after: :mod:`geo.ner.lexicon`). The Norwegian model adds lexical
features (the word, its suffixes, the neighbouring words); the English model has none, so
nothing it learnt depends on Norwegian words.

Everything a token's features need from the word alone is cached per word type, so a
token costs a dict lookup and a list concatenation after the first time its word is seen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from geo.lexicon.names import GIVEN_NAMES
from geo.ner.lexicon import classes_of

__all__ = [
    "FEATURE_VERSION",
    "Token",
    "Window",
    "features",
    "group_of",
    "tokenize",
    "windows",
]

#: Bump when the features change: the model metadata records it; a mismatch fails the tests.
FEATURE_VERSION: Final = 1

#: Words, with inner hyphens, dots and apostrophes ("Mette-Marit", "firda.no", "Kam'ianske");
#: an English possessive "'s" is its own token; any other non-space character is a token.
#: An initial before a name ("Carl I. Hagen") keeps its dot, as in NDT.
_TOKEN = re.compile(
    r"[A-ZÆØÅ]\.(?=\s[A-ZÆØÅ])"
    r"|[^\W_]+(?:(?:[-‑.&]|['’](?![sS]\b))[^\W_]+)*|['’][sS]\b|\S"
)

#: Lower-case words that may join capitalised name words inside one window.
CONNECTORS: Final = frozenset(
    "i og for av de van von der den da du la le al el bin og & - of the and på til mot om "
    "ved y e".split()
)
_MAX_GAP = 2  # connector tokens between two name tokens
_SENTENCE_END = frozenset(".!?:|»\"”")
_OPENERS = frozenset("«\"“'‘(–—-•*")


@dataclass(frozen=True, slots=True)
class Token:
    """A token: its text and character offsets into the text it came from."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Window:
    """A run of tokens to tag, ``first``..``last`` inclusive, by token index."""

    first: int
    last: int


def group_of(lang: str) -> str:
    """Return the lexicon group of a language: ``"nb"`` for nb and nn, else ``"en"``."""
    return "nb" if lang in ("nb", "nn", "no") else "en"


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens close to NorNE's (NDT) tokenisation."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _anchor(word: str) -> bool:
    first = word[:1]
    if first.isupper():
        return True
    return first.isdigit() and any(c.isalpha() for c in word)


def windows(words: Sequence[str], breaks: Sequence[bool] | None = None) -> list[Window]:
    """Return the candidate windows over ``words``.

    ``breaks[i]`` true means a line break stands before word ``i``: no window crosses it.
    """
    count = len(words)
    anchors = [i for i in range(count) if _anchor(words[i])]
    out: list[Window] = []
    k = 0
    while k < len(anchors):
        first = last = anchors[k]
        k += 1
        while k < len(anchors):
            nxt = anchors[k]
            gap = nxt - last - 1
            if gap > _MAX_GAP or (breaks is not None and any(breaks[last + 1 : nxt + 1])):
                break
            if gap and not all(words[m].lower() in CONNECTORS for m in range(last + 1, nxt)):
                break
            last = nxt
            k += 1
        if first > 0 and not (breaks is not None and breaks[first]):
            first -= 1
        if last + 1 < count and not (breaks is not None and breaks[last + 1]):
            last += 1
        if out and first <= out[-1].last:
            out[-1] = Window(out[-1].first, last)
        else:
            out.append(Window(first, last))
    return out


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word[:12]:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _length(word: str) -> str:
    n = len(word)
    return str(n) if n < 4 else ("4-5" if n < 6 else ("6-8" if n < 9 else "9+"))


class Frequencies:
    """Zipf frequency buckets of lower-case words, per language group, from ``wordfreq``.

    Nynorsk uses the Bokmål list (wordfreq has none for Nynorsk; most function words agree,
    and the Norwegian model's lexical features cover the rest).
    """

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, float]] = {}

    def table(self, group: str) -> dict[str, float]:
        """Return word -> frequency (share of all words) for the group, loaded once."""
        found = self._tables.get(group)
        if found is None:
            from wordfreq import get_frequency_dict  # noqa: PLC0415 - 0.2 s load, on first use

            found = get_frequency_dict("nb" if group == "nb" else "en", wordlist="best")
            self._tables[group] = found
        return found

    def zipf(self, lower: str, group: str) -> float:
        """Return the Zipf value (log10 of frequency per billion words), 0 when unknown."""
        freq = self.table(group).get(lower, 0.0)
        return math.log10(freq) + 9.0 if freq > 0 else 0.0


FREQUENCIES = Frequencies()


@cache
def _word_features(word: str, group: str, lexical: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (own features, features a neighbour sees) of a word type; cached."""
    lower = word.lower()
    zipf = FREQUENCIES.zipf(lower, group)
    shape = _shape(word)
    cap = word[:1].isupper()
    classes = classes_of(lower, group)
    if lower.endswith("s") and len(lower) > 3:  # Norwegian genitive: "Høyres", "rådets"
        classes = tuple(dict.fromkeys(classes + classes_of(lower[:-1], group)))
    own = [
        "b",
        "sh=" + shape,
        "len=" + _length(word),
        f"z={int(zipf)}",
    ]
    if cap and zipf >= 4.5:
        own.append("capfreq")
    if word in GIVEN_NAMES:
        own.append("given")
    if word.endswith("s") and word[:-1] in GIVEN_NAMES:
        own.append("given-s")
    if word.isupper() and 1 < len(word) < 6 and word.isalpha():
        own.append("acronym")
    own.extend("c=" + c for c in classes)
    near = [
        "sh=" + shape,
        f"z={int(zipf)}",
        *("c=" + c for c in classes),
    ]
    if lexical:
        own.append("w=" + lower)
        if len(lower) > 4:
            own.append("s3=" + lower[-3:])
            own.append("s4=" + lower[-4:])
            own.append("p3=" + lower[:3])
        near.append("w=" + lower)
    return tuple(own), tuple(near)


def _sentence_start(words: Sequence[str], i: int, breaks: Sequence[bool] | None) -> bool:
    j = i - 1
    while j >= 0 and words[j] in _OPENERS and not (breaks is not None and breaks[j + 1]):
        j -= 1
    if j < 0 or (breaks is not None and breaks[j + 1]):
        return True
    return words[j] in _SENTENCE_END


def features(
    words: Sequence[str],
    window: Window,
    *,
    group: str,
    lexical: bool,
    lower_words: frozenset[str] | set[str],
    inner_caps: frozenset[str] | set[str],
    breaks: Sequence[bool] | None = None,
) -> list[list[str]]:
    """Return the feature lists of the tokens of one window.

    ``lower_words`` are the words the document writes in lower case, ``inner_caps`` those
    it writes capitalised away from a sentence start: both say whether a capital letter
    marks a name or only a sentence start.
    """
    out: list[list[str]] = []
    first, last = window.first, window.last
    for i in range(first, last + 1):
        word = words[i]
        own, _ = _word_features(word, group, lexical)
        feats = list(own)
        if word[:1].isupper():
            if _sentence_start(words, i, breaks):
                feats.append("bos")
            lower = word.lower()
            if lower in lower_words:
                feats.append("doc-lower")
            if word in inner_caps:
                feats.append("doc-cap")
        if i > first:
            feats.extend("-1" + f for f in _word_features(words[i - 1], group, lexical)[1])
        else:
            feats.append("-1=W")
        if i < last:
            feats.extend("+1" + f for f in _word_features(words[i + 1], group, lexical)[1])
        else:
            feats.append("+1=W")
        if i - 1 > first:
            feats.extend("-2" + f for f in _word_features(words[i - 2], group, False)[1][:1])
        out.append(feats)
    return out


def document_sets(
    words: Sequence[str], breaks: Sequence[bool] | None = None
) -> tuple[set[str], set[str]]:
    """Return (words written in lower case, words capitalised away from a sentence start)."""
    lower_words: set[str] = set()
    inner_caps: set[str] = set()
    for i, word in enumerate(words):
        first = word[:1]
        if first.islower():
            lower_words.add(word)
        elif first.isupper() and not _sentence_start(words, i, breaks):
            inner_caps.add(word)
    return lower_words, inner_caps
