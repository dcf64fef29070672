"""The diplomacy timeline as an Altair chart spec (pure: no Streamlit).

One lane per actor (an event with three actors appears in three lanes) or per event type.
A point selection named :data:`SELECTION` on ``event_id`` lets the view show the selected
event's details and source sentence. Tooltip values are plain text: Streamlit renders them
with vega-tooltip, whose default ``sanitize`` escapes HTML.
"""

from __future__ import annotations

from typing import Final, Literal

import altair as alt
import geopandas as gpd
import pandas as pd

from dashboard import markup, style

__all__ = [
    "LANES",
    "SELECTION",
    "build_timeline",
    "event_labels",
    "story_order",
    "timeline_rows",
]

SELECTION: Final = "pick"
LANES: Final = ("actor", "type")
_SENTENCE_CHARS: Final = 140


def timeline_rows(events: gpd.GeoDataFrame, lane: Literal["actor", "type"]) -> pd.DataFrame:
    """Return one row per (event, lane) with a known date: what the chart plots.

    Events without a date cannot be placed in time and are left out; events without actors
    go to the lane "(no actor)" when lanes are actors.
    """
    columns = ["event_id", "date", "lane", "type", "type_label", "actors", "sentence", "colour"]
    dated = events[pd.to_datetime(events["date"]).notna()] if not events.empty else events
    rows: list[dict[str, object]] = []
    for row in dated.to_dict("records"):
        names = [*markup.join_names(row.get("actors")).split(", ")]
        names = [n for n in names if n]
        lanes = (names or ["(no actor)"]) if lane == "actor" else [str(row.get("type_label"))]
        sentence = str(row.get("sentence") or "")
        if len(sentence) > _SENTENCE_CHARS:
            sentence = sentence[: _SENTENCE_CHARS - 1] + "…"
        for name in lanes:
            rows.append(
                {
                    "event_id": row["event_id"],
                    "date": pd.Timestamp(row["date"]),
                    "lane": name,
                    "type": str(row.get("type")),
                    "type_label": str(row.get("type_label") or row.get("type")),
                    "actors": markup.join_names(row.get("actors")),
                    "sentence": sentence,
                    "colour": style.event_colour(str(row.get("type"))),
                }
            )
    return pd.DataFrame(rows, columns=columns)


def build_timeline(
    events: gpd.GeoDataFrame, *, lane: Literal["actor", "type"] = "actor"
) -> alt.Chart:
    """Build the timeline: date on x, one lane per actor or type on y, coloured by type."""
    data = timeline_rows(events, lane)
    pick = alt.selection_point(name=SELECTION, fields=["event_id"], on="click")
    colour_scale = alt.Scale(
        domain=sorted(set(data["type_label"])),
        range=[
            data.loc[data["type_label"] == label, "colour"].iloc[0]
            for label in sorted(set(data["type_label"]))
        ],
    )
    lanes = max(1, data["lane"].nunique())
    return (
        alt.Chart(data)
        .mark_circle(size=160, opacity=0.9, stroke="#222", strokeWidth=0.5)
        .encode(
            x=alt.X(
                "yearmonthdate(date):T",
                title="Date",
                axis=alt.Axis(format="%d %b %Y", labelAngle=0),
                scale=alt.Scale(padding=24),
            ),
            y=alt.Y("lane:N", title=None, sort="ascending", axis=alt.Axis(labelLimit=0)),
            color=alt.Color(
                "type_label:N",
                title="Event type",
                scale=colour_scale,
                legend=alt.Legend(labelLimit=0, orient="bottom", columns=2),
            ),
            opacity=alt.condition(pick, alt.value(0.95), alt.value(0.35)),
            tooltip=[
                alt.Tooltip("date:T", title="Date", format="%Y-%m-%d"),
                alt.Tooltip("type_label:N", title="Type"),
                alt.Tooltip("actors:N", title="Actors"),
                alt.Tooltip("sentence:N", title="Sentence"),
            ],
        )
        .add_params(pick)
        .properties(height=min(60 + 34 * lanes, 520), width="container")
    )


def story_order(events: gpd.GeoDataFrame, limit: int | None = None) -> gpd.GeoDataFrame:
    """Return events in story order: by day (oldest first), then undated ones.

    With ``limit``, keep the newest ``limit`` dated events (and every undated one up to the
    same limit), still oldest first: a long corpus shows its latest chapter.
    """
    if events.empty:
        return events
    stamps = pd.to_datetime(events["date"])
    dated = events[stamps.notna()].assign(_day=stamps[stamps.notna()])
    dated = dated.sort_values(["_day", "event_id"], kind="stable").drop(columns="_day")
    undated = events[stamps.isna()]
    if limit is not None:
        dated, undated = dated.tail(limit), undated.head(limit)
    return pd.concat([dated, undated])


def event_labels(events: gpd.GeoDataFrame, limit: int = 300) -> dict[str, str]:
    """Return ``{event_id: "date · type · actors"}`` (plain text) for the newest events.

    Feeds the "Event details" picker beside the chart; plain text because a select box
    shows text, never HTML.
    """
    if events.empty:
        return {}
    order = pd.to_datetime(events["date"]).sort_values(ascending=False, na_position="last")
    newest = events.loc[order.index[:limit]]
    labels: dict[str, str] = {}
    columns = zip(
        newest["event_id"], newest["date"], newest["date_precision"], newest["type_label"],
        newest["actors"], strict=True,
    )  # fmt: skip
    for event_id, date, precision, label, actors in columns:
        parts = [markup.format_date(date, precision), str(label)]
        names = markup.join_names(actors)
        if names:
            parts.append(names)
        labels[str(event_id)] = " · ".join(parts)
    return labels
