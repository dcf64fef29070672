"""Turn an uploaded file or pasted text into article text, and name its language (pure).

Accepted: ``.txt``/``.md`` (UTF-8, optional front matter), ``.html``/``.htm`` (visible text
by BeautifulSoup, scripts and styles dropped), ``.docx`` (paragraphs by python-docx) and
``.pdf`` (text layer by pypdf). Anything else, a damaged file, or a file with no text is
refused with :class:`UploadError`, whose message says in plain words what to do; it never
names a MIME type.

:func:`detect_language` is the one place that guesses a language: ``langdetect`` names any
of ~55 languages, and for Norwegian :func:`geo.io.articles.guess_lang` tells Bokmål from
Nynorsk. Swap the detector here (e.g. for lingua) without touching the views.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath
from typing import Final

from geo.io.articles import guess_lang

__all__ = [
    "ACCEPTED",
    "LANGUAGE_NAMES",
    "SUPPORTED",
    "UploadError",
    "detect_language",
    "extract_text",
    "language_name",
]

ACCEPTED: Final = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
#: Languages the extraction understands.
SUPPORTED: Final = ("nb", "nn", "en")
LANGUAGE_NAMES: Final = {
    "nb": "Norwegian Bokmål", "nn": "Norwegian Nynorsk", "en": "English", "de": "German",
    "sv": "Swedish", "da": "Danish", "fr": "French", "es": "Spanish", "it": "Italian",
    "nl": "Dutch", "pl": "Polish", "uk": "Ukrainian", "ru": "Russian", "fi": "Finnish",
    "pt": "Portuguese", "cs": "Czech", "et": "Estonian", "lv": "Latvian", "lt": "Lithuanian",
}  # fmt: skip
_MIN_LETTERS: Final = 20
_BLANK_LINES: Final = re.compile(r"\n{3,}")
#: Words (and letters) that tell the three Scandinavian languages apart. ``langdetect``
#: confuses them on short texts ("Macron sa i går …" comes out Swedish), so when it names
#: any of them the choice is made here: Swedish writes ä/ö and "och/att/inte", Danish
#: "efter/af/hvad/nogen", Norwegian "etter/av/hva/noen".
_SCANDINAVIAN: Final = {
    "sv": re.compile(r"[äö]|\b(och|inte|är|för|säger|också|någon|mycket|sig)\b", re.I),
    "da": re.compile(r"\b(efter|af|hvad|nogen|nogle|meget|blev|mig|sig|gennem|også)\b", re.I),
    "no": re.compile(r"\b(etter|av|hva|noen|mye|ble|meg|seg|gjennom|ikkje|frå|også)\b", re.I),
}


class UploadError(ValueError):
    """A file the app cannot read; the message tells a person why and what to do."""


def language_name(code: str) -> str:
    """Return a language's English name: ours, else ISO 639 via pycountry, else the code."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    import pycountry  # noqa: PLC0415

    language = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return str(language.name) if language is not None else code


def detect_language(text: str) -> str:
    """Return the language of ``text`` as a code (``nb``, ``nn``, ``en``, ``de``, ``uk`` …).

    Deterministic (the detector is seeded). Norwegian is split into Bokmål and Nynorsk by
    the extraction's own word lists; a text too short to tell defaults to that guess too.
    """
    from langdetect import DetectorFactory, LangDetectException, detect  # noqa: PLC0415

    DetectorFactory.seed = 0
    try:
        code = detect(text[:5000])
    except LangDetectException:
        return guess_lang(text)
    if code in ("no", "nb", "nn", "sv", "da"):
        code = _scandinavian(text)
    if code == "no":
        return guess_lang(text) if guess_lang(text) in ("nb", "nn") else "nb"
    return str(code)


def _scandinavian(text: str) -> str:
    """Return ``sv``, ``da`` or ``no`` by distinctive words; a tie is taken for Norwegian."""
    sample = text[:5000]
    scores = {code: len(pattern.findall(sample)) for code, pattern in _SCANDINAVIAN.items()}
    best = max(scores.values())
    if best == 0 or scores["no"] == best:
        return "no"
    return max(("sv", "da"), key=lambda code: scores[code])


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _html_text(raw: bytes) -> str:
    from bs4 import BeautifulSoup  # noqa: PLC0415

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "header"]):
        tag.decompose()
    blocks = [b.get_text(" ", strip=True) for b in soup.find_all(["h1", "h2", "h3", "p", "li"])]
    text = "\n\n".join(b for b in blocks if b)
    return text or soup.get_text("\n", strip=True)


def _docx_text(raw: bytes, name: str) -> str:
    import docx  # noqa: PLC0415
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        msg = f"{name} could not be opened as a Word document (it may be damaged): save it again."
        raise UploadError(msg) from exc
    return "\n\n".join(p.text for p in document.paragraphs if p.text.strip())


def _pdf_text(raw: bytes, name: str) -> str:
    from pypdf import PdfReader  # noqa: PLC0415
    from pypdf.errors import PdfReadError  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            msg = f"{name} is password-protected: save an unprotected copy and try again."
            raise UploadError(msg)
        return "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
    except (PdfReadError, ValueError, OSError) as exc:
        msg = f"{name} could not be opened as a PDF (it may be damaged): save it again."
        raise UploadError(msg) from exc


def extract_text(raw: bytes, name: str) -> bytes:
    """Return the article bytes (UTF-8 text) of an uploaded file, or raise :class:`UploadError`.

    ``.txt``/``.md`` pass through unchanged (their front matter is read later); the other
    formats become plain paragraphs.
    """
    suffix = PurePath(name).suffix.lower()
    if suffix not in ACCEPTED:
        kind = f"“{suffix}” files" if suffix else "Files without an extension"
        msg = (
            f"{kind} cannot be read here ({name}). Upload the article as .txt, .md, .html, "
            ".docx or .pdf, or paste its text."
        )
        raise UploadError(msg)
    if suffix in (".txt", ".md"):
        text = raw.decode("utf-8", errors="replace")
        out = raw
    else:
        if suffix in (".html", ".htm"):
            text = _html_text(raw)
        elif suffix == ".docx":
            text = _docx_text(raw, name)
        else:
            text = _pdf_text(raw, name)
        text = _BLANK_LINES.sub("\n\n", text).strip()
        out = text.encode("utf-8")
    if _letters(text) < _MIN_LETTERS:
        hint = " (a scanned PDF holds only pictures of text)" if suffix == ".pdf" else ""
        msg = f"No article text found in {name}{hint}: nothing was added."
        raise UploadError(msg)
    return out
