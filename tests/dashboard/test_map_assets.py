"""The maps load every script and stylesheet from the app's own static folder, never a CDN."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import pytest

from dashboard import maps, style
from dashboard.maps import assets
from tests.dashboard.builders import make_front, make_zones, seedlike_frames


def _all_maps() -> list[str]:
    frames = seedlike_frames()
    venue = type("Venue", (), {"name": "Venue", "lat": 61.25, "lon": -149.8})()
    return [
        maps.map_html(maps.build_diplomacy_map(frames.events, frames.actors, venue=venue)),
        maps.map_html(maps.build_front_map(frames.events, front=make_front(1, 1))),
        maps.map_html(maps.build_evacuation_map(make_zones(2), frames.events)),
    ]


@pytest.mark.parametrize("index", [0, 1, 2], ids=["diplomacy", "front", "evacuation"])
def test_every_map_links_only_to_the_apps_own_files(index: int) -> None:
    html = _all_maps()[index]
    links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert links, "a map without Leaflet cannot draw"
    assert all(link.startswith(assets.STATIC_URL + "/vendor/") for link in links), links
    assert "cdn." not in html
    assert "code.jquery.com" not in html
    assert any(link.endswith("/leaflet.js") for link in links)


def test_a_cdn_file_with_no_local_copy_is_an_error_not_a_silent_cdn() -> None:
    fmap = folium.Map(tiles=None)
    child = folium.Element("x")
    child.default_js = [("mystery", "https://cdn.example.org/mystery.js")]
    fmap.add_child(child)
    with pytest.raises(assets.AssetError, match=r"mystery\.js"):
        assets.localize(fmap)


def test_install_copies_the_packaged_files_with_a_fixed_old_mtime(tmp_path: Path) -> None:
    written = assets.install(tmp_path)
    leaflet = tmp_path / "vendor" / assets.BUNDLES["leaflet"].folder / "leaflet.js"
    assert leaflet in written
    assert leaflet.read_bytes() == (assets.BUNDLES["leaflet"].base_dir / "leaflet.js").read_bytes()
    assert int(leaflet.stat().st_mtime) == assets.LAST_MODIFIED
    assert (leaflet.parent / "images" / "layers.png").is_file()
    assert assets.install(tmp_path) == []  # a second start copies nothing
    for _name, url in assets.map_js() + assets.map_css():
        relative = url.removeprefix(assets.STATIC_URL + "/")
        assert (tmp_path / relative).is_file(), url


def test_event_types_have_distinct_symbols_never_the_front_lines_colour() -> None:
    symbols = {symbol for _, symbol in style.SYMBOLS}
    colours = [colour for colour, _, _ in symbols]
    glyphs = [glyph for _, glyph, _ in symbols]
    assert len(set(colours)) == len(symbols) == len(set(glyphs))
    front = {style.OCCUPIED_COLOUR.lower(), style.ADVANCE_COLOUR.lower(), style.ZONE_COLOUR.lower()}
    assert not front & {c.lower() for c in colours}


def test_the_legend_lists_exactly_the_event_symbols_drawn() -> None:
    frames = seedlike_frames()
    html = maps.map_html(maps.build_diplomacy_map(frames.events, frames.actors))
    legend_part = html[html.index("fd-legend") :]
    for kind in frames.events["type"]:
        if style.map_group(str(kind)) == "diplomacy":
            assert style.event_symbol(str(kind))[2] in legend_part
    assert "Advance / territory claim" not in legend_part  # not on this map


def test_front_map_labels_front_towns_and_oblasts_and_dates_the_advances() -> None:
    html = maps.map_html(maps.build_front_map(seedlike_frames().events, front=make_front(1, 2)))
    for town in ("Kramatorsk", "Pokrovsk", "Dobropillia", "Kostyantynivka"):
        assert town in html
    assert "Donetsk oblast" in html
    assert "+10.0 km² · 12 Aug 2025" in html
    assert "Rutchenkivskyi" not in html  # a district of Donetsk, not a town of its own


def test_evacuation_map_labels_settlements_and_hromadas() -> None:
    html = maps.map_html(maps.build_evacuation_map(make_zones(2), seedlike_frames().events))
    assert "Settlement 0" in html
    assert "Settlement 1" in html
    assert "Druzhkivka hromada" in html


def test_legend_notes_never_show_server_paths() -> None:
    front = make_front(1, 0)
    front.legend = "APPROXIMATE front; no snapshot for 2025-08-15 in /srv/app/data/cache/frontline"
    html = maps.map_html(maps.build_front_map(seedlike_frames().events, front=front))
    assert "/srv/app" not in html
    assert "no snapshot for 2025-08-15 cached" in html
