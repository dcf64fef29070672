"""Corpus build: incremental by content hash, bad files skipped, nothing lost on failure."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import geo.corpus
import geo.io.outputs
from geo.corpus import MANIFEST_NAME, build_corpus, corpus_fingerprint, is_stale, load_corpus
from geo.model import Article, Extraction
from geo.resources import Resources
from geo.schema import validate_frames

_FRONT = "---\npublished: 2025-08-14\nlang: {lang}\n---\n"
ARTICLES = {
    "a.txt": _FRONT.format(lang="nb") + "Russland angrep Kyiv med 40 droner onsdag.\n",
    "b.txt": _FRONT.format(lang="nb") + "Trump og Putin møtes i Anchorage fredag.\n",
    "c.md": _FRONT.format(lang="en") + "Ukraine ordered the evacuation of 13 villages.\n",
}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count (by article id) every article the corpus builder extracts."""
    calls: list[str] = []
    real: Callable[..., Extraction] = geo.corpus.extract_article

    def counting(article: Article, resources: Resources | None = None) -> Extraction:
        calls.append(article.id)
        return real(article, resources)

    monkeypatch.setattr(geo.corpus, "extract_article", counting)
    return calls


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_first_build_extracts_every_article_and_writes_valid_outputs(
    seeds: Path, tmp_path: Path, resources: Resources, extracted: list[str]
) -> None:
    out = tmp_path / "out"
    result = build_corpus([seeds], out_dir=out, resources=resources)
    assert sorted(extracted) == ["a", "b", "c"]
    assert result.ok
    assert sorted(result.extracted) == ["a", "b", "c"]
    validate_frames(result.frames)
    assert {"events.parquet", "places.parquet", MANIFEST_NAME} <= {p.name for p in out.iterdir()}
    assert set(result.frames.events["type"]) >= {"strike", "summit", "evacuation"}


def test_second_build_extracts_nothing(
    seeds: Path, tmp_path: Path, resources: Resources, extracted: list[str]
) -> None:
    out = tmp_path / "out"
    first = build_corpus([seeds], out_dir=out, resources=resources)
    extracted.clear()
    second = build_corpus([seeds], out_dir=out, resources=resources)
    assert extracted == []
    assert sorted(second.reused) == ["a", "b", "c"]
    assert list(second.frames.events["event_id"]) == list(first.frames.events["event_id"])


def test_changing_one_file_re_extracts_only_that_file(
    seeds: Path, tmp_path: Path, resources: Resources, extracted: list[str]
) -> None:
    out = tmp_path / "out"
    first = build_corpus([seeds], out_dir=out, resources=resources)
    extracted.clear()
    (seeds / "a.txt").write_text(ARTICLES["a.txt"].replace("40", "55"), encoding="utf-8")
    second = build_corpus([seeds], out_dir=out, resources=resources)
    assert extracted == ["a"]
    assert sorted(second.reused) == ["b", "c"]
    kept = first.frames.events[first.frames.events["article_id"] != "a"]["event_id"]
    assert set(kept) <= set(second.frames.events["event_id"])
    strike = second.frames.events[second.frames.events["type"] == "strike"].iloc[0]
    assert '"drones": 55' in strike["quantities"]


def test_touched_but_unchanged_file_is_not_extracted_again(
    seeds: Path, tmp_path: Path, resources: Resources, extracted: list[str]
) -> None:
    out = tmp_path / "out"
    build_corpus([seeds], out_dir=out, resources=resources)
    extracted.clear()
    os.utime(seeds / "b.txt", ns=(1, 1))
    assert build_corpus([seeds], out_dir=out, resources=resources).extracted == ()
    assert extracted == []


def test_removed_file_loses_its_rows(seeds: Path, tmp_path: Path, resources: Resources) -> None:
    out = tmp_path / "out"
    build_corpus([seeds], out_dir=out, resources=resources)
    (seeds / "b.txt").unlink()
    result = build_corpus([seeds], out_dir=out, resources=resources)
    assert "b" not in set(result.frames.articles["article_id"])
    assert "summit" not in set(result.frames.events["type"])


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(("empty.txt", b"", "empty"), id="empty"),
        pytest.param(("binary.txt", b"\x00\x01\x02" * 50, "binary"), id="binary"),
        pytest.param(("front.txt", b"---\npublished: 14.08.2025\n---\nTekst.", "YYYY-MM-DD"),
                     id="bad-front-matter"),
    ],
)  # fmt: skip
def test_bad_file_is_reported_and_skipped_while_the_rest_is_built(
    seeds: Path, tmp_path: Path, resources: Resources, case: tuple[str, bytes, str]
) -> None:
    name, content, message = case
    (seeds / name).write_bytes(content)
    result = build_corpus([seeds], out_dir=tmp_path / "out", resources=resources)
    assert [p.path.name for p in result.failed] == [name]
    assert message in result.failed[0].message
    assert sorted(result.extracted) == ["a", "b", "c"]


