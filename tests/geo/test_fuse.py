"""Cross-article event fusion on articles written to report the same events in other words."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from geo.cli import main
from geo.events.fuse import (
    FUSED_RECORD_KEYS,
    MENTION_RECORD_KEYS,
    PUBLICATION_WINDOW,
    FusedEvent,
    event_mentions,
    fuse_events,
    fuse_quotes,
    fused_to_record,
)
from geo.io.articles import iter_article_paths, read_article
from geo.model import Article, Event, Extraction, Place
from geo.pipeline import extract_article
from geo.resources import Resources

STREAM = Path(__file__).resolve().parent.parent / "data" / "stream"
FJORD = "2025-08-12_fjordposten-kostjantynivka"
DALE = "2025-08-12_dalebladet-kostjantynivka"
KYST = "2025-08-12_kystavisen-donetsk"
HERALD = "2025-08-12_harbour-herald-kostiantynivka"
EU = "2025-08-13_fjordposten-sanksjoner"


@pytest.fixture(scope="module")
def extractions(resources: Resources) -> list[Extraction]:
    return [extract_article(read_article(p), resources) for p in iter_article_paths([STREAM])]


def _only(fused: list[FusedEvent], kind: str) -> FusedEvent:
    found = [f for f in fused if f.representative.type == kind and len(f.events) > 1]
    assert len(found) == 1, [(f.representative.type, len(f.events)) for f in fused]
    return found[0]


def test_the_advance_reported_by_four_articles_is_one_event(
    extractions: list[Extraction],
) -> None:
    advance = _only(fuse_events(extractions), "advance")
    assert {e.article_id for e in advance.events} == {FJORD, DALE, KYST, HERALD}
    assert {m.article for m in advance.sources} == {FJORD, DALE, KYST, HERALD}
    assert advance.representative.place is not None
    assert advance.representative.place.name == "Kostiantynivka"


def test_conflicting_areas_are_kept_side_by_side_never_averaged(
    extractions: list[Extraction],
) -> None:
    record = fused_to_record(_only(fuse_events(extractions), "advance"))
    by_value = {c["value"]: c["sources"] for c in record["conflicts"]["area_km2"]}
    assert set(by_value) == {110, 120}
    assert [s["article"] for s in by_value[120]] == [KYST]
    assert [s["article"] for s in by_value[110]] == [HERALD]
    texts = {a.id: a.text for a in (x.article for x in extractions)}
    for value, sources in by_value.items():
        for s in sources:
            assert str(value) in texts[s["article"]][s["start"] : s["end"]]
    assert record["quantities"]["area_km2"] in (110, 120)


def test_the_evacuation_order_fuses_across_languages(extractions: list[Extraction]) -> None:
    evacuation = _only(fuse_events(extractions), "evacuation")
    assert {e.article_id for e in evacuation.events} == {FJORD, DALE, KYST, HERALD}
    assert "Vadym Filashkin" in fused_to_record(evacuation)["actors"]


def test_the_same_quote_in_three_articles_is_one_quote_with_three_sources(
    extractions: list[Extraction],
) -> None:
    quotes = fuse_quotes(extractions)
    landsby = [q for q in quotes if "eneste landsby" in q.text]
    assert len(landsby) == 1
    assert landsby[0].speaker == "Volodymyr Zelensky"
    assert {m.article for m in landsby[0].sources} == {FJORD, DALE, KYST}
    statement = _only(fuse_events(extractions), "statement")
    record = fused_to_record(statement, quotes)
    assert [len(q["sources"]) for q in record["quote_sources"]] == [3]


def test_an_unrelated_article_on_the_same_front_is_not_fused(
    extractions: list[Extraction],
) -> None:
    for fused in fuse_events(extractions):
        articles = {e.article_id for e in fused.events}
        assert EU not in articles or articles == {EU}


def test_every_source_is_a_sentence_of_its_article_and_covers_its_event(
    extractions: list[Extraction],
) -> None:
    sentences = {x.article.id: {(s.start, s.end) for s in x.sentences} for x in extractions}
    for fused in fuse_events(extractions):
        for event in fused.events:
            spans = [(m.start, m.end) for m in fused.sources if m.article == event.article_id]
            assert set(spans) <= sentences[event.article_id]
            inside = [s for s in spans if event.start <= s[0] and s[1] <= event.end]
            assert inside[0][0] == event.start
            assert inside[-1][1] == event.end


def test_the_herald_area_sentence_is_part_of_its_advance_not_placed_in_russia(
    extractions: list[Extraction],
) -> None:
    herald = next(x for x in extractions if x.article.id == HERALD)
    advances = [e for e in herald.events if e.type == "advance"]
    assert len(advances) == 1  # "Russia had seized about 110 km² around the town" joins it
    assert advances[0].place is not None
    assert advances[0].place.name == "Kostiantynivka"
    assert [q.value for q in advances[0].quantities] == [110.0]
    assert len(event_mentions(advances[0])) == 2  # both sentences are its sources


def test_an_undated_member_says_its_day_is_only_the_publication_window(
    extractions: list[Extraction],
) -> None:
    record = fused_to_record(_only(fuse_events(extractions), "advance"))
    assert record["date"] == "2025-08-12"
    by_article = {d["article"]: d for d in record["date_provenance"]}
    assert set(by_article) == {FJORD, DALE, KYST, HERALD}
    assert by_article[KYST] == {"article": KYST, "date": None, "basis": PUBLICATION_WINDOW,
                                "window": ["2025-08-09", "2025-08-12"]}  # fmt: skip
    for article in (FJORD, DALE, HERALD):
        assert by_article[article]["date"] == "2025-08-12"
        assert by_article[article]["basis"] != PUBLICATION_WINDOW


def _event(article: str, day: str | None, place: str | None, actors: tuple[str, ...]) -> Event:
    where = Place(f"geonames:{place}", place, "city", "UA", 48.0, 37.0) if place else None
    return Event(
        id=f"ev_{article}", type="advance", article_id=article, sentence="s", start=0,
        end=1, date=day, date_precision="day" if day else None, actors=actors, place=where,
    )  # fmt: skip


def _fuse(*events: Event) -> list[int]:
    extractions = [
        Extraction(
            article=Article(id=e.article_id, text="s", lang="nb", published=dt.date(2025, 8, 20)),
            events=(e,),
        )
        for e in events
    ]
    return [len(f.events) for f in fuse_events(extractions)]


@pytest.mark.parametrize(
    ("events", "sizes"),
    [
        pytest.param(
            (_event("a", "2025-08-12", "Pokrovsk", ("Russia",)),
             _event("b", "2025-08-12", "Pokrovsk", ("Russia",))), [2], id="same",
        ),
        pytest.param(
            (_event("a", "2025-08-12", "Pokrovsk", ("Russia",)),
             _event("b", "2025-08-19", "Pokrovsk", ("Russia",))), [1, 1], id="other-day",
        ),
        pytest.param(
            (_event("a", "2025-08-12", "Pokrovsk", ("Russia",)),
             _event("b", "2025-08-12", "Toretsk", ("Russia",))), [1, 1], id="other-place",
        ),
        pytest.param(
            (_event("a", "2025-08-12", "Pokrovsk", ("Russia",)),
             _event("b", "2025-08-12", "Pokrovsk", ("Ukraine",))), [1, 1], id="other-actor",
        ),
        pytest.param(
            (_event("a", None, "Pokrovsk", ("Russia",)),
             _event("b", "2025-08-19", "Pokrovsk", ())), [2], id="undated-near-publication",
        ),
        pytest.param(
            (_event("a", None, "Pokrovsk", ("Russia",)),
             _event("b", "2025-08-12", "Pokrovsk", ())), [1, 1], id="undated-before-the-window",
        ),
        pytest.param(
            (_event("a", None, None, ()), _event("b", None, None, ())), [1, 1], id="vague",
        ),
        pytest.param(
            (_event("a", "2025-08-12", "Pokrovsk", ("Russia",)),
             _event("a", "2025-08-12", "Pokrovsk", ("Russia",))), [1, 1], id="same-article",
        ),
    ],
)  # fmt: skip
def test_compatibility_rules(events: tuple[Event, ...], sizes: list[int]) -> None:
    assert _fuse(*events) == sizes


def test_events_command_fuses_by_default_and_no_fuse_gives_one_record_per_mention(
    capsys: pytest.CaptureFixture[str], extractions: list[Extraction]
) -> None:
    assert main(["events", str(STREAM)]) == 0
    fused = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["events", str(STREAM), "--no-fuse"]) == 0
    single = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert len(single) == sum(len(x.events) for x in extractions)
    assert all(tuple(r) == MENTION_RECORD_KEYS for r in single)
    for r in single:  # its own sentence(s) first in text order, all in its article
        assert r["sources"][0] == {"article": r["article"], "start": r["start"],
                                   "end": r["sources"][0]["end"]}  # fmt: skip
        assert r["sources"] == sorted(r["sources"], key=lambda s: s["start"])
        assert {s["article"] for s in r["sources"]} == {r["article"]}
    assert all(tuple(r) == FUSED_RECORD_KEYS for r in fused)
    assert len(fused) < len(single)
    every = sorted((s["article"], s["start"]) for r in single for s in r["sources"])
    assert sorted((s["article"], s["start"]) for r in fused for s in r["sources"]) == every
    advance = next(r for r in fused if r["type"] == "advance" and len(r["sources"]) > 1)
    assert {s["article"] for s in advance["sources"]} == {FJORD, DALE, KYST, HERALD}
