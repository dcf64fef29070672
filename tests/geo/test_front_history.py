"""The front in time: daily km² per oblast over real snapshots, claims on their day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.frames import extractions_to_frames
from geo.layers.front_history import ALL_OBLASTS, available_days, daily_changes, front_timeline
from geo.layers.frontline import change_between, load_snapshot
from geo.model import Extraction


def _files(shared_dir: Path, *days: str) -> list[Path]:
    folder = shared_dir / "data" / "frontline" / "deepstate"
    return [folder / f"deepstatemap_data_{d}.geojson" for d in days]


def test_only_days_with_both_snapshots_are_measured(shared_dir: Path) -> None:
    files = _files(shared_dir, "20250811", "20250812", "20250813", "20250815")
    # File D describes D-1: 0812 → 0813 is day 08-12; 0813 → 0815 has a gap, never bridged.
    assert available_days(files) == [dt.date(2025, 8, 11), dt.date(2025, 8, 12)]
    daily, problems = daily_changes(files)
    assert problems == ()
    assert sorted(set(daily["day"])) == [dt.date(2025, 8, 11), dt.date(2025, 8, 12)]


def test_daily_change_matches_the_direct_measurement_and_splits_by_oblast(
    shared_dir: Path,
) -> None:
    files = _files(shared_dir, "20250812", "20250813")
    boundaries = shared_dir / "data" / "boundaries"
    daily, _ = daily_changes(files, boundaries_dir=boundaries)
    direct = change_between(load_snapshot(files[0]), load_snapshot(files[1]), split_by_oblast=False)
    total = daily[daily["oblast"] == ALL_OBLASTS].iloc[0]
    assert total["gained_km2"] == pytest.approx(direct.gained_km2, abs=0.001)
    assert total["lost_km2"] == pytest.approx(direct.lost_km2, abs=0.001)
    oblasts = daily[daily["oblast"] != ALL_OBLASTS]
    assert "Donetsk Oblast" in set(oblasts["oblast"])
    assert oblasts["gained_km2"].sum() == pytest.approx(total["gained_km2"], abs=0.01)
    assert set(daily["snapshot_new"]) == {files[1].name}


def test_an_unreadable_snapshot_is_named_and_the_other_days_go_on(
    shared_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "deepstatemap_data_20250814.geojson"
    bad.write_text("{not json", encoding="utf-8")
    files = [*_files(shared_dir, "20250812", "20250813"), bad]
    daily, problems = daily_changes(files)
    assert set(daily["day"]) == {dt.date(2025, 8, 12)}
    assert len(problems) == 1
    assert problems[0].startswith("2025-08-13")


def test_claims_of_the_corpus_sit_beside_the_measurement_of_their_day(
    shared_dir: Path, seed_extraction: Extraction
) -> None:
    frames = extractions_to_frames([seed_extraction])
    files = _files(shared_dir, "20250811", "20250812", "20250813")
    timeline = front_timeline(frames.events, files)
    claim = timeline.claims[timeline.claims["claimed_km2"] == 110].iloc[0]
    assert claim["day"] == dt.date(2025, 8, 12)
    measured = timeline.daily[
        (timeline.daily["day"] == claim["day"]) & (timeline.daily["oblast"] == ALL_OBLASTS)
    ].iloc[0]
    assert claim["measured_gained_km2"] == pytest.approx(measured["gained_km2"], abs=0.001)
    assert claim["claim_source"] != "the article (no source named)"
