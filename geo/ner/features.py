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
    "LINE_BREAK",
    "Token",
    "Window",
    "anchors",
    "features",
    "flags",
    "group_of",
    "inner_capitals",
    "lower_case_words",
    "sentence_start",
    "tokenize",
    "windows",
    "word_views",
]

#: Bump when the features change: the model metadata records it; a mismatch fails the tests.
FEATURE_VERSION: Final = 5

#: Words, with inner hyphens, dots and apostrophes ("Mette-Marit", "firda.no", "Kam'ianske");
#: an English possessive "'s" is its own token; any other non-space character is a token.
#: An initial before a name ("Carl I. Hagen") keeps its dot, as in NDT; a line break (with
#: any blank space after it) is a token of its own, so no window runs across it.
_TOKEN = re.compile(
    r"[A-ZÆØÅ]\.(?=\s[A-ZÆØÅ])"
    r"|[^\W_]+(?:(?:[-‑.&]|['’](?![sS]\b))[^\W_]+)*|['’][sS]\b|\n\s*|\S"
)
#: The token standing for a line break (a heading's end) in training documents.
LINE_BREAK: Final = "\n"

#: Lower-case words that may join capitalised name words inside one window.
_CONNECTOR_WORDS = (
    "i og for av de van von der den da du la le al el bin & - of the and på til mot om ved y e"
)
CONNECTORS: Final = frozenset(_CONNECTOR_WORDS.split())
_MAX_GAP = 2  # connector tokens between two name tokens
_SENTENCE_END = frozenset('.!?:|»"”')
_OPENERS = frozenset("«\"“'‘(–—-•*")
#: Features set by a token's place in its window and document (see :func:`flags`).
BOS, DOC_LOWER, DOC_CAP, FIRST, LAST = "bos", "doc-lower", "doc-cap", "-1=W", "+1=W"


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


def token_pattern() -> re.Pattern[str]:
    """Return the compiled token pattern (for callers that need only words or offsets)."""
    return _TOKEN


def _is_anchor(word: str) -> bool:
    return word[0].isupper() or (word[0].isdigit() and word[-1].isalpha())


def anchors(words: Sequence[str], lower_words: frozenset[str] | set[str]) -> list[int]:
    """Return the indices of the tokens that can open a name: capitalised, or "E6", "3D".

    A lone capitalised word at a sentence start that the document also writes in lower
    case ("Det", "Men", "The") is left out: the capital is the sentence's, and about a
    third of all windows would be spent on such words.
    """
    found = [
        i for i, w in enumerate(words) if w[0].isupper() or (w[0].isdigit() and w[-1].isalpha())
    ]
    count = len(words)
    return [
        i
        for i in found
        if not (
            words[i].lower() in lower_words
            and sentence_start(words, i)
            and (i + 1 == count or not _is_anchor(words[i + 1]))
        )
    ]


def lower_case_words(words: Sequence[str]) -> set[str]:
    """Return the words a document writes in lower case."""
    return {w for w in words if w[0].islower()}


def windows(words: Sequence[str], starts: Sequence[int] | None = None) -> list[Window]:
    """Return the candidate windows over ``words`` (``starts``: :func:`anchors`, if known)."""
    count = len(words)
    found = anchors(words) if starts is None else starts
    out: list[Window] = []
    k = 0
    while k < len(found):
        first = last = found[k]
        k += 1
        while k < len(found):
            nxt = found[k]
            gap = nxt - last - 1
            if gap > _MAX_GAP or (
                gap and not all(words[m].lower() in CONNECTORS for m in range(last + 1, nxt))
            ):
                break
            last = nxt
            k += 1
        if first > 0 and words[first - 1][0] != "\n":  # a line break is no context
            first -= 1
        if last + 1 < count and words[last + 1][0] != "\n":
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

            found = get_frequency_dict("nb" if group == "nb" else "en", wordlist="small")
            self._tables[group] = found
        return found

    def zipf(self, lower: str, group: str) -> float:
        """Return the Zipf value (log10 of frequency per billion words), 0 when unknown."""
        freq = self.table(group).get(lower, 0.0)
        return math.log10(freq) + 9.0 if freq > 0 else 0.0


