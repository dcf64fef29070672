"""AppTest: every filter changes what the map builders, the timeline and the quote cards get.

The corpus and the geo layers are replaced by synthetic frames (tests/dashboard/builders.py);
the builders are wrapped (views call them as module attributes) so each test sees their input
while the real builders still run.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest  # noqa: TID251 - tests drive the Streamlit app

from dashboard import charts, data, maps, markup
from dashboard.filters import Filters, apply_filters, to_query
from geo.errors import ArticleError
from tests.dashboard.builders import (
    XSS,
    XSS_LINK,
    Ev,
    Qt,
    make_frames,
    make_front,
    make_zones,
    seedlike_frames,
)

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
ACTORS, TYPES, COUNTRIES = 0, 1, 2  # sidebar multiselect positions


def _shown(markdown: str) -> str:
    """What Markdown shows of text escaped by :func:`dashboard.literal.literal`."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("  \n", "\n").replace("\u2060", "")


class Calls(defaultdict[str, list[dict[str, Any]]]):
    """Arguments each wrapped builder received, by builder name."""

    def __init__(self) -> None:
        super().__init__(list)

    def last(self, name: str) -> dict[str, Any]:
        assert self[name], f"{name} was never called"
        return self[name][-1]


def _wrap(calls: Calls, name: str, real: Callable[..., Any], first: str) -> Callable[..., Any]:
    def recorder(*args: Any, **kwargs: Any) -> Any:
        calls[name].append({first: args[0] if args else None, **kwargs, "args": args})
        return real(*args, **kwargs)

    return recorder


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    frames = seedlike_frames()
    recorded = Calls()
    monkeypatch.setattr(data, "load_frames", lambda: data.Loaded(frames, "fp-test"))
    monkeypatch.setattr(data, "front_for_day", lambda day: (make_front(2, 3), None))
    monkeypatch.setattr(
        data, "evacuation_zones", lambda fingerprint, day, events: (make_zones(2), None)
    )
    monkeypatch.setattr(data, "diplomacy_venue", lambda: (None, {}))
    for name in ("build_diplomacy_map", "build_front_map", "build_evacuation_map"):
        first = "zones" if name == "build_evacuation_map" else "events"
        monkeypatch.setattr(maps, name, _wrap(recorded, name, getattr(maps, name), first))
    monkeypatch.setattr(
        charts, "build_timeline", _wrap(recorded, "timeline", charts.build_timeline, "events")
    )
    monkeypatch.setattr(
        markup, "quote_card_html", _wrap(recorded, "quote", markup.quote_card_html, "quote")
    )
    return recorded


