from __future__ import annotations

from dashboard import charts
from tests.dashboard.builders import Ev, make_events, seedlike_frames


def test_actor_lanes_repeat_an_event_once_per_actor_and_drop_undated_events() -> None:
    events = make_events(
        [
            Ev("meeting", "2025-08-15", ("Donald Trump", "Vladimir Putin")),
            Ev("statement", None, ("Keir Starmer",)),
            Ev("military_advance", "2025-08-12"),
        ]
    )
    rows = charts.timeline_rows(events, "actor")
    assert sorted(rows["lane"]) == ["(no actor)", "Donald Trump", "Vladimir Putin"]
    assert rows["event_id"].nunique() == 2


def test_type_lanes_use_type_labels() -> None:
    rows = charts.timeline_rows(seedlike_frames().events, "type")
    assert set(rows["lane"]) == {
        "Meeting", "Call", "Statement", "Threat", "Military advance", "Evacuation order",
    }  # fmt: skip


def test_timeline_spec_has_a_click_selection_on_event_id_and_the_sentence_in_tooltips() -> None:
    spec = charts.build_timeline(seedlike_frames().events).to_dict()
    params = spec["params"]
    assert params[0]["name"] == charts.SELECTION
    assert params[0]["select"]["fields"] == ["event_id"]
    tooltip_fields = [t["field"] for t in spec["encoding"]["tooltip"]]
    assert "sentence" in tooltip_fields
    assert spec["encoding"]["x"]["field"] == "date"
    assert spec["encoding"]["x"]["timeUnit"] == "yearmonthdate"  # day ticks, not hours


def test_timeline_of_no_events_is_an_empty_chart_not_an_error() -> None:
    events = make_events([])
    assert charts.timeline_rows(events, "actor").empty
    charts.build_timeline(events).to_dict()


def test_event_labels_are_plain_text_for_the_newest_events() -> None:
    events = make_events(
        [Ev("statement", f"2025-08-{day:02d}", ("Emmanuel Macron",)) for day in (10, 14, 12)]
    )
    labels = charts.event_labels(events, limit=2)
    assert list(labels.values()) == [
        "2025-08-14 · Statement · Emmanuel Macron",
        "2025-08-12 · Statement · Emmanuel Macron",
    ]


def test_lane_and_legend_labels_are_never_cut_off() -> None:
    long_name = "Military advance / territorial change in the east"
    events = make_events(
        [Ev("military_advance", "2025-08-12", ("A very long organisation name indeed",))]
    ).assign(type_label=long_name)
    spec = charts.build_timeline(events).to_dict()
    assert spec["encoding"]["y"]["axis"]["labelLimit"] == 0  # Vega's default cuts at 180 px
    assert spec["encoding"]["color"]["legend"]["labelLimit"] == 0
