from __future__ import annotations

import io
import json

import pandas as pd

from dashboard import tables
from geo.frames import Frames
from tests.dashboard.builders import Ev, make_events, make_frames, seedlike_frames


def test_csv_flattens_lists_and_adds_coordinates_keeping_the_sentence() -> None:
    events = make_events(
        [Ev("call", "2025-08-13", ("Volodymyr Zelensky",), ("Donald Trump", "JD Vance"),
            place="Kyiv", sentence="Zelenskyj snakket med Trump.")]
    )  # fmt: skip
    table = pd.read_csv(io.StringIO(tables.events_csv(events)))
    row = table.iloc[0]
    assert row["targets"] == "Donald Trump; JD Vance"
    assert (round(row["lat"], 2), round(row["lon"], 2)) == (50.45, 30.52)
    assert row["sentence"] == "Zelenskyj snakket med Trump."


def test_geojson_holds_located_events_with_iso_dates() -> None:
    events = seedlike_frames().events
    collection = json.loads(tables.events_geojson(events))
    located = sum(1 for g in events.geometry if not g.is_empty)
    assert len(collection["features"]) == located
    first = collection["features"][0]["properties"]
    assert first["date"] == "2025-08-15"
    assert isinstance(first["actors"], str)


def test_events_table_is_newest_first() -> None:
    table = tables.events_table(seedlike_frames().events)
    assert list(table["date"]) == sorted(table["date"], reverse=True)


FAR = "Møtet finner sted i Alaska, langt unna slagmarken i Ukraina."


def test_distance_sentences_find_far_from_the_battlefield() -> None:
    frames = make_frames(
        [Ev("meeting", "2025-08-15", sentence=FAR),
         Ev("call", "2025-08-13", sentence="De snakket sammen.")]
    )  # fmt: skip
    found = tables.distance_sentences(
        Frames(frames.places, frames.events, frames.quotes, frames.actors, frames.articles)
    )
    assert found == [FAR]
