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


def test_geojson_holds_every_event_the_csv_holds_with_null_geometry_where_unplaced() -> None:
    events = seedlike_frames().events
    text = tables.events_geojson(events)
    collection = json.loads(text)  # strict JSON: no NaN
    assert "NaN" not in text
    table = pd.read_csv(io.StringIO(tables.events_csv(events)))
    assert len(collection["features"]) == len(table) == len(events)
    unplaced = sum(1 for g in events.geometry if g is None or g.is_empty)
    assert unplaced > 0
    assert sum(1 for f in collection["features"] if f["geometry"] is None) == unplaced
    first = collection["features"][0]["properties"]
    assert first["date"] == "2025-08-15"
    assert isinstance(first["actors"], str)


def test_events_table_and_csv_read_as_text_for_people() -> None:
    events = make_events(
        [Ev("call", "2025-08-13", ("Volodymyr Zelensky",), ("Donald Trump",), place="Kyiv"),
         Ev("statement", None, ("Emmanuel Macron",))]
    )  # fmt: skip
    table = tables.events_table(events)
    assert list(table.columns[:4]) == ["Date", "Event", "Who", "With / to whom"]
    shown = table.astype(str).to_numpy().ravel().tolist()
    assert "2025-08-13" in shown
    assert "not stated" in shown
    assert not any(word in cell for cell in shown for word in ("00:00:00", "None", "NaT", "nan"))
    csv_text = tables.events_csv(events)
    assert "00:00:00" not in csv_text
    assert "None" not in csv_text


def test_claim_check_reads_as_a_verdict_and_says_why_nothing_was_measured() -> None:
    checked = pd.DataFrame(
        [{"event_id": "e1", "article_id": "a1", "sentence": "110 km² på ett døgn.",
          "claimed_km2": 110.0, "claim_source": "AFP, ISW", "claimed_from": "2025-08-12",
          "claimed_to": "2025-08-12", "measured_gained_km2": float("nan"),
          "measured_source": "DeepStateMap", "difference_km2": float("nan"),
          "note": "Not measured: snapshot(s) deepstatemap_data_20250812.geojson missing."}]
    )  # fmt: skip
    verdict = tables.claims_verdict(checked)
    assert list(verdict.columns) == list(tables.CLAIM_HEADINGS.values())
    row = verdict.iloc[0]
    assert row["Claimed (km²)"] == 110.0
    assert row["Days"] == "2025-08-12"
    assert "deepstatemap_data_20250812" in row["Why they differ"]
    reason = tables.not_measured_reason(checked, offline=True)
    assert reason is not None
    assert "offline" in reason
    assert "deepstatemap_data_20250812.geojson" in reason
    assert "`python -m geo frontline fetch --date 2025-08-12`" in reason  # the day it needs
    measured = checked.assign(measured_gained_km2=95.0, difference_km2=15.0)
    assert tables.not_measured_reason(measured, offline=True) is None
    assert "Claimed (km²)" in tables.claims_csv(checked).splitlines()[0]


def test_events_table_is_newest_first_undated_last() -> None:
    table = tables.events_table(seedlike_frames().events)
    dated = [d for d in table["Date"] if d != "not stated"]
    assert dated == sorted(dated, reverse=True)
    assert list(table["Date"]) == [*dated, *["not stated"] * (len(table) - len(dated))]


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
