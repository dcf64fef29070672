"""Tag an article's names with the shipped CRF models: persons, organisations, places.

The models and their metadata are package data (``geo/ner/*.crfsuite``, ``model.json``),
read through :mod:`importlib.resources`, so they load the same from a wheel, a plain
install or a source checkout, with no download. Tagging looks only at candidate windows
(:func:`geo.ner.features.windows`); everything else is outside any name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import ExitStack
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from geo.errors import GeoError
from geo.model import EntitySpan
from geo.ner.features import (
    FEATURE_VERSION,
    Token,
    document_sets,
    features,
    group_of,
    tokenize,
    windows,
)
from geo.ner.lexicon import LEXICON_VERSION

__all__ = ["Recogniser", "load_recogniser", "spans_from_labels"]

_PACKAGE = "geo.ner"
_METADATA = "model.json"


def spans_from_labels(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Return (first, last, type) token ranges from BIO labels (an I- after O opens a span)."""
    out: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, label in enumerate(labels):
        if label.startswith("I-") and start >= 0 and label[2:] == kind:
            continue
        if start >= 0:
            out.append((start, i - 1, kind))
            start = -1
        if label != "O":
            start, kind = i, label[2:]
    if start >= 0:
        out.append((start, len(labels) - 1, kind))
    return out


class Recogniser:
    """The loaded models, one per language group (``nb`` for nb/nn, ``en``).

    ``model_dir`` is the folder of the model files named in ``metadata``, or a mapping of
    variant to model file.
    """

    def __init__(self, model_dir: Path | dict[str, Path], metadata: dict[str, Any]) -> None:
        import pycrfsuite  # noqa: PLC0415 - the C extension, needed only here

        if metadata.get("feature_version") != FEATURE_VERSION:
            msg = (
                f"NER model was trained with feature version {metadata.get('feature_version')}, "
                f"the code has {FEATURE_VERSION}; retrain with `python -m geo train-ner`"
            )
            raise GeoError(msg)
        self.metadata = metadata
        self._taggers: dict[str, Any] = {}
        self._lexical: dict[str, bool] = {}
        for variant, spec in metadata["models"].items():
            tagger = pycrfsuite.Tagger()
            path = model_dir[variant] if isinstance(model_dir, dict) else model_dir / spec["file"]
            tagger.open(str(path))
            self._taggers[variant] = tagger
            self._lexical[variant] = bool(spec["lexical"])

    def tag_tokens(
        self, words: Sequence[str], lang: str, breaks: Sequence[bool] | None = None
    ) -> list[tuple[int, int, str]]:
        """Return (first, last, type) token ranges of the names among ``words``."""
        group = group_of(lang)
        tagger = self._taggers[group]
        lexical = self._lexical[group]
        lower_words, inner_caps = document_sets(words, breaks)
        found: list[tuple[int, int, str]] = []
        for window in windows(words, breaks):
            xseq = features(
                words,
                window,
                group=group,
                lexical=lexical,
                lower_words=lower_words,
                inner_caps=inner_caps,
                breaks=breaks,
            )
            labels = tagger.tag(xseq)
            found.extend(
                (window.first + a, window.first + b, kind)
                for a, b, kind in spans_from_labels(labels)
            )
        return found

    def recognise(self, text: str, lang: str) -> tuple[EntitySpan, ...]:
        """Return the names in ``text`` as :class:`~geo.model.EntitySpan`, in text order."""
        tokens = tokenize(text)
        words = [t.text for t in tokens]
        breaks = _line_breaks(text, tokens)
        return tuple(
            EntitySpan(
                text[tokens[a].start : tokens[b].end], tokens[a].start, tokens[b].end, kind
            )
            for a, b, kind in self.tag_tokens(words, lang, breaks)
        )


def _line_breaks(text: str, tokens: Sequence[Token]) -> list[bool]:
    out = [True] * len(tokens)
    prev_end = 0
    for i, tok in enumerate(tokens):
        if i:
            out[i] = "\n" in text[prev_end : tok.start]
        prev_end = tok.end
    return out


_FILES = ExitStack()


@cache
def load_recogniser() -> Recogniser:
    """Load the shipped models from package data, once per process.

    Raises
    ------
    GeoError
        When the model files are missing or were trained with other features.
    """
    root = resources.files(_PACKAGE)
    try:
        metadata = json.loads(root.joinpath(_METADATA).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        msg = f"NER model metadata {_PACKAGE}/{_METADATA} unreadable ({exc}); reinstall geo"
        raise GeoError(msg) from exc
    if metadata.get("lexicon_version") != LEXICON_VERSION:
        msg = "NER model lexicon version differs from geo.ner.lexicon; retrain the model"
        raise GeoError(msg)
    paths = {
        variant: Path(_FILES.enter_context(resources.as_file(root.joinpath(spec["file"]))))
        for variant, spec in metadata["models"].items()
    }
    return Recogniser(paths, metadata)
