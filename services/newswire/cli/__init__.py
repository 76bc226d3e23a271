"""The `newswire` command: one sub-command per task, settings built once here and passed down.

Exit codes (README, "Exit codes"): 0 done, or the reader of our output went away (``| head``);
1 an error of ours; 2 bad arguments; 3 `broker status`: not running; 69 Kafka unreachable or
refusing; 71 the web port is taken; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from newswire import __version__
from newswire.cli import dlq, parse, produce, tail, worker
from newswire.errors import KafkaUnreachable, NewswireError
from newswire.settings import ENV_PREFIX, Settings, settings_from_environment

if TYPE_CHECKING:
    from aiokafka.errors import KafkaError

Handler = Callable[[argparse.Namespace, Settings], int]

_COMMANDS = (parse, produce, worker, tail, dlq)


def _development_commands() -> tuple[Any, ...]:
    """`broker`, `run` and `generate`, when the development package is installed (a
    development install; never in the wheel or the image)."""
    if importlib.util.find_spec("newswire_dev") is None:
        return ()
    from newswire_dev.cli import COMMANDS  # noqa: PLC0415 - only in a development install

    return COMMANDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswire",
        description="Raw news dumps in, clean deduplicated enriched article events out.",
    )
    parser.add_argument("--version", action="version", version=f"newswire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (*_COMMANDS[:1], *_development_commands(), *_COMMANDS[1:]):
        module.register(commands)
    return parser


def load_settings() -> Settings:
    # Refuses unknown NEWSWIRE_* names; the error is one line per problem, without values.
    return settings_from_environment()


def kafka_unreachable(exc: KafkaError, settings: Settings) -> KafkaUnreachable:
    """One line for any aiokafka error: which cluster was tried, and what to do."""
    from aiokafka.errors import KafkaConnectionError  # noqa: PLC0415 - see _kafka_error

    from newswire.kafka.config import bootstrap_servers  # noqa: PLC0415 - as above

    where = bootstrap_servers(settings)
    if settings.kafka_bootstrap_servers is None:
        advice = (
            "start the local broker with `newswire broker start`, or set "
            f"{ENV_PREFIX}KAFKA_BOOTSTRAP_SERVERS to your cluster"
        )
    else:
        advice = f"check {ENV_PREFIX}KAFKA_BOOTSTRAP_SERVERS and the cluster's health"
    if isinstance(exc, KafkaConnectionError):
        return KafkaUnreachable(f"cannot reach Kafka at {where}: {advice}")
    detail = str(exc) or type(exc).__name__
    return KafkaUnreachable(f"Kafka at {where} refused a request ({detail}): {advice}")


def _kafka_error(exc: Exception) -> bool:
    """An error of aiokafka's. The commands that talk to Kafka import aiokafka when they run,
    not when the command line is read: `newswire parse` never needs it, and importing it was
    a fifth of that command's start-up. A command that never imported it raised none of its
    errors."""
    errors = sys.modules.get("aiokafka.errors")
    return errors is not None and isinstance(exc, errors.KafkaError)


def _stdout_gone() -> None:
    """The reader of stdout left (`| head`): point stdout at /dev/null so the interpreter's
    last flush at exit does not fail again with a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    # aiokafka logs every failed connection attempt, and with logging not set up Python prints
    # them on stderr; a command reports its failure once, below. (The worker lets Faust's
    # logging take over once it has reached Kafka.)
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    try:
        settings = load_settings()
        try:
            return handler(args, settings)
        except Exception as exc:
            if not _kafka_error(exc):
                raise
            raise kafka_unreachable(exc, settings) from exc
    except NewswireError as exc:
        print(f"newswire: error: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)
    except BrokenPipeError:
        # Like a Unix tool whose reader stopped early: quiet, and a success (exit 0, not 141).
        _stdout_gone()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
