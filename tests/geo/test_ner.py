"""The named-entity model: shipped data, reproducible training, package-data loading.

Sentences are written for these tests (never taken from NorNE or the evaluation texts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.errors import GeoError
from geo.ner.features import (
    FEATURE_VERSION,
    LINE_BREAK,
    anchors,
    lower_case_words,
    tokenize,
    windows,
)
from geo.ner.lexicon import LEXICON_VERSION
from geo.ner.norne import data_sha256, read_conll
from geo.ner.tagger import Recogniser, load_recogniser, spans_from_labels
from geo.ner.train import CONFIG_PATH, load_config, train_models

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = PROJECT_ROOT / "geo" / "ner"


def _conll(sentences: list[list[tuple[str, str]]]) -> str:
    """Write sentences in NDT's 10-column CoNLL layout (only columns 1, 2 and 10 matter)."""
    blocks = []
    for sentence in sentences:
        rows = [
            f"{i}\t{word}\t{word.lower()}\tx\tx\t_\t0\tX\t_\tname={tag}"
            for i, (word, tag) in enumerate(sentence, start=1)
        ]
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n"


SMOKE = [
    [
        ("Kari", "B-PER"),
        ("Vangsnes", "I-PER"),
        ("bor", "O"),
        ("i", "O"),
        ("Lillevik", "B-GPE_LOC"),
        (".", "O"),
    ],
    [("Hun", "O"), ("jobber", "O"), ("i", "O"), ("Fiskeridirektoratet", "B-ORG"), (".", "O")],
    [
        ("Vangsnes", "B-PER"),
        ("sier", "O"),
        ("at", "O"),
        ("Lillevik", "B-GPE_LOC"),
        ("er", "O"),
        ("fin", "O"),
        (".", "O"),
    ],
    [
        ("Torstein", "B-PER"),
        ("Aasrud", "I-PER"),
        ("leder", "O"),
        ("Fiskeridirektoratet", "B-ORG"),
        ("i", "O"),
        ("Lillevik", "B-GPE_LOC"),
        (".", "O"),
    ],
    [
        ("Norge", "B-GPE_ORG"),
        ("protesterte", "O"),
        ("mot", "O"),
        ("Havtilsynet", "B-ORG"),
        (".", "O"),
    ],
]


def test_reading_ndt_conll_maps_norne_types_and_marks_heading_breaks() -> None:
    text = _conll([[("Overskrift", "O"), ("|", "O")], *SMOKE[:1], *SMOKE[4:]])
    doc = read_conll(text, "x.conll")
    assert "|" not in doc.words
    assert doc.words[:2] == ("Overskrift", LINE_BREAK)  # a heading ends its line
    assert doc.words[doc.words.index("Norge") - 1] == "."  # ". " joins running sentences
    labels = dict(zip(doc.words, doc.labels, strict=True))
    assert labels["Lillevik"] == "B-LOC"
    assert labels["Norge"] == "B-GPE"
    assert labels["Vangsnes"] == "I-PER"
    with pytest.raises(GeoError, match="columns"):
        read_conll("1\tOrd\tname=O\n")


def test_windows_cover_capitalised_runs_with_connectors_and_context() -> None:
    words = [t.text for t in tokenize("Han møtte Kari Vangsnes fra Universitetet i Bergen i går.")]
    lower = lower_case_words(words)
    spans = [words[w.first : w.last + 1] for w in windows(words, anchors(words, lower))]
    # Names get one token of context on each side ("Han", "i"); "fra" between two names
    # and "i" inside "Universitetet i Bergen" join them into one window; "går" stays out.
    assert spans == [
        ["Han", "møtte", "Kari", "Vangsnes", "fra", "Universitetet", "i", "Bergen", "i"]
    ]
    # A sentence-initial word the text also writes in lower case opens no window.
    words = [t.text for t in tokenize("Det var kaldt, men det gikk. Men han kom.")]
    assert windows(words, anchors(words, lower_case_words(words))) == []


def test_line_breaks_are_tokens_that_no_window_crosses() -> None:
    words = [t.text for t in tokenize("Kari Vangsnes\n\nBergen Havn")]
    assert words[2].startswith("\n")
    found = windows(words, anchors(words, set()))
    assert all(not (w.first < 2 < w.last) for w in found)


def test_bio_spans_start_new_names_on_type_change() -> None:
    labels = ["B-PER", "I-PER", "O", "I-ORG", "B-LOC", "I-LOC", "I-PER"]
    assert spans_from_labels(labels) == [(0, 1, "PER"), (3, 3, "ORG"), (4, 5, "LOC"), (6, 6, "PER")]


def test_shipped_model_matches_its_config_feature_set_and_size() -> None:
    meta = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    assert meta["config"] == load_config(CONFIG_PATH)
    assert meta["feature_version"] == FEATURE_VERSION
    assert meta["lexicon_version"] == LEXICON_VERSION
    total = 0
    for spec in meta["models"].values():
        path = MODEL_DIR / spec["file"]
        assert path.stat().st_size == spec["bytes"]
        assert (MODEL_DIR / spec["weights"]).stat().st_size == spec["weights_bytes"]
        total += spec["bytes"] + spec["weights_bytes"]
    assert total <= 50 * 1024 * 1024
    assert {spec["lang"] for spec in meta["models"].values()} == {"nb", "en"}


