"""The front in time, pure (no Streamlit): the day control's choices, a day's summary, the chart.

The eastern-front view lets the reader step (or play) through the days whose change the
DeepStateMap snapshots measure (:func:`geo.layers.front_history.daily_changes`); for the
chosen day it draws that day's front and gains, lists gains and losses per oblast, and puts
the day's article events on top. The chart shows daily gained (up) and lost (down) km² per
oblast, with every area claim found in the corpus as a diamond on its day, beside the bar
that measures it. Text reaches the chart only as data values: Vega renders them as text and
its tooltips escape HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import altair as alt
import geopandas as gpd
import pandas as pd

from geo.layers.front_history import ALL_OBLASTS

__all__ = [
    "CLAIM_MARK",
    "build_change_chart",
    "chart_rows",
    "claim_rows",
    "day_caption",
    "day_table",
    "default_day",
    "events_on",
    "next_day",
]

CLAIM_MARK: Final = "diamond"
_SENTENCE_CHARS: Final = 160


def default_day(days: Sequence[dt.date], wanted: dt.date | None) -> dt.date | None:
    """Return ``wanted`` if measured, else the latest measured day before it, else the last."""
    if not days:
        return None
    if wanted is None:
        return days[-1]
    earlier = [d for d in days if d <= wanted]
    return earlier[-1] if earlier else days[0]


def next_day(days: Sequence[dt.date], current: dt.date) -> dt.date | None:
    """Return the day after ``current`` in ``days`` (the play button's step), or ``None``."""
    later = [d for d in days if d > current]
    return later[0] if later else None


def events_on(events: gpd.GeoDataFrame, day: dt.date) -> gpd.GeoDataFrame:
    """Return the events dated ``day`` (events without a date are never on a day)."""
    if events.empty:
        return events
    dates = pd.to_datetime(events["date"], errors="coerce").dt.date
    return events[dates == day]


def day_table(daily: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Return the day's gains and losses per oblast (km²), largest change first."""
    rows = daily[(daily["day"] == day) & (daily["oblast"] != ALL_OBLASTS)]
    rows = rows.assign(change=rows["gained_km2"] + rows["lost_km2"])
    shown = rows.sort_values("change", ascending=False)
    return shown[["oblast", "gained_km2", "lost_km2", "net_km2"]].reset_index(drop=True)


def day_caption(daily: pd.DataFrame, day: dt.date) -> str:
    """Return the dated one-line summary of a day's change, naming the snapshots measured."""
    total = daily[(daily["day"] == day) & (daily["oblast"] == ALL_OBLASTS)]
    if total.empty:
        return f"{day:%a %d %b %Y}: no measurement (a snapshot is missing)."
    row = total.iloc[0]
    return (
        f"{day:%a %d %b %Y}: +{row['gained_km2']:.1f} km² gained, "
        f"−{row['lost_km2']:.1f} km² lost by the occupied area "
        f"(DeepStateMap, {row['snapshot_old']} → {row['snapshot_new']})."
    )


def chart_rows(daily: pd.DataFrame) -> pd.DataFrame:
    """Return one bar per (day, oblast, change): gains positive, losses negative, km²."""
    per_oblast = daily[daily["oblast"] != ALL_OBLASTS]
    if per_oblast.empty:  # no oblast outlines: the totals stand in
        per_oblast = daily
    gains = per_oblast.assign(change="gained", km2=per_oblast["gained_km2"])
    losses = per_oblast.assign(change="lost", km2=-per_oblast["lost_km2"])
    both = pd.concat([gains, losses], ignore_index=True)
    both = both[both["km2"].abs() > 0.0005]
    out = both[["day", "oblast", "change", "km2"]].copy()
    out["day"] = pd.to_datetime(out["day"])
    return out.reset_index(drop=True)


def claim_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """Return one point per dated claim: day, claimed km², who claims it, measured, sentence."""
    columns = ["day", "claimed_km2", "claim_source", "measured_gained_km2", "sentence"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    dated = claims[claims["day"].notna()].copy()
    dated["day"] = pd.to_datetime(dated["day"])
    dated["sentence"] = [
        s if len(s) <= _SENTENCE_CHARS else s[: _SENTENCE_CHARS - 1] + "…"
        for s in dated["sentence"].fillna("").astype(str)
    ]
    return dated[columns].reset_index(drop=True)


def build_change_chart(daily: pd.DataFrame, claims: pd.DataFrame) -> alt.LayerChart:
    """Daily gained/lost km² per oblast (bars) with the corpus's area claims (diamonds)."""
    bars = (
        alt.Chart(chart_rows(daily))
        .mark_bar()
        .encode(
            x=alt.X("yearmonthdate(day):T", title="Day described",
                    axis=alt.Axis(format="%d %b", labelAngle=0)),
            y=alt.Y("sum(km2):Q", title="km² gained (+) / lost (−)"),
            color=alt.Color("oblast:N", title="Oblast"),
            tooltip=[
                alt.Tooltip("day:T", title="Day", format="%Y-%m-%d"),
                alt.Tooltip("oblast:N", title="Oblast"),
                alt.Tooltip("change:N", title="Change"),
                alt.Tooltip("km2:Q", title="km²", format=".1f"),
            ],
        )
    )  # fmt: skip
    points = (
        alt.Chart(claim_rows(claims))
        .mark_point(shape=CLAIM_MARK, size=140, filled=True, color="#b30000")
        .encode(
            x=alt.X("yearmonthdate(day):T"),
            y=alt.Y("claimed_km2:Q"),
            tooltip=[
                alt.Tooltip("day:T", title="Day", format="%Y-%m-%d"),
                alt.Tooltip("claimed_km2:Q", title="Claimed km²"),
                alt.Tooltip("claim_source:N", title="Claimed by"),
                alt.Tooltip("measured_gained_km2:Q", title="Measured gain km²", format=".1f"),
                alt.Tooltip("sentence:N", title="Sentence"),
            ],
        )
    )
    return alt.layer(bars, points).properties(height=280, width="container")
