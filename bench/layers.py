"""Benchmark the spatial layers on the shared DeepState snapshots (prints figures, no asserts).

Run: ``python bench/layers.py [--shared ../shared]``. Prints

* time to load one snapshot (cold parse, and warm from the path+mtime memo);
* time to compute one day's change (with and without the per-oblast split);
* ``front_for_day`` cold/warm and ``evacuation_zones`` times (what a dashboard rerun pays);
* the size of the GeoJSON the eastern-front map sends to the browser (occupied territory +
  the day's advances, as one coverage: ``web_layers``) before and after simplification at
  several tolerances, with the
  largest displacement (Hausdorff distance, metres and screen pixels at the front's zooms).
  Target: <= 1 MB at the front's zoom without visible distortion (< 1 px at zoom 8).

Snapshots are read from ``../shared`` (never copied into the project); the day measured is
2025-08-12 (files dated 2025-08-12 and 2025-08-13), the seed article's claim day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import shapely

from geo.io.frontline import read_snapshot
from geo.layers.evacuation import evacuation_zones
from geo.layers.frontline import (
    _load_snapshot_cached,
    change_between,
    front_for_day,
    load_snapshot,
    web_layers,
)

ROOT = Path(__file__).resolve().parent.parent
DAY_FILES = ("deepstatemap_data_20250812.geojson", "deepstatemap_data_20250813.geojson")
ZOOMS = (8, 10)
LATITUDE = 48.5


def timed(func: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``func`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def metres_per_pixel(zoom: int, latitude: float = LATITUDE) -> float:
    return 156_543.03 * math.cos(math.radians(latitude)) / 2**zoom


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(os.environ.get("FRONTLINE_SHARED_DIR", ROOT.parent / "shared"))
    parser.add_argument("--shared", type=Path, default=default)
    args = parser.parse_args()
    deepstate = args.shared / "data" / "frontline" / "deepstate"
    boundaries = args.shared / "data" / "boundaries"
    old_path, new_path = (deepstate / name for name in DAY_FILES)

    print("== loading a snapshot ==")
    print(f"cold parse (read_snapshot):      {timed(lambda: read_snapshot(new_path)):8.1f} ms")
    load_snapshot(new_path)
    print(f"warm (load_snapshot, memoised):  {timed(lambda: load_snapshot(new_path)):8.1f} ms")

    old, new = read_snapshot(old_path), read_snapshot(new_path)
    print("\n== one day's change (2025-08-12) ==")
    by_oblast = timed(lambda: change_between(old, new, boundaries_dir=boundaries))
    plain = timed(lambda: change_between(old, new, split_by_oblast=False))
    print(f"change_between, split by oblast: {by_oblast:8.1f} ms")
    print(f"change_between, no split:        {plain:8.1f} ms")
    change = change_between(old, new, boundaries_dir=boundaries)
    print(f"gained {change.gained_km2:.3f} km², lost {change.lost_km2:.3f} km², "
          f"net {change.net_km2:.3f} km²; by oblast: {list(change.by_oblast)}")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        for name in DAY_FILES:
            shutil.copy(deepstate / name, cache)
        _load_snapshot_cached.cache_clear()
        start = time.perf_counter()
        layer = front_for_day(dt.date(2025, 8, 12), cache_dir=cache)
        cold = (time.perf_counter() - start) * 1000
        warm = timed(lambda: front_for_day(dt.date(2025, 8, 12), cache_dir=cache))
    print("\n== dashboard calls ==")
    print(f"front_for_day cold:              {cold:8.1f} ms")
    print(f"front_for_day warm (rerun):      {warm:8.1f} ms")
    zones = timed(lambda: evacuation_zones(front=new, boundaries_dir=boundaries), repeat=3)
    print(f"evacuation_zones (48 rows, shared boundaries): {zones:8.1f} ms")

    print("\n== GeoJSON sent to the browser (occupied + the day's advances) ==")
    shown = web_layers(layer, tolerance=0.0)  # the same coverage, unsimplified
    raw_bytes = len(shown.to_json().encode())
    print(f"full resolution: {raw_bytes / 1e6:6.3f} MB, "
          f"{shapely.get_num_coordinates(shown.geometry.to_numpy()).sum():,} vertices")  # fmt: skip
    aeqd = f"+proj=aeqd +lat_0={LATITUDE} +lon_0=36.5 +datum=WGS84 +units=m"
    original = shown.to_crs(aeqd).geometry.to_numpy()
    for tolerance in (0.0005, 0.001, 0.002, 0.004):
        web = web_layers(layer, tolerance=tolerance)
        size = len(web.to_json().encode())
        moved = shapely.hausdorff_distance(original, web.to_crs(aeqd).geometry.to_numpy()).max()
        pixels = ", ".join(f"z{z}: {moved / metres_per_pixel(z):4.1f} px" for z in ZOOMS)
        verdict = "OK" if size <= 1_000_000 and moved < metres_per_pixel(ZOOMS[0]) else "--"
        print(f"tolerance {tolerance:.4f}°: {size / 1e6:6.3f} MB, max shift {moved:6.0f} m "
              f"({pixels}) {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
