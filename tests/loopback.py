"""A loopback HTTP server serving the shared frontline snapshots and boundary files.

Used wherever the product fetches: tests point the source URL at this server on 127.0.0.1,
never at the internet. ``/data/<file>`` serves a file, ``/slow/<file>`` stalls for 3 s,
``/corrupt/<file>`` cuts the body short, ``/boundaries/<path>`` serves boundary files.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Server:
    """A loopback server: ``/data/<file>`` serves files, ``/slow/…`` stalls, ``/corrupt/…`` cuts."""

    root: Path
    base: str = ""
    requests: list[str] = field(default_factory=list)

    def template(self, kind: str = "data") -> str:
        return f"{self.base}/{kind}/deepstatemap_data_{{date}}.geojson"


@contextmanager
def serve_shared_data(shared_dir: Path) -> Iterator[Server]:
    """Serve ``shared_dir/data`` on a free loopback port until the block ends."""
    state = Server(root=shared_dir / "data")
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            kind, _, name = self.path.lstrip("/").partition("/")
            folder = state.root / ("boundaries" if kind == "boundaries" else "frontline/deepstate")
            path = folder / name
            if not path.is_file():
                self.send_error(404, "Not Found")
                return
            body = path.read_bytes()
            if kind == "slow":
                stop.wait(3)
            if kind == "corrupt":
                body = body[:500]
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    stop.set()
    httpd.shutdown()
    httpd.server_close()
