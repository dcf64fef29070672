"""Server-side timing of the dashboard (AppTest, no browser) and the size of each map's HTML.

Prints, for the seed corpus and for 5,000 generated events:
  * cold start: the first run in this process (reads/builds the corpus, loads outlines);
  * warm start: a new session once caches are warm (a second visitor);
  * rerun after a filter change (actor, then free text) and after a map switch, as medians.
Targets (issue 5): rerun <= 300 ms on the seed, <= 1 s at 5,000 events. Nothing is asserted.

Run: ``python bench/app.py`` (``--events N`` to change the generated size).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from shapely.geometry import Point
from streamlit.testing.v1 import AppTest  # noqa: TID251 - the benchmark drives the app

from dashboard import data, maps
from dashboard.basemap import outlines_geojson
from dashboard.filters import Filters, apply_filters
from geo import settings
from geo.corpus import load_corpus
from geo.frames import Frames

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
REPEATS = 5


_CPU: list[float] = []  # process CPU seconds of each timed action, beside its wall time


def _timed(action: Callable[[], Any]) -> float:
    """Return the wall time of ``action``; its process CPU time goes to ``_CPU``.

    CPU time is the fairer figure on a shared machine (other jobs stretch wall time).
    """
    cpu = time.process_time()
    start = time.perf_counter()
    action()
    _CPU.append(time.process_time() - cpu)
    return time.perf_counter() - start


def _check(at: AppTest) -> AppTest:
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return at


def generated(frames: Frames, n_events: int, seed: int = 7) -> Frames:
    """Tile the seed's events (and quotes) to ``n_events`` over a year, with jittered places."""
    rng = np.random.default_rng(seed)
    base = frames.events
    reps = -(-n_events // len(base))
    events = pd.concat([base] * reps, ignore_index=True).iloc[:n_events].copy()
    shift = pd.to_timedelta(rng.integers(-365, 1, len(events)), unit="D")
    events["date"] = pd.to_datetime(events["date"]) + shift
    events["event_id"] = [f"ev_gen_{i:06d}" for i in range(len(events))]
    events["article_id"] = [f"gen_{i // 20:05d}" for i in range(len(events))]
    events["geometry"] = [
        Point(g.x + rng.normal(0, 0.3), g.y + rng.normal(0, 0.3)) if not g.is_empty else g
        for g in events.geometry
    ]
    quotes = pd.concat([frames.quotes] * max(1, n_events // 50), ignore_index=True)
    quotes["quote_id"] = [f"q_gen_{i:06d}" for i in range(len(quotes))]
    quotes["date"] = pd.to_datetime(quotes["date"]) + pd.to_timedelta(
        rng.integers(-365, 1, len(quotes)), unit="D"
    )
    quotes["event_id"] = None
    return Frames(
        places=frames.places,
        events=events.set_crs(base.crs, allow_override=True),
        quotes=quotes.set_crs(frames.quotes.crs, allow_override=True),
        actors=frames.actors,
        articles=frames.articles,
    )


def measure(label: str) -> None:
    """Time cold start, warm start and reruns for whatever ``data.load_frames`` returns."""
    cold_at = AppTest.from_file(APP, default_timeout=600)
    cold = _timed(lambda: _check(cold_at.run()))
    warm_at = AppTest.from_file(APP, default_timeout=600)
    warm = _timed(lambda: _check(warm_at.run()))
    actors = warm_at.sidebar.multiselect[0].options
    reruns: dict[str, list[float]] = {"actor filter": [], "text filter": [], "map switch": []}
    cpu: dict[str, list[float]] = {name: [] for name in reruns}
    for i in range(REPEATS):
        select = warm_at.sidebar.multiselect[0]
        choice = select.options[i % len(select.options)]
        reruns["actor filter"].append(
            _timed(lambda s=select, c=choice: _check(s.set_value([c]).run()))
        )
        cpu["actor filter"].append(_CPU[-1])
        box = warm_at.sidebar.text_input[0]
        reruns["text filter"].append(
            _timed(lambda b=box, i=i: _check(b.input("a" if i % 2 else "e").run()))
        )
        cpu["text filter"].append(_CPU[-1])
        views = ("Eastern front", "Evacuation zones", "Diplomacy")
        switch = warm_at.button_group[0]
        reruns["map switch"].append(
            _timed(lambda s=switch, v=views[i % 3]: _check(s.set_value(v).run()))
        )
        cpu["map switch"].append(_CPU[-1])
    print(f"\n== {label} ==")
    print(f"  cold start (first run in process) : {cold * 1000:8.0f} ms")
    print(f"  warm start (new session)          : {warm * 1000:8.0f} ms   ({len(actors)} actors)")
    for name, values in reruns.items():
        print(
            f"  rerun after {name:<22}: {statistics.median(values) * 1000:8.0f} ms median "
            f"(max {max(values) * 1000:.0f} ms, n={len(values)}; "
            f"CPU {statistics.median(cpu[name]) * 1000:.0f} ms median)"
        )


def map_sizes(frames: Frames) -> None:
    """Print the HTML size of each map for ``frames`` (what the browser receives, roughly)."""
    view = apply_filters(frames, Filters())
    venue, distances = data.diplomacy_venue()
    front, _ = data.front_for_day(pd.Timestamp("2025-08-15").date())
    zones, _ = data.evacuation_zones("bench", pd.Timestamp("2025-08-15").date(), view.events)
    built = {
        "diplomacy": maps.build_diplomacy_map(
            view.events, view.actors, venue=venue, distances=distances,
            outlines=outlines_geojson("world"),
        ),
        "eastern front": maps.build_front_map(
            view.events, front=front, outlines=outlines_geojson("ukraine")
        ),
        "evacuation": maps.build_evacuation_map(
            zones, view.events, front=front, outlines=outlines_geojson("ukraine")
        ),
    }  # fmt: skip
    for name, fmap in built.items():
        start = time.perf_counter()
        html = maps.map_html(fmap)
        ms = (time.perf_counter() - start) * 1000
        print(f"  {name:<14} map HTML: {len(html.encode()) / 1e6:6.2f} MB  (render {ms:.0f} ms)")
    for extent in ("world", "ukraine"):
        print(f"  offline outlines ({extent}): {len(outlines_geojson(extent)) / 1e3:.0f} kB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()
    # Server time only: no snapshot or outline downloads (their latency is the network's).
    settings.ALLOW_FETCH = False
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        os.environ[data.SEEDS_ENV] = str(seeds)
        os.environ[data.PROCESSED_ENV] = str(Path(tmp) / "processed")
        measure("seed corpus (bundled seeds)")
        seed_frames = load_corpus(seeds_dir=seeds, processed_dir=Path(tmp) / "processed")
        print(f"  seed: {len(seed_frames.events)} events, {len(seed_frames.quotes)} quotes")
        print("  map sizes, seed:")
        map_sizes(seed_frames)

        big = generated(seed_frames, args.events)
        original = data.load_frames
        data.load_frames = lambda: data.Loaded(big, f"generated-{args.events}")  # type: ignore[assignment]
        try:
            measure(f"{len(big.events):,} generated events, {len(big.quotes):,} quotes")
            print(f"  map sizes, {len(big.events):,} events:")
            map_sizes(big)
        finally:
            data.load_frames = original  # type: ignore[assignment]


if __name__ == "__main__":
    main()
