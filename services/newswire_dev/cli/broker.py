"""`newswire broker start|stop|status`: the local Kafka broker."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING, Any

from newswire.settings import Settings

if TYPE_CHECKING:
    from newswire_dev.broker import LocalBroker


def local_broker(settings: Settings) -> LocalBroker:
    # aiokafka is imported when a command uses the broker, not when the command line is read
    # (newswire.cli: `newswire parse` never needs it).
    from newswire_dev.broker import LocalBroker  # noqa: PLC0415

    return LocalBroker(
        settings.local_broker_dir,
        cache_dir=settings.cache_dir,
        port=settings.local_broker_port,
        controller_port=settings.local_controller_port,
        heap=settings.local_broker_heap,
        start_timeout=settings.local_broker_start_timeout,
    )


def register(commands: Any) -> None:
    parser = commands.add_parser("broker", help="run a local Apache Kafka 4.x broker (KRaft)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, handler, help_text in (
        ("start", _start, "start the broker (no-op when it runs) and print its address"),
        ("stop", _stop, "stop the broker"),
        ("status", _status, "say whether the broker runs, where, and where it logs"),
    ):
        actions.add_parser(name, help=help_text).set_defaults(handler=handler)


def _start(_: argparse.Namespace, settings: Settings) -> int:
    broker = local_broker(settings)
    already = broker.status().running
    if not already:
        print("starting Apache Kafka (first start resolves it with Maven) ...", file=sys.stderr)
    status = broker.start()
    word = "already running" if already else "started"
    print(
        f"Apache Kafka {status.version} {word} (pid {status.pid}); log: {status.log_file}",
        file=sys.stderr,
    )
    print(status.bootstrap_servers)
    return 0


def _stop(_: argparse.Namespace, settings: Settings) -> int:
    stopped = local_broker(settings).stop()
    print("stopped" if stopped else "not running", file=sys.stderr)
    return 0


def _status(_: argparse.Namespace, settings: Settings) -> int:
    status = local_broker(settings).status()
    if not status.running:
        print(f"not running; log: {status.log_file}")
        return 3
    from newswire_dev.broker.local import broker_answers  # noqa: PLC0415 - see local_broker

    answers = asyncio.run(broker_answers(str(status.bootstrap_servers)))
    print(
        f"running: Apache Kafka {status.version} at {status.bootstrap_servers} "
        f"(pid {status.pid}, {'answers' if answers else 'does NOT answer'} metadata requests); "
        f"log: {status.log_file}"
    )
    return 0 if answers else 4
