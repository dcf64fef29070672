"""Shared browser-test fixtures: Debian Chromium, a Streamlit app per seeds folder, a recorder.

``chromium`` launches ``/usr/bin/chromium`` headless through Playwright (never a downloaded
browser); ``start_app(seeds)`` runs ``streamlit run dashboard/app.py`` on a free loopback
port with ``FRONTLINE_SEEDS_DIR`` pointing at ``seeds`` and offline settings, and stops it at
the end of the test; :class:`RequestLog` is a ``page.route`` handler that records every
request, lets the app's own origin through and aborts everything else (the app serves the
maps' Leaflet, jQuery and Font Awesome files itself, from XStatic packages).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
STARTUP_DEADLINE_S = 90.0


def fail_or_skip(reason: str) -> None:
    """Fail under CI (a skipped browser test would hide a broken set-up), else skip."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
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
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.25)
    pytest.fail(f"streamlit was not healthy within {STARTUP_DEADLINE_S} s ({last_error})")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Headless Debian Chromium (never a downloaded browser)."""
    if not CHROMIUM.exists():
        fail_or_skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def running_app(seeds: Path, workdir: Path) -> Iterator[str]:
    """Run ``streamlit run dashboard/app.py`` on ``seeds`` (offline); yield its URL; stop it.

    The build output and the server log go to ``workdir``; the server listens on a free
    loopback port and is stopped (terminated, then killed) when the block ends.
    """
    port = free_port()
    log = workdir / f"streamlit-{port}.log"
    env = {
        **os.environ,
        "FRONTLINE_SEEDS_DIR": str(seeds),
        "FRONTLINE_PROCESSED_DIR": str(workdir / f"processed-{port}"),
        "FRONTLINE_OFFLINE": "1",  # the app must not try the internet in tests
    }
    with log.open("wb") as log_file:
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
            wait_healthy(url, process, log)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[Callable[[Path], str]]:
    """Start the dashboard on a seeds folder; returns its URL. Stopped after the test."""
    with contextlib.ExitStack() as apps:
        yield lambda seeds: apps.enter_context(running_app(seeds, tmp_path))


class RequestLog:
    """``page.route`` handler: records every URL; the app's own server passes, all else fails."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.app: list[str] = []
        self.other: list[str] = []

    def __call__(self, route: Any) -> None:
        url = route.request.url
        ws_origin = "ws" + self.origin.removeprefix("http")
        if url.startswith((self.origin + "/", ws_origin + "/")) or url in (self.origin, ws_origin):
            self.app.append(url)
            route.continue_()
            return
        if url.startswith(("data:", "blob:", "about:")):
            route.continue_()
            return
        self.other.append(url)
        route.abort()
