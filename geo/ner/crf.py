"""Linear-chain CRF inference over exported CRFsuite weights, batched with numpy.

Why not call CRFsuite to tag: handing features to it costs about a microsecond per feature
string (conversion and dictionary look-up in the binding), over a millisecond per article,
more than the whole stage may cost. The weights of a trained CRFsuite model are exported
once (:func:`export_weights`, at training time) as attribute → label weights plus the label
transition matrix; here every word type's feature *ids* are cached, an article's emission
scores are one gather-and-sum, and Viterbi runs over all its windows at once, position by
position. The result equals CRFsuite's own tagging (``tests/geo/test_ner.py`` checks it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["LinearChainCRF", "export_weights"]


def export_weights(model_path: Path, out_path: Path) -> dict[str, Any]:
    """Write the weights of a CRFsuite model as JSON; return what was written."""
    import pycrfsuite  # noqa: PLC0415 - training-time only

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    info = tagger.info()
    labels = list(tagger.labels())
    index = {label: i for i, label in enumerate(labels)}
    attributes: dict[str, list[list[float]]] = {}
    for (attr, label), weight in sorted(info.state_features.items()):
        attributes.setdefault(attr, []).append([index[label], weight])
    transitions = [[0.0] * len(labels) for _ in labels]
    for (src, dst), weight in info.transitions.items():
        transitions[index[src]][index[dst]] = weight
    data = {"labels": labels, "transitions": transitions, "attributes": attributes}
    out_path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tagger.close()
    return data


class LinearChainCRF:
    """Viterbi decoding with the exported weights of one CRFsuite model."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.labels: tuple[str, ...] = tuple(data["labels"])
        n_labels = len(self.labels)
        attributes: dict[str, list[list[float]]] = data["attributes"]
        self._ids: dict[str, int] = {}
        weights = np.zeros((len(attributes) + 1, n_labels))  # last row: unknown attribute
        for row, (attr, pairs) in enumerate(attributes.items()):
            self._ids[attr] = row
            for label, weight in pairs:
                weights[row, int(label)] = weight
        self._weights = weights
        self._unknown = len(attributes)
        self._transitions = np.asarray(data["transitions"], dtype=float)
        self._outside = self.labels.index("O") if "O" in self.labels else -1

    @classmethod
    def load(cls, path: Path) -> LinearChainCRF:
        """Read exported weights (see :func:`export_weights`)."""
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def ids(self, features: Sequence[str]) -> tuple[int, ...]:
        """Return the attribute ids of known features (unknown ones carry no weight)."""
        get = self._ids.get
        return tuple(i for i in (get(f) for f in features) if i is not None)

    def decode(self, windows: Sequence[Sequence[Sequence[int]]]) -> list[list[int] | None]:
        """Return the best label ids of every window, ``None`` for a window of all ``O``.

        ``windows[w][t]`` holds the attribute ids of token ``t`` of window ``w``. Label ids
        index :attr:`labels`.
        """
        flat: list[int] = []
        offsets: list[int] = []
        for window in windows:
            for ids in window:
                offsets.append(len(flat))
                flat.extend(ids or (self._unknown,))
        return self.decode_flat(flat, offsets, [len(w) for w in windows])

    def decode_flat(
        self, flat: Sequence[int], offsets: Sequence[int], sizes: Sequence[int]
    ) -> list[list[int] | None]:
        """Decode windows given as one flat id list (what :meth:`decode` builds).

        Token ``t`` of the article's windows, counted across all of them, owns the ids
        ``flat[offsets[t]:offsets[t + 1]]`` (at least one: :attr:`unknown` for a token
        with no known feature); window ``w`` has ``sizes[w]`` tokens. Why flat: the caller
        builds this list directly, without a tuple per token.

        Viterbi runs over all windows at once, position by position, longest window first,
        so the work is the total number of tokens (linear), not windows times the longest.
        """
        if not sizes:
            return []
        emissions = np.add.reduceat(self._weights[flat], offsets, axis=0)
        starts = np.cumsum([0, *sizes[:-1]])
        order = sorted(range(len(sizes)), key=lambda w: -sizes[w])  # stable, longest first
        lengths = [sizes[w] for w in order]  # active rows are a prefix
        base = starts[order]
        trans = self._transitions[None, :, :]
        best_of = np.maximum.reduce  # the ufunc itself: ndarray.max adds a Python layer
        score = emissions[base]
        finals = np.zeros(len(lengths), dtype=np.intp)
        backs: list[np.ndarray] = []
        actives: list[int] = []
        active = len(lengths)
        for pos in range(lengths[0]):
            # Windows of length pos + 1 end here: rows ``ending..active`` (longest first).
            ending = active
            while ending > 0 and lengths[ending - 1] == pos + 1:
                ending -= 1
            if ending < active:
                finals[ending:active] = score[ending:active].argmax(axis=1)
            active = ending
            if not active:
                break
            cand = score[:active, :, None] + trans
            backs.append(cand.argmax(axis=1))
            actives.append(active)
            score = best_of(cand, axis=1) + emissions[base[:active] + pos + 1]
        longest = lengths[0]
        paths = np.zeros((len(lengths), longest), dtype=np.intp)
        rows = np.arange(len(lengths))
        paths[rows, np.asarray(lengths) - 1] = finals
        for pos in range(longest - 2, -1, -1):
            act = actives[pos]  # windows longer than pos + 1
            paths[:act, pos] = backs[pos][rows[:act], paths[:act, pos + 1]]
        mask = np.arange(longest)[None, :] < np.asarray(lengths)[:, None]
        named = np.flatnonzero(((paths != self._outside) & mask).any(axis=1))
        out: list[list[int] | None] = [None] * len(sizes)
        for rank in named.tolist():
            out[order[rank]] = paths[rank, : lengths[rank]].tolist()
        return out

    @property
    def unknown(self) -> int:
        """The attribute id that carries no weight (a token with no known feature)."""
        return self._unknown
