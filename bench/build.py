"""Benchmark the corpus build: a full build, a no-op rebuild and a rebuild with 1% changed.

The corpus is generated in a temporary folder from the bundled seed and the development
texts in ``../shared/eval/dev`` (read at run time, never copied into the project); each
generated file gets front matter and a numbered closing line so every content hash differs.
Also prints what the event detector and the frame builder cost per article, measured alone.
Prints figures; asserts nothing (speed targets live here, not in tests).

Usage::

    python bench/build.py                 # 1,000 articles
    python bench/build.py --full          # 1,000 and 10,000 articles (several minutes)
    python bench/build.py --articles 500 2000 --shared ../shared
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from geo.corpus import build_corpus
from geo.events.detect import find_events
from geo.frames import extractions_to_frames
from geo.io.articles import read_article
from geo.pipeline import extract_article
from geo.resources import load_resources

ROOT = Path(__file__).resolve().parent.parent
FRONT = "---\npublished: 2025-08-14\nlang: nb\n---\n"


def _bodies(shared: Path) -> list[str]:
    bodies = [read_article(p).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    dev = shared / "eval" / "dev" / "articles"
    if dev.is_dir():
        bodies += [p.read_text("utf-8") for p in sorted(dev.glob("*.txt"))]
    else:
        print(f"note: {dev} not found; corpus generated from the seeds only")
    return bodies


def _generate(folder: Path, bodies: list[str], count: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:05d}.txt"
        body = bodies[i % len(bodies)]
        path.write_text(f"{FRONT}{body}\nArtikkel nummer {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _timed_build(seeds: Path, out: Path) -> tuple[float, int, int]:
    start = time.perf_counter()
    result = build_corpus([seeds], out_dir=out)
    elapsed = time.perf_counter() - start
    return elapsed, len(result.extracted), len(result.frames.events)


def _bench_size(bodies: list[str], count: int, tmp: Path) -> None:
    seeds, out = tmp / f"seeds-{count}", tmp / f"out-{count}"
    paths = _generate(seeds, bodies, count)
    full, extracted, events = _timed_build(seeds, out)
    print(
        f"{count:>6} articles  full build      {full:8.2f} s  "
        f"({extracted / full:6.0f} articles/s, {events} events)"
    )
    noop, extracted, _ = _timed_build(seeds, out)
    print(f"{count:>6} articles  no-op rebuild   {noop:8.2f} s  ({extracted} extracted)")
    changed = paths[::100][: max(1, count // 100)]
    for path in changed:
        path.write_text(path.read_text("utf-8") + "Oppdatert.\n", encoding="utf-8")
    inc, extracted, _ = _timed_build(seeds, out)
    print(f"{count:>6} articles  1% changed      {inc:8.2f} s  ({extracted} extracted)")


def _bench_stages(bodies: list[str], tmp: Path, resources: object) -> None:
    """Time events and frames alone, over already extracted articles."""
    folder = tmp / "stages"
    extractions = [
        extract_article(read_article(p), resources)  # type: ignore[arg-type]
        for p in _generate(folder, bodies, 200)
    ]
    start = time.perf_counter()
    for x in extractions:
        find_events(
            x.article,
            sentences=x.sentences,
            paragraphs=x.paragraphs,
            places=x.places,
            actors=x.actors,
            orgs=x.orgs,
            quotes=x.quotes,
            dates=x.dates,
            quantities=x.quantities,
        )
    events = (time.perf_counter() - start) / len(extractions)
    start = time.perf_counter()
    extractions_to_frames(extractions)
    frames = (time.perf_counter() - start) / len(extractions)
    start = time.perf_counter()
    for x in extractions:
        extract_article(x.article, resources)  # type: ignore[arg-type]
    whole = (time.perf_counter() - start) / len(extractions)
    print(f"events stage      {events * 1000:6.2f} ms/article")
    print(f"frames building   {frames * 1000:6.2f} ms/article")
    print(
        f"whole extractor   {whole * 1000:6.2f} ms/article ({1 / whole:5.0f} articles/s incl. "
        f"events; {1 / (whole + frames):5.0f} articles/s with frames)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--full", action="store_true", help="also build 10,000 articles")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    sizes = sorted({*args.articles, *([10_000] if args.full else [])})
    start = time.perf_counter()
    resources = load_resources()
    print(f"resources loaded in {time.perf_counter() - start:.2f} s")
    bodies = _bodies(args.shared)
    words = sum(len(re.findall(r"\w+", b)) for b in bodies) / len(bodies)
    print(f"{len(bodies)} distinct bodies, {words:.0f} words on average")
    with tempfile.TemporaryDirectory() as tmp:
        _bench_stages(bodies, Path(tmp), resources)
        for count in sizes:
            _bench_size(bodies, count, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
