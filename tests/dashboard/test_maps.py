"""Map builders rendered to HTML and counted (no browser; geopandas test_explore style)."""

from __future__ import annotations

import pytest

from dashboard import maps, style
from dashboard.basemap import country_outlines, outlines_geojson
from tests.dashboard.builders import (
    SSTI,
    XSS,
    XSS_TEMPLATE,
    Ev,
    make_frames,
    make_front,
    make_zones,
    seedlike_frames,
)


def _count(html: str, needle: str) -> int:
    return html.count(needle)


def _markers(html: str) -> int:
    """Event markers: features of the clustered events layer."""
    if "L.markerClusterGroup" not in html:
        return 0
    return _count(html, '"layer": "event"')


def _shapes(html: str) -> int:
    """Polygon and line features (front, advances, zones), not events, links or outlines."""
    return _count(html, '"layer": "shape"')


def test_diplomacy_map_draws_venue_capitals_lines_and_diplomatic_events_only() -> None:
    frames = seedlike_frames()
    venue = type("Venue", (), {"name": "JB Elmendorf–Richardson", "lat": 61.25, "lon": -149.8})()
    fmap = maps.build_diplomacy_map(
        frames.events, frames.actors, venue=venue, distances={"Kyiv": 7400.0}
    )
    html = maps.map_html(fmap)
    # meeting, call and two statements have places; the threat has none and sits at Trump's
    # capital; advance/evacuation events belong on the other maps.
    assert _markers(html) == 5
    assert _count(html, '"className": "fd-capital"') == 5  # US, RU, UA, FR, GB
    # meeting: Washington→Anchorage, Moscow→Anchorage; call: Kyiv–Washington (Trump, Vance).
    assert _count(html, '"layer": "link"') == 3
    assert _count(html, "fd-venue") == 1
    assert "7,400 km" in html


def test_diplomacy_map_follows_its_input_events() -> None:
    frames = seedlike_frames()
    only_call = frames.events[frames.events["type"] == "call"]
    html = maps.map_html(maps.build_diplomacy_map(only_call, frames.actors))
    assert _markers(html) == 1
    assert _count(html, '"layer": "link"') == 1


def test_front_map_draws_occupied_advances_front_events_and_the_legend() -> None:
    frames = seedlike_frames()
    html = maps.map_html(maps.build_front_map(frames.events, front=make_front(2, 3)))
    assert _markers(html) == 1  # the advance; diplomatic and evacuation events are elsewhere
    assert _shapes(html) == 5  # 2 occupied areas, 3 advances
    assert "Approximate front, mid-August 2025" in html


def test_front_legend_always_says_when_the_front_is_approximate() -> None:
    front = make_front(1, 0)
    front.legend = "Front line through frontline settlements"
    html = maps.map_html(maps.build_front_map(seedlike_frames().events, front=front))
    assert "APPROXIMATE front line" in html


def test_front_map_without_a_front_still_shows_events_and_says_so() -> None:
    html = maps.map_html(maps.build_front_map(seedlike_frames().events, front=None))
    assert _markers(html) == 1
    assert _shapes(html) == 0
    assert "No front line loaded." in html


def test_evacuation_map_draws_zones_with_dates_who_and_method() -> None:
    frames = seedlike_frames()
    html = maps.map_html(maps.build_evacuation_map(make_zones(3), frames.events))
    assert _markers(html) == 1
    assert _shapes(html) == 3
    assert html.count("families with children") == 3
    assert "Drawn as: buffer 3 km" in html
    assert "Who must leave" in html


@pytest.mark.parametrize(
    ("builder", "extent"),
    [
        pytest.param("diplomacy", "world", id="diplomacy"),
        pytest.param("front", "ukraine", id="front"),
        pytest.param("evacuation", "ukraine", id="evacuation"),
    ],
)
def test_every_map_draws_offline_outlines_and_no_tiles_by_default(
    builder: str, extent: str
) -> None:
    frames = seedlike_frames()
    outlines = outlines_geojson(extent)
    fmap = {
        "diplomacy": lambda: maps.build_diplomacy_map(
            frames.events, frames.actors, outlines=outlines
        ),
        "front": lambda: maps.build_front_map(frames.events, outlines=outlines),
        "evacuation": lambda: maps.build_evacuation_map(None, frames.events, outlines=outlines),
    }[builder]()
    html = maps.map_html(fmap)
    assert '"name":"Ukraine"' in html
    assert "tile.openstreetmap" not in html
    assert f'"className": "{style.OUTLINE_CLASS}"' in html


def test_tiles_are_an_optional_extra_layer_above_the_outlines() -> None:
    frames = seedlike_frames()
    html = maps.map_html(
        maps.build_front_map(frames.events, outlines=outlines_geojson("ukraine"), tiles=True)
    )
    assert "tile.openstreetmap" in html
    assert '"name":"Ukraine"' in html


