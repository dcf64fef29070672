"""The eastern front in time: the day control with play, the day's change, the daily chart."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest  # noqa: TID251 - tests drive the Streamlit app

from dashboard import data, front_time, maps
from dashboard.views import front_time as front_time_view
from geo import settings
from geo.layers.front_history import ALL_OBLASTS
from tests.dashboard.builders import Ev, make_frames, seedlike_frames
from tests.loopback import Server

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
DAYS = [dt.date(2025, 8, d) for d in (12, 13, 14, 15)]


def _daily() -> pd.DataFrame:
    rows = []
    for day, gained, lost in ((DAYS[0], 7.5, 0.0), (DAYS[1], 0.0, 0.0), (DAYS[2], 12.8, 2.0)):
        rows.append(
            {
                "day": day,
                "oblast": ALL_OBLASTS,
                "iso": None,
                "gained_km2": gained,
                "lost_km2": lost,
                "net_km2": gained - lost,
                "snapshot_old": f"deepstatemap_data_{day:%Y%m%d}.geojson",
                "snapshot_new": f"deepstatemap_data_{day + dt.timedelta(1):%Y%m%d}.geojson",
            }
        )
        rows.append(
            {
                "day": day,
                "oblast": "Donetsk Oblast",
                "iso": "UA-14",
                "gained_km2": gained,
                "lost_km2": lost,
                "net_km2": gained - lost,
                "snapshot_old": "",
                "snapshot_new": "",
            }
        )
    return pd.DataFrame(rows)  # fmt: skip


def test_default_day_and_next_day() -> None:
    assert front_time.default_day(DAYS, dt.date(2025, 8, 14)) == DAYS[2]
    assert front_time.default_day(DAYS, dt.date(2025, 8, 30)) == DAYS[-1]
    assert front_time.default_day(DAYS, dt.date(2025, 8, 1)) == DAYS[0]
    assert front_time.default_day([], None) is None
    assert front_time.next_day(DAYS, DAYS[1]) == DAYS[2]
    assert front_time.next_day(DAYS, DAYS[-1]) is None


def test_the_caption_is_dated_and_names_the_snapshots() -> None:
    caption = front_time.day_caption(_daily(), DAYS[2])
    assert caption.startswith("Thu 14 Aug 2025")
    assert "+12.8 km² gained" in caption
    assert "−2.0 km² lost" in caption
    assert "deepstatemap_data_20250815.geojson" in caption
    assert "no measurement" in front_time.day_caption(_daily(), DAYS[3])


def test_chart_rows_put_losses_below_zero_and_skip_empty_days() -> None:
    rows = front_time.chart_rows(_daily())
    assert set(rows["oblast"]) == {"Donetsk Oblast"}  # totals are not drawn twice
    assert rows.loc[rows["change"] == "lost", "km2"].tolist() == [-2.0]
    assert pd.Timestamp(DAYS[1]) not in set(rows["day"])


def test_the_chart_layers_bars_and_claims_on_their_day() -> None:
    claims = pd.DataFrame({
        "day": [DAYS[0], None], "claimed_km2": [110.0, 50.0], "claim_source": ["ISW", "AFP"],
        "measured_gained_km2": [7.5, float("nan")],
        "sentence": ["<script>alert(1)</script> 110 km²", "no day"],
    })  # fmt: skip
    spec = front_time.build_change_chart(_daily(), claims).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "point"]
    points = front_time.claim_rows(claims)
    assert points["day"].tolist() == [pd.Timestamp(DAYS[0])]  # undated claims have no day
    assert points["sentence"].iloc[0].startswith("<script>")  # data, rendered as text


def test_events_on_a_day() -> None:
    frames = make_frames([Ev("call", "2025-08-13", ("A",)), Ev("call", "2025-08-14", ("B",))], [])
    assert len(front_time.events_on(frames.events, DAYS[1])) == 1


@pytest.fixture
def front_app(
    snapshot_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[dict[str, Any]]]:
    frames = seedlike_frames()
    received: list[dict[str, Any]] = []
    real = maps.build_front_map

    def recorder(events: Any, **kwargs: Any) -> Any:
        received.append({"events": events, **kwargs})
        return real(events, **kwargs)

    monkeypatch.setattr(maps, "build_front_map", recorder)
    monkeypatch.setattr(data, "load_frames", lambda: data.Loaded(frames, "fp-front-time"))
    monkeypatch.setattr(settings, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(settings, "ALLOW_FETCH", True)
    monkeypatch.setattr(settings, "FRONTLINE_SOURCE_URL", snapshot_server.template())
    monkeypatch.setattr(front_time_view, "PLAY_STEP_S", 0.0)
    caches = (front_time_view._prefetch_period, front_time_view._timeline, data._front_layer,
              data._fetch_log)  # fmt: skip
    for cache in caches:
        cache.clear()
    yield received
    for cache in caches:
        cache.clear()


def _front_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["view"] = "front"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _shown(markdown: str) -> str:
    """What Markdown shows of text escaped by :func:`dashboard.literal.literal`."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("  \n", "\n").replace("\u2060", "")


def _days_of(events: Any) -> set[dt.date]:
    return {pd.Timestamp(d).date() for d in events["date"]}


def test_the_day_control_steps_through_fetched_snapshots_with_the_days_events(
    front_app: list[dict[str, Any]], snapshot_server: Server
) -> None:
    at = _front_app()
    slider = at.select_slider(key=front_time_view.KEY_DAY)
    assert slider.value == DAYS[-1]  # the corpus's last day
    assert len(slider.options) == len(DAYS)
    assert all(r.startswith("/data/") for r in snapshot_server.requests)
    assert _days_of(front_app[-1]["events"]) == {DAYS[-1]}

    slider.set_value(DAYS[0]).run()
    assert not at.exception
    assert _days_of(front_app[-1]["events"]) == {DAYS[0]}  # the Pokrovsk advance
    captions = [_shown(c.value) for c in at.caption]  # captions go through literal()
    assert any(c.startswith("Tue 12 Aug 2025: +") and "km² gained" in c for c in captions)
    charts = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert any("claimed_km2" in spec for spec in charts)  # the daily chart with the claims
    requests = len(snapshot_server.requests)
    slider.set_value(DAYS[1]).run()
    assert len(snapshot_server.requests) == requests  # fetched once, never again


def test_play_advances_day_by_day_to_the_last(front_app: list[dict[str, Any]]) -> None:
    at = _front_app()
    at.select_slider(key=front_time_view.KEY_DAY).set_value(DAYS[0]).run()
    at.button(key=front_time_view.KEY_PLAY_BUTTON).click().run()
    assert not at.exception
    shown = [_days_of(call["events"]) for call in front_app]
    assert shown[-len(DAYS) :] == [{d} for d in DAYS]  # each day drawn once, in order
    assert at.select_slider(key=front_time_view.KEY_DAY).value == DAYS[-1]
    assert not at.session_state[front_time_view.KEY_PLAY]
