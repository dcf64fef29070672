"""Caches that poison: a damaged cached snapshot or boundary file is detected and healed.

Each test damages a cached file the way disks and people do (flipped bytes, a truncated
copy, a file copied in without its digest), then checks that the next use fetches it again
from a loopback server, or, offline, that the failure is a clear notice and no view crashes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard import data
from geo import settings
from geo.errors import FetchError, SnapshotError
from geo.io.fetch import cache_problem, fetch_snapshot
from geo.io.frontline import read_snapshot
from geo.layers import boundaries
from geo.layers.frontline import front_for_day
from tests.loopback import Server

DAY = dt.date(2025, 8, 12)
NAME = "deepstatemap_data_20250812.geojson"


def _flip(path: Path, at: int = 200) -> None:
    raw = bytearray(path.read_bytes())
    raw[at] ^= 0x20  # one flipped bit: still JSON-ish, no longer the file that was fetched
    path.write_bytes(bytes(raw))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3])


def test_a_fetched_file_carries_its_digest_and_is_reported_intact(
    snapshot_server: Server, tmp_path: Path
) -> None:
    result = fetch_snapshot(DAY, cache_dir=tmp_path, url_template=snapshot_server.template())
    assert (tmp_path / f"{NAME}.sha256").read_text().strip() != ""
    assert cache_problem(result.path) is None


@pytest.mark.parametrize("damage", [_flip, _truncate], ids=["flipped-byte", "truncated"])
def test_a_damaged_cached_snapshot_is_fetched_again(
    snapshot_server: Server, tmp_path: Path, shared_dir: Path, damage: object
) -> None:
    template = snapshot_server.template()
    first = fetch_snapshot(DAY, cache_dir=tmp_path, url_template=template)
    damage(first.path)  # type: ignore[operator]
    assert "no longer matches" in str(cache_problem(first.path))
    again = fetch_snapshot(DAY, cache_dir=tmp_path, url_template=template)
    assert again.downloaded
    assert len(snapshot_server.requests) == 2
    original = shared_dir / "data/frontline/deepstate" / NAME
    assert again.path.read_bytes() == original.read_bytes()
    assert read_snapshot(again.path)["describes_date"].iloc[0] == dt.date(2025, 8, 11)


def test_a_copied_in_snapshot_without_digest_is_checked_by_parsing(
    snapshot_server: Server, tmp_path: Path, shared_dir: Path
) -> None:
    good = (shared_dir / "data/frontline/deepstate" / NAME).read_bytes()
    (tmp_path / NAME).write_bytes(good[:5000])  # truncated, and no digest beside it
    result = fetch_snapshot(DAY, cache_dir=tmp_path, url_template=snapshot_server.template())
    assert result.downloaded
    assert result.path.read_bytes() == good
    (tmp_path / f"{NAME}.sha256").unlink()  # an intact file without digest: parsed, kept
    assert not fetch_snapshot(
        DAY, cache_dir=tmp_path, url_template=snapshot_server.template()
    ).downloaded
    assert (tmp_path / f"{NAME}.sha256").is_file()  # and marked for cheap checks next time


def test_a_damaged_snapshot_that_cannot_be_refetched_is_removed_and_reported(
    snapshot_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetch_snapshot(DAY, cache_dir=tmp_path, url_template=snapshot_server.template())
    _truncate(tmp_path / NAME)
    monkeypatch.setattr(settings, "FETCH_TIMEOUT_S", 0.3)
    with pytest.raises(FetchError, match="was damaged") as info:
        fetch_snapshot(DAY, cache_dir=tmp_path, url_template=snapshot_server.template("slow"))
    assert NAME in str(info.value)
    assert not (tmp_path / NAME).exists()  # never read again as if it were good


def test_front_for_day_says_a_cached_snapshot_is_unreadable(
    snapshot_server: Server, tmp_path: Path
) -> None:
    fetch_snapshot(DAY, cache_dir=tmp_path, url_template=snapshot_server.template())
    _truncate(tmp_path / NAME)
    layer = front_for_day(dt.date(2025, 8, 11), cache_dir=tmp_path)
    assert layer.is_approximate
    assert f"cached snapshot {NAME} is unreadable" in layer.legend


def _boundary_sources(server: Server) -> dict[str, str]:
    rayon = "osm-darmat1/donetska_oblast.kramatorskyy_rayon.geojson"
    return {
        boundaries.OBLAST_FILE: f"{server.base}/boundaries/{boundaries.OBLAST_FILE}",
        rayon: f"{server.base}/boundaries/{rayon}",
    }


@pytest.mark.parametrize("damage", [_flip, _truncate], ids=["flipped-byte", "truncated"])
def test_a_damaged_cached_boundary_file_is_fetched_again(
    snapshot_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    monkeypatch.setattr(boundaries, "BOUNDARY_SOURCES", _boundary_sources(snapshot_server))
    paths = boundaries.fetch_boundaries(tmp_path)
    oblasts = paths[boundaries.OBLAST_FILE]
    good = oblasts.read_bytes()
    damage(oblasts)  # type: ignore[operator]
    boundaries.fetch_boundaries(tmp_path)
    assert len(snapshot_server.requests) == 3  # two files, then the damaged one again
    assert oblasts.read_bytes() == good
    assert "Donetsk Oblast" in set(boundaries.load_oblasts(tmp_path)["oblast"])


def test_a_truncated_boundary_file_read_offline_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "boundaries" / "osm-darmat1"
    folder.mkdir(parents=True)
    (folder / "x.y_rayon.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "geom', encoding="utf-8"
    )
    with pytest.raises(SnapshotError, match="unreadable"):
        boundaries.load_hromadas(tmp_path / "boundaries")


def test_the_evacuation_view_survives_a_truncated_boundary_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    folder = cache / "boundaries" / "osm-darmat1"
    folder.mkdir(parents=True)
    (folder / "donetska_oblast.pokrovskyy_rayon.geojson").write_text(
        '{"type": "FeatureCollection", "features": [', encoding="utf-8"
    )
    monkeypatch.setattr(settings, "CACHE_DIR", cache)
    monkeypatch.setattr(settings, "ALLOW_FETCH", False)  # offline: nothing can heal it
    data.evacuation_zones.clear()
    try:
        events = data.empty_frames().events
        zones, notice = data.evacuation_zones("fp-poison", DAY, events)
    finally:
        data.evacuation_zones.clear()
    assert zones is None
    assert notice is not None
    assert "unreadable" in notice
