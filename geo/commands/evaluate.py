"""``python -m geo evaluate GOLD_DIR [--json] [--write-pred FILE] [--strict]``.

Scores the extractor on a gold folder (format of ``shared/eval/dev``) and prints the metrics
overall and per language group; ``--strict`` exits 1 when a headline metric is below its
target (:data:`geo.evaluate.HEADLINE_TARGETS`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geo.errors import GeoError
from geo.evaluate import HEADLINE_TARGETS, score

__all__ = ["register"]

_ROWS = (
    "place_p", "place_r", "place_f1", "place_resolution_acc",
    "actor_p", "actor_r", "actor_f1",
    "quote_p", "quote_r", "quote_f1", "speaker_acc",
    "date_p", "date_r", "date_resolution_acc",
)  # fmt: skip


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``evaluate`` subcommand."""
    parser = subparsers.add_parser("evaluate", help="score the extractor on a gold folder")
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--json", action="store_true", help="print metrics as JSON")
    parser.add_argument("--write-pred", type=Path, help="also write the predictions (JSONL)")
    parser.add_argument("--strict", action="store_true", help="exit 1 below a headline target")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        result = score(args.gold_dir)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    predictions = result.pop("predictions")
    if args.write_pred:
        lines = (json.dumps(r, ensure_ascii=False) for r in predictions)
        args.write_pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{result['articles']} articles")
        print(f"{'metric':<22}{'overall':>9}{'nb+nn':>9}{'en':>9}  target")
        for key in _ROWS:
            target = HEADLINE_TARGETS.get(key)
            flag = "" if target is None else f"  >= {target:.2f}"
            if target is not None and result["overall"][key] < target:
                flag += "  BELOW"
            values = "".join(f"{result[g][key]:>9.3f}" for g in ("overall", "nb", "en"))
            print(f"{key:<22}{values}{flag}")
    below = [k for k, t in HEADLINE_TARGETS.items() if result["overall"][k] < t]
    return 1 if args.strict and below else 0
