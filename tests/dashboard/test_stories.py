"""The app counts stories beside articles and lists the copies of each story.

The articles are ours: one wire story printed by two outlets under other headlines and with
their own boilerplate, and an unrelated story. A title full of Markdown must show as text.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest  # noqa: TID251 - tests drive the Streamlit app

from dashboard import data, stories
from geo.frames import extractions_to_frames
from geo.io.articles import read_article
from geo.model import Article
from geo.pipeline import extract_article
from geo.resources import Resources

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")

WIRE = (
    "Ukrainske myndigheter opplyste onsdag at flere hundre familier er flyttet bort fra "
    "byene langs fronten i Donetsk den siste uken. Ifølge guvernøren går det busser og tog "
    "fra Kramatorsk hver morgen, og frivillige hjelper eldre som ikke klarer å reise selv. "
    "Myndighetene ber alle som fortsatt bor nær kampsonen om å melde seg på lister for "
    "evakuering så snart som mulig."
)
OTHER = (
    "Finansministrene i EU møttes tirsdag for å drøfte hvordan frosne russiske midler kan "
    "brukes til gjenoppbygging. Flere land ønsker en rask avgjørelse, mens andre vil vente "
    "på en juridisk vurdering før de tar stilling til forslaget om å låne ut rentene."
)
MARKDOWN_TITLE = "**Evakuering** i øst ![b](http://127.0.0.1:9/b.png) <b>nå</b>"


def _write(folder: Path, name: str, *, title: str, source: str, day: str, body: str) -> Path:
    path = folder / f"{name}.txt"
    front = f'---\npublished: {day}\nlang: nb\ntitle: "{title}"\nsource: {source}\n---\n'
    path.write_text(front + body + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus_files(tmp_path: Path) -> list[Path]:
    copy = "Les også: Slik går evakueringen\n" + WIRE.replace("onsdag", "i går")
    return [
        _write(tmp_path, "a-fjordposten", title="Hundrevis flytter fra fronten",
               source="Fjordposten", day="2025-08-13", body=WIRE),
        _write(tmp_path, "b-dalebladet", title=MARKDOWN_TITLE, source="Dalebladet",
               day="2025-08-14", body=copy + "\nDel saken på Facebook"),
        _write(tmp_path, "c-fjordposten", title="EU drøfter frosne midler",
               source="Fjordposten", day="2025-08-12", body=OTHER),
    ]  # fmt: skip


def test_copies_of_one_wire_story_are_one_story_listed_with_their_outlets(
    corpus_files: list[Path],
) -> None:
    table = stories.copies_table([read_article(p) for p in corpus_files])
    assert list(table.columns) == list(stories.COPY_COLUMNS)
    counts = stories.story_counts(table)
    assert (counts.stories, counts.articles, counts.reprinted) == (2, 3, 1)
    assert counts.caption() == "2 stories in 3 articles (1 carried by several articles)"
    wire = table[table["copies"] == 2]  # the reprinted story comes first
    assert list(table.index[: len(wire)]) == list(wire.index)
    assert list(wire["outlet"]) == ["Fjordposten", "Dalebladet"]  # earliest copy first
    assert list(wire["file"]) == ["a-fjordposten.txt", "b-dalebladet.txt"]
    assert list(wire["published"]) == [dt.date(2025, 8, 13), dt.date(2025, 8, 14)]
    assert set(wire["story"]) == {"Hundrevis flytter fra fronten"}  # the earliest headline
    assert list(wire["title"])[1] == MARKDOWN_TITLE  # kept as data, verbatim


def test_an_article_without_text_is_a_story_of_its_own() -> None:
    empty = Article(id="gone", text="", lang="nb", title=None, path="/nowhere/gone.txt")
    table = stories.copies_table([empty])
    assert list(table["file"]) == ["gone.txt"]
    assert list(table["story"]) == ["gone.txt"]
    assert stories.story_counts(table).label() == "1 story"


@pytest.fixture
def story_app(
    corpus_files: list[Path], resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames = extractions_to_frames(
        [extract_article(read_article(p), resources) for p in corpus_files]
    )
    monkeypatch.setattr(data, "load_frames", lambda: data.Loaded(frames, "fp-stories"))
    data._corpus_articles.clear()
    data._stories_table.clear()


def _shown(markdown: str) -> str:
    """What Markdown shows of text escaped by :func:`dashboard.literal.literal`."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("  \n", "\n").replace("\u2060", "")


def _stories_frame(at: AppTest) -> object:
    return next(d.value for d in at.dataframe if "copies" in d.value.columns)


def test_the_app_counts_stories_and_lists_every_copy(story_app: None) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    header = next(c.value for c in at.caption if "article(s)" in c.value)
    assert header.endswith("3 article(s) · 2 stories")
    (panel,) = [e for e in at.expander if e.label.startswith("Stories")]
    assert _shown(panel.label) == "Stories: 2 stories in 3 articles (1 carried by several articles)"
    table = _stories_frame(at)
    assert list(table.columns) == ["story", "copies", "outlet", "title", "published", "file"]
    assert list(table["outlet"])[:2] == ["Fjordposten", "Dalebladet"]
    assert list(table["copies"]) == [2, 2, 1]
    assert MARKDOWN_TITLE in list(table["title"])  # table data, never rendered as Markdown
    assert all("<b>" not in m.value and "![" not in m.value for m in at.markdown)


def test_a_pasted_copy_joins_its_story(story_app: None) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    pasted = (
        f'---\npublished: 2025-08-15\nlang: nb\ntitle: "Ny kopi"\nsource: Kystavisen\n---\n{WIRE}'
    )
    at.sidebar.text_area[0].input(pasted)
    at.sidebar.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    header = next(c.value for c in at.caption if "article(s)" in c.value)
    assert header.endswith("4 article(s) · 2 stories")
    table = _stories_frame(at)
    assert list(table["outlet"])[:3] == ["Fjordposten", "Dalebladet", "Kystavisen"]
    assert list(table["copies"]) == [3, 3, 3, 1]
