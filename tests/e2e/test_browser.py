"""Real browser: headless Debian Chromium (Playwright) against ``streamlit run dashboard/app.py``.

The app serves a temporary seeds folder (``FRONTLINE_SEEDS_DIR``) holding the bundled seed
article and an article full of HTML/JS payloads. Folium's CDN assets are answered from npm
packages unpacked by ``python -m tests.e2e.assets``; every other non-loopback request is
aborted, so the map renders with no network at all. The test waits for each map, counts
markers and polygons, changes a filter and sees the counts change, saves screenshots under
``tests/e2e/artifacts/``, and proves no script from article text ran.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard import style
from tests.e2e import assets

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
STARTUP_DEADLINE_S = 90.0
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


def _fail_or_skip(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Poll ``/_stcore/health`` until it answers "ok" or the deadline passes (no fixed sleep)."""
    deadline = time.monotonic() + STARTUP_DEADLINE_S
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"streamlit exited with {process.returncode}:\n{output[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError as exc:  # not listening yet
            last_error = exc
        with contextlib.suppress(subprocess.TimeoutExpired):  # pause = "did it die?" check
            process.wait(timeout=0.25)
    pytest.fail(f"streamlit was not healthy within {STARTUP_DEADLINE_S} s ({last_error})")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    for article in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(article, folder / article.name)
    (folder / "2025-08-14_xss-test.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def server(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    env = {
        **os.environ,
        "FRONTLINE_SEEDS_DIR": str(seeds),
        "FRONTLINE_PROCESSED_DIR": str(tmp_path_factory.mktemp("processed")),
        "FRONTLINE_OFFLINE": "1",  # the app must not try the internet in tests
    }
    log_file = log.open("wb")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
            "--server.port", str(port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        log_file.close()


class Offline:
    """``page.route`` handler: loopback passes, CDN assets come from the cache, rest aborts."""

    def __init__(self) -> None:
        self.served: list[str] = []
        self.blocked: list[str] = []

    def __call__(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
            return
        local = assets.local_file(url)
        if local is not None:
            self.served.append(url)
            route.fulfill(path=str(local))
            return
        if any(pattern.fullmatch(url.split("?")[0]) for pattern in assets.EMPTY_CSS_URLS):
            self.served.append(url)
            route.fulfill(status=200, body="", content_type="text/css")
            return
        self.blocked.append(url)
        route.abort()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _fail_or_skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    if assets.missing() and shutil.which("npm"):
        try:  # test set-up: fetch the npm packages once into the cache (registry, not CDN)
            assets.fetch()
        except (OSError, subprocess.SubprocessError) as exc:
            _fail_or_skip(f"could not fetch folium's assets with npm: {exc}")
    if assets.missing():
        _fail_or_skip(
            f"CDN assets not cached: run `python -m tests.e2e.assets` ({assets.missing()})"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[tuple[Any, Offline, list[str]]]:
    context = browser.new_context(viewport={"width": 1500, "height": 1300})
    offline = Offline()
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


def _counts(tab: Any) -> dict[str, int]:
    frame = _map_frame(tab)
    return {
        "markers": frame.locator(f"path.{style.EVENT_MARKER_CLASS}").count(),
        "shapes": frame.locator(f"path.{style.SHAPE_CLASS}, path.{style.LINK_CLASS}").count(),
        "outlines": frame.locator(f"path.{style.OUTLINE_CLASS}").count(),
    }


def _wait_for_map(tab: Any) -> dict[str, int]:
    frame = _map_frame(tab)
    frame.locator(".leaflet-container").wait_for(timeout=MAP_TIMEOUT_MS)
    frame.locator(f"path.{style.EVENT_MARKER_CLASS}").first.wait_for(timeout=MAP_TIMEOUT_MS)
    return _counts(tab)


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


def test_maps_render_offline_filters_change_counts_and_article_scripts_never_run(
    page: tuple[Any, Offline, list[str]], server: str, seeds: Path
) -> None:
    tab, offline, dialogs = page
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        _scenario(tab, offline, dialogs, server, seeds)
    except BaseException:
        tab.screenshot(path=str(ARTIFACTS / "failure.png"), full_page=True)
        raise


def _scenario(tab: Any, offline: Offline, dialogs: list[str], server: str, seeds: Path) -> None:
    tab.goto(server, wait_until="domcontentloaded")

    diplomacy = _wait_for_map(tab)
    all_markers, macron_markers = _expected_markers(seeds, text="Macron")
    assert diplomacy["markers"] == all_markers
    assert diplomacy["outlines"] > 50  # offline country outlines beneath everything
    assert diplomacy["shapes"] >= 1  # lines for calls and meetings
    assert any("leaflet" in url for url in offline.served)
    assert not [url for url in offline.blocked if url.split("?")[0].endswith(".js")]
    tab.screenshot(path=str(ARTIFACTS / "diplomacy.png"), full_page=False)

    # Open every marker's popup: popups carry article text.
    frame = _map_frame(tab)
    popup_texts = []
    for index in range(diplomacy["markers"]):
        # dispatch on the path itself: overlapping markers would swallow a positional click
        frame.locator("path.fd-event").nth(index).dispatch_event("click")
        popup = frame.locator(".leaflet-popup-content").last  # the one just opened
        popup.wait_for(timeout=MAP_TIMEOUT_MS)
        popup_texts.append(popup.inner_text())
    assert any("<script>window.__xss=1" in text for text in popup_texts)  # shown as text
    assert any("{{ 7*191 }}" in text for text in popup_texts)  # not evaluated on the server
    assert not any("1337" in text for text in popup_texts)
    tab.get_by_text("Quotes", exact=True).wait_for()

    # Change a filter in the sidebar: only events mentioning Macron remain.
    search = tab.get_by_label("Search text")
    search.fill("Macron")
    search.press("Enter")
    _map_frame(tab).locator("path.fd-event").nth(macron_markers - 1).wait_for(
        timeout=MAP_TIMEOUT_MS
    )
    tab.wait_for_function(
        "n => [...document.querySelectorAll('iframe')].some(f => { try {"
        " return f.contentDocument.querySelectorAll('path.fd-event').length === n }"
        " catch (e) { return false } })",
        arg=macron_markers,
        timeout=MAP_TIMEOUT_MS,
    )
    filtered = _counts(tab)
    assert filtered["markers"] == macron_markers < all_markers
    assert "q=Macron" in tab.url

    # Payloads are visible as text in quote cards and the title, and never executed.
    body_text = tab.inner_text("body")
    assert "<script>window.__xss=1;alert(1)</script>" in body_text
    tab.screenshot(path=str(ARTIFACTS / "filtered.png"), full_page=True)

    # The eastern-front and evacuation maps render too.
    for label, name in (("Eastern front", "front"), ("Evacuation zones", "evacuation")):
        search.fill("")
        search.press("Enter")
        tab.get_by_test_id("stButtonGroup").get_by_text(label, exact=True).click()
        frame = _map_frame(tab)
        frame.locator(".fd-legend b", has_text=label).wait_for(timeout=MAP_TIMEOUT_MS)
        frame.locator(f"path.{style.OUTLINE_CLASS}").first.wait_for(
            state="attached", timeout=MAP_TIMEOUT_MS
        )
        tab.wait_for_function(
            "wanted => location.search.includes(wanted)", arg=f"view={name}",
            timeout=MAP_TIMEOUT_MS,
        )  # fmt: skip
        counts = _counts(tab)
        assert counts["outlines"] > 5  # Ukraine and its neighbours, offline
        assert counts["shapes"] >= 1  # the front line (approximate or a snapshot), or zones
        tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)

    assert _xss_flag_anywhere(tab) == [None] * len(tab.frames)
    assert dialogs == []
