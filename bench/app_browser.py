"""Seed-level figures in a real browser (headless Debian Chromium), and the screenshots.

Starts ``streamlit run dashboard/app.py`` on a copy of the bundled seeds (offline:
``FRONTLINE_OFFLINE=1``), every request beyond the app's own server aborted, and prints:

  * first map visible: from ``page.goto`` to the diplomacy map's legend and outlines drawn,
    on a warm server (one visit first), median of a few visits;
  * payload per map: the map document's HTML (``outerHTML`` of the streamlit-folium frame,
    Leaflet & co. excluded: they come from the browser cache) and the WebSocket bytes the
    page received while switching to that map;
  * rerun after a filter change: from pressing Enter in "Search text" to the map showing
    the narrowed markers, median of a few changes.

Targets (issue 10): first map <= 3 s, payload <= 500 KB per map, rerun <= 150 ms (the last
is measured server-side by ``bench/app.py``; this is the reader's wait, browser included).
Nothing is asserted. With ``--screens DIR`` it saves the screenshots it looked at: desktop
maps offline, the diplomacy map with the tiles checkbox on and tiles blocked, and a phone.

Run: ``python bench/app_browser.py [--screens /work/notes/screens]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VISITS = 3
CHANGES = ("Macron", "Putin", "Zelensk", "")
TIMEOUT_MS = 90_000
MAPS = (("Diplomacy", "Diplomacy"), ("Eastern front", "Eastern front"),
        ("Evacuation zones", "Evacuation zones"))  # fmt: skip


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    seeds = workdir / "seeds"
    seeds.mkdir()
    for article in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(article, seeds / article.name)
    port = _port()
    env = {
        **os.environ,
        "FRONTLINE_SEEDS_DIR": str(seeds),
        "FRONTLINE_PROCESSED_DIR": str(workdir / "processed"),
        "FRONTLINE_OFFLINE": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:  # noqa: S310
                if answer.read().strip() == b"ok":
                    return process, url
        except OSError:
            time.sleep(0.25)
    process.terminate()
    msg = "streamlit did not start"
    raise RuntimeError(msg)


def _offline(context: Any, url: str, *, tiles_blocked: list[str] | None = None) -> None:
    allowed = (url, url.replace("http", "ws"), "data:", "blob:", "about:")

    def route(request_route: Any) -> None:
        target = request_route.request.url
        if target.startswith(allowed):
            request_route.continue_()
            return
        if tiles_blocked is not None:
            tiles_blocked.append(target)
        request_route.abort()

    context.route("**/*", route)


def _map_frame(tab: Any) -> Any:
    return tab.frame_locator("iframe[title*='st_folium']").first


def _wait_map(tab: Any, legend: str) -> None:
    frame = _map_frame(tab)
    frame.locator(".fd-legend b", has_text=legend).wait_for(timeout=TIMEOUT_MS)
    frame.locator("path.fd-outline").first.wait_for(state="attached", timeout=TIMEOUT_MS)


def _frame_html_bytes(tab: Any) -> int:
    for frame in tab.frames:
        if "streamlit_folium" in frame.url:
            return int(frame.evaluate("() => new Blob([document.documentElement.outerHTML]).size"))
    return 0


#: Mark the map drawn now; a rerun that redraws the map makes a new, unmarked container.
_MARK_OLD = """() => { for (const f of document.querySelectorAll('iframe')) { try {
    const c = f.contentDocument.querySelector('.leaflet-container');
    if (c) { c.dataset.fdOld = '1'; } } catch (e) {} } }"""
_REDRAWN = """() => [...document.querySelectorAll('iframe')].some(f => { try {
    const c = f.contentDocument.querySelector('.leaflet-container');
    return c && !c.dataset.fdOld && f.contentDocument.querySelector('.fd-legend');
    } catch (e) { return false; } })"""


def _first_map(browser: Any, url: str) -> list[float]:
    times = []
    for _ in range(VISITS + 1):  # the first visit warms the server's caches
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        _offline(context, url)
        tab = context.new_page()
        start = time.perf_counter()
        tab.goto(url, wait_until="commit")
        _wait_map(tab, "Diplomacy")
        times.append(time.perf_counter() - start)
        context.close()
    return times[1:]


def _payloads_and_reruns(browser: Any, url: str, screens: Path | None) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: PLC0415

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    _offline(context, url)
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    received: list[int] = []
    cdp.on("Network.webSocketFrameReceived",
           lambda e: received.append(len(e["response"]["payloadData"])))  # fmt: skip
    tab.goto(url, wait_until="commit")
    _wait_map(tab, "Diplomacy")
    order = [*MAPS[1:], MAPS[0]]
    for label, legend in order:
        received.clear()
        tab.get_by_test_id("stButtonGroup").get_by_text(label, exact=True).click()
        _wait_map(tab, legend)
        tab.wait_for_timeout(500)
        html = _frame_html_bytes(tab)
        print(f"payload {label:18s}: map document {html / 1000:7.1f} kB, "
              f"WebSocket received {sum(received) / 1000:7.1f} kB")  # fmt: skip
        if screens is not None:
            slug = label.split()[0].lower()
            tab.screenshot(path=str(screens / f"offline-{slug}.png"))
    search = tab.get_by_label("Search text")
    reruns = []
    for text in CHANGES:
        tab.evaluate(_MARK_OLD)
        start = time.perf_counter()
        search.fill(text)
        search.press("Enter")
        try:
            tab.wait_for_function(_REDRAWN, timeout=30_000)
        except PlaywrightTimeout:
            print(f"  search {text!r}: no new map within 30 s (not counted)")
            continue
        reruns.append(time.perf_counter() - start)
    if not reruns:
        print("rerun after a filter change: no redraw seen")
        context.close()
        return
    print(f"rerun after a filter change (browser, Enter to the new map drawn): median "
          f"{statistics.median(reruns) * 1000:.0f} ms over {len(reruns)} "
          f"(all: {', '.join(f'{r * 1000:.0f}' for r in reruns)} ms)")  # fmt: skip
    context.close()


def _tiles_blocked(browser: Any, url: str, screens: Path) -> None:
    blocked: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    _offline(context, url, tiles_blocked=blocked)
    tab = context.new_page()
    tab.goto(url, wait_until="commit")
    _wait_map(tab, "Diplomacy")
    tab.get_by_text("Background tiles (needs internet)").click()
    tab.wait_for_timeout(3000)
    _wait_map(tab, "Diplomacy")
    tab.wait_for_timeout(1500)
    tab.screenshot(path=str(screens / "tiles-blocked-diplomacy.png"))
    print(f"tiles on, blocked: {len(blocked)} outside requests aborted "
          f"(e.g. {blocked[0] if blocked else '-'})")  # fmt: skip
    context.close()


def _phone(browser: Any, url: str, screens: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)  # fmt: skip
    _offline(context, url)
    tab = context.new_page()
    tab.goto(url, wait_until="commit")
    _wait_map(tab, "Diplomacy")
    tab.wait_for_timeout(1000)
    tab.screenshot(path=str(screens / "phone-first-screen.png"))
    tab.screenshot(path=str(screens / "phone-full.png"), full_page=True)
    box = tab.locator("iframe[title*='st_folium']").first.bounding_box()
    print(
        f"phone 390x844: map frame at y={box['y']:.0f}, {box['width']:.0f}x{box['height']:.0f}"
        f", page width {tab.evaluate('() => document.documentElement.scrollWidth')}"
    )
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=Path, default=None, help="save screenshots here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - test extra only

    if args.screens is not None:
        args.screens.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        process, url = _serve(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    firsts = _first_map(browser, url)
                    print(f"first map visible after page open (warm server): median "
                          f"{statistics.median(firsts):.2f} s over {len(firsts)} "
                          f"(all: {', '.join(f'{t:.2f}' for t in firsts)} s)")  # fmt: skip
                    _payloads_and_reruns(browser, url, args.screens)
                    if args.screens is not None:
                        _tiles_blocked(browser, url, args.screens)
                        _phone(browser, url, args.screens)
                finally:
                    browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)


if __name__ == "__main__":
    main()
