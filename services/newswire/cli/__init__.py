"""The `newswire` command: one sub-command per task, settings built once here and passed down."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from newswire import __version__
from newswire.cli import broker, generate, parse, produce, run, tail, worker
from newswire.errors import NewswireError
from newswire.settings import Settings, settings_from_environment

Handler = Callable[[argparse.Namespace, Settings], int]

_COMMANDS = (broker, parse, generate, produce, worker, run, tail)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswire",
        description="Raw news dumps in, clean deduplicated enriched article events out.",
    )
    parser.add_argument("--version", action="version", version=f"newswire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _COMMANDS:
        module.register(commands)
    return parser


def load_settings() -> Settings:
    # Refuses unknown NEWSWIRE_* names; the error is one line per problem, without values.
    return settings_from_environment()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args, load_settings())
    except NewswireError as exc:
        print(f"newswire: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