def _run(query: dict[str, Any] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _event_ids(frame: Any) -> set[str]:
    return set(frame["event_id"])


def _received(calls: Calls) -> tuple[set[str], set[str], set[str | None]]:
    """Event ids the map and the timeline got in the last run, and the quote speakers."""
    map_events = calls.last("build_diplomacy_map")["events"]
    timeline_events = calls.last("timeline")["events"]
    return (
        _event_ids(map_events),
        _event_ids(timeline_events),
        {q["quote"]["speaker"] for q in calls["quote"]},
    )


def test_default_view_gives_every_panel_the_whole_corpus(calls: Calls) -> None:
    at = _run()
    everything = _event_ids(seedlike_frames().events)
    map_ids, timeline_ids, speakers = _received(calls)
    assert map_ids == timeline_ids == everything
    assert speakers == {"Emmanuel Macron", "Keir Starmer", "Volodymyr Zelensky"}
    assert "7 of 7 events" in at.caption[0].value
    assert dict(at.query_params) == {}


def test_actor_macron_leaves_only_macrons_events_and_quotes(calls: Calls) -> None:
    at = _run()
    calls.clear()
    at.sidebar.multiselect[ACTORS].select("Emmanuel Macron").run()
    map_events = calls.last("build_diplomacy_map")["events"]
    assert list(map_events["actors"]) == [["Emmanuel Macron"]]
    assert _event_ids(calls.last("timeline")["events"]) == _event_ids(map_events)
    assert {q["quote"]["speaker"] for q in calls["quote"]} == {"Emmanuel Macron"}
    assert at.query_params["actor"] == "Emmanuel Macron"


def _expected(filters: Filters) -> tuple[set[str], set[str]]:
    view = apply_filters(seedlike_frames(), filters)
    return _event_ids(view.events), set(view.quotes["speaker"])


@pytest.mark.parametrize(
    ("change", "filters"),
    [
        pytest.param(
            lambda at: at.sidebar.multiselect[TYPES].select("statement"),
            Filters(types=("statement",)),
            id="event-type",
        ),
        pytest.param(
            lambda at: at.sidebar.multiselect[COUNTRIES].select("GB"),
            Filters(countries=("GB",)),
            id="country",
        ),
        pytest.param(
            lambda at: at.sidebar.text_input(key="filter_text").input("Alaska"),
            Filters(text="Alaska"),
            id="free-text",
        ),
        pytest.param(
            lambda at: at.sidebar.date_input(key="filter_dates").set_value(
                (dt.date(2025, 8, 14), dt.date(2025, 8, 15))
            ),
            Filters(start=dt.date(2025, 8, 14)),
            id="date-range",
        ),
    ],
)
def test_each_filter_narrows_map_timeline_and_quotes_alike(
    calls: Calls, change: Callable[[AppTest], Any], filters: Filters
) -> None:
    at = _run()
    calls.clear()
    change(at).run()
    assert not at.exception
    expected_ids, expected_speakers = _expected(filters)
    map_ids, timeline_ids, speakers = _received(calls)
    assert map_ids == timeline_ids == expected_ids
    assert expected_ids != _event_ids(seedlike_frames().events)  # the filter did something
    assert speakers == expected_speakers
    assert {k: at.query_params[k] for k in at.query_params} == {
        k: v[0] if len(v) == 1 else v for k, v in to_query(filters).items()
    }


def test_a_shared_link_opens_the_same_filtered_view(calls: Calls) -> None:
    at = _run({"actor": "Keir Starmer", "from": "2025-08-13", "view": "front"})
    assert at.sidebar.multiselect[ACTORS].value == ["Keir Starmer"]
    assert at.sidebar.date_input(key="filter_dates").value == (
        dt.date(2025, 8, 13),
        dt.date(2025, 8, 15),
    )
    assert at.button_group[0].value == "Eastern front"
    front_events = calls.last("build_front_map")["events"]
    assert (
        _event_ids(front_events)
        == _expected(Filters(actors=("Keir Starmer",), start=dt.date(2025, 8, 13)))[0]
    )
    assert "build_diplomacy_map" not in calls  # one map per run
    assert at.query_params["actor"] == "Keir Starmer"
    assert at.query_params["view"] == "front"


def test_switching_maps_builds_only_the_chosen_map_with_its_layers(calls: Calls) -> None:
    at = _run()
    calls.clear()
    at.button_group[0].set_value("Evacuation zones").run()
    assert set(calls) - {"timeline", "quote"} == {"build_evacuation_map"}
    received = calls.last("build_evacuation_map")
    assert len(received["zones"]) == 2
    assert received["front"] is not None
    assert at.query_params["view"] == "evacuation"


def test_pasted_article_is_extracted_and_shown_at_once_with_its_text_escaped(
    calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload = make_frames(
        [Ev("statement", "2025-08-15", ("Emmanuel Macron",), place="Paris", sentence=XSS,
            article_id="up", article_title=XSS_LINK, event_id="ev_upload")],
        [Qt(XSS, "Emmanuel Macron", "2025-08-15", event_id="ev_upload", article_id="up",
            article_title=XSS_LINK, quote_id="q_upload")],
    )  # fmt: skip
    seen: list[bytes] = []

    def fake_extract(raw: bytes, name: str, **meta: Any) -> tuple[str, Any]:
        seen.append(raw)
        return "upload-pasted", upload

    monkeypatch.setattr(data, "extract_upload", fake_extract)
    at = _run()
    at.sidebar.text_area[0].input("Macron sa <script>window.__xss=1</script>")
    at.sidebar.button[0].click().run()
    assert seen == [b"Macron sa <script>window.__xss=1</script>"]
    assert "ev_upload" in _event_ids(calls.last("build_diplomacy_map")["events"])
    assert "8 of 8 events" in at.caption[0].value
    assert any("Added pasted text.txt" in _shown(s.value) for s in at.sidebar.success)
    bodies = "".join(h.value for h in at.html)
    assert "window.__xss" in bodies
    assert "<script>window.__xss" not in bodies
    assert "<img" not in bodies
    assert 'href="javascript:' not in bodies


def test_a_bad_file_gives_a_clear_error_and_loses_nothing(calls: Calls) -> None:
    at = _run()
    at.sidebar.file_uploader[0].set_value(
        ("broken.txt", b"---\npublished: not-a-date\n---\nTekst.", "text/plain")
    )
    at.sidebar.button[0].click().run()
    assert not at.exception
    errors = [_shown(e.value) for e in at.sidebar.error]
    assert errors
    assert "broken.txt" in errors[0]
    assert "published" in errors[0]
    assert "7 of 7 events" in at.caption[0].value


def test_paste_and_upload_together_are_both_added_with_the_forms_metadata(
    calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, dict[str, Any]]] = []

    def fake_extract(raw: bytes, name: str, **meta: Any) -> tuple[str, Any]:
        seen.append((name, meta))
        frames = make_frames(
            [Ev("statement", "2025-09-02", ("Emmanuel Macron",), place="Paris",
                article_id=name, event_id=f"ev-{name}")]
        )  # fmt: skip
        return f"upload-{name}", frames

    monkeypatch.setattr(data, "extract_upload", fake_extract)
    at = _run()
    at.sidebar.text_area[0].input("Macron sa i går at Europa står samlet bak Ukraina i dag.")
    at.sidebar.file_uploader[0].set_value(
        ("article.txt", b"Macron sa at Europa er klar til mer.", "text/plain")
    )
    at.sidebar.date_input(key="add_published").set_value(dt.date(2025, 9, 2))
    at.sidebar.text_input(key="add_title").input("Macron om Europa")
    at.sidebar.text_input(key="add_outlet").input("NRK")
    at.sidebar.text_input(key="add_url").input("https://www.nrk.no/x")
    at.sidebar.button(key="add_submit").click().run()
    names = [name for name, _ in seen]
    assert names == ["article.txt", "pasted text.txt"]  # neither dropped for the other
    meta = seen[0][1]
    assert meta["published"] == dt.date(2025, 9, 2)
    assert (meta["title"], meta["outlet"], meta["url"]) == (
        "Macron om Europa",
        "NRK",
        "https://www.nrk.no/x",
    )
    assert meta["lang"] == "nb"
    assert len(at.sidebar.success) == 2
    # The new events (2 September) fall after the seed's dates: the range widened to them.
    shown = _event_ids(calls.last("build_diplomacy_map")["events"])
    assert {"ev-article.txt", "ev-pasted text.txt"} <= shown


@pytest.mark.parametrize(
    ("name", "raw", "says"),
    [
        pytest.param("scan.pdf", b"%PDF-1.4 broken", "could not be opened as a PDF", id="pdf"),
        pytest.param("notes.odt", b"PK\x03\x04", "cannot be read here", id="odt"),
        pytest.param("empty.html", b"<html><body><p> </p></body></html>", "No article text",
                     id="no-text"),
    ],
)  # fmt: skip
def test_unreadable_or_empty_files_are_refused_in_plain_words(
    calls: Calls, name: str, raw: bytes, says: str
) -> None:
    at = _run()
    at.sidebar.file_uploader[0].set_value((name, raw, "application/octet-stream"))
    at.sidebar.button(key="add_submit").click().run()
    errors = [e.value for e in at.sidebar.error]
    assert len(errors) == 1
    assert says in errors[0]
    assert "application/" not in errors[0]
    assert not at.sidebar.success  # never "added with 0 events"
    assert "7 of 7 events" in at.caption[0].value


def test_a_german_article_is_named_and_warned_about(calls: Calls) -> None:
    at = _run()
    at.sidebar.text_area[0].input(
        "Der französische Präsident sagte am Mittwoch in Paris, dass Europa bereit sei, "
        "die Ukraine weiter zu unterstützen, und dass die Gespräche weitergehen würden."
    )
    at.run()
    assert any("German" in w.value for w in at.sidebar.warning)
    at.sidebar.button(key="add_submit").click().run()
    warned = [w.value for w in at.sidebar.warning]
    assert any("German" in w and "Added" in w for w in warned)


def test_extract_upload_reports_empty_input_as_an_article_error() -> None:
    with pytest.raises(ArticleError, match="empty"):
        data.extract_upload(b"", "empty.txt")


@pytest.fixture
def seed_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled seeds in a temporary folder, built into a temporary processed folder."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in (Path(APP).parents[1] / "seeds").glob("*.txt"):
        (seeds / article.name).write_bytes(article.read_bytes())
    monkeypatch.setenv(data.SEEDS_ENV, str(seeds))
    monkeypatch.setenv(data.PROCESSED_ENV, str(tmp_path / "processed"))
    return seeds


def test_the_app_shows_the_seed_articles_events_on_the_real_pipeline(
    seed_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded = Calls()
    monkeypatch.setattr(
        maps,
        "build_diplomacy_map",
        _wrap(recorded, "build_diplomacy_map", maps.build_diplomacy_map, "events"),
    )
    at = _run()
    events = recorded.last("build_diplomacy_map")["events"]
    summit = events[events["place_name"].fillna("").str.contains("Anchorage")]
    assert not summit.empty
    assert {"Donald Trump", "Vladimir Putin"} <= set(summit.iloc[0]["actors"])
    assert not at.info  # no "missing piece" notice: corpus, layers and venue are installed
    assert len(at.html) > 0  # quote cards


def test_a_pasted_article_runs_through_the_real_extractor_and_its_html_stays_text(
    seed_corpus: Path,
) -> None:
    at = _run()
    before = int(at.caption[0].value.split(" of ")[1].split(" events")[0])
    at.sidebar.text_area[0].input(
        "---\npublished: 2025-08-14\nlang: nb\n---\n"
        "Frankrikes president Emmanuel Macron snakket onsdag med Zelenskyj på telefon.\n"
        "– Dette er <script>window.__xss=1</script> en test, sa Macron.\n"
    )
    at.sidebar.button[0].click().run()
    assert not at.exception
    assert any("Added pasted text.txt" in _shown(s.value) for s in at.sidebar.success)
    after = int(at.caption[0].value.split(" of ")[1].split(" events")[0])
    assert after > before
    bodies = "".join(h.value for h in at.html)
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in bodies
    assert "<script>" not in bodies


def _call_id() -> str:
    events = seedlike_frames().events
    return str(events.loc[events["type"] == "call", "event_id"].iloc[0])


def test_choosing_an_event_on_the_timeline_opens_it_on_the_map_in_the_same_run(
    calls: Calls,
) -> None:
    at = _run()
    assert calls.last("build_diplomacy_map")["focus"] is None
    at.selectbox(key="timeline_pick").set_value(_call_id()).run()
    assert calls.last("build_diplomacy_map")["focus"] == _call_id()  # the map drawn above
    details = [h.value for h in at.html if "fd-popup" in h.value]
    assert len(details) == 1
    assert "Zelenskyj snakket onsdag med Trump og Vance på video." in details[0]
    assert "2025-08-13" in details[0]
    story = next(h.value for h in at.html if "fd-story" in h.value)
    chosen = story.split('class="fd-story-card fd-story-chosen"')
    assert len(chosen) == 2
    assert f'data-event="{_call_id()}"' in chosen[1].split("</article>")[0]


def test_clicking_a_marker_opens_its_card_in_the_story(calls: Calls) -> None:
    at = _run()
    at.session_state["selected_event"] = _call_id()  # what mapframe.show records on a click
    at.run()
    assert at.selectbox(key="timeline_pick").value == _call_id()
    story = next(h.value for h in at.html if "fd-story" in h.value)
    assert story.count("fd-story-chosen") == 2  # the class in the card (and the CSS rule)
    assert "chosen · shown on the map" in story


def test_the_story_lists_cards_in_time_order_with_quotes_and_undated_apart(
    calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_undated(monkeypatch)
    at = _run()
    story = next(h.value for h in at.html if "fd-story" in h.value)
    dated, undated = story.split("Undated (1)")
    order = [line.split('"')[0] for line in dated.split('data-event="')[1:]]
    expected = [e.event_id for e in sorted(_seedlike_events(), key=lambda e: (e.date, e.event_id))]
    assert order == expected
    assert "ev_undated" in undated
    assert "date not stated (published 14 Aug 2025)" in undated
    # The call's card carries its actors, place and the quote that belongs to it.
    call_card = dated.split(f'data-event="{_call_id()}"')[1].split("</article>")[0]
    assert "Volodymyr Zelensky → Donald Trump, JD Vance" in call_card
    assert "in Kyiv" in call_card
    assert "Putin bløffer." in call_card


def test_the_quote_panel_filters_by_speaker(calls: Calls) -> None:
    at = _run()
    calls["quote"].clear()
    at.multiselect(key="quote_speakers").select("Keir Starmer").run()
    assert {q["quote"]["speaker"] for q in calls["quote"]} == {"Keir Starmer"}
    cards = [h.value for h in at.html if "fd-quote" in h.value]
    assert len(cards) == 1
    assert "Koalisjonen av de villige er klar." in cards[0]


def test_the_events_table_lists_the_filtered_events_with_downloads(calls: Calls) -> None:
    at = _run()
    at.sidebar.multiselect[ACTORS].select("Keir Starmer").run()
    table = at.dataframe[-1].value
    assert list(table["Source sentence"]) == ["Starmer sa at koalisjonen er klar."]
    assert {b.label for b in at.get("download_button")} >= {"Download GeoJSON", "Download CSV"}


def _with_undated(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed-like corpus plus one undated event and a quote the text does not date."""
    frames = make_frames(
        [*_seedlike_events(),
         Ev("statement", None, ("Keir Starmer",), place="London", event_id="ev_undated",
            sentence="Starmer har sagt at Europa må stå samlet.")],
        [Qt("Europa må stå samlet.", "Keir Starmer", "2025-08-14", event_id="ev_undated"),
         Qt("Putin bløffer.", "Volodymyr Zelensky", "2025-08-13", event_id="ev_0001")],
    )  # fmt: skip
    monkeypatch.setattr(data, "load_frames", lambda: data.Loaded(frames, "fp-undated"))


def _seedlike_events() -> list[Ev]:
    frames = seedlike_frames()
    return [
        Ev(row["type"], str(row["date"].date()), tuple(row["actors"]), tuple(row["targets"]),
           place=row["place_name"], sentence=row["sentence"], event_id=row["event_id"])
        for row in frames.events.to_dict("records")
    ]  # fmt: skip


def test_undated_items_are_counted_and_the_reader_decides_whether_they_show(
    calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_undated(monkeypatch)
    at = _run()
    box = at.sidebar.checkbox(key="filter_undated")
    assert _shown(box.label) == "Include undated (1 events, 1 quotes)"  # the call's quote is dated
    assert "ev_undated" in _event_ids(calls.last("build_diplomacy_map")["events"])
    card = next(h.value for h in at.html if "Europa må stå samlet." in h.value)
    # The quote's event states no day: the card says so instead of showing 14 Aug as its day.
    assert "date not stated (published 14 Aug 2025)" in card
    # Narrowing the dates keeps undated items while the box is ticked ...
    at.sidebar.date_input(key="filter_dates").set_value(
        (dt.date(2025, 8, 14), dt.date(2025, 8, 15))
    ).run()
    assert "ev_undated" in _event_ids(calls.last("build_diplomacy_map")["events"])
    # ... and untick it hides them, in the URL too.
    at.sidebar.checkbox(key="filter_undated").uncheck().run()
    assert "ev_undated" not in _event_ids(calls.last("build_diplomacy_map")["events"])
    assert not any("Europa må stå samlet." in h.value for h in at.html)
    assert at.query_params["undated"] == "hide"


def test_the_app_says_what_the_date_range_hides(calls: Calls) -> None:
    at = _run({"from": "2025-08-15"})
    notes = [_shown(c.value) for c in at.caption if "date range hides" in _shown(c.value)]
    expected = apply_filters(seedlike_frames(), Filters())
    shown = apply_filters(seedlike_frames(), Filters(start=dt.date(2025, 8, 15)))
    hidden = len(expected.events) - len(shown.events)
    assert notes == [
        f"The date range hides {hidden} events and 3 quotes that match the other filters: "
        "widen it in the sidebar to see them."
    ]


def test_adding_an_article_widens_a_chosen_date_range_to_include_it(
    calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = make_frames(
        [Ev("statement", "2025-09-02", ("Emmanuel Macron",), place="Paris", event_id="ev_later")]
    )
    monkeypatch.setattr(data, "extract_upload", lambda raw, name, **meta: ("upload-x", later))
    at = _run({"from": "2025-08-13", "to": "2025-08-14"})  # a shared link with a range
    at.sidebar.text_area[0].input("Macron sa tirsdag at Europa er klar til å hjelpe Ukraina mer.")
    at.sidebar.button(key="add_submit").click().run()
    assert "ev_later" in _event_ids(calls.last("build_diplomacy_map")["events"])
    assert at.sidebar.date_input(key="filter_dates").value == (
        dt.date(2025, 8, 12),
        dt.date(2025, 9, 2),
    )
    assert "from" not in at.query_params
    assert "to" not in at.query_params


@pytest.mark.parametrize("spelling", ["Зеленський", "Zelenskiy", "zelenskyj"])
def test_the_actor_filter_takes_any_registry_spelling_and_keeps_both_ends_of_a_call(
    calls: Calls, spelling: str
) -> None:
    at = _run()
    at.sidebar.multiselect[ACTORS].set_value([spelling]).run()
    assert at.sidebar.multiselect[ACTORS].value == ["Volodymyr Zelensky"]
    received = calls.last("build_diplomacy_map")
    events = received["events"]
    assert "call" in set(events["type"])  # he is only a caller, Trump the other end
    assert {"Donald Trump", "Volodymyr Zelensky"} <= set(received["args"][1]["name"])
    html = maps.map_html(maps.build_diplomacy_map(events, received["args"][1]))
    ends = [maps.capital_of(iso)[1:] for iso in ("US", "UA")]  # Washington, Kyiv
    line = [[lon, lat] for lat, lon in ends]
    assert f'"LineString", "coordinates": {json.dumps(line)}' in html  # both ends drawn
    assert at.query_params["actor"] == "Volodymyr Zelensky"


def test_a_shared_link_may_name_an_actor_in_any_spelling(calls: Calls) -> None:
    at = _run({"actor": "Selenskyj"})
    assert at.sidebar.multiselect[ACTORS].value == ["Volodymyr Zelensky"]
    assert {q["quote"]["speaker"] for q in calls["quote"]} == {"Volodymyr Zelensky"}


def test_notices_about_the_front_name_the_day_and_never_a_server_path(
    calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    notice = "No front line for 2025-08-15: no snapshot in /srv/app/data/cache/frontline"
    monkeypatch.setattr(
        data, "front_for_day", lambda day: (None, notice.replace("2025-08-15", str(day)))
    )
    at = _run({"view": "front", "to": "2025-08-14"})
    shown = [_shown(c.value) for c in at.caption if "No front line" in _shown(c.value)]
    assert shown == ["No front line for 2025-08-14: no snapshot cached"]
