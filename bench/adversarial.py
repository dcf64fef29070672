"""Benchmark extraction on hostile text shapes: seconds per MB at two or more sizes.

Why: anyone can paste an article, so every text stage must run in time linear in the
article's length. For each shape (a run of capitalised words, one 40,000-character token,
nested «» and "" quotes, dash runs, one name repeated, an ordinary long article, and an
ordinary article of about 2 MB) the text is generated at growing sizes, extracted once, and
the seconds per MB printed with the growth factor between the smallest and the largest size
(seconds per MB at the largest size divided by seconds per MB at the smallest: about 1 for
linear time, about the size ratio for quadratic time). ``--stages`` adds the time of each
pipeline stage, which tells which stage grows. Prints figures; asserts nothing.

Every text is written here (the seed article's body is used as "ordinary" prose).

Usage: ``python bench/adversarial.py [--scale 1.0] [--stages] [--only SHAPE]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geo.io.articles import read_article
from geo.model import Article
from geo.pipeline import STAGES
from geo.resources import Resources, load_resources

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def _repeat_to(unit: str, size: int) -> str:
    """Repeat ``unit`` until the text holds ``size`` characters (cut at a unit boundary)."""
    return unit * max(1, size // len(unit))


def _capital_run(size: int) -> str:
    words = ("Nord", "Kyiv", "Alfa", "Berg", "Vest", "Sør", "Donetsk", "Aust")
    return "Møtet i " + " ".join(words[i % len(words)] for i in range(size // 5)) + "."


def _one_token(size: int) -> str:
    # A single 40,000-character word, repeated (with spaces) to reach the size.
    token = "A" + "b" * 39_999
    return " ".join([token] * max(1, size // 40_001))


def _one_capital_token(size: int) -> str:
    return "A" * size


def _nested_quotes(size: int) -> str:
    depth = size // 20
    return "Han sa " + "«ja, " * depth + "nei" + "»" * depth + ", sa Putin."


def _nested_straight(size: int) -> str:
    return 'Han sa "ja, ' * (size // 24) + "slutt."


def _unclosed_quotes(size: int) -> str:
    return _repeat_to("«Vi vil ha fred, sa Zelenskyj i Kyiv. ", size)


def _dash_runs(size: int) -> str:
    return _repeat_to("– – — - -- ", size // 2) + "\n" + _repeat_to("– Ja, sa han.\n", size // 2)


def _repeated_names(size: int) -> str:
    return _repeat_to("Zelenskyj Putin Trump Kyiv Moskva Donetsk Alaska ", size)


def _ordinary(seed: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return _repeat_to(seed.rstrip() + "\n\n", size)

    return make


def _one_line(seed: str) -> Callable[[int], str]:
    """Ordinary prose in one paragraph (no line breaks)."""

    def make(size: int) -> str:
        return _repeat_to(seed.replace("\n", " ").rstrip() + " ", size)

    return make


def _no_sentence_end(seed: str) -> Callable[[int], str]:
    """Ordinary prose with no full stop and no line break: one endless sentence."""

    def make(size: int) -> str:
        flat = seed.translate(str.maketrans(".!?\n", ",,, "))
        return _repeat_to(flat.rstrip() + " ", size)

    return make


def _shapes(seed: str) -> dict[str, tuple[Callable[[int], str], tuple[int, ...]]]:
    small, large = 50_000, 200_000
    return {
        "capital runs": (_capital_run, (small, large)),
        "40,000-char tokens": (_one_token, (small, large)),
        "one capital token": (_one_capital_token, (small // 2, large // 2)),
        "nested «» quotes": (_nested_quotes, (small, large)),
        'nested "" quotes': (_nested_straight, (small, large)),
        "unclosed « quotes": (_unclosed_quotes, (small, large)),
        "dash runs": (_dash_runs, (small, large)),
        "repeated names": (_repeated_names, (small, large)),
        "one-paragraph article": (_one_line(seed), (small, large)),
        "one endless sentence": (_no_sentence_end(seed), (small, large)),
        "ordinary long article": (_ordinary(seed), (250_000, 1_000_000)),
        "2 MB article": (_ordinary(seed), (500_000, 1_950_000)),
    }


def _run(text: str, res: Resources, stage_times: dict[str, float]) -> float:
    article = Article(id="bench", text=text, lang="nb", published=None)
    state: dict[str, Any] = {}
    start = time.perf_counter()
    for stage in STAGES:
        t = time.perf_counter()
        state.update(stage.run(article, state, res))
        stage_times[stage.name] = time.perf_counter() - t
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--stages", action="store_true", help="print each stage's time")
    parser.add_argument("--only", help="run shapes whose name contains this")
    args = parser.parse_args()

    res = load_resources()
    seed = read_article(ROOT / "seeds" / "2025-08-14_alaska-eve.txt").text
    print(f"{'shape':24} {'size':>10} {'seconds':>9} {'s/MB':>8}")
    for name, (make, sizes) in _shapes(seed).items():
        if args.only and args.only not in name:
            continue
        per_mb = []
        for size in sizes:
            text = make(int(size * args.scale))
            stage_times: dict[str, float] = {}
            seconds = _run(text, res, stage_times)
            per_mb.append(seconds / (len(text) / MB))
            print(f"{name:24} {len(text):>10,} {seconds:>9.3f} {per_mb[-1]:>8.2f}")
            if args.stages:
                slow = sorted(stage_times.items(), key=lambda kv: -kv[1])[:4]
                print("    " + ", ".join(f"{k} {v:.3f}s" for k, v in slow))
        growth = per_mb[-1] / per_mb[0] if per_mb[0] > 0 else float("nan")
        ratio = sizes[-1] / sizes[0]
        print(f"{name:24} growth of s/MB x{growth:.2f} over a x{ratio:.0f} size step\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
