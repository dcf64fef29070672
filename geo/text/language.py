"""Which language a text is in, and whether the extractor has a grammar for it.

One function, :func:`detect_language`, used by ingestion (``python -m geo ingest``) and by
the dashboard, so a page in German is reported as unsupported everywhere instead of being
read with the Norwegian grammar. Detection uses ``lingua-language-detector`` restricted to a
small set of languages (the ones a Norwegian reader of war news meets: Norwegian Bokmål and
Nynorsk, English, the other Nordic and large European languages, Russian and Ukrainian):
the restriction keeps the model small (~30 MB, loaded once) and makes Danish/Swedish the only
close competitors of Norwegian. Low-accuracy mode (trigram models) is used because articles
are long; lingua documents it as reliable above a sentence or two.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from geo.errors import GeoError
from geo.model import Lang

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = [
    "SUPPORTED_LANGS",
    "LanguageGuess",
    "UnsupportedLanguageError",
    "detect_language",
    "supported_lang",
]

#: The languages the extractor has grammars for (ISO 639-1).
SUPPORTED_LANGS: Final[tuple[Lang, ...]] = ("nb", "nn", "en")

#: Languages the detector chooses between (lingua names), besides the supported ones.
_CANDIDATES: Final = (
    "BOKMAL", "NYNORSK", "ENGLISH", "DANISH", "SWEDISH", "FINNISH", "GERMAN", "FRENCH",
    "SPANISH", "ITALIAN", "DUTCH", "POLISH", "RUSSIAN", "UKRAINIAN",
)  # fmt: skip

_NAMES: Final = {
    "nb": "Norwegian Bokmål",
    "nn": "Norwegian Nynorsk",
    "en": "English",
    "da": "Danish",
    "sv": "Swedish",
    "fi": "Finnish",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "ru": "Russian",
    "uk": "Ukrainian",
}

#: Characters of text the detector reads; more does not change the answer for an article.
_SAMPLE_CHARS: Final = 4000


class UnsupportedLanguageError(GeoError, ValueError):
    """The text is in a language the extractor has no grammar for (or none was found)."""


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The detected language: ISO 639-1 ``code`` (``"und"`` if none), name, confidence 0–1.

    ``lang`` is the grammar to use (``"nb"``, ``"nn"``, ``"en"``) or ``None`` when the
    language is unsupported.
    """

    code: str
    name: str
    confidence: float

    @property
    def lang(self) -> Lang | None:
        """The supported language this guess routes to, or ``None``."""
        for lang in SUPPORTED_LANGS:
            if lang == self.code:
                return lang
        return None


@functools.cache
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder  # noqa: PLC0415 - loaded on first use

    languages = [getattr(Language, name) for name in _CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> LanguageGuess:
    """Return the most likely language of ``text`` among a fixed candidate set.

    Examples
    --------
    >>> detect_language("Russland sier at de ikke vil forhandle før våren, ifølge Kreml.").code
    'nb'
    >>> detect_language("The Kremlin said the talks were useful but no deal was reached.").lang
    'en'
    """
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return LanguageGuess("und", "undetermined", 0.0)
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0.0:
        return LanguageGuess("und", "undetermined", 0.0)
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return LanguageGuess(code, _NAMES.get(code, code), float(best.value))


def supported_lang(text: str) -> Lang:
    """Return ``"nb"``, ``"nn"`` or ``"en"`` for ``text``, or raise if it is anything else.

    Raises
    ------
    UnsupportedLanguageError
        The text is in another language (named in the message) or has no words.
    """
    guess = detect_language(text)
    if guess.lang is not None:
        return guess.lang
    if guess.code == "und":
        msg = "no language could be detected (the text holds no words)"
    else:
        msg = (
            f"the text is in {guess.name} ({guess.code}); only Norwegian Bokmål (nb), "
            "Nynorsk (nn) and English (en) are supported, so it was not extracted"
        )
    raise UnsupportedLanguageError(msg)
