from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from dashboard.filters import (
    Filters,
    actor_counts,
    apply_filters,
    canonical_actors,
    date_bounds,
    filter_zones,
    from_query,
    hidden_by_dates,
    honest_quote_dates,
    merge_frames,
    spelling_index,
    to_query,
    undated_counts,
)
from tests.dashboard.builders import Ev, Qt, make_frames, make_zones, seedlike_frames

D = dt.date


@pytest.mark.parametrize(
    ("filters", "expected_events", "expected_quotes"),
    [
        pytest.param(Filters(), 7, 3, id="no-filter-keeps-everything"),
        pytest.param(Filters(actors=("Emmanuel Macron",)), 1, 1, id="actor-macron"),
        pytest.param(Filters(actors=("Donald Trump",)), 3, 0, id="actor-as-actor-or-target"),
        pytest.param(Filters(actors=("JD Vance",)), 1, 0, id="actor-only-as-target"),
        pytest.param(Filters(types=("statement",)), 2, 2, id="type-keeps-quotes-of-its-events"),
        pytest.param(Filters(countries=("FR",)), 1, 1, id="country-of-event-place"),
        pytest.param(Filters(start=D(2025, 8, 14)), 3, 2, id="start-date"),
        pytest.param(Filters(end=D(2025, 8, 12)), 1, 0, id="end-date-inclusive"),
        pytest.param(Filters(start=D(2025, 8, 13), end=D(2025, 8, 13)), 3, 1, id="one-day"),
        pytest.param(Filters(text="ALASKA"), 1, 0, id="text-case-insensitive"),
        pytest.param(Filters(text="bløffer"), 0, 1, id="text-in-quote"),
        pytest.param(Filters(text="jd vance"), 1, 0, id="text-matches-target-names"),
    ],
)
def test_apply_filters_selects_events_and_quotes(
    filters: Filters, expected_events: int, expected_quotes: int
) -> None:
    view = apply_filters(seedlike_frames(), filters)
    assert (len(view.events), len(view.quotes)) == (expected_events, expected_quotes)


def test_actor_filter_leaves_only_that_actors_quotes_and_events() -> None:
    view = apply_filters(seedlike_frames(), Filters(actors=("Emmanuel Macron",)))
    assert set(view.quotes["speaker"]) == {"Emmanuel Macron"}
    assert all(
        "Emmanuel Macron" in [*a, *t]
        for a, t in zip(view.events["actors"], view.events["targets"], strict=True)
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param(Filters(), {"undated", "dated"}, id="default-shows-both"),
        pytest.param(Filters(start=D(2025, 8, 1)), {"undated", "dated"}, id="range-keeps-undated"),
        pytest.param(Filters(undated=False), {"dated"}, id="hide-undated"),
        pytest.param(Filters(start=D(2025, 8, 14), undated=False), set(), id="both-hide"),
        pytest.param(Filters(start=D(2025, 8, 14)), {"undated"}, id="range-hides-dated"),
    ],
)
def test_the_undated_choice_alone_decides_whether_undated_items_show(
    filters: Filters, expected: set[str]
) -> None:
    frames = make_frames(
        [Ev("statement", None, ("Donald Trump",), event_id="undated"),
         Ev("call", "2025-08-13", event_id="dated")],
        [Qt("Uten dato.", "Donald Trump", None, event_id="undated")],
    )  # fmt: skip
    view = apply_filters(frames, filters)
    assert set(view.events["event_id"]) == expected
    assert len(view.quotes) == ("undated" in expected)
    assert undated_counts(frames) == (1, 1)


def test_hidden_by_dates_counts_what_widening_the_range_would_show() -> None:
    frames = seedlike_frames()
    assert hidden_by_dates(frames, Filters()) == (0, 0)
    only_15th = Filters(start=D(2025, 8, 15), end=D(2025, 8, 15))
    shown = apply_filters(frames, only_15th)
    events, quotes = hidden_by_dates(frames, only_15th)
    assert events == len(frames.events) - len(shown.events) > 0
    assert quotes == len(frames.quotes) - len(shown.quotes) > 0
    # Other filters still apply: only Starmer's hidden items are counted.
    assert hidden_by_dates(frames, dataclasses.replace(only_15th, actors=("Keir Starmer",))) == (
        1,
        1,
    )


def test_quotes_get_the_day_their_event_states_or_no_date() -> None:
    frames = make_frames(
        [Ev("statement", "2025-08-12", ("Emmanuel Macron",), event_id="stated"),
         Ev("statement", None, ("Keir Starmer",), event_id="unstated")],
        [Qt("Sagt tirsdag.", "Emmanuel Macron", "2025-08-14", event_id="stated"),
         Qt("Sagt en gang.", "Keir Starmer", "2025-08-14", event_id="unstated"),
         Qt("Uten hendelse.", "Keir Starmer", "2025-08-14")],
    )  # fmt: skip
    honest = honest_quote_dates(frames).quotes
    dates = dict(zip(honest["text"], honest["date"], strict=True))
    assert dates["Sagt tirsdag."] == pd.Timestamp("2025-08-12")  # the event's day, not published
    assert pd.isna(dates["Sagt en gang."])
    assert pd.isna(dates["Uten hendelse."])
    assert frames.quotes["date"].notna().all()  # the input is untouched


