"""Read NorNE training files (NDT CoNLL) into documents of tokens and entity labels.

NorNE (Jørgensen et al., LREC 2020; github.com/ltgoslo/norne) tags the Norwegian Dependency
Treebank with IOB2 names in column 10 (``name=B-PER``). The texts belong to their publishers
and are never copied into the project: they are read from ``../shared/eval/norne/train`` when
the model is trained, and only the trained weights are shipped.

Each NDT file (about 100 consecutive sentences of one source) is read as one document whose
sentences follow each other as running text, the way the open-domain scorer builds its
pseudo-articles: a sentence that does not end in ``. ! ? :`` or a closing quote (a heading)
ends its line, which becomes a line-break token (:data:`geo.ner.features.LINE_BREAK`, label
``O``), the token the tagger sees at a line break too; NDT's heading marker ``|`` is dropped.

NorNE types map onto the labels the project uses: ``PER``; ``ORG``; ``LOC`` for ``LOC`` and
``GPE_LOC`` (a place); ``GPE`` for ``GPE_ORG`` (a country or town acting, "Norge
protesterte"); ``MISC`` for ``PROD``, ``EVT``, ``DRV`` and ``MISC`` (names the project does not
extract, learnt so they are not mistaken for the others).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geo.errors import GeoError
from geo.ner.features import LINE_BREAK

__all__ = ["LABEL_MAP", "Document", "data_sha256", "read_conll", "read_documents"]

LABEL_MAP: dict[str, str] = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE_LOC": "LOC",
    "GPE_ORG": "GPE",
    "PROD": "MISC",
    "EVT": "MISC",
    "DRV": "MISC",
    "MISC": "MISC",
}
_SENTENCE_END = re.compile(r"[.!?:»\"”]$")


@dataclass(frozen=True, slots=True)
class Document:
    """One training document: words (line breaks included) and their BIO labels."""

    name: str
    words: tuple[str, ...]
    labels: tuple[str, ...]


def _label(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    mapped = LABEL_MAP.get(kind)
    if mapped is None:
        msg = f"unknown NorNE entity type {kind!r}"
        raise GeoError(msg)
    return f"{prefix}-{mapped}"


def read_conll(text: str, name: str = "<conll>") -> Document:
    """Parse one NDT CoNLL file (10 tab-separated columns, blank line between sentences).

    Raises
    ------
    GeoError
        On a line that does not have 10 columns or an unknown entity type.
    """
    sentences: list[list[tuple[str, str]]] = [[]]
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            msg = f"{name}, line {number}: {len(cols)} columns instead of 10"
            raise GeoError(msg)
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        sentences[-1].append((cols[1], _label(misc.get("name", "O"))))
    words: list[str] = []
    labels: list[str] = []
    for sentence in sentences:
        tokens = [(w, t) for w, t in sentence if w != "|"]
        for word, label in tokens:
            words.append(word)
            labels.append(label)
        if tokens and not _SENTENCE_END.search(tokens[-1][0]):
            words.append(LINE_BREAK)
            labels.append("O")
    return Document(name, tuple(words), tuple(labels))


def _files(root: Path) -> list[Path]:
    files = sorted(root.rglob("*.conll"))
    if not files:
        msg = f"{root}: no *.conll files (expected NorNE train, e.g. ../shared/eval/norne/train)"
        raise GeoError(msg)
    return files


def read_documents(root: Path) -> list[Document]:
    """Read every ``*.conll`` file under ``root`` (sorted by path) as one document each."""
    return [
        read_conll(path.read_text(encoding="utf-8"), str(path.relative_to(root)))
        for path in _files(root)
    ]


def data_sha256(root: Path, files: Iterable[Path] | None = None) -> str:
    """Return the SHA-256 of the training data: each file's relative path and bytes, sorted."""
    digest = hashlib.sha256()
    for path in sorted(files) if files is not None else _files(root):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
