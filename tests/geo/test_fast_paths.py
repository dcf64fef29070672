"""Fast paths give what the plain versions give.

The extractor's hot loops were rewritten for speed (``bench/extract.py``): the CRF decoder
takes one flat id list, a clause's tense counts its breaks from running totals, and the
news-source scan filters on capital letters. Each test here compares the fast path with a
plain reference written out in the test, on inputs made for it (random feature ids, sentences
written for these tests), so a rewrite that changes any result fails.
"""

from __future__ import annotations

import random
import re

import pytest

from geo.events import assemble
from geo.extract import dates
from geo.ner.crf import LinearChainCRF
from geo.ner.tagger import load_recogniser


def _reference_viterbi(model: LinearChainCRF, window: list[tuple[int, ...]]) -> list[int]:
    """Textbook Viterbi for one window, in plain Python over the model's arrays."""
    weights, trans = model._weights, model._transitions
    labels = range(len(model.labels))
    emissions = [
        [float(sum(weights[i, label] for i in (ids or (model.unknown,)))) for label in labels]
        for ids in window
    ]
    score = emissions[0]
    backs = []
    for row in emissions[1:]:
        step, back = [], []
        for label in labels:
            values = [score[prev] + trans[prev, label] for prev in labels]
            best = max(range(len(values)), key=lambda k: (values[k], -k))  # first maximum
            step.append(values[best] + row[label])
            back.append(best)
        score = step
        backs.append(back)
    path = [max(range(len(score)), key=lambda k: (score[k], -k))]
    for back in reversed(backs):
        path.append(back[path[-1]])
    return path[::-1]


@pytest.mark.parametrize("variant", ["nb", "en"])
def test_flat_decoder_equals_a_textbook_viterbi_per_window(variant: str) -> None:
    model = load_recogniser()._models[variant]
    rng = random.Random(7)  # noqa: S311 - reproducible test ids, not secrets
    known = model.unknown  # ids 0 .. unknown - 1 are attributes with weights
    windows = [
        [
            tuple(rng.randrange(known) for _ in range(rng.randrange(0, 12)))
            for _ in range(rng.choice((1, 2, 3, 3, 4, 7, 15)))
        ]
        for _ in range(60)
    ]
    flat: list[int] = []
    offsets: list[int] = []
    for window in windows:
        for ids in window:
            offsets.append(len(flat))
            flat.extend(ids or (model.unknown,))
    fast = model.decode_flat(flat, offsets, [len(w) for w in windows])
    assert fast == model.decode(windows)
    outside = model.labels.index("O")
    named = 0
    for window, labels in zip(windows, fast, strict=True):
        expected = _reference_viterbi(model, window)
        if all(label == outside for label in expected):
            assert labels is None
        else:
            named += 1
            assert labels == expected
    assert named  # random weights of a real model name something: the test compares paths
    assert model.decode([]) == []


def _reference_tense(
    text: str, span: tuple[int, int], start: int, end: int, g: dates._Grammar
) -> str | None:
    """The nearest tense cue, breaks re-counted for every cue (the plain algorithm)."""
    matches = list(dates._TOKEN.finditer(text, span[0], span[1]))
    positions = [m.start() for m in matches]
    words = [m.group() for m in matches]
    lows = [w.lower() for w in words]
    first = next((k for k, p in enumerate(positions) if p >= start), len(positions))
    last = next((k for k, p in enumerate(positions) if p >= end), len(positions))
    if first > 0 and lows[first - 1] in g.past_preps:
        return "past"
    if first > 0 and lows[first - 1] in g.future_preps:
        return "future"
    best: tuple[float, str] | None = None
    for i in range(len(words)):
        if first <= i < last:
            continue
        cue = dates._cue(words, lows, i, g, adjacent=i in (first - 1, last))
        if cue is None:
            continue
        between = lows[i + 1 : first] if i < first else lows[last:i]
        breaks = sum(1 for w in between if w in dates._CLAUSE_BREAKS)
        distance = (first - i if i < first else i - last + 1.5) + 3 * breaks
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


