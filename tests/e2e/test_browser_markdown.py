"""Real browser: Markdown in an article never makes the visitor's browser fetch anything.

An article (a seed file, then a pasted text and a pasted file with bad front matter) carries
Markdown images, links and bold text pointing at a beacon server on 127.0.0.1. The page must
show that Markdown as literal text, hold no ``<img>`` or link to the beacon, and the browser
must make no request beyond the app's own server (which serves the maps' assets itself): the
beacon counts zero hits and nothing else was even tried.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import RequestLog

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_MS = 90_000


@pytest.fixture
def beacon() -> Iterator[tuple[str, list[str]]]:
    """A loopback server that records every request it gets (it must get none)."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def _article(base: str) -> str:
    return (
        "---\npublished: 2025-08-14\nlang: nb\n"
        f'title: "Toppmøtet ![t]({base}/title.png)"\n---\n'
        f"Toppmøtet i Alaska holdes langt unna slagmarken ![bilde]({base}/caption.png) "
        f"og **fet** [lenke]({base}/link) :smile: :red[rød] www.example.org navn@example.org.\n"
        f"Zelenskyj snakket onsdag med Trump om fred ![b]({base}/event.png).\n"
    )


def test_markdown_in_articles_is_shown_as_text_and_fetches_nothing(
    chromium: Any,
    start_app: Callable[[Path], str],
    beacon: tuple[str, list[str]],
    tmp_path: Path,
) -> None:
    base, hits = beacon
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "2025-08-14_alaska-eve.txt", seeds)
    (seeds / "2025-08-14_beacon.txt").write_text(_article(base), encoding="utf-8")
    url = start_app(seeds)

    context = chromium.new_context(viewport={"width": 1500, "height": 1300})
    log = RequestLog(url)
    context.route("**/*", log)
    tab = context.new_page()
    try:
        tab.goto(url, wait_until="domcontentloaded")
        caption = tab.get_by_text("The article says:")
        caption.wait_for(timeout=TIMEOUT_MS)
        shown = caption.inner_text().replace("\u2060", "")  # word joiners break autolinks
        assert f"![bilde]({base}/caption.png)" in shown  # literal, not an image
        assert "**fet**" in shown  # not bold
        assert ":smile: :red[rød] www.example.org navn@example.org" in shown  # no emoji, colour
        assert caption.locator("a, img, strong, em").count() == 0  # no link, image, bold

        # Pasted text: a front-matter error quoting the payload, then a good article.
        tab.get_by_text("Add an article").click()
        box = tab.get_by_label("Paste article text")
        box.fill(f"---\npublished: ![p]({base}/paste.png)\n---\nTekst.")
        tab.get_by_role("button", name="Extract and show").click()
        error = tab.get_by_text("is not a date")
        error.wait_for(timeout=TIMEOUT_MS)
        assert f"![p]({base}/paste.png)" in error.inner_text().replace("\u2060", "")

        box.fill(_article(base).replace("title.png", "title2.png"))
        tab.get_by_role("button", name="Extract and show").click()
        tab.get_by_text("Added pasted text.txt").wait_for(timeout=TIMEOUT_MS)
        tab.wait_for_load_state("networkidle")

        beacon_nodes = tab.evaluate(
            "base => [...document.querySelectorAll('img, a, source, link, iframe')]"
            ".map(e => e.src || e.href || '').filter(u => u.startsWith(base))",
            base,
        )
        assert beacon_nodes == []
        assert hits == []
        assert [u for u in log.other if not u.startswith(url)] == []
        assert not [u for u in log.app if u.startswith(base)]
    finally:
        context.close()


def test_both_downloads_work_when_clicked_one_right_after_the_other(
    chromium: Any, start_app: Callable[[Path], str], tmp_path: Path
) -> None:
    """The second download must not fail while the first one's click is being handled."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "2025-08-14_alaska-eve.txt", seeds)
    url = start_app(seeds)
    context = chromium.new_context(viewport={"width": 1500, "height": 1300}, accept_downloads=True)
    context.route("**/*", RequestLog(url))
    tab = context.new_page()
    try:
        tab.goto(url, wait_until="domcontentloaded")
        csv_button = tab.get_by_role("button", name="Download CSV")
        geojson_button = tab.get_by_role("button", name="Download GeoJSON")
        csv_button.wait_for(timeout=TIMEOUT_MS)
        with tab.expect_download(timeout=TIMEOUT_MS) as first:
            csv_button.click()
        with tab.expect_download(timeout=TIMEOUT_MS) as second:
            geojson_button.click()  # at once: no waiting for the app to settle
        csv_text = Path(first.value.path()).read_text(encoding="utf-8")
        geojson_text = Path(second.value.path()).read_text(encoding="utf-8")
        assert csv_text.startswith("event_id,") or "event_id" in csv_text.splitlines()[0]
        assert '"FeatureCollection"' in geojson_text
        assert first.value.suggested_filename == "events.csv"
        assert second.value.suggested_filename == "events.geojson"
    finally:
        context.close()
