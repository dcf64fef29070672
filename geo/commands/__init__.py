"""Subcommands of ``python -m geo``: one module each, each with ``register(subparsers)``."""