def test_offline_outlines_draw_crimea_as_ukraine() -> None:
    from shapely.geometry import Point

    outlines = country_outlines("ukraine")
    simferopol = Point(34.10, 44.95)
    assert outlines[outlines.contains(simferopol)]["name"].tolist() == ["Ukraine"]


@pytest.mark.parametrize("payload", [XSS, XSS_TEMPLATE, SSTI])
def test_article_payloads_reach_no_map_unescaped(payload: str) -> None:
    frames = make_frames(
        [
            Ev("meeting", "2025-08-15", ("Donald Trump", "Vladimir Putin"), place="Anchorage",
               sentence=payload, article_title=payload),
            Ev("military_advance", "2025-08-12", (payload,), place="Pokrovsk", sentence=payload),
            Ev("evacuation_order", "2025-08-13", (), place="Druzhkivka", sentence=payload),
        ]
    )  # fmt: skip
    front = make_front(1, 1, note=payload)
    html = "".join(
        maps.map_html(m)
        for m in (
            maps.build_diplomacy_map(frames.events, frames.actors),
            maps.build_front_map(frames.events, front=front),
            maps.build_evacuation_map(make_zones(1, who=payload), frames.events, front=front),
        )
    )
    assert "window.__xss" in html or "7*191" in html  # the payload is shown…
    assert "looploop" not in html  # …no Jinja loop ran on the server,
    assert "1337" not in html  # …and no expression was evaluated (7*191),
    for raw in ("<script>window", "<img src=x", "${window.__xss"):
        assert raw not in html  # …but never as markup, a tag or a template expression,
    for json_raw in ("\\u003cscript", "\\u003cimg"):
        assert json_raw not in html  # …nor as a tag hidden in JSON GeoJSON properties


def test_events_without_a_place_sit_at_their_first_actors_capital_and_say_so() -> None:
    frames = make_frames(
        [Ev("statement", "2025-08-14", ("Emmanuel Macron",), sentence="Macron sa noe."),
         Ev("statement", "2025-08-14", ("Nobody Known",), sentence="Noen sa noe."),
         Ev("meeting", "2025-08-15", ("Donald Trump",), place="Anchorage")]
    )  # fmt: skip
    placed = maps.place_at_capitals(frames.events, frames.actors)
    macron = placed.iloc[0]
    assert (round(macron.geometry.y, 1), round(macron.geometry.x, 1)) == (48.9, 2.3)
    assert macron["place_name"] == "Paris (capital of Emmanuel Macron's country)"
    assert placed.iloc[1].geometry.is_empty  # no known country: stays off the map
    assert placed.iloc[2]["place_name"] == "Anchorage"  # a named place is kept
    assert frames.events.iloc[0].geometry.is_empty  # the input is not modified


def test_two_calls_between_the_same_capitals_make_one_line_that_counts_them() -> None:
    frames = make_frames(
        [Ev("call", "2025-08-13", ("Volodymyr Zelensky",), ("Donald Trump",), place="Kyiv",
            sentence="First call."),
         Ev("call", "2025-08-14", ("Donald Trump",), ("Volodymyr Zelensky",), place="Kyiv",
            sentence="Second call.")]
    )  # fmt: skip
    html = maps.map_html(maps.build_diplomacy_map(frames.events, frames.actors))
    assert _count(html, '"layer": "link"') == 1
    assert "2 calls · 2025-08-14" in html  # the tooltip counts them
    assert "First call." in html
    assert "Second call." in html


def test_a_map_draws_at_most_max_markers_newest_first_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(maps, "MAX_MARKERS", 2)
    frames = make_frames(
        [Ev("statement", f"2025-08-{day:02d}", ("Emmanuel Macron",), place="Paris",
            sentence=f"Dag {day}.") for day in (10, 12, 11)]
    )  # fmt: skip
    shown = maps.newest_first(frames.events, limit=2)
    assert list(shown["sentence"]) == ["Dag 12.", "Dag 11."]
    html = maps.map_html(maps.build_diplomacy_map(frames.events, frames.actors))
    assert _markers(html) == 2
    assert "Showing the newest 2 of 3 events" in html


def test_script_json_cannot_close_the_script_element_and_stays_the_same_json() -> None:
    import json

    data = {"popup": "</script><script>window.__xss=1</script>", "n": "a & b"}
    text = maps.script_json(data)
    assert "</script" not in text
    assert "<" not in text
    assert json.loads(text) == data


def test_jinja_syntax_in_article_text_is_shown_not_evaluated_anywhere_on_a_map() -> None:
    frames = make_frames(
        [Ev("meeting", "2025-08-15", ("Donald Trump", "Vladimir Putin"), place="Anchorage",
            sentence="Sum {{ 7*7 }} end", article_title="{% if true %}T{% endif %}")]
    )  # fmt: skip
    html = maps.map_html(maps.build_diplomacy_map(frames.events, frames.actors))
    assert "Sum 49 end" not in html
    assert "7*7" in html  # shown as text (escaped braces)
