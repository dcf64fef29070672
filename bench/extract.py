"""Benchmark the extractor: gazetteer and NER model load, then articles per second on one core.

Articles per second are measured twice on the same corpus, with the named-entity stage
(:mod:`geo.ner`) and with it replaced by one that finds nothing, so the stage's own cost is
printed next to the whole pipeline's rate; wall-clock and CPU time are both shown (a shared
machine's other processes slow the wall clock, not the CPU time). Last, each stage of
:data:`geo.pipeline.STAGES` is timed on its own (CPU ms per article), to show where the time
goes.

The corpus (>= 1,000 articles) is generated in a temporary folder from the bundled seed and
the development texts in ``../shared/eval/dev`` (read at run time, never copied into the
project). Prints figures; asserts nothing (speed targets live here, not in tests).

Usage: ``python bench/extract.py [--articles 1000] [--shared ../shared]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import ClassVar

from geo.batch import Failure, iter_extractions
from geo.io.articles import iter_article_paths, read_article
from geo.model import EntitySpan
from geo.pipeline import STAGES
from geo.resources import Resources, load_resources

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


def _model_cost() -> tuple[float, float, int]:
    """Load the NER model in a fresh interpreter: (seconds, MB allocated, bytes on disk).

    The load includes the first tagging in Norwegian and English, which reads the
    ``wordfreq`` tables the features use.
    """
    code = (  # modules imported first: the figures are the model's and the tables' own
        "import time, tracemalloc, json, wordfreq;"
        "from geo.ner.tagger import load_recogniser;"
        "tracemalloc.start(); t=time.perf_counter();"
        "r=load_recogniser();"
        "r.recognise('Kari Nordmann bor i Bergen.', 'nb');"
        "r.recognise('John Smith lives in Leeds.', 'en');"
        "s=time.perf_counter()-t; cur,_=tracemalloc.get_traced_memory();"
        "print(json.dumps([s, cur/1e6, sum(m['bytes']+m['weights_bytes'] "
        "for m in r.metadata['models'].values())]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, megabytes, size = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, megabytes, size


class _NoEntities:
    """Stands in for the recogniser: finds nothing (the pipeline without the NER stage)."""

    metadata: ClassVar[dict[str, object]] = {}

    def recognise(self, text: str, lang: str) -> tuple[EntitySpan, ...]:
        del text, lang
        return ()


def _run(corpus: Path, resources: Resources) -> tuple[dict[str, int], float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    counts = {"articles": 0, "failed": 0, "places": 0, "quotes": 0, "events": 0, "orgs": 0}
    for item in iter_extractions([corpus], resources=resources):
        if isinstance(item, Failure):
            counts["failed"] += 1
            continue
        counts["articles"] += 1
        counts["places"] += len(item.places)
        counts["quotes"] += len(item.quotes)
        counts["events"] += len(item.events)
        counts["orgs"] += len(item.orgs)
    return counts, time.perf_counter() - start, time.process_time() - cpu


def _stage_times(corpus: Path, resources: Resources, rounds: int = 3) -> dict[str, float]:
    """Return each pipeline stage's CPU milliseconds per article (best of ``rounds``).

    Runs :data:`geo.pipeline.STAGES` one by one on every article of the corpus (read once,
    outside the timing), so the figures say where the time goes; their sum is close to the
    whole pipeline's cost per article (reading files and building records add a little).
    """
    articles = [read_article(path) for path in iter_article_paths((corpus,))]
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent = dict.fromkeys((stage.name for stage in STAGES), 0.0)
        for article in articles:
            state: dict[str, object] = {}
            for stage in STAGES:
                cpu = time.process_time()
                state.update(stage.run(article, state, resources))
                spent[stage.name] += time.process_time() - cpu
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    return {name: 1000 * seconds / len(articles) for name, seconds in best.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        cold, warm = _load_times(Path(tmp) / "cache")
        print(f"gazetteer load: cold {cold:.2f} s (build + write cache), warm {warm:.3f} s")
        seconds, megabytes, size = _model_cost()
        print(
            f"NER model: load {seconds:.2f} s (incl. wordfreq tables), "
            f"{megabytes:.0f} MB allocated, {size / 1e6:.1f} MB on disk"
        )

        texts = _texts(args.shared)
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i in range(args.articles):
            (corpus / f"a{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
        resources = load_resources()
        without = Resources(resources.gazetteer, resources.registry, _NoEntities())  # type: ignore[arg-type]
        _run(corpus, resources)  # warm the per-word caches once, as a long-running batch has
        rates: dict[str, tuple[float, float]] = {}
        # Alternate the two set-ups and keep the best of each: other processes on a shared
        # machine then slow both alike instead of whichever ran while they were busy.
        for label, res in (("with NER", resources), ("without NER", without)) * 2:
            counts, elapsed, cpu = _run(corpus, res)
            rate = (counts["articles"] / elapsed, counts["articles"] / cpu)
            if label in rates and rates[label][1] >= rate[1]:
                continue
            rates[label] = rate
            print(
                f"{label:<12} {counts['articles']} articles ({len(texts)} distinct texts) "
                f"in {elapsed:.2f} s: {rates[label][0]:.0f} articles/s wall, "
                f"{rates[label][1]:.0f} articles/s CPU, on one core (target >= 200); "
                f"{counts['places']} places, {counts['orgs']} orgs, {counts['quotes']} quotes, "
                f"{counts['events']} events; {counts['failed']} failed"
            )
        stages = _stage_times(corpus, resources)
        print(
            "per stage, CPU ms per article (best of 3, with NER): "
            + ", ".join(f"{name} {ms:.3f}" for name, ms in stages.items())
            + f"; sum {sum(stages.values()):.2f}"
        )
    stage_ms = 1000 * (1 / rates["with NER"][1] - 1 / rates["without NER"][1])
    print(
        f"best of two: {rates['with NER'][1]:.0f} articles/s CPU with NER, "
        f"{rates['without NER'][1]:.0f} without; NER stage {stage_ms:.2f} ms CPU per article"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
