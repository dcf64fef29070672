"""The dashboard's data access against the real geo layers (no Streamlit server needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard import data, maps
from geo import settings
from tests.dashboard.builders import seedlike_frames


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "CACHE_DIR", tmp_path)
    data._front_layer.clear()
    return tmp_path


def test_without_snapshots_the_front_map_draws_the_approximate_line(empty_cache: Path) -> None:
    layer, notice = data.front_for_day(dt.date(2025, 8, 14))
    assert notice is None
    assert layer.is_approximate
    html = maps.map_html(maps.build_front_map(seedlike_frames().events, front=layer))
    assert "approximate" in html.lower()
    assert '"dashArray": "10 6"' in html  # the line is drawn dashed, as an approximation


def test_outlines_come_from_the_installed_natural_earth_package() -> None:
    text = data.outlines("ukraine")
    assert text is not None
    assert '"name":"Ukraine"' in text
