"""The ``build`` and ``events`` commands: return codes, outputs, and the JSONL contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli import main
from geo.events.fuse import FUSED_RECORD_KEYS
from tests.conftest import SEED_PATH

GOOD = "---\npublished: 2025-08-14\nlang: nb\n---\nRussland angrep Kyiv med 40 droner onsdag.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD, encoding="utf-8")
    return articles


def test_build_writes_parquet_and_returns_0(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["build", str(folder), "--out", str(out)]) == 0
    assert (out / "events.parquet").is_file()
    assert (out / "manifest.json").is_file()
    assert "1 extracted" in capsys.readouterr().out
    assert main(["build", str(folder), "--out", str(out)]) == 0
    assert "0 extracted, 1 unchanged" in capsys.readouterr().out


def test_build_exports_geojson_and_csv_when_asked(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(["build", str(folder), "--out", str(out), "--format", "geojson", "--format", "csv"])
        == 0
    )
    names = {p.name for p in out.iterdir()}
    assert {"events.geojson", "places.geojson", "quotes.geojson", "events.csv"} <= names
    assert "events.parquet" in names  # the incremental store is always written
    features = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["type"] for f in features] == ["strike"]


def test_build_reports_a_bad_file_builds_the_rest_and_returns_1(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "broken.txt").write_bytes(b"\x00binary\x00" * 20)
    out = tmp_path / "out"
    assert main(["build", str(folder), "--out", str(out), "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert "broken.txt" in captured.err
    assert "1 file(s) failed" in captured.err
    assert "1 extracted" in captured.out
    assert (out / "events.parquet").is_file()


def test_build_rejects_an_unknown_format(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["build", str(folder), "--out", str(tmp_path), "--format", "xlsx"])
    assert info.value.code == 2


def test_events_prints_one_object_per_event_with_exactly_the_contract_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["events", str(SEED_PATH), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) >= 9
    assert all(tuple(r) == FUSED_RECORD_KEYS for r in records)
    assert all(r["sources"][0]["article"] == SEED_PATH.stem for r in records)
    assert set(records[0]["place"]) == {"name", "lat", "lon"}
    advance = next(r for r in records if r["type"] == "advance")
    assert advance["quantities"]["area_km2"] == 110
    assert (advance["date"], advance["date_precision"], advance["cameo"]) == (
        "2025-08-12",
        "day",
        "19",
    )
    assert advance["acled_type"] == "Battles"


def test_events_reports_a_bad_file_and_returns_1(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "empty.txt").write_bytes(b"")
    assert main(["events", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "empty" in captured.err
    assert [json.loads(line)["type"] for line in captured.out.splitlines()] == ["strike"]


def test_events_json_format_is_one_array(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", str(folder), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["article"] for r in records] == ["good"]
