"""Benchmark place finding alone: gazetteer cold build, warm load, and articles per second.

The cold build runs in a temporary cache folder (the project's cache is left alone). The
texts are the bundled seed plus ``../shared/eval/dev`` (read at run time, never copied).
Prints figures; asserts nothing (speed targets live here, not in tests).

Usage: ``python bench/places.py [--seconds 5] [--shared ../shared]``
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from geo import settings
from geo.extract.places import find_places
from geo.gazetteer.index import load_gazetteer
from geo.io.articles import read_article
from geo.model import Article

ROOT = Path(__file__).resolve().parent.parent


def _articles(shared: Path) -> list[Article]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    dev = shared / "eval" / "dev" / "articles"
    if dev.is_dir():
        paths += sorted(dev.glob("*.txt"))
    return [read_article(p) for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings.CACHE_DIR = Path(tmp)
        start = time.perf_counter()
        load_gazetteer()
        cold = time.perf_counter() - start
        start = time.perf_counter()
        gazetteer = load_gazetteer()
        warm = time.perf_counter() - start
    print(f"gazetteer: {len(gazetteer)} places; cold build {cold:.2f} s, warm load {warm:.3f} s")

    articles = _articles(args.shared)
    chars = sum(len(a.text) for a in articles) / len(articles)
    done, mentions = 0, 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for article in articles:
            mentions += len(find_places(article, sentences=(), gazetteer=gazetteer))
            done += 1
    elapsed = time.perf_counter() - start
    print(
        f"find_places: {done / elapsed:.0f} articles/s on one core "
        f"({len(articles)} texts, {chars:.0f} characters on average, "
        f"{mentions / done:.1f} places per article)"
    )


if __name__ == "__main__":
    main()
