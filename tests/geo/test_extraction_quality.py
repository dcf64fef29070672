"""Extraction quality on gold folders: the issue's acceptance thresholds, measured.

* ``../shared/eval/dev``: the development set (read at run time, never copied).
* ``tests/data/holdout``: texts written for this project and never tuned on, to catch rules
  that only fit the development sentences.
"""

import json
from pathlib import Path

import pytest

from geo.evaluate import HEADLINE_TARGETS, score

HOLDOUT = Path(__file__).resolve().parent.parent / "data" / "holdout"


@pytest.fixture(scope="module")
def dev_scores(shared_dir: Path, resources) -> dict:
    return score(shared_dir / "eval" / "dev", resources=resources)


@pytest.fixture(scope="module")
def holdout_scores(resources) -> dict:
    return score(HOLDOUT, resources=resources)


@pytest.mark.parametrize("metric", sorted(HEADLINE_TARGETS))
def test_dev_set_meets_the_target(dev_scores: dict, metric: str) -> None:
    assert dev_scores["overall"][metric] >= HEADLINE_TARGETS[metric]


@pytest.mark.parametrize("metric", sorted(HEADLINE_TARGETS))
def test_holdout_meets_the_target(holdout_scores: dict, metric: str) -> None:
    assert holdout_scores["overall"][metric] >= HEADLINE_TARGETS[metric]


def test_holdout_gold_offsets_hold_their_surfaces() -> None:
    for line in (HOLDOUT / "gold.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        text = (HOLDOUT / "articles" / f"{gold['id']}.txt").read_text("utf-8")
        for kind in ("places", "actors", "orgs", "dates", "quotes"):
            for item in gold[kind]:
                assert text[item["start"] : item["end"]] == item.get("surface", item.get("text"))
