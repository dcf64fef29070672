"""Read article files (bytes or paths) into :class:`geo.model.Article`.

Article files are UTF-8 text (``.txt``/``.md``) with optional front matter between ``---``
lines::

    ---
    published: 2025-08-14
    lang: nb
    title: "…"
    source: NTB
    url: https://…
    ---
    Body text…

Input is untrusted: files may be empty, binary, too large, or in a legacy encoding. Each case
raises :class:`~geo.errors.ArticleError` (or :class:`~geo.errors.FrontMatterError`) with the
path and the fix, so a batch can report it and go on. cp1252 files are decoded (Windows
exports of Norwegian text are common) and flagged in :attr:`ReadResult.problems`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from geo import settings
from geo.errors import ArticleError, FrontMatterError
from geo.model import Article, Lang

__all__ = [
    "ARTICLE_SUFFIXES",
    "article_from_bytes",
    "article_from_text",
    "display_path",
    "guess_lang",
    "iter_article_paths",
    "parse_iso_date",
    "read_article",
    "read_article_bytes",
    "utf8_name",
]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md")
_FRONT_KEYS = frozenset({"published", "lang", "title", "source", "url"})
_LANGS: frozenset[str] = frozenset(get_args(Lang))
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
# Share of control characters above which bytes are treated as binary, not text.
_BINARY_CONTROL_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")
#: A date followed by a time of day ("2025-08-14T09:30:00+02:00", "2025-08-14 09:30").
_ISO_DAY_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t\n\f\r
_NN_MARKERS = re.compile(r"\b(ikkje|eg|kva|korleis|frå|berre|mykje|vere|vore|dei|sjølv)\b", re.I)
_NB_MARKERS = re.compile(r"\b(ikke|jeg|hva|hvordan|fra|bare|mye|være|vært|de|og|det|som)\b", re.I)
_EN_MARKERS = re.compile(r"\b(the|and|of|said|with|that|from|was|were|has)\b", re.I)


@dataclass(frozen=True, slots=True)
class _FrontMatter:
    values: dict[str, str]
    body_offset: int


def guess_lang(text: str) -> Lang:
    """Guess ``"nb"``, ``"nn"`` or ``"en"`` from frequent function words.

    Used only when neither front matter nor the caller gives the language.

    Examples
    --------
    >>> guess_lang("Russland sier at de ikke vil forhandle.")
    'nb'
    >>> guess_lang("The Kremlin said the talks were useful.")
    'en'
    """
    sample = text[:5000]
    en = len(_EN_MARKERS.findall(sample))
    nb = len(_NB_MARKERS.findall(sample))
    nn = len(_NN_MARKERS.findall(sample))
    if en > nb + nn:
        return "en"
    if nn > 2 and nn * 3 >= nb:
        return "nn"
    return "nb"


def _decode_bom(raw: bytes, where: str) -> tuple[str, list[str]] | None:
    """Decode UTF-16/UTF-32 text that starts with its byte-order mark (``None``: no such BOM).

    Windows tools save "Unicode" text as UTF-16 with a BOM; its NUL bytes are not binary.
    UTF-32 marks are tested first: the UTF-32-LE mark begins with the UTF-16-LE one.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                msg = (
                    f"{where}: the file starts with a {codec.upper()} byte-order mark but byte "
                    f"{exc.start + len(bom)} is not valid {codec.upper()}; re-save it as UTF-8."
                )
                raise ArticleError(msg) from exc
            return text, [f"{where}: decoded as {codec.upper()} (byte-order mark)."]
    return None


