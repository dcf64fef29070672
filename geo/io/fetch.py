"""Download frontline snapshots (and other public files) into a local cache, once.

Why stdlib ``urllib``: one GET with a timeout is all the product needs, and it keeps the
deployed app's dependencies small. The rules, each tested against a loopback server:

* **Never twice.** A date already in the cache is returned without any request.
* **Validated before cached.** The body is parsed (:func:`geo.io.frontline.snapshot_from_bytes`)
  before it is written; a corrupt body raises and writes nothing.
* **Atomic.** The file is written to a temporary name in the cache folder and renamed, so a
  crash or a timeout never leaves a half-written snapshot that later reads would trust.
* **Verified when reused.** Each cached file has a ``<name>.sha256`` beside it; a cached file
  whose bytes no longer match (flipped bytes, a truncated copy), or that fails the parse
  check when it has no digest, is removed and fetched again (:func:`ensure_cached`), with a
  warning in the log; only when that download fails does the error reach the caller.
* **Clear errors.** Timeouts, HTTP errors and unreachable hosts raise
  :class:`geo.errors.FetchError`; malformed bodies raise :class:`geo.errors.SnapshotError`;
  both name the URL and the date and leave the cache as it was.

The URL template (``settings.FRONTLINE_SOURCE_URL``) holds ``{date}`` (``YYYYMMDD``) and may
hold ``{iso}`` (``YYYY-MM-DD``); the default is the public GitHub mirror of DeepStateMap's
history (``cyterat/deepstate-map-data``). Cached files keep the mirror's names,
``deepstatemap_data_YYYYMMDD.geojson``, in ``settings.CACHE_DIR / "frontline"``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from geo import settings
from geo.errors import FetchError, GeoError
from geo.io.frontline import date_from_filename, snapshot_from_bytes

__all__ = [
    "FetchResult",
    "cache_problem",
    "cached_snapshot_path",
    "cached_snapshots",
    "ensure_cached",
    "fetch_file",
    "fetch_snapshot",
    "frontline_cache_dir",
    "snapshot_filename",
    "snapshot_url",
]

logger = logging.getLogger(__name__)

#: Largest body accepted (a DeepState day is ~80 KB; an ISW export a few MB).
MAX_BODY_BYTES: Final = 64 * 1024 * 1024
_USER_AGENT: Final = "frontline-diplomacy/0.1 (+https://github.com/; research dashboard)"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """Where a fetched file is, where it came from, and whether this call downloaded it."""

    path: Path
    url: str
    downloaded: bool


def frontline_cache_dir(cache_dir: Path | None = None) -> Path:
    """Return the snapshot cache folder: ``cache_dir`` or ``settings.CACHE_DIR / "frontline"``."""
    return Path(cache_dir) if cache_dir is not None else settings.CACHE_DIR / "frontline"


def snapshot_filename(day: dt.date) -> str:
    """Return the cached file name of the snapshot dated ``day`` (the mirror's own name)."""
    return f"deepstatemap_data_{day:%Y%m%d}.geojson"


def snapshot_url(day: dt.date, template: str | None = None) -> str:
    """Fill the URL template (default ``settings.FRONTLINE_SOURCE_URL``) for ``day``."""
    template = template or settings.FRONTLINE_SOURCE_URL
    try:
        return template.format(date=f"{day:%Y%m%d}", iso=day.isoformat())
    except (KeyError, IndexError, ValueError) as exc:
        msg = f"URL template {template!r} is invalid ({exc}); use {{date}} (YYYYMMDD) or {{iso}}"
        raise FetchError(msg) from exc


def cached_snapshot_path(day: dt.date, cache_dir: Path | None = None) -> Path:
    """Return where the snapshot dated ``day`` is (or would be) cached."""
    return frontline_cache_dir(cache_dir) / snapshot_filename(day)


def cached_snapshots(cache_dir: Path | None = None) -> dict[dt.date, Path]:
    """Return the cached snapshots by their file date, oldest first (no network)."""
    folder = frontline_cache_dir(cache_dir)
    if not folder.is_dir():
        return {}
    found: dict[dt.date, Path] = {}
    for path in folder.iterdir():
        day = date_from_filename(path) if path.suffix.lower() == ".geojson" else None
        if day is not None and not path.name.startswith("."):
            found[day] = path
    return dict(sorted(found.items()))


def fetch_snapshot(
    day: dt.date,
    *,
    cache_dir: Path | None = None,
    url_template: str | None = None,
    timeout: float | None = None,
) -> FetchResult:
    """Return the cached snapshot dated ``day``, downloading it first if it is not cached.

    Parameters
    ----------
    day
        The snapshot's file date (a DeepState file dated D describes day D−1).
    cache_dir
        Cache folder; default ``settings.CACHE_DIR / "frontline"``. Created when missing.
    url_template
        Default ``settings.FRONTLINE_SOURCE_URL``.
    timeout
        Seconds per request; default ``settings.FETCH_TIMEOUT_S``.

    Raises
    ------
    FetchError
        Timeout, HTTP error, unreachable host, oversized body.
    SnapshotError
        The body is not a usable snapshot; nothing is cached.
    """
    target = cached_snapshot_path(day, cache_dir)
    url = snapshot_url(day, url_template)

    def validate(body: bytes) -> None:
        snapshot_from_bytes(body, name=target.name, snapshot_date=day, origin=url)

    downloaded = ensure_cached(url, target, timeout=timeout, validate=validate)
    return FetchResult(path=target, url=url, downloaded=downloaded)


def _digest_path(target: Path) -> Path:
    return target.with_name(target.name + ".sha256")


def cache_problem(target: Path, validate: Callable[[bytes], None] | None = None) -> str | None:
    """Tell what is wrong with a cached file (``None``: it is intact).

    The file's SHA-256 must match the digest written beside it when it was fetched; a file
    without a digest (cached by an older version, or copied in) must pass ``validate`` and
    then gets its digest. Never raises for a damaged file: the problem is the return value.
    """
    try:
        with target.open("rb") as handle:
            body = handle.read(MAX_BODY_BYTES + 1)
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    if len(body) > MAX_BODY_BYTES:
        return f"larger than {MAX_BODY_BYTES // 2**20} MB"
    digest = hashlib.sha256(body).hexdigest()
    try:
        recorded = _digest_path(target).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        recorded = None
    if recorded is not None:
        return None if recorded == digest else "its content no longer matches its SHA-256"
    if validate is not None:
        try:
            validate(body)
        except GeoError as exc:
            return f"it does not parse ({exc})"
    with contextlib.suppress(OSError):  # a read-only cache stays usable, only unmarked
        _write_atomic(_digest_path(target), digest.encode("ascii"))
    return None


def ensure_cached(
    url: str,
    target: Path,
    *,
    timeout: float | None = None,
    validate: Callable[[bytes], None] | None = None,
) -> bool:
    """Make sure ``target`` holds an intact copy of ``url``; return whether it was downloaded.

    A cached copy is verified (:func:`cache_problem`); a damaged one is removed and fetched
    again, so a poisoned cache heals itself instead of failing on every read.

    Raises
    ------
    FetchError
        The download failed (the message says when a damaged cached copy was removed).
    SnapshotError
        The downloaded body failed ``validate``.
    """
    if target.is_file():
        problem = cache_problem(target, validate)
        if problem is None:
            return False
        logger.warning("cached %s is damaged (%s); fetching it again", target, problem)
        target.unlink(missing_ok=True)
        _digest_path(target).unlink(missing_ok=True)
        try:
            fetch_file(url, target, timeout=timeout, validate=validate)
        except GeoError as exc:
            msg = f"{exc} (the cached copy {target.name} was damaged: {problem}; it was removed)"
            raise type(exc)(msg) from exc
        return True
    fetch_file(url, target, timeout=timeout, validate=validate)
    return True


def fetch_file(
    url: str,
    target: Path,
    *,
    timeout: float | None = None,
    validate: Callable[[bytes], None] | None = None,
) -> Path:
    """Download ``url`` to ``target`` atomically, after ``validate(body)`` accepted the body.

    An existing ``target`` is left untouched until the new body is complete and valid.
    Only ``http``/``https`` URLs are accepted.
    """
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme not in ("http", "https"):
        msg = f"{url}: only http(s) URLs can be fetched, not {scheme or 'a bare path'!r}"
        raise FetchError(msg)
    body = _download(url, timeout=settings.FETCH_TIMEOUT_S if timeout is None else timeout)
    if validate is not None:
        validate(body)
    _write_atomic(target, body)
    _write_atomic(_digest_path(target), hashlib.sha256(body).hexdigest().encode("ascii"))
    return target


def _download(url: str, *, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body: bytes = response.read(MAX_BODY_BYTES + 1)
    except urllib.error.HTTPError as exc:
        exc.close()  # the error carries the open response; release its socket now
        hint = " (no file for that date at the source?)" if exc.code == 404 else ""
        msg = f"{url}: HTTP {exc.code} {exc.reason}{hint}; nothing was cached"
        raise FetchError(msg) from exc
    except TimeoutError as exc:
        msg = f"{url}: no answer within {timeout:g} s (timeout); nothing was cached, try again"
        raise FetchError(msg) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            msg = f"{url}: no answer within {timeout:g} s (timeout); nothing was cached, try again"
        else:
            msg = f"{url}: cannot connect ({reason}); check the URL and the network"
        raise FetchError(msg) from exc
    except (ConnectionError, OSError) as exc:
        msg = f"{url}: connection failed while reading ({exc}); nothing was cached"
        raise FetchError(msg) from exc
    if len(body) > MAX_BODY_BYTES:
        msg = f"{url}: body larger than {MAX_BODY_BYTES // 2**20} MB; refusing to cache it"
        raise FetchError(msg)
    return body


def _write_atomic(target: Path, body: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as tmp:
            tmp.write(body)
            tmp.flush()
            os.fsync(tmp.fileno())
        Path(tmp_name).replace(target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
