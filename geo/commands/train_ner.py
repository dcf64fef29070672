"""``python -m geo train-ner [--data DIR] [--out DIR] [--config FILE]``.

Rebuilds the named-entity models from NorNE train with the hyper-parameters of
``geo/ner/config.json`` (defaults: the data folder the config names, relative to the
project root, and the package's own ``geo/ner/`` as output, so a plain run refreshes the
shipped model). Prints what it wrote; exits 1 with a message when the data is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geo import settings
from geo.errors import GeoError
from geo.ner.train import CONFIG_PATH, load_config, train_models

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``train-ner`` subcommand."""
    parser = subparsers.add_parser("train-ner", help="rebuild the named-entity model from NorNE")
    parser.add_argument("--data", type=Path, help="NorNE train folder (default: from config)")
    parser.add_argument("--out", type=Path, default=CONFIG_PATH.parent, help="output folder")
    parser.add_argument("--config", type=Path, default=CONFIG_PATH, help="training config")
    parser.add_argument("--verbose-crf", action="store_true", help="print CRFsuite's log")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
        data = args.data if args.data is not None else settings.PROJECT_ROOT / config["data"]
        result = train_models(data, args.out, config, verbose=args.verbose_crf)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    summary = {
        "out": str(args.out),
        "seconds": round(result.seconds, 1),
        "data_sha256": result.metadata["data_sha256"],
        "models": result.metadata["models"],
    }
    print(json.dumps(summary, indent=1))
    return 0
