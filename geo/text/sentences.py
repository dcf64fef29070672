"""Split an article into paragraphs and sentences, as offset spans.

Rule-based on purpose: the pipeline must run offline at hundreds of articles per second, and
news prose is regular enough. A paragraph is a line (news exports put one paragraph per line);
a sentence ends at ``.``, ``!`` or ``?`` (plus closing quote marks) followed by white space and
a capital, digit, dash or opening quote — unless the word before the full stop is a known
abbreviation ("bl.a.", "kl.", "f.eks.", "U.S.") or an initial ("J.D. Vance"). No sentence is
longer than :data:`MAX_SENTENCE_CHARS`, so every stage after this one runs in linear time.

Invariants (property-tested): sentences lie inside their paragraph, are in order, do not
overlap, and have no leading or trailing white space.
"""

from __future__ import annotations

import re

from geo.model import Paragraph, Sentence

__all__ = ["ABBREVIATIONS", "MAX_SENTENCE_CHARS", "split_paragraphs", "split_sentences"]

#: Lower-cased words that end with a full stop without ending the sentence (nb, nn, en).
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # Norwegian
        "bl.a",
        "f.eks",
        "kl",
        "ca",
        "dvs",
        "mill",
        "mrd",
        "nr",
        "jf",
        "evt",
        "osv",
        "etc",
        "pga",
        "iflg",
        "ift",
        "mht",
        "bl",
        "fr",
        "hr",
        "st",
        "tlf",
        "kap",
        "prof",
        "dr",
        "gen",
        "oberst",
        "s",
        "t.o.m",
        "f.o.m",
        "m.m",
        "o.l",
        "m.a",
        "mv",
        "pr",
        "ekskl",
        "inkl",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "des",
        # English
        "mr",
        "mrs",
        "ms",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "maj",
        "capt",
        "sgt",
        "vs",
        "no",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "dec",
        "oct",
    }
)

_CANDIDATE_END = re.compile(r"[.!?…]+[»\"”’')\]]*(?=\s)")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[«\"“–—(\[]?\s?[A-ZÆØÅÄÖÜÉ0-9]")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LINE = re.compile(r"[^\n]+")
_INITIALS = re.compile(r"(?:[A-ZÆØÅ]\.)*[A-ZÆØÅ]")
_DAY_NUMBER_BEFORE = re.compile(r"\b\d{1,2}$")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-zæøå]")
#: How far back :func:`_word_before` first looks; longer words are rare and looked up again.
_WORD_WINDOW = 64
#: Longest sentence, in characters (real news sentences stay far below). A longer run without
#: a sentence end is cut at white space: every later stage scans sentences, and one endless
#: "sentence" (pasted text without full stops) made their work quadratic in its length.
MAX_SENTENCE_CHARS = 1000


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    r"""Return the non-blank lines of ``text`` as paragraphs, trimmed of white space.

    Examples
    --------
    >>> [(p.start, p.end) for p in split_paragraphs("Ab.\n\n Cd ")]
    [(0, 3), (6, 8)]
    """
    paragraphs: list[Paragraph] = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        paragraphs.append(Paragraph(len(paragraphs), start, start + len(stripped)))
    return tuple(paragraphs)


def _word_before(text: str, stop: int) -> re.Match[str] | None:
    """Return ``_WORD_BEFORE.search(text, 0, stop)``: the run of word characters and dots.

    Why not that call: an unanchored search from 0 tries every earlier position, so one
    paragraph of many sentences cost time quadratic in its length. The run is found within
    a window before ``stop``; only when it fills the window may it reach further back, and
    then the search is repeated from the start (same result, rarely needed).
    """
    window_start = max(0, stop - _WORD_WINDOW)
    match = _WORD_BEFORE.search(text, window_start, stop)
    if match is not None and match.start() == window_start > 0:
        match = _WORD_BEFORE.search(text, 0, stop)
    return match


def _is_abbreviation(text: str, stop: int) -> bool:
    """Tell whether the full stop at ``stop`` closes an abbreviation or an initial."""
    match = _word_before(text, stop)
    if match is None:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in ABBREVIATIONS:
        return True
    # Initials: "J.D. Vance", "G. W. Bush" (one capital letter, possibly dotted in pairs).
    return bool(_INITIALS.fullmatch(match.group(1).rstrip(".")))


def _is_date_ordinal(text: str, stop: int) -> bool:
    """Tell whether the stop follows a day number ("15. august"), not a sentence end."""
    before = _DAY_NUMBER_BEFORE.search(text[max(0, stop - 3) : stop])
    after = _LOWER_WORD_AFTER.match(text[stop + 1 : stop + 4])
    return before is not None and after is not None


def _append_bounded(
    sentences: list[Sentence], text: str, start: int, end: int, paragraph: int
) -> None:
    """Append ``text[start:end]`` as sentences of at most :data:`MAX_SENTENCE_CHARS`."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = limit
        for pos in range(limit, start + MAX_SENTENCE_CHARS // 2, -1):  # last space in reach
            if text[pos].isspace():
                cut = pos
                break
        stop = cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        sentences.append(Sentence(len(sentences), start, stop, paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        sentences.append(Sentence(len(sentences), start, end, paragraph))


def split_sentences(
    text: str, paragraphs: tuple[Paragraph, ...] | None = None
) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences that never cross a paragraph boundary.

    Examples
    --------
    >>> text = "Han møtte bl.a. J.D. Vance. Det var 15. august. – Ja!"
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['Han møtte bl.a. J.D. Vance.', 'Det var 15. august.', '– Ja!']
    """
    paras = split_paragraphs(text) if paragraphs is None else paragraphs
    sentences: list[Sentence] = []
    for para in paras:
        cursor = para.start
        for match in _CANDIDATE_END.finditer(text, para.start, para.end):
            end = match.end()
            if end >= para.end:
                break
            if not _NEXT_STARTS_SENTENCE.match(text, end, para.end):
                continue
            stop = match.start()
            if (
                text[stop] == "."
                and match.end() - stop == 1
                and (_is_abbreviation(text, stop) or _is_date_ordinal(text, stop))
            ):
                continue
            _append_bounded(sentences, text, cursor, end, para.index)
            cursor = end
            while cursor < para.end and text[cursor].isspace():
                cursor += 1
        if cursor < para.end:
            _append_bounded(sentences, text, cursor, para.end, para.index)
    return tuple(sentences)