def test_two_files_with_the_same_id_are_reported(
    seeds: Path, tmp_path: Path, resources: Resources
) -> None:
    (seeds / "sub").mkdir()
    (seeds / "sub" / "a.txt").write_text(ARTICLES["b.txt"], encoding="utf-8")
    result = build_corpus([seeds], out_dir=tmp_path / "out", resources=resources)
    assert len(result.failed) == 1
    assert "already used" in result.failed[0].message


def test_extraction_crash_midway_leaves_previous_outputs_intact(
    seeds: Path, tmp_path: Path, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_corpus([seeds], out_dir=out, resources=resources)
    before = snapshot(out)
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text + "Mer tekst.\n", encoding="utf-8")

    def crash(article: Article, resources: Resources | None = None) -> Extraction:
        msg = "boom"
        raise RuntimeError(msg)

    monkeypatch.setattr(geo.corpus, "extract_article", crash)
    with pytest.raises(RuntimeError, match="boom"):
        build_corpus([seeds], out_dir=out, resources=resources)
    assert snapshot(out) == before


def test_write_failure_midway_leaves_previous_outputs_intact_and_no_temp_files(
    seeds: Path, tmp_path: Path, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_corpus([seeds], out_dir=out, resources=resources)
    before = snapshot(out)
    (seeds / "a.txt").write_text(ARTICLES["a.txt"] + "Mer.\n", encoding="utf-8")
    real_write = geo.io.outputs._write_one
    written: list[str] = []

    def failing(frame: object, name: str, fmt: str, tmp: Path) -> None:
        written.append(name)
        if len(written) == 3:
            msg = "disk full"
            raise OSError(msg)
        real_write(frame, name, fmt, tmp)  # type: ignore[arg-type]

    monkeypatch.setattr(geo.io.outputs, "_write_one", failing)
    with pytest.raises(OSError, match="disk full"):
        build_corpus([seeds], out_dir=out, resources=resources)
    assert snapshot(out) == before


def test_load_corpus_builds_when_missing_then_reads_without_extracting(
    seeds: Path, tmp_path: Path, extracted: list[str]
) -> None:
    out = tmp_path / "processed"
    assert is_stale(seeds, out)
    frames = load_corpus(seeds_dir=seeds, processed_dir=out)
    assert sorted(extracted) == ["a", "b", "c"]
    assert not is_stale(seeds, out)
    extracted.clear()
    again = load_corpus(seeds_dir=seeds, processed_dir=out)
    assert extracted == []
    assert list(again.events["event_id"]) == list(frames.events["event_id"])


def test_load_corpus_rebuilds_when_a_seed_changed(
    seeds: Path, tmp_path: Path, extracted: list[str]
) -> None:
    out = tmp_path / "processed"
    load_corpus(seeds_dir=seeds, processed_dir=out)
    extracted.clear()
    (seeds / "c.md").write_text(ARTICLES["c.md"].replace("13", "14"), encoding="utf-8")
    assert is_stale(seeds, out)
    load_corpus(seeds_dir=seeds, processed_dir=out)
    assert extracted == ["c"]


def test_truncated_output_makes_the_corpus_stale(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "processed"
    load_corpus(seeds_dir=seeds, processed_dir=out)
    (out / "events.parquet").write_bytes(b"PAR1")
    assert is_stale(seeds, out)
    assert len(load_corpus(seeds_dir=seeds, processed_dir=out).events) > 0


def test_a_bad_seed_that_stays_bad_does_not_make_the_corpus_stale(
    seeds: Path, tmp_path: Path, extracted: list[str]
) -> None:
    out = tmp_path / "processed"
    (seeds / "empty.txt").write_bytes(b"")
    load_corpus(seeds_dir=seeds, processed_dir=out)
    assert not is_stale(seeds, out)
    (seeds / "empty.txt").write_text(ARTICLES["a.txt"].replace("Kyiv", "Lviv"), encoding="utf-8")
    assert is_stale(seeds, out)
    extracted.clear()
    load_corpus(seeds_dir=seeds, processed_dir=out)
    assert extracted == ["empty"]


def test_fingerprint_changes_with_the_seeds_only(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "processed"
    first = corpus_fingerprint(seeds, out)
    assert corpus_fingerprint(seeds, out) == first
    (seeds / "d.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    assert corpus_fingerprint(seeds, out) != first


def test_unknown_format_is_refused(seeds: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        build_corpus([seeds], out_dir=tmp_path / "out", formats=("xlsx",))