def test_shipped_model_was_trained_on_the_norne_train_files_it_names(shared_dir: Path) -> None:
    meta = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    data = PROJECT_ROOT / meta["config"]["data"]
    assert data.resolve() == (shared_dir / "eval" / "norne" / "train").resolve()
    assert meta["data_sha256"] == data_sha256(data)


def test_smoke_training_run_learns_the_names_it_was_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.conll").write_text(_conll(SMOKE * 3), encoding="utf-8")
    config = load_config()
    config["crf"] = {**config["crf"], "max_iterations": 40, "feature.minfreq": 1}
    out = tmp_path / "model"
    result = train_models(data, out, config)
    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert meta == result.metadata
    assert meta["data_sha256"] == data_sha256(data)
    assert meta["config"]["crf"]["max_iterations"] == 40
    recogniser = Recogniser(out, meta)
    found = {
        (e.surface, e.label)
        for e in recogniser.recognise(
            "Torstein Aasrud bor i Lillevik. Han leder Fiskeridirektoratet.", "nb"
        )
    }
    assert ("Torstein Aasrud", "PER") in found
    assert ("Fiskeridirektoratet", "ORG") in found


def test_training_the_same_data_twice_gives_the_same_model(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.conll").write_text(_conll(SMOKE), encoding="utf-8")
    config = load_config()
    config["crf"] = {**config["crf"], "max_iterations": 10, "feature.minfreq": 1}
    config["models"] = {"nb": config["models"]["nb"]}
    train_models(data, tmp_path / "one", config)
    train_models(data, tmp_path / "two", config)
    assert (tmp_path / "one" / "nb.crfsuite").read_bytes() == (
        tmp_path / "two" / "nb.crfsuite"
    ).read_bytes()


def test_numpy_decoder_gives_crfsuite_s_own_labels() -> None:
    import pycrfsuite

    from geo.ner.features import features, inner_capitals

    meta = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    recogniser = load_recogniser()
    text = (
        "Statsråd Ingrid Fjellheim (Frp) møtte ordfører Ola Berg i Tromsø.\n\n"
        "Fiskeridirektoratet og Havtilsynet la fram planen. Norge protesterte, sa Berg.\n"
        "GUNNAR HOLM: Det er Nordlands Sparebank og NRK Troms som betaler."
    )
    words = [t.text for t in tokenize(text)]
    for variant, spec in meta["models"].items():
        tagger = pycrfsuite.Tagger()
        tagger.open(str(MODEL_DIR / spec["file"]))
        lower = lower_case_words(words)
        starts = anchors(words, lower)
        caps = inner_capitals(words, starts)
        expected = []
        for window in windows(words, starts):
            xseq = features(
                words,
                window,
                group=variant,
                lexical=spec["lexical"],
                lower_words=lower,
                inner_caps=caps,
            )
            expected += [
                (window.first + a, window.first + b, kind)
                for a, b, kind in spans_from_labels(tagger.tag(xseq))
            ]
        assert recogniser.tag_tokens(words, spec["lang"]) == expected
        assert expected  # the comparison is about real names, not empty lists


def test_training_without_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GeoError, match=r"no \*\.conll files"):
        train_models(tmp_path, tmp_path / "out")


def test_train_ner_command_is_registered() -> None:
    from geo.cli import build_parser

    args = build_parser().parse_args(["train-ner", "--data", "x", "--out", "y"])
    assert args.command == "train-ner"
    assert args.data == Path("x")


def test_shipped_recogniser_tags_norwegian_and_english_names() -> None:
    recogniser = load_recogniser()
    nb = recogniser.recognise("Statsråd Ingrid Fjellheim bor i Tromsø og er med i Frp.", "nb")
    labels = {(e.surface, e.label) for e in nb}
    assert ("Ingrid Fjellheim", "PER") in labels
    assert ("Tromsø", "LOC") in labels
    en = recogniser.recognise("Ingrid Fjellheim told reporters in Tromsø on Monday.", "en")
    assert any(e.surface == "Ingrid Fjellheim" and e.label == "PER" for e in en)


@pytest.mark.slow
def test_model_loads_from_package_data_in_a_non_editable_install(tmp_path: Path) -> None:
    # setuptools' build_py lays out exactly what a wheel installs (packages + package data
    # from pyproject.toml), offline; the subprocess then imports geo from there only.
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from setuptools import setup; setup()",
            "-q",
            "build_py",
            "--build-lib",
            str(target),
        ],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (target / "geo" / "ner" / "model.json").is_file()
    code = (
        "import geo.ner.tagger as t, json;"
        "r = t.load_recogniser();"
        f"assert t.__file__.startswith({str(target)!r}), t.__file__;"
        "print(json.dumps([(e.surface, e.label) for e in "
        "r.recognise('Ingrid Fjellheim bor i Tromsø.', 'nb')]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert ["Ingrid Fjellheim", "PER"] in json.loads(done.stdout)