FREQUENCIES = Frequencies()


@cache
def word_views(
    word: str, group: str, lexical: bool
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Return a word type's features, cached per type.

    Four views: its own features, and the word as the next, the previous and the second-next
    token see it (prefixed ``-1``, ``+1``, ``-2``).
    """
    if word[0] == "\n":
        word = "<br>"  # CRFsuite's model dump is line-based: no newline inside a feature
    lower = word.lower()
    zipf = FREQUENCIES.zipf(lower, group)
    shape = _shape(word)
    classes = classes_of(lower, group)
    if lower.endswith("s") and len(lower) > 3:  # Norwegian genitive: "Høyres", "rådets"
        classes = tuple(dict.fromkeys(classes + classes_of(lower[:-1], group)))
    own = ["b", "sh=" + shape, "len=" + _length(word), f"z={int(zipf)}"]
    if word[:1].isupper() and zipf >= 4.5:
        own.append("capfreq")
    if word in GIVEN_NAMES:
        own.append("given")
    if word.endswith("s") and word[:-1] in GIVEN_NAMES:
        own.append("given-s")
    if word.isupper() and 1 < len(word) < 6 and word.isalpha():
        own.append("acronym")
    own.extend("c=" + c for c in classes)
    near = ["sh=" + shape, f"z={int(zipf)}", *("c=" + c for c in classes)]
    if lexical:
        own.append("w=" + lower)
        if len(lower) > 4:
            own.extend(("s3=" + lower[-3:], "s4=" + lower[-4:], "p3=" + lower[:3]))
        near.append("w=" + lower)
    return (
        tuple(own),
        tuple("-1" + f for f in near),
        tuple("+1" + f for f in near),
        ("-2" + near[0],),
    )


def sentence_start(words: Sequence[str], i: int) -> bool:
    """Return whether token ``i`` opens a sentence, a line or a quote."""
    j = i - 1
    while j >= 0 and words[j] in _OPENERS:
        j -= 1
    return j < 0 or words[j] in _SENTENCE_END or words[j][0] == "\n"


def flags(
    words: Sequence[str],
    i: int,
    window: Window,
    lower_words: frozenset[str] | set[str],
    inner_caps: frozenset[str] | set[str],
) -> list[str]:
    """Return the features of token ``i`` that depend on its window and its document.

    ``lower_words`` are the words the document writes in lower case, ``inner_caps`` those
    it writes capitalised away from a sentence start: both say whether a capital letter
    marks a name or only a sentence start.
    """
    out: list[str] = []
    word = words[i]
    if word[0].isupper():
        if sentence_start(words, i):
            out.append(BOS)
        if word.lower() in lower_words:
            out.append(DOC_LOWER)
        if word in inner_caps:
            out.append(DOC_CAP)
    if i == window.first:
        out.append(FIRST)
    if i == window.last:
        out.append(LAST)
    return out


def features(
    words: Sequence[str],
    window: Window,
    *,
    group: str,
    lexical: bool,
    lower_words: frozenset[str] | set[str],
    inner_caps: frozenset[str] | set[str],
) -> list[list[str]]:
    """Return the feature lists of the tokens of one window (the training path)."""
    out: list[list[str]] = []
    first, last = window.first, window.last
    for i in range(first, last + 1):
        feats = [*word_views(words[i], group, lexical)[0]]
        feats += flags(words, i, window, lower_words, inner_caps)
        if i > first:
            feats += word_views(words[i - 1], group, lexical)[1]
        if i < last:
            feats += word_views(words[i + 1], group, lexical)[2]
        if i - 1 > first:
            feats += word_views(words[i - 2], group, lexical)[3]
        out.append(feats)
    return out


def inner_capitals(words: Sequence[str], starts: Sequence[int]) -> set[str]:
    """Return the capitalised words the document writes away from a sentence start.

    ``starts`` are the :func:`anchors` (every such word is one).
    """
    return {words[i] for i in starts if not sentence_start(words, i)}
