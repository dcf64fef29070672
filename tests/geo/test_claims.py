"""Claim check: the seed's "110 km² on Tuesday 2025-08-12 (ISW via AFP)" against DeepState."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geo.io.frontline import read_snapshot
from geo.layers.claims import CLAIM_COLUMNS, check_claims, snapshot_index
from geo.layers.frontline import change_between


def deepstate(shared_dir: Path) -> Path:
    return shared_dir / "data" / "frontline" / "deepstate"


def events(*rows: dict[str, object]) -> gpd.GeoDataFrame:
    base = {
        "article_id": "seed", "type": "advance", "date_precision": "day", "targets": [],
        "sentence": "I løpet av tirsdagens 24 timer rykket de russiske styrkene inn …",
    }  # fmt: skip
    frame = pd.DataFrame([{**base, **row} for row in rows])
    frame["date"] = pd.to_datetime(frame["date"])
    return gpd.GeoDataFrame(frame, geometry=[Point(37.5, 48.5)] * len(frame), crs="EPSG:4326")


SEED_ADVANCE = {
    "event_id": "ev-110",
    "date": "2025-08-12",
    "actors": ["Institute for the Study of War", "AFP"],
    "quantities": json.dumps({"area_km2": 110.0}),
}


def test_seed_claim_is_compared_with_the_snapshots_of_that_day(shared_dir: Path) -> None:
    table = check_claims(events(SEED_ADVANCE), snapshots=deepstate(shared_dir))
    assert list(table.columns) == list(CLAIM_COLUMNS)
    assert len(table) == 1
    row = table.iloc[0]
    assert row["claimed_km2"] == 110.0
    assert row["claim_source"] == "ISW, AFP"
    assert row["claimed_from"] == row["claimed_to"] == dt.date(2025, 8, 12)
    # Tuesday's changes are in the file dated Wednesday; the baseline is Tuesday's file.
    assert row["snapshot_old"] == "deepstatemap_data_20250812.geojson"
    assert row["snapshot_new"] == "deepstatemap_data_20250813.geojson"
    assert row["measured_from"] == row["measured_to"] == dt.date(2025, 8, 12)
    assert row["measured_source"] == "DeepStateMap"
    expected = change_between(
        read_snapshot(deepstate(shared_dir) / "deepstatemap_data_20250812.geojson"),
        read_snapshot(deepstate(shared_dir) / "deepstatemap_data_20250813.geojson"),
    )
    assert row["measured_gained_km2"] == pytest.approx(expected.gained_km2, abs=1e-3)
    assert row["measured_net_km2"] == pytest.approx(expected.net_km2, abs=1e-3)
    assert row["difference_km2"] == pytest.approx(110.0 - expected.gained_km2, abs=1e-3)
    assert "DeepStateMap" in row["note"]
    assert "ISW" in row["note"]
    assert "infiltration" in row["note"]


def test_claim_without_its_snapshots_is_not_measured_and_says_why(shared_dir: Path) -> None:
    claim = {**SEED_ADVANCE, "date": "2025-06-15"}
    row = check_claims(events(claim), snapshots=deepstate(shared_dir)).iloc[0]
    assert pd.isna(row["measured_gained_km2"])
    assert pd.isna(row["difference_km2"])
    assert "deepstatemap_data_20250615.geojson" in row["note"]
    assert "deepstatemap_data_20250616.geojson" in row["note"]


def test_month_precision_claims_are_not_measured_as_a_day(shared_dir: Path) -> None:
    claim = {**SEED_ADVANCE, "date_precision": "month"}
    row = check_claims(events(claim), snapshots=deepstate(shared_dir)).iloc[0]
    assert pd.isna(row["measured_gained_km2"])
    assert "no single day" in row["note"]


@pytest.mark.parametrize(
    "quantities",
    [
        pytest.param(json.dumps({"children": 1150}), id="other-quantity"),
        pytest.param("", id="empty"),
        pytest.param("{not json", id="broken-json"),
        pytest.param(None, id="none"),
    ],
)
def test_events_without_an_area_are_not_claims(shared_dir: Path, quantities: object) -> None:
    table = check_claims(
        events({**SEED_ADVANCE, "quantities": quantities}), snapshots=deepstate(shared_dir)
    )
    assert table.empty
    assert list(table.columns) == list(CLAIM_COLUMNS)


def test_snapshot_index_keys_files_by_the_day_they_describe(shared_dir: Path) -> None:
    files = sorted(deepstate(shared_dir).glob("deepstatemap_data_202508*.geojson"))
    index = snapshot_index(files)
    assert index[dt.date(2025, 8, 12)].name == "deepstatemap_data_20250813.geojson"
    assert (
        snapshot_index(deepstate(shared_dir))[dt.date(2025, 8, 12)] == index[dt.date(2025, 8, 12)]
    )


def test_claim_check_on_the_extracted_seed(seed_extraction, seed_article, shared_dir: Path) -> None:
    """The real pipeline's events for the seed: one area claim, sourced to ISW and AFP."""
    from geo.frames import extractions_to_frames

    frame = extractions_to_frames([seed_extraction]).events
    table = check_claims(
        frame,
        snapshots=deepstate(shared_dir),
        article_texts={seed_article.id: seed_article.text},
    )
    assert len(table) == 1
    row = table.iloc[0]
    assert row["claimed_km2"] == 110.0
    assert row["claimed_from"] == dt.date(2025, 8, 12)
    assert "ISW" in row["claim_source"]
    assert "AFP" in row["claim_source"]
    assert row["snapshot_new"] == "deepstatemap_data_20250813.geojson"
    assert row["difference_km2"] == pytest.approx(110.0 - row["measured_gained_km2"], abs=1e-3)
