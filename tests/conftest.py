"""Shared fixtures: the loaded resources, the seed article, and the ``../shared`` folder.

``shared_dir`` skips tests locally when ``../shared`` is absent but fails them under CI
(``CI=true``), where a silently skipped data test would hide a broken set-up.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo import settings
from geo.io.articles import read_article
from geo.model import Article, Extraction
from geo.pipeline import extract_article
from geo.resources import Resources, load_resources
from tests.loopback import Server, serve_shared_data

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = PROJECT_ROOT / "seeds" / "2025-08-14_alaska-eve.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ``../shared`` folder (eval texts, frontline snapshots, boundaries)."""
    path = Path(os.environ.get("FRONTLINE_SHARED_DIR", PROJECT_ROOT.parent / "shared"))
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI must run with ../shared beside the clone")
        pytest.skip(f"{path} is missing")
    return path


@pytest.fixture
def snapshot_server(shared_dir: Path) -> Iterator[Server]:
    """A loopback HTTP server serving the shared snapshots (see :mod:`tests.loopback`)."""
    with serve_shared_data(shared_dir) as state:
        yield state


@pytest.fixture(scope="session")
def resources() -> Resources:
    """Gazetteer and actor registry, loaded once per test session."""
    return load_resources()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    """The bundled seed article (Norwegian, published 2025-08-14)."""
    return read_article(SEED_PATH)


@pytest.fixture(scope="session")
def seed_extraction(seed_article: Article, resources: Resources) -> Extraction:
    """The full extraction of the seed article."""
    return extract_article(seed_article, resources)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse sockets to anything but loopback: tests and the app must need no network.

    The app is also told not to try (``ALLOW_FETCH``; ``FRONTLINE_OFFLINE`` for the
    ``streamlit run`` subprocess of the browser test), so it shows the offline fallbacks.
    """
    monkeypatch.setattr(settings, "ALLOW_FETCH", False)
    monkeypatch.setenv("FRONTLINE_OFFLINE", "1")
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1"):
            msg = f"test tried to reach {address!r}; tests must not use the network"
            raise RuntimeError(msg)
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
