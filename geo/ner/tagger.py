"""Tag an article's names with the shipped CRF models: persons, organisations, places.

The models and their metadata are package data (``geo/ner/*.weights.json``, the exported
weights of the CRFsuite models ``*.crfsuite``, and ``model.json``),
read through :mod:`importlib.resources`, so they load the same from a wheel, a plain
install or a source checkout, with no download. Tagging looks only at candidate windows
(:func:`geo.ner.features.windows`); everything else is outside any name. Decoding is
:class:`geo.ner.crf.LinearChainCRF` (numpy), which gives CRFsuite's own labels faster.
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
from geo.ner.crf import LinearChainCRF
from geo.ner.features import (
    BOS,
    DOC_CAP,
    DOC_LOWER,
    FEATURE_VERSION,
    FIRST,
    LAST,
    anchors,
    flags,
    group_of,
    inner_capitals,
    lower_case_words,
    token_pattern,
    windows,
    word_views,
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

    ``model_dir`` is the folder of the files named in ``metadata``, or a mapping of variant
    to its exported weights file (``<variant>.weights.json``).
    """

    def __init__(self, model_dir: Path | dict[str, Path], metadata: dict[str, Any]) -> None:
        if metadata.get("feature_version") != FEATURE_VERSION:
            msg = (
                f"NER model was trained with feature version {metadata.get('feature_version')}, "
                f"the code has {FEATURE_VERSION}; retrain with `python -m geo train-ner`"
            )
            raise GeoError(msg)
        self.metadata = metadata
        self._models: dict[str, LinearChainCRF] = {}
        self._lexical: dict[str, bool] = {}
        for variant, spec in metadata["models"].items():
            if isinstance(model_dir, dict):
                path = model_dir[variant]
            else:
                path = model_dir / spec["weights"]
            self._models[variant] = LinearChainCRF.load(path)
            self._lexical[variant] = bool(spec["lexical"])
        self._ids: dict[tuple[str, str], tuple[tuple[int, ...], ...]] = {}
        self._flag_ids = {
            variant: {f: model.ids([f]) for f in (BOS, DOC_LOWER, DOC_CAP, FIRST, LAST)}
            for variant, model in self._models.items()
        }

    def _views(self, word: str, group: str) -> tuple[tuple[int, ...], ...]:
        """Return the attribute ids of a word type's feature views; cached per type."""
        key = (group, word)
        found = self._ids.get(key)
        if found is None:
            model = self._models[group]
            views = word_views(word, group, self._lexical[group])
            found = tuple(model.ids(v) for v in views)
            self._ids[key] = found
        return found

    def tag_tokens(  # noqa: PLR0912 - one inlined loop: this is the stage's hot path
        self, words: Sequence[str], lang: str
    ) -> list[tuple[int, int, str]]:
        """Return (first, last, type) token ranges of the names among ``words``."""
        group = group_of(lang)
        if not words:
            return []
        lower_words = lower_case_words(words)
        starts = anchors(words, lower_words)
        inner_caps = inner_capitals(words, starts)
        found_windows = windows(words, starts)
        cache = self._ids
        views_of = self._views
        flag_ids = self._flag_ids[group]
        first_ids, last_ids = flag_ids[FIRST], flag_ids[LAST]
        unknown = (self._models[group].unknown,)
        # One flat id list for all windows (see LinearChainCRF.decode_flat): per token its
        # own view, its flags, then what the previous, second-previous and next tokens add.
        flat: list[int] = []
        offsets: list[int] = []
        sizes: list[int] = []
        extend = flat.extend
        for window in found_windows:
            first, last = window.first, window.last
            span = words[first : last + 1]
            views = [cache.get((group, w)) or views_of(w, group) for w in span]
            size = len(span)
            sizes.append(size)
            for k in range(size):
                offsets.append(len(flat))
                mark = len(flat)
                extend(views[k][0])
                if span[k][0].isupper():
                    for flag in flags(words, first + k, window, lower_words, inner_caps):
                        extend(flag_ids[flag])
                else:
                    if not k:
                        extend(first_ids)
                    if k == size - 1:
                        extend(last_ids)
                if k:
                    extend(views[k - 1][1])
                    if k > 1:
                        extend(views[k - 2][3])
                if k < size - 1:
                    extend(views[k + 1][2])
                if len(flat) == mark:
                    extend(unknown)
        found: list[tuple[int, int, str]] = []
        model = self._models[group]
        names = model.labels
        decoded = model.decode_flat(flat, offsets, sizes)
        for window, labels in zip(found_windows, decoded, strict=True):
            if labels is not None:
                found.extend(
                    (window.first + a, window.first + b, kind)
                    for a, b, kind in spans_from_labels([names[i] for i in labels])
                )
        return found

    def recognise(self, text: str, lang: str) -> tuple[EntitySpan, ...]:
        """Return the names in ``text`` as :class:`~geo.model.EntitySpan`, in text order."""
        matches = list(token_pattern().finditer(text))  # one regex pass for words and offsets
        spans = self.tag_tokens([m.group() for m in matches], lang)
        if not spans:
            return ()
        out = []
        for a, b, kind in spans:
            start, end = matches[a].start(), matches[b].end()
            out.append(EntitySpan(text[start:end], start, end, kind))  # type: ignore[arg-type]
        return tuple(out)


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
        variant: Path(_FILES.enter_context(resources.as_file(root.joinpath(spec["weights"]))))
        for variant, spec in metadata["models"].items()
    }
    return Recogniser(paths, metadata)
