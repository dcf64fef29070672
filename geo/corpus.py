"""Build the corpus incrementally and load it: article files → GeoParquet in ``data/processed``.

Why incremental: re-extracting thousands of unchanged articles on every start would make the
dashboard slow. Each output folder holds ``manifest.json``::

    {"version": 1, "extractor": "<hash of the extractor's code and data>",
     "articles": {"<article id>": {"path", "hash", "size", "mtime_ns"}},
     "failed": {"<path>": [size, mtime_ns]},
     "outputs": {"events.parquet": <bytes>, ...}}

An article whose content hash (SHA-256 of the file's bytes) matches the manifest keeps its
rows from the previous build; only new or changed files are extracted. A file whose size and
modification time match the manifest is not even read (make's rule); when they differ the
hash decides. A change to the extractor's code or data (``extractor``) rebuilds everything.

Failure semantics (see :mod:`geo.batch`): a bad file (:class:`~geo.errors.GeoError`) is
reported in :attr:`BatchResult.failed` and skipped; programming errors propagate. Outputs are
written atomically and the manifest last, so a run that dies midway leaves the previous
build complete and readable.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from geo import settings
from geo.errors import ArticleError, GeoError, SchemaError
from geo.frames import Frames, concat_frames, extractions_to_frames
from geo.io.articles import article_from_bytes, iter_article_paths, read_article_bytes
from geo.io.outputs import FORMATS, atomic_write_text, read_frames, write_frames
from geo.model import Extraction
from geo.pipeline import extract_article
from geo.resources import Resources, load_resources

__all__ = [
    "MANIFEST_NAME",
    "BatchResult",
    "FileProblem",
    "build_corpus",
    "corpus_fingerprint",
    "extractor_version",
    "is_stale",
    "load_corpus",
]

logger = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
_MANIFEST_VERSION = 1
_FRAME_NAMES = ("places", "events", "quotes", "actors", "articles")


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file the build skipped, and why (the error's class name and message)."""

    path: Path
    error_type: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class BatchResult:
    """What one build did.

    The corpus frames, which articles were extracted or reused, which files failed, and the
    files written.
    """

    frames: Frames
    extracted: tuple[str, ...] = ()
    reused: tuple[str, ...] = ()
    failed: tuple[FileProblem, ...] = ()
    written: tuple[Path, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failed


@cache
def extractor_version() -> str:
    """Hash of the extractor's source files and shipped data (cached per process).

    Any change to ``geo/**/*.py`` or to ``data/registry`` changes it, so outputs built by an
    older extractor are rebuilt rather than shown.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    sources = sorted(package.rglob("*.py"))
    registry = settings.DATA_DIR / "registry"
    if registry.is_dir():
        sources += sorted(p for p in registry.rglob("*") if p.is_file())
    for path in sources:
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _read_manifest(out_dir: Path) -> dict[str, Any] | None:
    path = out_dir / MANIFEST_NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("version") != _MANIFEST_VERSION:
        return None
    return manifest


def _outputs_intact(out_dir: Path, manifest: dict[str, Any]) -> bool:
    outputs = manifest.get("outputs", {})
    for name in _FRAME_NAMES:
        file = out_dir / f"{name}.parquet"
        if not file.is_file() or outputs.get(file.name) != file.stat().st_size:
            return False
    return True


def _previous(out_dir: Path) -> tuple[dict[str, Any], Frames | None]:
    """Return the previous manifest's articles and frames when they can be reused."""
    manifest = _read_manifest(out_dir)
    if manifest is None or manifest.get("extractor") != extractor_version():
        return {}, None
    if not _outputs_intact(out_dir, manifest):
        return {}, None
    try:
        frames = read_frames(out_dir)
    except (OSError, ValueError) as exc:
        logger.warning("previous build in %s unreadable (%s); rebuilding all", out_dir, exc)
        return {}, None
    return dict(manifest.get("articles", {})), frames


def _keep_articles(frames: Frames, ids: set[str]) -> Frames:
    parts = {}
    for name in _FRAME_NAMES:
        frame = getattr(frames, name)
        parts[name] = frame[frame["article_id"].isin(ids)].reset_index(drop=True)
    return Frames(**parts)


def _problem(path: Path, exc: Exception) -> FileProblem:
    return FileProblem(path, type(exc).__name__, str(exc))


def build_corpus(
    paths: Iterable[Path | str],
    *,
    out_dir: Path | str,
    formats: Sequence[str] = ("parquet",),
    resources: Resources | None = None,
    progress: Callable[[Path], None] | None = None,
) -> BatchResult:
    """Extract new or changed article files and write the corpus frames to ``out_dir``.

    Parameters
    ----------
    paths
        Article files and folders (folders give their ``.txt``/``.md`` files).
    out_dir
        Output folder; Parquet is always written there (it is the incremental store), plus
        any other ``formats`` (``geojson``, ``csv``).
    formats
        Output formats, from :data:`geo.io.outputs.FORMATS`.
    resources
        Loaded gazetteer and registry; loaded on first need when ``None``.
    progress
        Called with each file's path once it is done (e.g. a tqdm bar's update).

    Returns
    -------
    BatchResult
        The frames of every good article, the ids extracted and reused, and failed files.

    Raises
    ------
    geo.errors.SchemaError
        For an unknown format.
    OSError
        When the outputs cannot be written (the previous outputs stay as they were).
    """
    out = Path(out_dir)
    wanted = list(dict.fromkeys(("parquet", *formats)))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        msg = f"unknown output format(s) {unknown}; use {list(FORMATS)}"
        raise SchemaError(msg)
    previous, previous_frames = _previous(out)
    articles: dict[str, dict[str, Any]] = {}
    extracted: list[Extraction] = []
    reused: list[str] = []
    failed: list[FileProblem] = []
    for path in iter_article_paths([Path(p) for p in paths]):
        try:
            entry, extraction = _process(path, previous, previous_frames is not None, resources)
        except GeoError as exc:
            failed.append(_problem(path, exc))
            logger.info("skipped %s: %s", path, exc)
        else:
            article_id = path.stem
            if article_id in articles:
                failed.append(
                    FileProblem(
                        path,
                        "ArticleError",
                        f"{path}: article id {article_id!r} is already used by "
                        f"{articles[article_id]['path']}; rename one of the files.",
                    )
                )
            else:
                articles[article_id] = entry
                if extraction is None:
                    reused.append(article_id)
                else:
                    extracted.append(extraction)
        if progress is not None:
            progress(path)
    frames = _assemble(previous_frames, reused, extracted)
    unchanged = (
        previous_frames is not None
        and not extracted
        and set(articles) == set(previous)
        and all(_output_paths(out, fmt) for fmt in wanted)
    )
    if unchanged:  # nothing to extract or drop: keep the files, refresh the manifest only
        written = [p for fmt in wanted for p in _output_paths(out, fmt)]
    else:
        written = write_frames(frames, out, formats=wanted)
    manifest = {
        "version": _MANIFEST_VERSION,
        "extractor": extractor_version(),
        "articles": articles,
        "failed": {str(p.path): _stat_key(p.path) for p in failed},
        "outputs": {p.name: p.stat().st_size for p in written if p.suffix == ".parquet"},
    }
    atomic_write_text(out / MANIFEST_NAME, json.dumps(manifest, indent=1, sort_keys=True))
    return BatchResult(
        frames=frames,
        extracted=tuple(e.article.id for e in extracted),
        reused=tuple(reused),
        failed=tuple(failed),
        written=(*written, out / MANIFEST_NAME),
    )


def _stat_key(path: Path) -> list[int]:
    """Size and mtime of a file (``[-1, -1]`` when it cannot be read)."""
    try:
        stat = path.stat()
    except OSError:
        return [-1, -1]
    return [stat.st_size, stat.st_mtime_ns]


def _output_paths(out: Path, fmt: str) -> list[Path]:
    """Return the files of one format in ``out``, or ``[]`` when any is missing."""
    names = ("places", "events", "quotes") if fmt == "geojson" else _FRAME_NAMES
    suffix = {"parquet": ".parquet", "geojson": ".geojson", "csv": ".csv"}[fmt]
    paths = [out / f"{name}{suffix}" for name in names]
    return paths if all(p.is_file() for p in paths) else []


def _process(
    path: Path, previous: dict[str, Any], can_reuse: bool, resources: Resources | None
) -> tuple[dict[str, Any], Extraction | None]:
    """Return the manifest entry of one file and its extraction (``None`` when reused)."""
    try:
        stat = path.stat()
    except OSError as exc:
        msg = f"{path}: cannot read the file ({exc.strerror or exc})."
        raise ArticleError(msg) from exc
    old = previous.get(path.stem) if can_reuse else None
    same_stat = (
        old is not None
        and old.get("path") == str(path)
        and old.get("size") == stat.st_size
        and old.get("mtime_ns") == stat.st_mtime_ns
    )
    if same_stat and old is not None:
        return dict(old), None
    raw = read_article_bytes(path)  # regular files only, size checked, bounded read
    content_hash = hashlib.sha256(raw).hexdigest()
    entry = {
        "path": str(path),
        "hash": content_hash,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }
    if old is not None and old.get("hash") == content_hash:
        return entry, None
    if stat.st_size > settings.MAX_ARTICLE_BYTES:
        msg = (
            f"{path}: {stat.st_size:,} bytes is over the {settings.MAX_ARTICLE_BYTES:,}-byte "
            "limit for one article; split it, or raise geo.settings.MAX_ARTICLE_BYTES."
        )
        raise ArticleError(msg)
    article = article_from_bytes(raw, article_id=path.stem, path=str(path))
    res = resources if resources is not None else load_resources()
    return entry, extract_article(article, res)


def _assemble(previous: Frames | None, reused: list[str], extracted: list[Extraction]) -> Frames:
    if (
        previous is not None
        and not extracted
        and set(reused) == set(previous.articles["article_id"])
    ):
        return previous  # nothing changed: the frames read back are the corpus
    new = extractions_to_frames(extracted)
    if previous is None or not reused:
        return concat_frames([new])
    return concat_frames([_keep_articles(previous, set(reused)), new])


def _seed_files(seeds: Path) -> list[Path]:
    return iter_article_paths([seeds]) if seeds.exists() else []


def is_stale(seeds_dir: Path, processed_dir: Path) -> bool:
    """Tell whether ``processed_dir`` is missing, broken or older than the seeds.

    Stale when the manifest is missing or from another extractor version, an output file
    is missing or truncated, the seeds' ids and content hashes differ from the manifest, or
    a file that failed last time has changed since (a file that still fails as it did is
    not retried on every load).
    """
    manifest = _read_manifest(processed_dir)
    if manifest is None or manifest.get("extractor") != extractor_version():
        return True
    if not _outputs_intact(processed_dir, manifest):
        return True
    known: dict[str, Any] = manifest.get("articles", {})
    failed: dict[str, Any] = manifest.get("failed", {})
    files = _seed_files(seeds_dir)
    bad = [p for p in files if str(p) in failed]
    if any(failed[str(p)] != _stat_key(p) for p in bad):
        return True  # a bad file was edited: try it again
    files = [p for p in files if str(p) not in failed]
    if {p.stem for p in files} != set(known):
        return True
    for path in files:
        entry = known[path.stem]
        stat = path.stat()
        if entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns:
            continue
        if hashlib.sha256(path.read_bytes()).hexdigest() != entry.get("hash"):
            return True
    return False


def load_corpus(seeds_dir: Path | None = None, processed_dir: Path | None = None) -> Frames:
    """Return the corpus frames, rebuilding ``processed_dir`` when missing or stale.

    This is what the dashboard calls. Bad seed files are logged and skipped. When the
    output folder cannot be written (a read-only deployment), the frames are built in
    memory and returned anyway.

    Parameters
    ----------
    seeds_dir
        Article folder; :data:`geo.settings.SEEDS_DIR` by default.
    processed_dir
        Output folder; :data:`geo.settings.PROCESSED_DIR` by default.
    """
    seeds = Path(seeds_dir) if seeds_dir is not None else settings.SEEDS_DIR
    processed = Path(processed_dir) if processed_dir is not None else settings.PROCESSED_DIR
    if not is_stale(seeds, processed):
        try:
            return read_frames(processed)
        except (OSError, ValueError) as exc:
            logger.warning("reading %s failed (%s); rebuilding", processed, exc)
    try:
        result = build_corpus([seeds], out_dir=processed)
    except OSError as exc:
        logger.warning("cannot write %s (%s); building the corpus in memory", processed, exc)
        return _in_memory(seeds)
    for problem in result.failed:
        logger.warning("skipped %s", problem)
    return result.frames


def _in_memory(seeds: Path) -> Frames:
    res = load_resources()
    extractions = []
    for path in _seed_files(seeds):
        try:
            raw = read_article_bytes(path)
            article = article_from_bytes(raw, article_id=path.stem, path=str(path))
        except (GeoError, OSError) as exc:
            logger.warning("skipped %s: %s", path, exc)
            continue
        extractions.append(extract_article(article, res))
    return extractions_to_frames(extractions)


def corpus_fingerprint(seeds_dir: Path | None = None, processed_dir: Path | None = None) -> str:
    """Return a cheap cache key for the corpus.

    Built from the seed files' names, sizes and modification times plus the extractor
    version (no file is read); equal keys mean :func:`load_corpus` gives equal frames.
    """
    seeds = Path(seeds_dir) if seeds_dir is not None else settings.SEEDS_DIR
    processed = Path(processed_dir) if processed_dir is not None else settings.PROCESSED_DIR
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(extractor_version().encode())
    digest.update(str(processed.resolve()).encode())
    for path in _seed_files(seeds):
        stat = path.stat()
        digest.update(f"{path}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
