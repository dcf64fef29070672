"""Real browser: headless Debian Chromium (Playwright) against ``streamlit run dashboard/app.py``.

The app serves a temporary seeds folder (``FRONTLINE_SEEDS_DIR``) holding the bundled seed
article and an article full of HTML/JS payloads. Every request that does not go to the app's
own server is aborted (``page.route``) and no other host name even resolves (Chromium's
resolver rules), so the maps must render from the files the app serves itself
(``/app/static/vendor/…``, copied from XStatic packages). The test waits for each map,
checks its size, panes, outlines, labels (never overlapping) and legend (never over the zoom
buttons), changes a filter and sees the markers change, saves screenshots under
``tests/e2e/artifacts/``, and proves no script from article text ran. Two more tests check
that the vendor files are cached by the browser across reruns, and the phone layout.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard import style
from tests.e2e.conftest import RequestLog, fail_or_skip, running_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    # Belt and braces beside page.route: no host name but the loopback address resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]  # fmt: skip
MAP_TIMEOUT_MS = 90_000
PAYLOAD = "<script>window.__xss=1;alert(1)</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__xss=1;alert(1)">'
LINK_PAYLOAD = '<a href="javascript:window.__xss=1;alert(1)">les mer</a>'
XSS_ARTICLE = f"""---
published: 2025-08-14
lang: nb
title: "Test {PAYLOAD} {LINK_PAYLOAD}"
---
Frankrikes president Emmanuel Macron snakket onsdag med Zelenskyj på telefon fra Paris \
{PAYLOAD} {{{{ 7*191 }}}}.
– Dette er en test {PAYLOAD} {IMG_PAYLOAD} {LINK_PAYLOAD} {{{{ 7*191 }}}} av sikkerheten, sa Macron.
Macron sa at «{IMG_PAYLOAD} [klikk](javascript:window.__xss=1)» var en test.
"""


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    for article in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(article, folder / article.name)
    (folder / "2025-08-14_xss-test.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def server(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(seeds, tmp_path_factory.mktemp("streamlit")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        fail_or_skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[tuple[Any, RequestLog, list[str]]]:
    context = browser.new_context(viewport={"width": 1500, "height": 1300})
    offline = RequestLog(server)
    context.route("**/*", offline)
    dialogs: list[str] = []
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        yield tab, offline, dialogs
    finally:
        context.close()


def _map_frame(tab: Any) -> Any:
    """The streamlit-folium iframe's locator (the map is drawn inside it)."""
    return tab.frame_locator("iframe[title*='st_folium']").first


def _frame(tab: Any) -> Any:
    """The streamlit-folium frame itself (for ``evaluate``)."""
    for frame in tab.frames:
        if "streamlit_folium" in frame.url:
            return frame
    pytest.fail(f"no map frame among {[f.url for f in tab.frames]}")


_MAP_STATE = """() => {
    const rect = (el) => { const r = el.getBoundingClientRect();
        return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, w: r.width, h: r.height}; };
    const container = document.querySelector('.leaflet-container');
    const labels = [...document.querySelectorAll('.fd-label')]
        .filter(el => el.style.display !== 'none').map(el => rect(el.firstChild));
    const legend = document.querySelector('.fd-legend-box');
    const zoom = document.querySelector('.leaflet-control-zoom');
    const clusters = [...document.querySelectorAll('.fd-cluster-count')]
        .reduce((n, el) => n + Number(el.textContent), 0);
    return {
        size: container ? rect(container) : null,
        markers: Object.keys(window.fdMarkers || {}).length,
        drawn: document.querySelectorAll('.fd-event').length + clusters,
        outlines: document.querySelectorAll('path.fd-outline').length,
        shapes: document.querySelectorAll('path.fd-shape, path.fd-link').length,
        labels: labels,
        label_texts: [...document.querySelectorAll('.fd-label')]
            .filter(el => el.style.display !== 'none').map(el => el.textContent),
        legend: legend ? rect(legend) : null,
        legend_text: legend ? legend.innerText : '',
        legend_open: legend ? legend.querySelector('details').open : null,
        zoom: zoom ? rect(zoom) : null,
        panes: document.querySelectorAll('.leaflet-pane').length,
    };
}"""

