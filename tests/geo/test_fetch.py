"""Fetching snapshots from a loopback HTTP server that serves the shared snapshots."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

import geo.io.fetch
from geo import settings
from geo.cli import main
from geo.errors import FetchError, SnapshotError
from geo.io.fetch import cached_snapshots, fetch_file, fetch_snapshot
from geo.io.frontline import read_snapshot
from geo.layers import boundaries
from geo.layers.frontline import front_for_day, prefetch_front
from tests.loopback import Server

DAY = dt.date(2025, 8, 12)


def cache_listing(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_fetch_downloads_a_valid_snapshot_into_the_cache(
    snapshot_server: Server, tmp_path: Path, shared_dir: Path
) -> None:
    result = fetch_snapshot(DAY, cache_dir=tmp_path, url_template=snapshot_server.template())
    assert result.downloaded
    assert result.path == tmp_path / "deepstatemap_data_20250812.geojson"
    original = shared_dir / "data/frontline/deepstate/deepstatemap_data_20250812.geojson"
    assert result.path.read_bytes() == original.read_bytes()
    assert read_snapshot(result.path)["describes_date"].iloc[0] == dt.date(2025, 8, 11)
    assert cached_snapshots(tmp_path) == {DAY: result.path}


def test_a_cached_date_is_never_downloaded_again(snapshot_server: Server, tmp_path: Path) -> None:
    fetch_snapshot(DAY, cache_dir=tmp_path, url_template=snapshot_server.template())
    assert len(snapshot_server.requests) == 1
    again = fetch_snapshot(DAY, cache_dir=tmp_path, url_template=snapshot_server.template())
    assert not again.downloaded
    assert len(snapshot_server.requests) == 1


@pytest.fixture
def warm_cache(tmp_path: Path, shared_dir: Path) -> Path:
    """A cache already holding one (other) day, which failures must leave untouched."""
    cache = tmp_path / "cache"
    cache.mkdir()
    name = "deepstatemap_data_20250811.geojson"
    (cache / name).write_bytes((shared_dir / "data/frontline/deepstate" / name).read_bytes())
    return cache


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(("data", dt.date(2030, 1, 1), FetchError, "HTTP 404"), id="http-404"),
        pytest.param(("slow", DAY, FetchError, "timeout"), id="timeout"),
        pytest.param(("corrupt", DAY, SnapshotError, "malformed JSON"), id="corrupt-body"),
    ],
)
def test_failures_raise_clear_errors_and_leave_the_cache_intact(
    snapshot_server: Server,
    warm_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[str, dt.date, type[Exception], str],
) -> None:
    kind, day, error, message = case
    monkeypatch.setattr(settings, "FETCH_TIMEOUT_S", 0.3)
    before = cache_listing(warm_cache)
    started = time.perf_counter()
    with pytest.raises(error, match=message) as info:
        fetch_snapshot(day, cache_dir=warm_cache, url_template=snapshot_server.template(kind))
    assert snapshot_server.base in str(info.value)
    assert cache_listing(warm_cache) == before  # nothing added, nothing half-written
    assert time.perf_counter() - started < 2.5  # the timeout was honoured


def test_an_interrupted_write_leaves_no_partial_file(
    snapshot_server: Server, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache_listing(warm_cache)

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(geo.io.fetch.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        fetch_snapshot(DAY, cache_dir=warm_cache, url_template=snapshot_server.template())
    assert cache_listing(warm_cache) == before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        pytest.param("file:///etc/passwd", "only http", id="file-scheme"),
        pytest.param("http://127.0.0.1:9/x.geojson", "cannot connect", id="connection-refused"),
    ],
)
def test_bad_urls_are_refused_with_a_clear_error(tmp_path: Path, url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_file(url, tmp_path / "x.geojson", timeout=1)
    assert not (tmp_path / "x.geojson").exists()


def test_url_template_without_a_valid_field_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="URL template"):
        fetch_snapshot(DAY, cache_dir=tmp_path, url_template="http://127.0.0.1/{day}.geojson")


def test_cli_fetch_downloads_once_then_reuses_the_cache(
    snapshot_server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["frontline", "fetch", "--date", "2025-08-12", "--cache", str(tmp_path),
            "--url", snapshot_server.template()]  # fmt: skip
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert (first["downloaded"], second["downloaded"]) == (True, False)
    assert first["path"] == second["path"]
    assert len(snapshot_server.requests) == 1


def test_cli_fetch_reports_an_http_error(
    snapshot_server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["frontline", "fetch", "--date", "2031-01-01", "--cache", str(tmp_path),
                 "--url", snapshot_server.template()])  # fmt: skip
    assert code == 1
    assert "HTTP 404" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_fetch_boundaries_caches_every_file_once(
    snapshot_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = {
        boundaries.OBLAST_FILE: f"{snapshot_server.base}/boundaries/{boundaries.OBLAST_FILE}",
        "osm-darmat1/donetska_oblast.kramatorskyy_rayon.geojson":
            f"{snapshot_server.base}/boundaries/osm-darmat1/donetska_oblast.kramatorskyy_rayon.geojson",
    }  # fmt: skip
    monkeypatch.setattr(boundaries, "BOUNDARY_SOURCES", sources)
    paths = boundaries.fetch_boundaries(tmp_path)
    assert all(path.is_file() for path in paths.values())
    boundaries.fetch_boundaries(tmp_path)
    assert len(snapshot_server.requests) == 2
    assert "Donetsk Oblast" in set(boundaries.load_oblasts(tmp_path)["oblast"])
    assert len(boundaries.load_hromadas(tmp_path)) > 5


def test_fetch_boundaries_refuses_a_body_that_is_not_geojson(
    snapshot_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"{snapshot_server.base}/corrupt/deepstatemap_data_20250812.geojson"
    monkeypatch.setattr(boundaries, "BOUNDARY_SOURCES", {boundaries.OBLAST_FILE: url})
    with pytest.raises(SnapshotError, match="not GeoJSON"):
        boundaries.fetch_boundaries(tmp_path)
    assert not (tmp_path / boundaries.OBLAST_FILE).exists()


def test_prefetch_front_caches_what_the_day_needs(snapshot_server: Server, tmp_path: Path) -> None:
    problems = prefetch_front(DAY, cache_dir=tmp_path, url_template=snapshot_server.template())
    assert problems == ()
    assert sorted(cached_snapshots(tmp_path)) == [DAY, DAY + dt.timedelta(days=1)]
    layer = front_for_day(DAY, cache_dir=tmp_path)
    assert not layer.is_approximate
    assert not layer.advances.empty


def test_prefetch_front_reports_problems_and_the_map_falls_back(
    snapshot_server: Server, tmp_path: Path
) -> None:
    far = dt.date(2031, 1, 1)
    problems = prefetch_front(far, cache_dir=tmp_path, url_template=snapshot_server.template())
    assert len(problems) == 2
    assert all("HTTP 404" in p for p in problems)
    assert front_for_day(far, cache_dir=tmp_path).is_approximate
