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

import datetime as dt
import hashlib
import re
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
    "guess_lang",
    "iter_article_paths",
    "read_article",
]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md")
_FRONT_KEYS = frozenset({"published", "lang", "title", "source", "url"})
_LANGS: frozenset[str] = frozenset(get_args(Lang))
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
# Share of control characters above which bytes are treated as binary, not text.
_BINARY_CONTROL_SHARE = 0.05

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


def _decode(raw: bytes, where: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (BOM allowed), falling back to cp1252; refuse binary data."""
    if not raw.strip():
        msg = f"{where}: the file is empty; put the article text in it (UTF-8)."
        raise ArticleError(msg)
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
    sample = text[:8192]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > _BINARY_CONTROL_SHARE * len(sample):
        msg = (
            f"{where}: {controls} control characters in the first {len(sample)}; this looks binary."
        )
        raise ArticleError(msg)
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


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


def _parse_published(value: str | None, where: str) -> tuple[dt.date | None, str]:
    """Parse ``YYYY-MM-DD`` (day precision) or ``YYYY-MM`` (month precision)."""
    if value is None or value.strip() in ("", "null", "~"):
        return None, "day"
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return dt.date.fromisoformat(text + "-01"), "month"
        return dt.date.fromisoformat(text[:10]), "day"
    except ValueError as exc:
        msg = f"{where}: published {value!r} is not a date; write it as YYYY-MM-DD (or YYYY-MM)."
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
    where = path or article_id
    if len(raw) > settings.MAX_ARTICLE_BYTES:
        msg = (
            f"{where}: {len(raw):,} bytes is over the {settings.MAX_ARTICLE_BYTES:,}-byte limit "
            "for one article; split it, or raise geo.settings.MAX_ARTICLE_BYTES."
        )
        raise ArticleError(msg)
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
    try:
        size = file.stat().st_size
        if size > settings.MAX_ARTICLE_BYTES:
            msg = (
                f"{file}: {size:,} bytes is over the {settings.MAX_ARTICLE_BYTES:,}-byte limit "
                "for one article; split it, or raise geo.settings.MAX_ARTICLE_BYTES."
            )
            raise ArticleError(msg)
        raw = file.read_bytes()
    except OSError as exc:
        msg = f"{file}: cannot read the file ({exc.strerror or exc})."
        raise ArticleError(msg) from exc
    return article_from_bytes(
        raw, article_id=file.stem, path=str(file), published=published, lang=lang
    )


def iter_article_paths(paths: list[Path] | tuple[Path, ...]) -> list[Path]:
    """Expand files and folders into a sorted list of article files.

    Folders contribute their ``*.txt``/``*.md`` files (recursively, README files excluded);
    files named explicitly are kept whatever their suffix, so a bad file is reported, not
    silently skipped.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in ARTICLE_SUFFIXES
                    and p.stem.lower() != "readme"
                )
            )
        else:
            found.append(path)
    return found
