"""Benchmark the extractor: gazetteer cold/warm load, then articles per second on one core.

The corpus (>= 1,000 articles) is generated in a temporary folder from the bundled seed and
the development texts in ``../shared/eval/dev`` (read at run time, never copied into the
project). Prints figures; asserts nothing (speed targets live here, not in tests).

Usage: ``python bench/extract.py [--articles 1000] [--shared ../shared]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geo.batch import Failure, iter_extractions
from geo.resources import load_resources

ROOT = Path(__file__).resolve().parent.parent


def _texts(shared: Path) -> list[str]:
    texts = [(ROOT / "seeds" / name).read_text("utf-8") for name in os.listdir(ROOT / "seeds")]
    dev = shared / "eval" / "dev" / "articles"
    if dev.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(dev.glob("*.txt"))]
    else:
        print(f"note: {dev} not found; corpus built from the seeds only")
    return texts


def _load_times(cache_dir: Path) -> tuple[float, float]:
    """Time a cold and a warm gazetteer load, each in a fresh interpreter."""
    code = (  # time the load itself, not the import of the package and its dependencies
        "import time; from geo.gazetteer.index import load_gazetteer;"
        "t=time.perf_counter(); load_gazetteer(); print(time.perf_counter()-t)"
    )
    env = {**os.environ, "FRONTLINE_CACHE_DIR": str(cache_dir)}
    times = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return times[0], times[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        cold, warm = _load_times(Path(tmp) / "cache")
        print(f"gazetteer load: cold {cold:.2f} s (build + write cache), warm {warm:.3f} s")

        texts = _texts(args.shared)
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i in range(args.articles):
            (corpus / f"a{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
        resources = load_resources()
        start = time.perf_counter()
        counts = {"articles": 0, "failed": 0, "places": 0, "quotes": 0, "events": 0}
        for item in iter_extractions([corpus], resources=resources):
            if isinstance(item, Failure):
                counts["failed"] += 1
                continue
            counts["articles"] += 1
            counts["places"] += len(item.places)
            counts["quotes"] += len(item.quotes)
            counts["events"] += len(item.events)
        elapsed = time.perf_counter() - start
    rate = counts["articles"] / elapsed
    print(
        f"extracted {counts['articles']} articles ({len(texts)} distinct texts) "
        f"in {elapsed:.2f} s: {rate:.0f} articles/s on one core (target >= 200)"
    )
    print(
        f"found {counts['places']} places, {counts['quotes']} quotes, {counts['events']} events; "
        f"{counts['failed']} failed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