def _decode(raw: bytes, where: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (BOM allowed), falling back to cp1252; refuse binary data."""
    if not raw.strip():
        msg = f"{where}: the file is empty; put the article text in it (UTF-8)."
        raise ArticleError(msg)
    decoded = _decode_bom(raw, where)
    if decoded is not None:
        text, problems = decoded
        if not text.strip():
            msg = f"{where}: the file is empty; put the article text in it (UTF-8)."
            raise ArticleError(msg)
        _refuse_control_chars(text, where)
        return text.replace("\r\n", "\n").replace("\r", "\n"), problems
    if b"\x00" in raw[:8192]:
        msg = (
            f"{where}: the file holds NUL bytes, so it is binary, not an article; "
            "save it as UTF-8 text."
        )
        raise ArticleError(msg)
    problems: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            msg = (
                f"{where}: byte {exc.start} is not valid UTF-8 and the file is not cp1252 either; "
                "re-save the article as UTF-8."
            )
            raise ArticleError(msg) from exc
        problems.append(f"{where}: not UTF-8; decoded as cp1252 (Windows-1252).")
    _refuse_control_chars(text, where)
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def _refuse_control_chars(text: str, where: str) -> None:
    sample = text[:8192]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > _BINARY_CONTROL_SHARE * len(sample):
        msg = (
            f"{where}: {controls} control characters in the first {len(sample)}; this looks binary."
        )
        raise ArticleError(msg)


def _split_front_matter(text: str, where: str) -> _FrontMatter:
    """Parse ``key: value`` lines between a leading ``---`` line and the next ``---`` line."""
    if not text.startswith("---\n"):
        return _FrontMatter({}, 0)
    close = text.find("\n---", 3)
    while close != -1 and text[close + 4 : close + 5] not in ("\n", ""):
        close = text.find("\n---", close + 4)
    if close == -1:
        msg = (
            f"{where}: front matter opened with '---' on line 1 is never closed; "
            "add a '---' line after it."
        )
        raise FrontMatterError(msg)
    values: dict[str, str] = {}
    for lineno, line in enumerate(text[4:close].split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_VALUE.match(line)
        if match is None:
            msg = f"{where}:{lineno}: front matter line {line!r} is not 'key: value'."
            raise FrontMatterError(msg)
        key, value = match.group(1).lower(), match.group(2)
        if key not in _FRONT_KEYS:
            msg = (
                f"{where}:{lineno}: unknown front matter key {key!r}; "
                f"use one of {sorted(_FRONT_KEYS)}."
            )
            raise FrontMatterError(msg)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key] = value
    body_offset = close + 4
    if text[body_offset : body_offset + 1] == "\n":
        body_offset += 1
    return _FrontMatter(values, body_offset)


def parse_iso_date(text: str) -> tuple[dt.date, str]:
    """Parse a whole ``YYYY-MM-DD`` (optionally with a time) or ``YYYY-MM`` value.

    Returns the date and its precision (``"day"``/``"month"``). Nothing may follow the
    date ("2025-08-14garbage" is refused), and the year must lie in
    :data:`geo.settings.SUPPORTED_DATES` (what the frames' ``datetime64[ns]`` columns can hold).

    Raises
    ------
    ValueError
        With a message that says what is wrong.
    """
    text = text.strip()
    if _ISO_MONTH.fullmatch(text):
        day, precision = dt.date.fromisoformat(text + "-01"), "month"
    elif _ISO_DAY.fullmatch(text):
        day, precision = dt.date.fromisoformat(text), "day"
    elif _ISO_DAY_TIME.fullmatch(text):
        day, precision = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date(), "day"
    else:
        msg = f"{text!r} is not a date; write it as YYYY-MM-DD (or YYYY-MM)"
        raise ValueError(msg)
    first, last = settings.SUPPORTED_DATES
    if not first <= day <= last:
        msg = f"{text!r} is outside the supported dates {first.isoformat()} to {last.isoformat()}"
        raise ValueError(msg)
    return day, precision


def _parse_published(value: str | None, where: str) -> tuple[dt.date | None, str]:
    """Parse ``YYYY-MM-DD`` (day precision) or ``YYYY-MM`` (month precision)."""
    if value is None or value.strip() in ("", "null", "~"):
        return None, "day"
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        msg = f"{where}: published {exc}."
        raise FrontMatterError(msg) from exc


def _parse_lang(value: str | None, text: str, where: str) -> Lang:
    if value is None or not value.strip():
        return guess_lang(text)
    lang = value.strip().lower()
    if lang == "no":
        lang = "nb"
    if lang not in _LANGS:
        msg = f"{where}: lang {value!r} is not supported; use one of {sorted(_LANGS)}."
        raise FrontMatterError(msg)
    return lang  # type: ignore[return-value]  # narrowed by the membership test above


def article_from_bytes(
    raw: bytes,
    *,
    article_id: str,
    path: str | None = None,
    published: dt.date | None = None,
    lang: Lang | None = None,
) -> Article:
    """Build an :class:`Article` from raw file bytes.

    ``published`` and ``lang`` override the front matter (the CLI's ``--published``/``--lang``).

    Raises
    ------
    ArticleError
        Empty, binary, oversized or undecodable input; no body after the front matter.
    FrontMatterError
        Malformed front matter or an invalid ``published``/``lang`` value.
    """
    where = display_path(path or article_id)
    article_id, path = utf8_name(article_id), utf8_name(path) if path is not None else None
    if len(raw) > settings.MAX_ARTICLE_BYTES:
        raise _too_large(where, len(raw))
    text, _problems = _decode(raw, where)
    front = _split_front_matter(text, where)
    body = text[front.body_offset :]
    if not body.strip():
        msg = f"{where}: the article has front matter but no body text."
        raise ArticleError(msg)
    front_published, precision = _parse_published(front.values.get("published"), where)
    if published is not None:
        front_published, precision = published, "day"
    return Article(
        id=article_id,
        text=body,
        lang=lang or _parse_lang(front.values.get("lang"), body, where),
        published=front_published,
        published_precision="month" if precision == "month" else "day",
        title=front.values.get("title"),
        source=front.values.get("source"),
        url=front.values.get("url"),
        path=path,
        content_hash=hashlib.sha256(raw).hexdigest(),
        body_offset=front.body_offset,
    )


def article_from_text(
    text: str,
    *,
    article_id: str = "pasted",
    published: dt.date | None = None,
    lang: Lang | None = None,
) -> Article:
    """Build an :class:`Article` from text (pasted in the app, or written in a test)."""
    return article_from_bytes(
        text.encode("utf-8"), article_id=article_id, published=published, lang=lang
    )


def read_article(
    path: str | Path,
    *,
    published: dt.date | None = None,
    lang: Lang | None = None,
) -> Article:
    """Read one article file; the article id is the file stem.

    Raises
    ------
    ArticleError
        The file is missing, unreadable, or its content is not a usable article.
    """
    file = Path(path)
    raw = read_article_bytes(file)
    return article_from_bytes(
        raw, article_id=file.stem, path=str(file), published=published, lang=lang
    )


def display_path(path: str | Path) -> str:
    r"""Return a path as safe, printable text: escaped like ``repr`` where needed.

    File names are untrusted too: a newline would forge an output line, an ESC sequence
    would drive the terminal, and bytes that are not UTF-8 (kept by Python as lone
    surrogates) raise ``UnicodeEncodeError`` when printed. Printable names come back as
    they are; others are escaped (``\n``, ``\x1b``, ``\udcff``), never raw.

    Examples
    --------
    >>> display_path("a.txt")
    'a.txt'
    >>> display_path("evil\n.txt")
    "'evil\\n.txt'"
    """
    text = os.fsdecode(path)
    return text if text.isprintable() else repr(text)


def utf8_name(name: str) -> str:
    r"""Return a file name as text that UTF-8 can encode: undecodable bytes as ``\xNN``.

    Python keeps the bytes of a non-UTF-8 file name as lone surrogates ("m\udcf8te"),
    which every UTF-8 encoder (JSON output, Parquet, hashing) refuses. Article ids and
    paths take this form instead ("m\\xf8te"): stable, readable, and encodable.

    Examples
    --------
    >>> utf8_name("m\udcf8te")
    'm\\xf8te'
    >>> utf8_name("møte")
    'møte'
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no byte stands for
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str | None:
    """Name the kind of a file that is not a regular file (``None`` for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _too_large(where: str, size: int | str) -> ArticleError:
    amount = f"{size:,} bytes is" if isinstance(size, int) else f"{size} is"
    msg = (
        f"{where}: {amount} over the {settings.MAX_ARTICLE_BYTES:,}-byte limit for one "
        "article; split it, or raise geo.settings.MAX_ARTICLE_BYTES."
    )
    return ArticleError(msg)


def read_article_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """Read one article file's bytes safely: regular files only, size checked, bounded read.

    Why: a path may name a symlink to ``/dev/zero`` (endless), a FIFO (blocks forever), a
    socket or a device, or a huge sparse file. The file is checked with ``stat`` before it
    is opened, opened without blocking, checked again on the open descriptor (it may have
    been swapped meanwhile), and at most ``limit + 1`` bytes are ever read.

    Parameters
    ----------
    path
        The file; a symlink is followed to what it names, which must be a regular file.
    limit
        Largest accepted size in bytes; :data:`geo.settings.MAX_ARTICLE_BYTES` by default.

    Raises
    ------
    ArticleError
        Missing, unreadable, not a regular file, or over the limit (the message says which).
    """
    file = Path(path)
    where = display_path(file)
    most = settings.MAX_ARTICLE_BYTES if limit is None else limit
    try:
        info = os.stat(file)
        kind = _kind(info.st_mode)
        if kind is not None:
            msg = f"{where}: {kind}, not a regular file; only regular files are read."
            raise ArticleError(msg)
        if info.st_size > most:
            raise _too_large(where, info.st_size)
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            kind = _kind(os.fstat(handle.fileno()).st_mode)
            if kind is not None:
                msg = f"{where}: {kind}, not a regular file; only regular files are read."
                raise ArticleError(msg)
            raw = handle.read(most + 1)
    except OSError as exc:
        msg = f"{where}: cannot read the file ({exc.strerror or exc})."
        raise ArticleError(msg) from exc
    if len(raw) > most:  # the file grew after the stat
        raise _too_large(where, f"more than {most:,} bytes")
    return raw


def iter_article_paths(paths: list[Path] | tuple[Path, ...]) -> list[Path]:
    """Expand files and folders into a sorted list of article files.

    Folders contribute their ``*.txt``/``*.md`` entries (recursively, README files excluded)
    that are not folders: FIFOs, sockets, devices and broken symlinks with an article suffix
    are listed too, so reading them reports why they are refused instead of skipping them
    without a word. Files named explicitly are kept whatever their suffix, so a bad file is
    reported, not silently skipped.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in ARTICLE_SUFFIXES
                    and p.stem.lower() != "readme"
                    and not p.is_dir()
                )
            )
        else:
            found.append(path)
    return found
