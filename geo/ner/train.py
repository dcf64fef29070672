"""Train the named-entity models from NorNE train, reproducibly, from ``geo/ner/config.json``.

Why a CRF (CRFsuite through ``python-crfsuite``): training and tagging run in C, a model of
a few megabytes tags a window of tokens in microseconds, and a linear-chain CRF over sparse
features is the strongest learner per CPU-second at this size (an averaged perceptron in
Python tags slower than the CRF in C and is weaker; a transformer or spaCy's CNN would cost
orders of magnitude more per article than the whole pipeline's budget of a few ms).

Two models are trained on the same windows of the same documents:

- ``nb`` (Bokmål and Nynorsk): delexicalised plus lexical features;
- ``en`` (English): delexicalised features only, so everything it learnt transfers from
  Norwegian by shape, frequency, document and cue-class evidence (see
  :mod:`geo.ner.features`), not by Norwegian words.

L-BFGS on a fixed document order is deterministic, so the same data, config and feature
version give the same model. The metadata written next to the models records all three.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import GeoError
from geo.ner.crf import export_weights
from geo.ner.features import (
    FEATURE_VERSION,
    anchors,
    features,
    group_of,
    inner_capitals,
    lower_case_words,
    windows,
)
from geo.ner.lexicon import LEXICON_VERSION
from geo.ner.norne import Document, data_sha256, read_documents

__all__ = ["CONFIG_PATH", "TrainResult", "load_config", "sequences", "train_models"]

CONFIG_PATH = Path(__file__).with_name("config.json")
METADATA_NAME = "model.json"


@dataclass(frozen=True, slots=True)
class TrainResult:
    """What a training run wrote and how long it took."""

    metadata: dict[str, Any]
    seconds: float


def load_config(path: Path = CONFIG_PATH) -> dict[str, Any]:
    """Read the training config (hyper-parameters and model variants)."""
    try:
        config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        msg = f"{path}: cannot read the NER training config ({exc})"
        raise GeoError(msg) from exc
    for key in ("crf", "models"):
        if key not in config:
            msg = f"{path}: the config has no {key!r} section"
            raise GeoError(msg)
    return config


def _bio_window(labels: tuple[str, ...], first: int, last: int) -> list[str]:
    out = list(labels[first : last + 1])
    if out and out[0].startswith("I-"):
        out[0] = "B-" + out[0][2:]
    return out


def sequences(
    docs: list[Document], *, lang: str, lexical: bool
) -> Iterator[tuple[list[list[str]], list[str]]]:
    """Yield (features, labels) for every candidate window of every document."""
    group = group_of(lang)
    for doc in docs:
        lower_words = lower_case_words(doc.words)
        starts = anchors(doc.words, lower_words)
        inner_caps = inner_capitals(doc.words, starts)
        for window in windows(doc.words, starts):
            xseq = features(
                doc.words,
                window,
                group=group,
                lexical=lexical,
                lower_words=lower_words,
                inner_caps=inner_caps,
            )
            yield xseq, _bio_window(doc.labels, window.first, window.last)


def train_models(
    data: Path, out_dir: Path, config: dict[str, Any] | None = None, *, verbose: bool = False
) -> TrainResult:
    """Train every model variant of ``config`` on the NorNE files under ``data``.

    Writes ``<variant>.crfsuite`` (the CRFsuite model), ``<variant>.weights.json`` (its
    weights, which the tagger reads: :mod:`geo.ner.crf`) per variant and ``model.json``
    (config, feature and lexicon versions, data SHA-256, sizes) into ``out_dir``.
    """
    import pycrfsuite  # noqa: PLC0415 - only training and tagging need the C extension

    cfg = config if config is not None else load_config()
    started = time.perf_counter()
    docs = read_documents(data)
    out_dir.mkdir(parents=True, exist_ok=True)
    models: dict[str, Any] = {}
    for variant, spec in sorted(cfg["models"].items()):
        trainer = pycrfsuite.Trainer(verbose=verbose)
        trainer.select(cfg["crf"].get("algorithm", "lbfgs"), "crf1d")
        n_windows = 0
        for xseq, yseq in sequences(docs, lang=spec["lang"], lexical=spec["lexical"]):
            trainer.append(xseq, yseq)
            n_windows += 1
        params = {k: v for k, v in cfg["crf"].items() if k != "algorithm"}
        trainer.set_params(params)
        path = out_dir / f"{variant}.crfsuite"
        t0 = time.perf_counter()
        trainer.train(str(path))
        last = trainer.logparser.last_iteration or {}
        weights = out_dir / f"{variant}.weights.json"
        export_weights(path, weights)
        models[variant] = {
            "file": path.name,
            "weights": weights.name,
            "weights_bytes": weights.stat().st_size,
            "lang": spec["lang"],
            "lexical": spec["lexical"],
            "windows": n_windows,
            "bytes": path.stat().st_size,
            "train_seconds": round(time.perf_counter() - t0, 1),
            "iterations": len(trainer.logparser.iterations),
            "final_loss": last.get("loss"),
        }
    metadata = {
        "feature_version": FEATURE_VERSION,
        "lexicon_version": LEXICON_VERSION,
        "config": cfg,
        "data_sha256": data_sha256(data),
        "data_files": len(docs),
        "data_tokens": sum(len(d.words) for d in docs),
        "trained_on": "NorNE train (ltgoslo/norne@bd311de), NDT files",
        "models": models,
    }
    (out_dir / METADATA_NAME).write_text(
        json.dumps(metadata, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return TrainResult(metadata, time.perf_counter() - started)