_TENSE_SENTENCES = (
    ("nb", "Statsråden sa fredag at hun kommer til å reise, men planene ble endret."),
    ("nb", "Kommunen uttalte tirsdag at de ser på saken, og at møtet blir holdt onsdag."),
    ("nb", "Dersom styret godkjenner det, skal anlegget åpnes mandag, opplyste selskapet."),
    ("nn", "Fylket melde torsdag at vegen vert stengd, fordi raset gjekk laurdag."),
    ("en", "The council said on Monday that it is going to vote, after talks stalled Friday."),
    ("en", "Officials, who met on Tuesday, are due to publish the plan on Thursday."),
)


@pytest.mark.parametrize(("lang", "text"), _TENSE_SENTENCES)
def test_clause_tense_equals_the_plain_count_at_every_word(lang: str, text: str) -> None:
    g = dates._grammar(lang)
    span = (0, len(text))
    words = list(re.finditer(r"\w+", text))
    assert len(words) > 8
    for word in words:
        fast = dates._tense(text, span, word.start(), word.end(), g)
        assert fast == _reference_tense(text, span, word.start(), word.end(), g), word.group()


def test_clause_tense_reads_the_nearest_cue_across_breaks() -> None:
    g = dates._grammar("nb")
    text = "Hun sa at møtet blir holdt, og at de kommer til å reise fredag."
    day = text.index("fredag")
    assert dates._tense(text, (0, len(text)), day, day + len("fredag"), g) == "future"


_SOURCE_TEXTS = (
    "Ifølge Reuters og AFP skjedde angrepet natt til fredag; reuters-saken ble rettet.",
    "The Associated Press and AP reporters, quoting Interfax and TASS, said so.",
    "Institute for the Study of War (ISW) wrote that DeepStateMap showed gains. ap bbc",
    "NRK og NTB meldte at Bloomberg og Kyiv Independent hadde tall fra Ukrinform og CNN.",
    "ÅAP BBCs AFPs aAP _AP reuters Reutersbyrået",
)


@pytest.mark.parametrize("text", _SOURCE_TEXTS)
def test_source_scan_finds_what_the_unfiltered_alternation_finds(text: str) -> None:
    plain = re.compile(
        r"(?<!\w)(?:"
        + "|".join(f"(?P<s{i}>{p.pattern})" for i, (p, _) in enumerate(assemble._SOURCES))
        + ")"
    )
    fast = [(m.span(), m.lastgroup) for m in assemble._SOURCE_ANY.finditer(text)]
    assert fast == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_exact_first_letters_reads_only_plain_leading_letters() -> None:
    assert assemble._exact_first_letters(r"AP\b|Associated Press") == {"A"}
    assert assemble._exact_first_letters(r"Institute for the Study of War|ISW\b") == {"I"}
    assert assemble._exact_first_letters(r"A?Press") is None  # the letter may be absent
    assert assemble._exact_first_letters(r"(?:AP|BBC)") is None  # a group: not read
    assert assemble._exact_first_letters(r"\bAP") is None


def test_inline_quote_spans_equal_the_regex_on_every_mix_of_marks() -> None:
    rng = random.Random(11)  # noqa: S311 - reproducible test strings, not secrets
    marks = 'ab «»“”"\n«'
    texts = ["".join(rng.choice(marks) for _ in range(rng.randrange(0, 30))) for _ in range(3000)]
    texts += [
        'Hun sa «vi kommer» og «kanskje i morgen.\nHan svarte “ja” og "nei".',
        "«Vi vil ha fred, sa ordføreren. " * 20,
    ]
    for text in texts:
        expected = [m.span() for m in assemble._INLINE_QUOTE.finditer(text)]
        assert assemble.inline_quote_spans(text) == expected, text
    assert assemble.inline_quote_spans('«a» "b" “c”') == [(0, 3), (4, 7), (8, 11)]
