"""Hostile article text: random and adversarial shapes extract without error (issue 13).

Linearity itself is measured by ``bench/adversarial.py`` (seconds per MB at two sizes per
shape), never timed here; these tests check that such texts extract at all, keep exact
offsets, and that the per-article budget turns an overrun into a per-file error.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geo.settings
from geo.batch import Failure, iter_extractions
from geo.errors import ArticleError
from geo.model import Article, Extraction
from geo.pipeline import extract_article
from geo.resources import Resources
from geo.text.sentences import MAX_SENTENCE_CHARS, split_paragraphs, split_sentences
from tests.builders import make_article

PIECES = [
    "Kyiv", "Moskva", "Donetsk", "Zelenskyj", "Putin", "Trump", "Alaska", "NATO", "EU",
    "«", "»", '"', "“", "”", "–", "—", "-", "--", ":", ".", ",", "?", "!", "\n", "\n\n",
    "sa", "sier", "i går", "i morgen", "15. august", "2025-08-14", "landsbyen", "-regionen",
    "AAAAAAAAAAAAAAAAAAAA", "ÆØÅ", "Sør-Donetsk", "ifølge", "han", "de", "Det sier",
    "angrep", "møtte", "samtale", "1000", "km²", "(", ")", " ", "  ", "\t", "'s",
]  # fmt: skip


def _check(extraction: Extraction) -> None:
    text = extraction.article.text
    items = (*extraction.places, *extraction.actors, *extraction.orgs, *extraction.quotes,
             *extraction.dates)  # fmt: skip
    for item in items:
        assert 0 <= item.start <= item.end <= len(text)
    for place in extraction.places:
        assert text[place.start : place.end] == place.surface
    for date in extraction.dates:
        assert text[date.start : date.end] == date.surface


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=400).map(" ".join))
def test_adversarial_piece_soup_extracts_without_error(resources: Resources, text: str) -> None:
    if not text.strip():
        return
    _check(extract_article(make_article(text), resources))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=3000), st.sampled_from(["nb", "nn", "en"]))
def test_random_unicode_extracts_without_error(resources: Resources, text: str, lang: str) -> None:
    article = dataclasses.replace(make_article(text), lang=lang)  # type: ignore[arg-type]
    _check(extract_article(article, resources))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A" * 40_000, id="one-40000-char-capital-token"),
        pytest.param("Møtet i " + " ".join(["Nord", "Kyiv", "Berg"] * 4000) + ".", id="capitals"),
        pytest.param("Han sa " + "«ja, " * 3000 + "nei" + "»" * 3000 + ".", id="nested-guillemets"),
        pytest.param('Han sa "ja, ' * 2000 + "slutt.", id="nested-straight-quotes"),
        pytest.param("– – — - -- " * 4000, id="dash-runs"),
        pytest.param("Zelenskyj Putin Kyiv " * 3000, id="repeated-names-no-full-stop"),
        pytest.param("landsbyen X" * 5000 + " Donetsk-regionen" * 2000, id="place-cue-runs"),
    ],
)
def test_large_hostile_shapes_extract(resources: Resources, text: str) -> None:
    _check(extract_article(make_article(text), resources))


def test_no_sentence_is_longer_than_the_cap_and_no_text_is_lost() -> None:
    text = ("ord " * 5000) + "slutt. Kort setning. " + ("X" * 3000)  # a run without spaces too
    sentences = split_sentences(text, split_paragraphs(text))
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    shown = [text[s.start : s.end] for s in sentences]
    assert "Kort setning." in shown  # real sentence ends still split as before
    assert all(part == part.strip() for part in shown)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
    assert sum(len("".join(part.split())) for part in shown) == len("".join(text.split()))


def test_an_article_over_its_time_budget_is_a_per_file_error(
    tmp_path: Path, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Zelenskyj snakket med Trump onsdag.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Putin kom til Alaska.", encoding="utf-8")
    monkeypatch.setattr(geo.settings, "MAX_ARTICLE_SECONDS", -1.0)  # every article overruns
    items = list(iter_extractions([tmp_path], resources=resources))
    assert [type(i) for i in items] == [Failure, Failure]  # the batch went on
    assert "took longer than" in str(items[0])
    assert "a.txt" in str(items[0])


def test_an_article_text_over_the_size_budget_is_refused(resources: Resources) -> None:
    huge = Article(id="big", text="Kyiv. " * (geo.settings.MAX_ARTICLE_BYTES // 6 + 10), lang="nb")
    with pytest.raises(ArticleError, match="limit for one article"):
        extract_article(huge, resources)
