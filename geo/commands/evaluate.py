"""``python -m geo evaluate [GOLD_DIR] [--json] [--write-pred FILE] [--strict] [--open-domain]``.

Scores the extractor on a gold folder (format of ``shared/eval/dev``) and prints the metrics
overall and per language group; ``--strict`` exits 1 when a headline metric is below its
target (:data:`geo.evaluate.HEADLINE_TARGETS`). ``--open-domain`` also runs the shared
open-domain scorer (NorNE dev + GeoWebNews, :func:`geo.evaluate.run_open_domain`) and prints
its tables and ``SUMMARY`` line; it takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from geo import settings
from geo.errors import GeoError
from geo.evaluate import HEADLINE_TARGETS, run_open_domain, score

__all__ = ["register"]

_ROWS = (
    "place_p", "place_r", "place_f1", "place_resolution_acc",
    "actor_p", "actor_r", "actor_f1",
    "quote_p", "quote_r", "quote_f1", "speaker_acc",
    "date_p", "date_r", "date_resolution_acc",
)  # fmt: skip


def _default_scorer() -> Path:
    return settings.PROJECT_ROOT.parent / "shared" / "eval" / "score_open_domain.py"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``evaluate`` subcommand."""
    parser = subparsers.add_parser("evaluate", help="score the extractor on a gold folder")
    parser.add_argument("gold_dir", type=Path, nargs="?", help="gold folder (dev format)")
    parser.add_argument("--json", action="store_true", help="print metrics as JSON")
    parser.add_argument("--write-pred", type=Path, help="also write the predictions (JSONL)")
    parser.add_argument("--strict", action="store_true", help="exit 1 below a headline target")
    parser.add_argument(
        "--open-domain", action="store_true", help="also run the shared open-domain scorer"
    )
    parser.add_argument(
        "--scorer", type=Path, help="open-domain scorer (default ../shared/eval/...)"
    )
    parser.add_argument("--errors", type=int, default=0, help="open domain: list N errors")
    parser.set_defaults(func=_run)


def _print_table(result: dict[str, Any]) -> None:
    print(f"{result['articles']} articles")
    print(f"{'metric':<22}{'overall':>9}{'nb+nn':>9}{'en':>9}  target")
    for key in _ROWS:
        target = HEADLINE_TARGETS.get(key)
        flag = "" if target is None else f"  >= {target:.2f}"
        if target is not None and result["overall"][key] < target:
            flag += "  BELOW"
        values = "".join(f"{result[g][key]:>9.3f}" for g in ("overall", "nb", "en"))
        print(f"{key:<22}{values}{flag}")


def _run(args: argparse.Namespace) -> int:
    if args.gold_dir is None and not args.open_domain:
        print("error: give a gold folder, --open-domain, or both", file=sys.stderr)
        return 2
    output: dict[str, Any] = {}
    below: list[str] = []
    try:
        if args.gold_dir is not None:
            result = score(args.gold_dir)
            predictions = result.pop("predictions")
            if args.write_pred:
                lines = (json.dumps(r, ensure_ascii=False) for r in predictions)
                args.write_pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
            output["in_domain"] = result
            below = [k for k, t in HEADLINE_TARGETS.items() if result["overall"][k] < t]
            if not args.json:
                _print_table(result)
        if args.open_domain:
            scorer = args.scorer if args.scorer is not None else _default_scorer()
            found = run_open_domain(scorer, errors=args.errors)
            output["open_domain"] = found.summary
            if not args.json:
                print(found.output, end="" if found.output.endswith("\n") else "\n")
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(
            json.dumps(
                output.get("in_domain", output) if not args.open_domain else output, indent=1
            )
        )
    return 1 if args.strict and below else 0
