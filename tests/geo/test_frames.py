"""Frames: schema, stable ids, unresolved rows kept, the records round trip, file writers."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal

from geo.errors import SchemaError
from geo.frames import (
    Frames,
    empty_frames,
    extractions_to_frames,
    frames_from_records,
    frames_to_records,
)
from geo.io.outputs import frame_to_csv_text, frame_to_geojson, read_frames, write_frames
from geo.model import Extraction
from geo.records import EVENT_RECORD_KEYS, event_to_record
from geo.schema import COLUMN_SPECS, validate_frames
from tests.builders import (
    date_ref,
    make_actor,
    make_article,
    make_extraction,
    make_place,
    mention,
    place_mention,
    quote,
)

TEXT = (
    "Trump og Putin møtes i Anchorage fredag.\n"
    "Russland angrep Zolotyj Kolodjaz med 40 droner natt til onsdag.\n"
    "– Vi trenger fred nå, sa Zelenskyj."
)
TRUMP = make_actor("Donald Trump", role="President of the United States", country="US")
PUTIN = make_actor("Vladimir Putin", country="RU")
ZELENSKY = make_actor("Volodymyr Zelensky", country="UA")
ANCHORAGE = make_place("Anchorage", kind="city", country="US", lat=61.2181, lon=-149.9003)
RUSSIA = make_place("Russia", country="RU", lat=61.5, lon=105.3)


def build(text: str = TEXT, article_id: str = "art") -> Extraction:
    article = dataclasses.replace(
        make_article(text, article_id=article_id), title="Tittel", content_hash=f"h-{hash(text)}"
    )
    return make_extraction(
        article,
        actors=(
            mention(text, "Trump", TRUMP),
            mention(text, "Putin", PUTIN),
            mention(text, "Zelenskyj", ZELENSKY),
        ),
        places=(
            place_mention(text, "Anchorage", ANCHORAGE),
            place_mention(text, "Russland", RUSSIA),
            place_mention(text, "Zolotyj Kolodjaz", None),
        ),
        dates=(date_ref(text, "fredag", "2025-08-15"), date_ref(text, "onsdag", "2025-08-13")),
        quotes=(quote(text, "Vi trenger fred nå", ZELENSKY),),
    )


@pytest.fixture
def frames() -> Frames:
    return extractions_to_frames([build(), build(TEXT.replace("40", "50"), "other")])


def test_frames_follow_the_schema_in_epsg_4326(frames: Frames) -> None:
    validate_frames(frames)
    for name, specs in COLUMN_SPECS.items():
        assert list(getattr(frames, name).columns) == [c.name for c in specs]
    assert frames.events.crs.to_epsg() == 4326


def test_empty_frames_follow_the_schema() -> None:
    validate_frames(empty_frames())
    assert validate_frames(extractions_to_frames([])) == []


def test_unresolved_place_keeps_its_row_with_an_empty_point(frames: Frames) -> None:
    row = frames.places.set_index("surface").loc["Zolotyj Kolodjaz"].iloc[0]
    assert not row["resolved"]
    assert row["geometry"].is_empty
    assert row["name"] is None
    strike = frames.events[frames.events["type"] == "strike"].iloc[0]
    assert strike["geometry"].is_empty
    assert strike["place_surface"] == "Zolotyj Kolodjaz"


def test_resolved_point_is_lon_lat(frames: Frames) -> None:
    summit = frames.events[frames.events["type"] == "summit"].iloc[0]
    assert (summit.geometry.x, summit.geometry.y) == (-149.9003, 61.2181)
    assert summit["date"] == pd.Timestamp("2025-08-15")
    assert (summit["cameo"], summit["cameo_code"]) == ("04", "044")


def test_event_columns_carry_cameo_acled_and_quantities(frames: Frames) -> None:
    strike = frames.events[frames.events["type"] == "strike"].iloc[0]
    assert (strike["cameo"], strike["cameo_code"]) == ("19", "195")
    assert strike["acled_type"] == "Explosions/Remote violence"
    assert json.loads(strike["quantities"]) == {"drones": 40.0}


def test_quote_row_links_its_event_and_leaves_an_unstated_date_unresolved(
    frames: Frames,
) -> None:
    row = frames.quotes[frames.quotes["article_id"] == "art"].iloc[0]
    assert row["speaker"] == "Volodymyr Zelensky"
    event = frames.events.set_index("event_id").loc[row["event_id"]]
    assert event["type"] == "statement"
    # Neither the quote nor its statement says when: the date stays unresolved, and the
    # publication date stays beside it (the card says "date not stated (published …)").
    assert pd.isna(row["date"])
    assert row["date_basis"] is None
    assert row["published"] == pd.Timestamp("2025-08-14")
    assert row["context"] == "– Vi trenger fred nå, sa Zelenskyj."


def test_quote_row_takes_the_stated_day_and_agrees_with_its_event() -> None:
    text = "– Vi trenger fred nå, sa Zelenskyj onsdag til NRK."
    zelensky = make_actor("Volodymyr Zelensky", aliases=("Zelenskyj",))
    nrk = make_actor("NRK", kind="org", aliases=("NRK",))
    said = dataclasses.replace(
        quote(text, "Vi trenger fred nå", zelensky, attribution="verb-after"),
        outlet="NRK",
        date="2025-08-13",
        date_precision="day",
        date_basis="attribution",
    )
    extraction = make_extraction(
        make_article(text),
        actors=(mention(text, "Zelenskyj", zelensky),),
        orgs=(mention(text, "NRK", nrk),),
        quotes=(said,),
        dates=(date_ref(text, "onsdag", "2025-08-13"),),
    )
    frames = extractions_to_frames([extraction])
    row = frames.quotes.iloc[0]
    assert (row["date"], row["date_basis"], row["outlet"]) == (
        pd.Timestamp("2025-08-13"),
        "attribution",
        "NRK",
    )
    event = frames.events.set_index("event_id").loc[row["event_id"]]
    assert event["date"] == row["date"]
    assert "NRK" not in event["actors"]


def test_event_row_lists_every_supporting_mention_as_article_spans() -> None:
    text = "Trump og Putin møtes fredag.\nUnder møtet i Anchorage vil Trump konfrontere Putin."
    trump = make_actor("Donald Trump", aliases=("Trump",))
    putin = make_actor("Vladimir Putin", aliases=("Putin",))
    anchorage = make_place("Anchorage", kind="city", country="US", lat=61.2, lon=-149.9)
    extraction = make_extraction(
        make_article(text, article_id="summit-art"),
        actors=(
            mention(text, "Trump", trump),
            mention(text, "Putin", putin),
            mention(text, "Trump", trump, occurrence=1),
            mention(text, "Putin", putin, occurrence=1),
        ),
        places=(place_mention(text, "Anchorage", anchorage),),
        dates=(date_ref(text, "fredag", "2025-08-15"),),
    )
    frames = extractions_to_frames([extraction])
    summit = frames.events[frames.events["type"] == "summit"].iloc[0]
    spans = json.loads(summit["mentions"])
    assert [(m["kind"], text[m["start"] : m["end"]]) for m in spans] == [
        ("trigger", "møtes"),
        ("reference", "møtet i Anchorage"),
    ]
    assert {m["article"] for m in spans} == {"summit-art"}
    assert summit["place_name"] == "Anchorage"


def test_same_input_gives_same_ids_and_an_edit_gives_new_ones(frames: Frames) -> None:
    again = extractions_to_frames([build(), build(TEXT.replace("40", "50"), "other")])
    for name, column in (("places", "mention_id"), ("events", "event_id"), ("quotes", "quote_id")):
        assert list(getattr(frames, name)[column]) == list(getattr(again, name)[column])
    edited = extractions_to_frames([build(TEXT + " Mer.")])
    assert set(edited.events["event_id"]).isdisjoint(
        frames.events.loc[frames.events["article_id"] == "art", "event_id"]
    )


def test_records_round_trip_back_to_equal_frames(frames: Frames) -> None:
    records = frames_to_records(frames)
    json.dumps(records)  # JSON-ready
    back = frames_from_records(records)
    for name in ("places", "events", "quotes"):
        assert_geodataframe_equal(getattr(back, name), getattr(frames, name))
    for name in ("actors", "articles"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(frames, name))


def test_parquet_files_read_back_to_equal_frames(frames: Frames, tmp_path: Path) -> None:
    write_frames(frames, tmp_path)
    back = read_frames(tmp_path)
    for name in ("places", "events", "quotes"):
        assert_geodataframe_equal(getattr(back, name), getattr(frames, name))
    pd.testing.assert_frame_equal(back.articles, frames.articles)


def test_geojson_keeps_lists_as_arrays_and_unresolved_as_null(frames: Frames) -> None:
    features = json.loads(frame_to_geojson(frames.events, "events"))["features"]
    summit = next(f for f in features if f["properties"]["type"] == "summit")
    assert summit["geometry"] == {"type": "Point", "coordinates": [-149.9003, 61.2181]}
    assert summit["properties"]["actors"] == ["Donald Trump", "Vladimir Putin"]
    assert summit["properties"]["date"] == "2025-08-15"
    strike = next(f for f in features if f["properties"]["type"] == "strike")
    assert strike["geometry"] is None
    assert strike["properties"]["quantities"] == {"drones": 40.0}


def test_csv_joins_lists_and_has_lon_lat(frames: Frames) -> None:
    lines = frame_to_csv_text(frames.events, "events").splitlines()
    header = lines[0].split(",")
    assert header[-2:] == ["lon", "lat"]
    assert "geometry" not in header
    assert any("Donald Trump; Vladimir Putin" in line for line in lines)


def test_validation_collects_every_problem_then_raises_once(frames: Frames) -> None:
    events = frames.events.copy()
    events.loc[0, "date_precision"] = "week"
    events = events.drop(columns="cameo")
    events["extra"] = 1
    broken = dataclasses.replace(
        frames, events=events, places=frames.places.set_crs(3857, allow_override=True)
    )
    with pytest.raises(SchemaError) as info:
        validate_frames(broken)
    message = str(info.value)
    for part in (
        "missing column(s) ['cameo']",
        "'week'",
        "unexpected column(s) ['extra']",
        "EPSG:4326",
    ):
        assert part in message
    problems = validate_frames(broken, strict=False)
    assert not any("unexpected" in p for p in problems)
    assert len(problems) == 3


def test_duplicate_ids_are_a_schema_problem(frames: Frames) -> None:
    doubled = dataclasses.replace(
        frames, events=pd.concat([frames.events, frames.events.iloc[:1]], ignore_index=True)
    )
    with pytest.raises(SchemaError, match="duplicate id"):
        validate_frames(doubled)


def test_event_record_has_exactly_the_contract_keys() -> None:
    event = next(e for e in build().events if e.type == "summit")
    record = event_to_record(event)
    assert tuple(record) == EVENT_RECORD_KEYS
    assert record["place"] == {"name": "Anchorage", "lat": 61.2181, "lon": -149.9003}
    assert (record["date"], record["cameo"], record["article"]) == ("2025-08-15", "04", "art")
    strike = event_to_record(next(e for e in build().events if e.type == "strike"))
    assert strike["quantities"] == {"drones": 40}
    assert isinstance(strike["quantities"]["drones"], int)
    assert strike["place"] == {"name": "Zolotyj Kolodjaz", "lat": None, "lon": None}


def test_seed_quotes_and_their_events_agree_on_the_day(seed_extraction: Extraction) -> None:
    frames = extractions_to_frames([seed_extraction])
    events = frames.events.set_index("event_id")
    owned = frames.quotes[frames.quotes["event_id"].notna()]
    assert len(owned) >= 5
    for _, row in owned.iterrows():
        event_date = events.loc[row["event_id"], "date"]
        assert pd.isna(row["date"]) == pd.isna(event_date), row["text"]
        if pd.notna(row["date"]):
            assert row["date"] == event_date, row["text"]
    telegram = frames.quotes[frames.quotes["text"].str.startswith("Det må legges press")].iloc[0]
    # "… uttalte president Zelenskyj på sin Telegram-kanal to dager før fredagens møte"
    assert (telegram["date"], telegram["outlet"]) == (pd.Timestamp("2025-08-13"), "Telegram")
    assert telegram["speaker"] == "Volodymyr Zelensky"
