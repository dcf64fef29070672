"""Benchmark the actor and quote stages alone: registry load, articles per second, long input.

The texts are the bundled seed plus ``../shared/eval/dev`` (read at run time, never copied);
paragraphs and sentences are split once beforehand, so only these two stages are timed.
The long-input line repeats the seed to about 0.7 MB and shows that time grows linearly.
Prints figures; asserts nothing (speed targets live here, not in tests).

Usage: ``python bench/actors_quotes.py [--seconds 5] [--shared ../shared]``
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from geo.extract.actors import find_actors, load_registry
from geo.extract.quotes import find_quotes
from geo.io.articles import read_article
from geo.model import Article, Paragraph, Sentence
from geo.text.sentences import split_paragraphs, split_sentences

ROOT = Path(__file__).resolve().parent.parent

Prepared = tuple[Article, tuple[Paragraph, ...], tuple[Sentence, ...]]


def _prepare(article: Article) -> Prepared:
    paragraphs = split_paragraphs(article.text)
    return article, paragraphs, split_sentences(article.text, paragraphs)


def _articles(shared: Path) -> list[Prepared]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    dev = shared / "eval" / "dev" / "articles"
    if dev.is_dir():
        paths += sorted(dev.glob("*.txt"))
    return [_prepare(read_article(p)) for p in paths]


def _run(prepared: Prepared) -> tuple[int, int, int]:
    article, paragraphs, sentences = prepared
    registry = load_registry()
    persons, orgs = find_actors(
        article, sentences=sentences, paragraphs=paragraphs, registry=registry
    )
    quotes, _ = find_quotes(
        article, sentences=sentences, paragraphs=paragraphs, actors=persons, orgs=orgs
    )
    return len(persons), len(orgs), len(quotes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()

    start = time.perf_counter()
    registry = load_registry()
    print(f"registry: {len(registry)} actors loaded in {time.perf_counter() - start:.3f} s")

    articles = _articles(args.shared)
    chars = sum(len(a.text) for a, _, _ in articles) / len(articles)
    done = 0
    start = time.process_time()
    while time.process_time() - start < args.seconds:
        for prepared in articles:
            _run(prepared)
            done += 1
    elapsed = time.process_time() - start
    print(
        f"find_actors + find_quotes: {done / elapsed:.0f} articles/s on one core "
        f"({elapsed / done * 1000:.2f} ms per article of {chars:.0f} characters on average)"
    )

    seed = articles[0][0]
    for copies in (20, 200):
        long = Article(id="long", text="\n".join([seed.text] * copies), lang=seed.lang)
        prepared = _prepare(long)
        start = time.process_time()
        persons, orgs, quotes = _run(prepared)
        elapsed = time.process_time() - start
        print(
            f"{len(long.text) / 1e6:.2f} MB article: {elapsed:.3f} s "
            f"({persons} people, {orgs} organisations, {quotes} quotes)"
        )


if __name__ == "__main__":
    main()