def test_any_registry_spelling_names_the_same_actor() -> None:
    index = spelling_index(
        {"Volodymyr Zelensky": ["Zelenskyj", "Zelenskiy", "Зеленський"], "Donald Trump": ["Trump"]}
    )
    for spelling in ("Zelenskyj", "zelenskiy", "Зеленський", " Volodymyr  Zelensky "):
        assert canonical_actors([spelling], index) == ("Volodymyr Zelensky",)
    assert canonical_actors(["Nobody Known"], index) == ("Nobody Known",)


def test_filtering_on_one_side_of_a_call_keeps_the_call_and_both_actors() -> None:
    view = apply_filters(seedlike_frames(), Filters(actors=("Volodymyr Zelensky",)))
    call = view.events[view.events["type"] == "call"]
    assert len(call) == 1
    assert {"Donald Trump", "JD Vance", "Volodymyr Zelensky"} <= set(view.actors["name"])
    assert "Emmanuel Macron" not in set(view.actors["name"])


def test_apply_filters_never_mutates_its_input() -> None:
    frames = seedlike_frames()
    before = frames.events.copy(), frames.quotes.copy()
    apply_filters(frames, Filters(actors=("Keir Starmer",), text="x", countries=("GB",)))
    assert_frame_equal(frames.events, before[0])
    assert_frame_equal(frames.quotes, before[1])


def test_filters_normalise_so_equal_selections_are_equal() -> None:
    assert Filters(actors=("b", "a", "a")) == Filters(actors=("a", "b"))
    assert Filters(start=D(2025, 8, 15), end=D(2025, 8, 1)).start == D(2025, 8, 1)
    assert Filters(text="  two   words ").text == "two words"


_names = st.lists(st.text(min_size=1, max_size=12).filter(lambda s: s.strip()), max_size=4)


@given(
    start=st.none() | st.dates(),
    end=st.none() | st.dates(),
    actors=_names,
    types=_names,
    countries=_names,
    text=st.text(max_size=20),
    undated=st.booleans(),
)
def test_query_round_trip_restores_any_filters(  # noqa: PLR0917 - hypothesis passes by name
    start: D | None, end: D | None, actors: list[str], types: list[str], countries: list[str],
    text: str, undated: bool,
) -> None:  # fmt: skip
    filters = Filters(start, end, tuple(actors), tuple(types), tuple(countries), text, undated)
    assert from_query(to_query(filters)) == filters


def test_to_query_writes_only_what_is_set() -> None:
    query = to_query(Filters(start=D(2025, 8, 12), actors=("Emmanuel Macron", "Keir Starmer")))
    assert query == {"from": ["2025-08-12"], "actor": ["Emmanuel Macron", "Keir Starmer"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({"from": "not-a-date"}, Filters(), id="bad-date-ignored"),
        pytest.param({"unknown": "x"}, Filters(), id="unknown-key-ignored"),
        pytest.param({"actor": "Keir Starmer"}, Filters(actors=("Keir Starmer",)), id="single-str"),
    ],
)
def test_from_query_tolerates_hand_edited_urls(params: dict[str, str], expected: Filters) -> None:
    assert from_query(params) == expected


def test_actor_counts_count_events_and_quotes_most_frequent_first() -> None:
    counts = dict(actor_counts(seedlike_frames()))
    assert counts["Donald Trump"] == 3  # meeting, call (as target), threat
    assert counts["Emmanuel Macron"] == 2  # one statement, one quote
    assert next(iter(counts)) in {"Donald Trump", "Volodymyr Zelensky"}


def test_date_bounds_span_events_and_quotes() -> None:
    frames = make_frames([Ev("call", "2025-08-13")], [Qt("x", "A", "2025-08-20")])
    assert date_bounds(frames) == (D(2025, 8, 13), D(2025, 8, 20))


def test_merge_frames_adds_an_upload_and_keeps_newer_duplicates() -> None:
    corpus = seedlike_frames()
    upload = make_frames([Ev("threat", "2025-08-16", ("Donald Trump",), event_id="new")])
    merged = merge_frames(corpus, upload)
    assert len(merged.events) == len(corpus.events) + 1
    again = merge_frames(merged, upload)
    assert len(again.events) == len(merged.events)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param(Filters(), 2, id="none"),
        pytest.param(Filters(start=D(2025, 8, 14)), 0, id="ordered-before-range"),
        pytest.param(Filters(types=("statement",)), 0, id="type-without-evacuation"),
        pytest.param(Filters(types=("evacuation_order",)), 2, id="evacuation-type"),
        pytest.param(Filters(countries=("FR",)), 0, id="country-not-ukraine"),
        pytest.param(Filters(text="settlement 1"), 1, id="text"),
        pytest.param(Filters(actors=("Emmanuel Macron",)), 2, id="actor-does-not-apply"),
    ],
)
def test_filter_zones(filters: Filters, expected: int) -> None:
    assert len(filter_zones(make_zones(2), filters)) == expected