_POPUPS = """() => {
    const texts = [];
    for (const marker of Object.values(window.fdMarkers || {})) {
        const html = marker.getPopup().getContent();
        const box = document.createElement('div');
        box.className = 'leaflet-popup-content';
        box.innerHTML = html;  // what the popup shows (the same string Leaflet inserts)
        document.body.appendChild(box);
        texts.push(box.innerText);
        box.remove();
    }
    return texts;
}"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x0"] < b["x1"] - 1
        and b["x0"] < a["x1"] - 1
        and a["y0"] < b["y1"] - 1
        and (b["y0"] < a["y1"] - 1)
    )


def _state(tab: Any) -> dict[str, Any]:
    return dict(_frame(tab).evaluate(_MAP_STATE))


def _wait_for_map(tab: Any, *, legend: str) -> dict[str, Any]:
    frame = _map_frame(tab)
    frame.locator(".fd-legend b", has_text=legend).wait_for(timeout=MAP_TIMEOUT_MS)
    frame.locator(f"path.{style.OUTLINE_CLASS}").first.wait_for(
        state="attached", timeout=MAP_TIMEOUT_MS
    )
    return _state(tab)


def _assert_readable(state: dict[str, Any]) -> None:
    """The map has a size, panes, outlines; labels never overlap; the legend spares zoom."""
    assert state["size"]["w"] > 300
    assert state["size"]["h"] > 300
    assert state["panes"] >= 5  # Leaflet's map, tile, overlay, marker, popup… panes
    assert state["outlines"] > 5
    assert state["labels"], "no place name shown on the map"
    for i, first in enumerate(state["labels"]):
        for second in state["labels"][i + 1 :]:
            assert not _overlap(first, second), (first, second, state["label_texts"])
    assert state["legend"] is not None
    assert not _overlap(state["legend"], state["zoom"])
    for label in state["labels"]:  # no name half hidden under the legend or the zoom buttons
        assert not _overlap(label, state["legend"]), (label, state["label_texts"])
        assert not _overlap(label, state["zoom"]), (label, state["label_texts"])
    for leak in ("/work", "/srv", "data/cache", "site-packages", "TODO", ".py"):
        assert leak not in state["legend_text"]


def _xss_flag_anywhere(tab: Any) -> list[Any]:
    return [frame.evaluate("() => window.__xss === undefined ? null : window.__xss")
            for frame in tab.frames]  # fmt: skip


def _expected_markers(seeds: Path, text: str = "") -> tuple[int, int]:
    """Located diplomatic events without and with the text filter, computed from the corpus."""
    from dashboard import maps, style
    from dashboard.filters import Filters, apply_filters
    from geo.corpus import load_corpus

    frames = load_corpus(seeds_dir=seeds, processed_dir=seeds.parent / "processed-expected")

    def located(filters: Filters) -> int:
        view = apply_filters(frames, filters)
        events = maps.place_at_capitals(view.events, view.actors)
        return sum(
            1
            for kind, geometry in zip(events["type"], events.geometry, strict=True)
            if style.map_group(str(kind)) == "diplomacy" and geometry is not None
            and not geometry.is_empty
        )  # fmt: skip

    return located(Filters()), located(Filters(text=text))


def test_maps_render_with_every_outside_request_aborted_and_article_scripts_never_run(
    page: tuple[Any, RequestLog, list[str]], server: str, seeds: Path
) -> None:
    tab, offline, dialogs = page
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        _scenario(tab, offline, dialogs, server, seeds)
    except BaseException:
        tab.screenshot(path=str(ARTIFACTS / "failure.png"), full_page=True)
        raise


def _scenario(tab: Any, offline: RequestLog, dialogs: list[str], server: str, seeds: Path) -> None:
    tab.goto(server, wait_until="domcontentloaded")

    diplomacy = _wait_for_map(tab, legend="Diplomacy")
    all_markers, macron_markers = _expected_markers(seeds, text="Macron")
    assert diplomacy["markers"] == all_markers
    assert diplomacy["drawn"] == all_markers  # every marker is on screen, alone or counted
    assert diplomacy["outlines"] > 50  # offline country outlines beneath everything
    assert diplomacy["shapes"] >= 1  # lines for calls and meetings
    _assert_readable(diplomacy)
    assert any(text.startswith("Anchorage") or "Elmendorf" in text
               for text in diplomacy["label_texts"])  # fmt: skip
    assert any("/app/static/vendor/leaflet-" in url for url in offline.app)
    assert offline.other == []  # nothing outside the app was even asked for
    tab.screenshot(path=str(ARTIFACTS / "diplomacy.png"), full_page=False)

    # Every marker's popup carries article text: shown as text, never run.
    popup_texts = _frame(tab).evaluate(_POPUPS)
    assert len(popup_texts) == all_markers
    assert any("<script>window.__xss=1" in text for text in popup_texts)  # shown as text
    assert any("{{ 7*191 }}" in text for text in popup_texts)  # not evaluated on the server
    assert not any("1337" in text for text in popup_texts)
    assert all("Source" in text for text in popup_texts)
    tab.get_by_text("Quotes", exact=True).wait_for()

    # Change a filter in the sidebar: only events mentioning Macron remain.
    search = tab.get_by_label("Search text")
    search.fill("Macron")
    search.press("Enter")
    tab.wait_for_function(
        "n => [...document.querySelectorAll('iframe')].some(f => { try {"
        " return Object.keys(f.contentWindow.fdMarkers || {}).length === n"
        " && f.contentDocument.querySelector('.fd-legend') } catch (e) { return false } })",
        arg=macron_markers,
        timeout=MAP_TIMEOUT_MS,
    )
    assert _state(tab)["markers"] == macron_markers < all_markers
    assert "q=Macron" in tab.url

    # Payloads are visible as text in quote cards and the title, and never executed.
    body_text = tab.inner_text("body")
    assert "<script>window.__xss=1;alert(1)</script>" in body_text
    tab.screenshot(path=str(ARTIFACTS / "filtered.png"), full_page=True)

    # The eastern-front and evacuation maps render too, with their own labels.
    wanted_labels = {"front": ("Kramatorsk", "Pokrovsk"), "evacuation": ("hromada",)}
    for label, name in (("Eastern front", "front"), ("Evacuation zones", "evacuation")):
        search.fill("")
        search.press("Enter")
        tab.get_by_test_id("stButtonGroup").get_by_text(label, exact=True).click()
        counts = _wait_for_map(tab, legend=label)
        tab.wait_for_function(
            "wanted => location.search.includes(wanted)", arg=f"view={name}",
            timeout=MAP_TIMEOUT_MS,
        )  # fmt: skip
        counts = _state(tab)
        _assert_readable(counts)
        assert counts["shapes"] >= 1  # the front line (approximate or a snapshot), or zones
        shown = " ".join(counts["label_texts"])
        for word in wanted_labels[name]:
            assert word in shown, (word, counts["label_texts"])
        tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)

    assert offline.other == []
    assert _xss_flag_anywhere(tab) == [None] * len(tab.frames)
    assert dialogs == []


def test_leaflet_is_fetched_once_and_then_served_from_the_browser_cache(
    browser: Any, server: str
) -> None:
    """No page.route here (routing turns Chromium's cache off); the resolver rules block
    every other host. Reruns and map switches must not fetch the vendor files again."""
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    fetched: list[tuple[str, str, int, bool]] = []  # request id, URL, status, from disk cache
    served_from_memory: set[str] = set()
    received: dict[str, int] = {}  # request id -> bytes that came over the wire

    def on_response(event: dict[str, Any]) -> None:
        response = event["response"]
        if "/app/static/vendor/" in response["url"]:
            cached = bool(response.get("fromDiskCache") or response.get("fromPrefetchCache"))
            fetched.append((event["requestId"], response["url"], int(response["status"]), cached))

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.requestServedFromCache", lambda e: served_from_memory.add(e["requestId"]))
    cdp.on(
        "Network.loadingFinished",
        lambda e: received.__setitem__(e["requestId"], int(e.get("encodedDataLength", 0))),
    )

    def from_network() -> list[tuple[str, int]]:
        return [
            (url, status)
            for request, url, status, cached in fetched
            if not cached and request not in served_from_memory and received.get(request, 1) > 0
        ]

    try:
        tab.goto(server, wait_until="domcontentloaded")
        _wait_for_map(tab, legend="Diplomacy")
        first = [url for url, status in from_network() if status == 200]
        assert any(url.endswith("/leaflet.js") for url in first)
        headers = tab.request.get(next(u for u in first if u.endswith("/leaflet.js"))).headers
        assert "last-modified" in headers
        assert headers["content-type"].startswith(("text/javascript", "application/javascript"))
        fetched.clear()
        for label in ("Eastern front", "Evacuation zones", "Diplomacy"):  # new frames, reruns
            tab.get_by_test_id("stButtonGroup").get_by_text(label, exact=True).click()
            _wait_for_map(tab, legend=label)
        assert len(fetched) > 0  # the new frames did load the files…
        assert from_network() == []  # …from the cache: neither downloaded nor revalidated
    finally:
        context.close()


def test_a_phone_shows_the_map_first_and_it_fits(browser: Any, server: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    try:
        tab.goto(server, wait_until="domcontentloaded")
        state = _wait_for_map(tab, legend="Diplomacy")
        frame_box = tab.locator("iframe[title*='st_folium']").first.bounding_box()
        assert frame_box is not None
        assert frame_box["y"] < 844 / 3  # the map starts high on the first screen …
        assert frame_box["y"] + frame_box["height"] <= 844  # … and fits on it whole
        timeline = tab.get_by_role("heading", name="Timeline").first.bounding_box()
        assert timeline is not None
        assert frame_box["y"] < timeline["y"]
        assert frame_box["width"] <= 390
        assert tab.evaluate("() => document.documentElement.scrollWidth") <= 390
        assert state["legend_open"] is False  # folded on a phone, one tap opens it
        assert not _overlap(state["legend"], state["zoom"])
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / "phone.png"), full_page=False)
    finally:
        context.close()


def _idle(tab: Any) -> None:
    """Wait until Streamlit has finished its rerun (its status widget is gone)."""
    tab.wait_for_timeout(300)
    tab.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=MAP_TIMEOUT_MS)


_CLICK_MARKER = """id => { const m = window.fdMarkers[id];
    m.fire('click', {latlng: m.getLatLng()}, true);  // as a real click: bubbles to the group
}"""
_TOOLTIP_TEXT = """id => { const box = document.createElement('span');
    box.innerHTML = window.fdMarkers[id].getTooltip().getContent();
    box.lastChild.remove();  // the hidden fd-ref
    return box.textContent.trim(); }"""
_MARK_OLD = """() => { document.querySelector('.leaflet-container').dataset.fdOld = '1'; }"""
_NEW_MAP_WITH_POPUP = """() => [...document.querySelectorAll('iframe')].some(f => { try {
    const c = f.contentDocument.querySelector('.leaflet-container');
    return c && !c.dataset.fdOld && !!f.contentDocument.querySelector('.leaflet-popup-content');
    } catch (e) { return false; } })"""
_OPEN_POPUP = """() => { const p = document.querySelector('.leaflet-popup-content');
    return p ? p.innerText : null; }"""


def test_the_story_and_the_map_are_linked_both_ways(
    page: tuple[Any, RequestLog, list[str]], server: str
) -> None:
    tab, offline, _ = page
    tab.goto(server, wait_until="domcontentloaded")
    _wait_for_map(tab, legend="Diplomacy")
    ids = _frame(tab).evaluate("() => Object.keys(window.fdMarkers)")
    assert len(ids) >= 2
    # A click on a marker opens that event's card in the story.
    _frame(tab).evaluate(_CLICK_MARKER, ids[0])
    chosen = tab.locator(f"article.fd-story-chosen[data-event='{ids[0]}']")
    chosen.wait_for(timeout=MAP_TIMEOUT_MS)
    assert tab.locator("article.fd-story-chosen").count() == 1
    assert "shown on the map" in chosen.inner_text()
    # Choosing another event in the story opens its popup on the map (a new map is drawn).
    _idle(tab)
    label = _frame(tab).evaluate(_TOOLTIP_TEXT, ids[1])  # "date · type · actors", as listed
    _frame(tab).evaluate(_MARK_OLD)
    tab.get_by_label("Show an event on the map").click()
    tab.keyboard.type(label)
    tab.keyboard.press("Enter")
    tab.wait_for_function(_NEW_MAP_WITH_POPUP, timeout=MAP_TIMEOUT_MS)
    popup = _frame(tab).evaluate(_OPEN_POPUP)
    assert popup is not None
    assert label.split(" · ")[0] in popup  # its date
    assert label.split(" · ")[1] in popup  # its kind
    assert offline.other == []
