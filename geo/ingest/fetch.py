"""Fetch one web document safely: the rules every URL from a user or a feed goes through.

Why not ``urllib.request.urlopen``: it follows redirects on its own, resolves names on its
own and connects to whatever the name resolves to, so a feed item pointing at
``http://169.254.169.254/`` (a cloud metadata service) or a public name that resolves to
``10.0.0.5`` would be fetched. Here each hop is checked, then connected to by the very IP
address that was checked (no second DNS lookup an attacker could answer differently):

* only ``http``/``https``; at most :attr:`FetchPolicy.max_redirects` redirects, each target
  checked like the first URL;
* the host's addresses are resolved once and every address that is loopback, private,
  link-local, multicast or otherwise not globally routable is refused unless
  :attr:`FetchPolicy.allow_private` (``--allow-private``) or it lies in
  :attr:`FetchPolicy.trusted_networks`;
* one deadline (:attr:`FetchPolicy.timeout_s`) for the whole exchange, so a server that
  trickles one byte a second is cut off too;
* only text content types (HTML, XML feeds, plain text); a declared ``Content-Length`` above
  :attr:`FetchPolicy.max_bytes` is refused before any body is read, and a body without one is
  read in chunks and abandoned as soon as it passes the limit.

Every refusal raises :class:`~geo.errors.FetchError` (or :class:`BlockedAddressError`) naming
the URL and the rule.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Final

from geo.errors import FetchError

__all__ = [
    "BlockedAddressError",
    "FetchPolicy",
    "Fetched",
    "fetch_document",
]

_USER_AGENT: Final = "frontline-diplomacy/0.1 (news ingest; research dashboard)"
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_TEXT_TYPES: Final = frozenset(
    {
        "application/xhtml+xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
    }
)
_CHUNK: Final = 64 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class BlockedAddressError(FetchError):
    """The URL's host is (or resolves to) a loopback, private or link-local address."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """The limits one fetch obeys; the defaults are the safe ones.

    ``trusted_networks`` are non-public networks allowed anyway (an intranet mirror; the
    tests' 127.0.0.1 server) while every other private address stays refused.
    """

    timeout_s: float = 15.0
    max_bytes: int = 8 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    trusted_networks: tuple[IPNetwork, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body: the URL asked for, the URL it came from after redirects, its bytes."""

    url: str
    final_url: str
    content_type: str
    charset: str | None
    body: bytes


def _address_allowed(ip: IPAddress, policy: FetchPolicy) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in net for net in policy.trusted_networks if net.version == ip.version):
        return True
    if policy.allow_private:
        return not ip.is_unspecified and not ip.is_multicast
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int, url: str, policy: FetchPolicy) -> list[IPAddress]:
    """Return the allowed addresses of ``host``; raise when there are none."""
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        found = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            msg = f"{url}: cannot resolve host {host!r} ({exc})"
            raise FetchError(msg) from exc
        found = []
        for info in infos:
            ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
            if ip not in found:
                found.append(ip)
    allowed = [ip for ip in found if _address_allowed(ip, policy)]
    if not allowed:
        shown = ", ".join(str(ip) for ip in found) or "nothing"
        msg = (
            f"{url}: host {host!r} is {shown}, a loopback/private/link-local address; "
            "refused (pass --allow-private to fetch from your own network)"
        )
        raise BlockedAddressError(msg)
    return allowed


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a checked IP address; ``Host`` still names the host."""

    def __init__(self, host: str, port: int, ip: IPAddress, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self) -> None:
        self.sock = socket.create_connection((str(self._ip), self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a checked IP address, verifying the certificate of the host."""

    def __init__(self, host: str, port: int, ip: IPAddress, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self) -> None:
        raw = socket.create_connection((str(self._ip), self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]


def _content_type(response: http.client.HTTPResponse) -> tuple[str, str | None]:
    header = response.getheader("Content-Type") or ""
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _is_text(media: str) -> bool:
    return media.startswith("text/") or media in _TEXT_TYPES


class _Deadline:
    def __init__(self, seconds: float, url: str) -> None:
        self.end = time.monotonic() + seconds
        self.seconds = seconds
        self.url = url

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            msg = f"{self.url}: no complete answer within {self.seconds:g} s (timeout)"
            raise FetchError(msg)
        return remaining


def _read_bounded(
    response: http.client.HTTPResponse, sock: socket.socket | None, url: str,
    policy: FetchPolicy, deadline: _Deadline,
) -> bytes:  # fmt: skip
    length = response.getheader("Content-Length")
    if length is not None and length.strip().isdigit() and int(length) > policy.max_bytes:
        msg = (
            f"{url}: the answer is {int(length):,} bytes, over the "
            f"{policy.max_bytes:,}-byte limit; refused without reading it"
        )
        raise FetchError(msg)
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline.left()
        if sock is not None:
            sock.settimeout(left)
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > policy.max_bytes:
            msg = f"{url}: the answer passed the {policy.max_bytes:,}-byte limit; abandoned"
            raise FetchError(msg)
        chunks.append(chunk)
    return b"".join(chunks)


def _split_url(url: str) -> tuple[str, str, int, str]:
    """Return (scheme, host, port, request target) of an http(s) URL, or raise."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        msg = f"{url}: only http(s) URLs are fetched, not {scheme or 'a bare path'!r}"
        raise FetchError(msg)
    host = parts.hostname
    if not host:
        msg = f"{url}: the URL names no host"
        raise FetchError(msg)
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        msg = f"{url}: invalid port ({exc})"
        raise FetchError(msg) from exc
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    return scheme, host, port, target


def _one_hop(
    url: str, policy: FetchPolicy, deadline: _Deadline
) -> tuple[int, str | None, Fetched | None]:
    """Request ``url``; return (status, redirect target, fetched) — one of the last two."""
    scheme, host, port, target = _split_url(url)
    addresses = _resolve(host, port, url, policy)
    cls = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    conn = cls(host, port, addresses[0], timeout=deadline.left())
    response: http.client.HTTPResponse | None = None
    try:
        conn.request(
            "GET",
            target,
            headers={
                "User-Agent": _USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "identity",
            },
        )
        # getresponse() hands a closing connection's socket to the response and forgets it;
        # keep it to shorten its timeout as the deadline nears.
        sock = conn.sock
        response = conn.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                msg = f"{url}: HTTP {response.status} redirect without a Location"
                raise FetchError(msg)
            return response.status, urllib.parse.urljoin(url, location.strip()), None
        if response.status != 200:
            msg = f"{url}: HTTP {response.status} {response.reason}"
            raise FetchError(msg)
        media, charset = _content_type(response)
        if not _is_text(media):
            shown = media or "no Content-Type"
            msg = f"{url}: content type {shown!r} is not a text page or feed; refused"
            raise FetchError(msg)
        body = _read_bounded(response, sock, url, policy, deadline)
        return 200, None, Fetched(url, url, media, charset, body)
    except TimeoutError as exc:
        msg = f"{url}: no answer within {deadline.seconds:g} s (timeout)"
        raise FetchError(msg) from exc
    except ssl.SSLError as exc:
        msg = f"{url}: TLS failed ({exc.reason or exc})"
        raise FetchError(msg) from exc
    except (http.client.HTTPException, OSError) as exc:
        if isinstance(exc, FetchError):
            raise
        msg = f"{url}: connection failed ({exc})"
        raise FetchError(msg) from exc
    finally:
        if response is not None:
            response.close()
        conn.close()


def fetch_document(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET ``url`` under ``policy`` (default: the safe :class:`FetchPolicy`), following redirects.

    Raises
    ------
    BlockedAddressError
        A hop's host is or resolves only to non-public addresses (and they are not allowed).
    FetchError
        Not http(s), too many redirects, HTTP error, non-text content type, body over the
        size limit, timeout, connection failure.
    """
    policy = policy or FetchPolicy()
    deadline = _Deadline(policy.timeout_s, url)
    current = url.strip()
    for _hop in range(policy.max_redirects + 1):
        _status, location, fetched = _one_hop(current, policy, deadline)
        if fetched is not None:
            return Fetched(url, current, fetched.content_type, fetched.charset, fetched.body)
        current = str(location)  # _one_hop returns a document or a redirect target
    msg = f"{url}: more than {policy.max_redirects} redirects; refused"
    raise FetchError(msg)
