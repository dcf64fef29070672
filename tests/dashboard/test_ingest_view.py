"""The app's "Add by URL" and "Follow a feed": the ingest rules, and never a private address."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest  # noqa: TID251 - tests drive the Streamlit app

from dashboard import data
from dashboard.views import ingest as ingest_view
from geo import settings
from geo.ingest import FetchPolicy
from tests.dashboard.builders import seedlike_frames
from tests.ingest_site import Site, serve_news_site

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    frames = seedlike_frames()
    monkeypatch.setattr(data, "load_frames", lambda: data.Loaded(frames, "fp-ingest"))
    monkeypatch.setattr(settings, "ALLOW_FETCH", True)
    with serve_news_site() as running:
        yield running


@pytest.fixture
def as_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the app treat the loopback test server (only it) as a public site."""
    trusted = FetchPolicy(timeout_s=5, trusted_networks=(ipaddress.ip_network("127.0.0.1/32"),))
    monkeypatch.setattr(ingest_view, "policy", lambda: trusted)


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _submit(at: AppTest, field: str, button: str, url: str) -> list[dict[str, Any]]:
    at.text_area(key=field).input(url)
    at.button(key=button).click().run()
    assert not at.exception, [e.value for e in at.exception]
    rows: list[dict[str, Any]] = at.session_state[ingest_view.KEY_RESULTS]
    return rows


def _articles_caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if "article(s)" in c.value)


def test_the_app_never_fetches_a_loopback_address(site: Site) -> None:
    at = _app()
    before = _articles_caption(at)
    rows = _submit(at, ingest_view.KEY_URL, ingest_view.KEY_URL_SUBMIT, site.url("/nb"))
    assert rows[0]["status"] == "error"
    assert "loopback/private/link-local" in rows[0]["detail"]
    assert site.requests == []
    assert _articles_caption(at) == before


def test_a_page_is_added_to_the_session_and_its_title_stays_text(
    site: Site, as_public: None
) -> None:
    at = _app()
    before = _articles_caption(at)
    rows = _submit(at, ingest_view.KEY_URL, ingest_view.KEY_URL_SUBMIT, site.url("/hostile"))
    assert rows[0]["status"] == "added", rows
    assert "<img" in rows[0]["title"]  # kept as data …
    shown = [m.value for m in (*at.markdown, *at.success, *at.error, *at.caption)]
    assert not any("<img" in text or "javascript:" in text for text in shown)  # … never markup
    assert _articles_caption(at) != before
    again = _submit(at, ingest_view.KEY_URL, ingest_view.KEY_URL_SUBMIT, site.url("/hostile"))
    assert again[0]["status"] == "duplicate"
    assert site.requests.count("/hostile") == 1


def test_a_redirect_into_a_private_range_is_refused_in_the_app(site: Site, as_public: None) -> None:
    at = _app()
    rows = _submit(at, ingest_view.KEY_URL, ingest_view.KEY_URL_SUBMIT, site.url("/to-private"))
    assert rows[0]["status"] == "error"
    assert "10.1.2.3" in rows[0]["detail"]


def test_following_a_feed_adds_its_items_and_checking_again_adds_only_new_ones(
    site: Site, as_public: None
) -> None:
    at = _app()
    rows = _submit(
        at, ingest_view.KEY_FEED, ingest_view.KEY_FEED_SUBMIT, site.url("/feeds/utenriks")
    )
    assert [r["status"] for r in rows] == ["added", "error", "added"]
    assert "HTTP 404" in rows[1]["detail"]
    site.requests.clear()
    at.button(key=ingest_view.KEY_REFRESH).click().run()
    rows = at.session_state[ingest_view.KEY_RESULTS]
    assert [r["status"] for r in rows] == ["duplicate", "error", "duplicate"]
    assert site.requests == ["/feeds/utenriks", "/gone"]  # known items are not fetched again


def test_offline_the_app_fetches_nothing(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "ALLOW_FETCH", False)
    at = _app()
    rows = _submit(at, ingest_view.KEY_URL, ingest_view.KEY_URL_SUBMIT, site.url("/nb"))
    assert "downloads are off" in rows[0]["detail"]
    assert site.requests == []


def test_german_is_reported_unsupported_not_extracted(site: Site, as_public: None) -> None:
    at = _app()
    rows = _submit(at, ingest_view.KEY_URL, ingest_view.KEY_URL_SUBMIT, site.url("/de"))
    assert rows[0]["status"] == "error"
    assert "German" in rows[0]["detail"]
