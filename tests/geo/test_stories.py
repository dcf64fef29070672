"""Near-duplicate articles grouped into stories (MinHash/LSH, confirmed on exact shingles)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from geo.cli import main
from geo.io.articles import iter_article_paths, read_article
from geo.model import Article
from geo.stories import group_stories, story_table

STREAM = Path(__file__).resolve().parent.parent / "data" / "stream"

WIRE = (
    "Norske myndigheter vil sende et nytt bidrag på 500 millioner kroner til Ukrainas "
    "energisektor før vinteren, opplyste utviklingsministeren på en pressekonferanse i Oslo "
    "torsdag. Pengene skal gå til reparasjon av kraftverk og strømnett som er skadet i "
    "russiske angrep de siste månedene. Ministeren sa at behovet er større enn noen gang, "
    "og at Norge vil vurdere mer støtte etter nyttår. Ukrainas energiminister takket for "
    "bidraget og sa at landet står overfor en svært krevende vinter. Ifølge FN har "
    "angrepene slått ut nesten halvparten av landets produksjonskapasitet siden i fjor."
)


def _article(article_id: str, text: str, source: str, day: int = 14) -> Article:
    return Article(
        id=article_id, text=text, lang="nb", published=dt.date(2025, 8, day), source=source
    )


def test_copies_in_the_stream_folder_are_one_story_with_their_outlets() -> None:
    articles = [read_article(p) for p in iter_article_paths([STREAM])]
    stories = group_stories(articles)
    assert len(stories) == 4
    wire = next(s for s in stories if s.copies > 1)
    assert set(wire.articles) == {
        "2025-08-12_fjordposten-kostjantynivka",
        "2025-08-12_dalebladet-kostjantynivka",
    }
    assert set(wire.outlets) == {"Fjordposten", "Dalebladet"}
    # Kystavisen reports the same events in its own words: another story.
    assert any(s.articles == ("2025-08-12_kystavisen-donetsk",) for s in stories)


def test_other_headline_boilerplate_edits_and_a_shortened_copy_are_recognised() -> None:
    sentences = WIRE.split(". ")
    edited = WIRE.replace("svært krevende", "veldig tøff").replace("torsdag", "i dag")
    variants = [
        _article("a-wire", WIRE, "NTB"),
        _article("b-boiler", "Les også: Dette er saken\n" + edited + "\nDel saken\nAnnonse", "B"),
        _article("c-short", ". ".join(sentences[:5]) + ".", "C", day=15),
        _article("d-own", "Regjeringen gir Ukraina mer penger til strøm før vinteren. "
                 "Utviklingsministeren sier Norge vil hjelpe med kraftverk og strømnett, "
                 "mens Ukrainas energiminister frykter en hard vinter etter russiske angrep "
                 "på produksjonen i hele landet gjennom sommeren og høsten.", "D"),
    ]  # fmt: skip
    stories = group_stories(variants)
    assert [s.articles for s in stories] == [("a-wire", "b-boiler", "c-short"), ("d-own",)]
    assert stories[0].id == "story:a-wire"  # the earliest copy names the story
    assert stories[0].outlets == ("NTB", "B", "C")


def test_story_ids_do_not_depend_on_input_order() -> None:
    articles = [read_article(p) for p in iter_article_paths([STREAM])]
    forward = {s.id: s.articles for s in group_stories(articles)}
    backward = {s.id: s.articles for s in group_stories(list(reversed(articles)))}
    assert forward == backward


def test_story_table_counts_stories_and_copies() -> None:
    articles = [read_article(p) for p in iter_article_paths([STREAM])]
    table = story_table(group_stories(articles))
    assert len(table) == len(articles)
    assert table["story_id"].nunique() == 4
    assert sorted(table["copies"].tolist()) == [1, 1, 1, 2, 2]


def test_stories_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for path in iter_article_paths([STREAM]):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"")
    assert main(["stories", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert len(records) == 4
    wire = next(r for r in records if r["copies"] == 2)
    assert {a["source"] for a in wire["articles"]} == {"Fjordposten", "Dalebladet"}
    assert "empty" in captured.err
