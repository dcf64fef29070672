"""The deployed app fetches the front line it lacks, once, and falls back when it cannot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard import data
from geo import settings
from tests.loopback import Server

DAY = dt.date(2025, 8, 12)


@pytest.fixture
def fresh_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "CACHE_DIR", tmp_path / "cache")
    for cached in (data._front_layer, data._fetch_log):
        cached.clear()
    yield tmp_path / "cache"
    for cached in (data._front_layer, data._fetch_log):
        cached.clear()


def test_the_app_fetches_the_days_snapshots_once_and_draws_the_measured_front(
    snapshot_server: Server, fresh_caches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ALLOW_FETCH", True)
    monkeypatch.setattr(settings, "FRONTLINE_SOURCE_URL", snapshot_server.template())
    layer, notice = data.front_for_day(DAY)
    assert notice is None
    assert not layer.is_approximate
    assert "DeepState" in layer.legend
    assert sorted(snapshot_server.requests) == [
        "/data/deepstatemap_data_20250812.geojson",
        "/data/deepstatemap_data_20250813.geojson",
    ]
    data._front_layer.clear()
    data.front_for_day(DAY)
    assert len(snapshot_server.requests) == 2, "a cached date must not be downloaded again"


def test_offline_the_app_draws_the_approximate_front_without_trying(
    snapshot_server: Server, fresh_caches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "FRONTLINE_SOURCE_URL", snapshot_server.template())
    layer, _ = data.front_for_day(DAY)
    assert layer.is_approximate
    assert "APPROXIMATE" in layer.legend.upper()
    assert snapshot_server.requests == []


def test_a_failed_download_is_said_and_the_approximate_front_shown(
    snapshot_server: Server, fresh_caches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ALLOW_FETCH", True)
    monkeypatch.setattr(settings, "FRONTLINE_SOURCE_URL", snapshot_server.template())
    day_the_server_lacks = dt.date(2024, 1, 10)
    layer, notice = data.front_for_day(day_the_server_lacks)
    assert layer.is_approximate
    assert notice is not None
    assert "404" in notice


def test_after_a_timeout_the_app_stops_trying_for_a_while(
    snapshot_server: Server, fresh_caches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ALLOW_FETCH", True)
    monkeypatch.setattr(settings, "APP_FETCH_TIMEOUT_S", 0.3)
    monkeypatch.setattr(settings, "FRONTLINE_SOURCE_URL", snapshot_server.template("slow"))
    layer, notice = data.front_for_day(DAY)
    assert layer.is_approximate
    assert notice is not None
    assert "timeout" in notice
    tried = len(snapshot_server.requests)
    assert tried >= 1
    layer, notice = data.front_for_day(DAY + dt.timedelta(days=1))  # another day, same outage
    assert len(snapshot_server.requests) == tried, "the network is not tried again at once"
    assert layer.is_approximate
    assert notice is not None


def test_a_snapshot_that_arrives_later_replaces_the_approximate_front(
    snapshot_server: Server, fresh_caches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layer, _ = data.front_for_day(DAY)  # offline: approximate
    assert layer.is_approximate
    monkeypatch.setattr(settings, "ALLOW_FETCH", True)
    monkeypatch.setattr(settings, "FRONTLINE_SOURCE_URL", snapshot_server.template())
    layer, _ = data.front_for_day(DAY)
    assert not layer.is_approximate
