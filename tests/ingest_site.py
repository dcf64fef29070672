"""A loopback news site for the ingest tests: pages, feeds and every kind of bad answer.

Fixtures are the hand-written files in ``tests/data/ingest``. Routes:

``/nb``, ``/nn``, ``/en``, ``/de``      article pages (heavy boilerplate), UTF-8
``/cp1252``                            the cp1252 page, ``charset=windows-1252`` in the header
``/cp1252-bare``                       the same bytes with no charset anywhere
``/malformed``, ``/no-text``           broken HTML; an index page with no article
``/feeds/utenriks``                    RSS (no ``.xml`` ending), one item answers 404
``/atom``                              Atom, served as ``text/html`` (content decides)
``/feed-of-feeds``                     RSS whose first item links to the Atom feed
``/rss.xml``                           an article page despite the name
``/big``                               50 MB with a Content-Length
``/big-stream``                        50 MB without a length (read until close)
``/slow``                              answers after 3 s; ``/trickle`` sends a byte each 0.2 s
``/to-private``, ``/to-link-local``    redirect to 10.1.2.3 / 169.254.169.254
``/to-en``, ``/loop``, ``/to-ftp``     a good redirect; a redirect loop; a redirect to ftp
``/image``, ``/pdf``, ``/json``        non-text content types
``/copy-of-nb``                        the nb article's page under another URL
``/hostile``                           an English page whose title is HTML and Markdown
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "data" / "ingest"
BIG = 50 * 1024 * 1024


@dataclass
class Site:
    """The running site: its base URL, the paths requested, body bytes sent per big route."""

    base: str = ""
    requests: list[str] = field(default_factory=list)
    sent: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@contextmanager
def serve_news_site() -> Iterator[Site]:
    """Run the site on a free 127.0.0.1 port until the block ends."""
    site = Site()
    stop = threading.Event()
    html = "text/html; charset=utf-8"
    pages = {
        "/nb": ("nb_article.html", html),
        "/copy-of-nb": ("nb_article.html", html),
        "/nn": ("nn_article.html", html),
        "/en": ("en_article.html", html),
        "/de": ("de_article.html", html),
        "/malformed": ("malformed.html", html),
        "/no-text": ("no_text.html", html),
        "/rss.xml": ("en_article.html", html),
        "/hostile": ("hostile.html", html),
    }
    redirects = {
        "/to-private": "http://10.1.2.3/internal",
        "/to-link-local": "http://169.254.169.254/latest/meta-data/",
        "/to-en": "/en",
        "/loop": "/loop",
        "/to-ftp": "ftp://127.0.0.1/file.txt",
    }
    wrong_types = {"/image": "image/png", "/pdf": "application/pdf", "/json": "application/json"}

    class Handler(BaseHTTPRequestHandler):
        def _send(self, body: bytes, content_type: str | None, status: int = 200) -> None:
            self.send_response(status)
            if content_type is not None:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _big(self, *, with_length: bool) -> None:
            site.sent[self.path] = 0
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if with_length:
                self.send_header("Content-Length", str(BIG))
            self.end_headers()
            chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
            try:
                while site.sent[self.path] < BIG and not stop.is_set():
                    self.wfile.write(chunk)
                    site.sent[self.path] += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_GET(self) -> None:  # noqa: PLR0912 - one branch per route
            path = self.path
            site.requests.append(path)
            base = f"http://{self.headers.get('Host', '127.0.0.1')}"
            if path in pages:
                name, ctype = pages[path]
                self._send(_fixture(name), ctype)
            elif path in ("/cp1252", "/cp1252-bare"):
                body = _fixture("cp1252_article.html").decode("utf-8").encode("cp1252")
                ctype = "text/html; charset=windows-1252" if path == "/cp1252" else "text/html"
                self._send(body, ctype)
            elif path == "/feeds/utenriks":
                body = _fixture("feed_rss.xml").replace(b"{base}", base.encode())
                self._send(body, "application/rss+xml")
            elif path == "/feed-of-feeds":
                body = _fixture("feed_rss.xml").replace(b"{base}/nb", b"{base}/atom")
                self._send(body.replace(b"{base}", base.encode()), "application/rss+xml")
            elif path == "/atom":
                body = _fixture("feed_atom.xml").replace(b"{base}", base.encode())
                self._send(body, "text/html")
            elif path in redirects:
                self.send_response(302)
                self.send_header("Location", redirects[path])
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path in wrong_types:
                self._send(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, wrong_types[path])
            elif path == "/big":
                self._big(with_length=True)
            elif path == "/big-stream":
                self._big(with_length=False)
            elif path == "/slow":
                stop.wait(3)
                self._send(_fixture("en_article.html"), html)
            elif path == "/trickle":
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.end_headers()
                for byte in _fixture("en_article.html")[:40]:
                    if stop.wait(0.2):
                        break
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            else:
                self._send(b"<h1>Not found</h1>", "text/html", status=404)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
