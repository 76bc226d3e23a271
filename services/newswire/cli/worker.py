"""`newswire worker`: run the streaming service (one Faust worker) until SIGTERM/SIGINT."""

from __future__ import annotations

import argparse
import asyncio
import logging
from typing import Any

from newswire.kafka.topics import ensure_topics
from newswire.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("worker", help="run a newswire worker (Faust agents, web server)")
    parser.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
    parser.set_defaults(handler=_worker)


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from faust.worker import Worker  # noqa: PLC0415 - faust is heavy; only this command needs it

    from newswire.stream.app import build_service  # noqa: PLC0415

    asyncio.run(ensure_topics(settings))
    service = build_service(settings)
    if args.loglevel != "debug":
        # Faust's and mode's logging setup leaves DEBUG enabled on the client loggers, and
        # aiokafka then builds a debug record for every message it sends (5% of a worker's
        # time in a profile). Below the chosen level nothing is built at all.
        logging.disable(logging.DEBUG)
    logging.getLogger("newswire").setLevel(args.loglevel.upper())
    worker = Worker(service.app, loglevel=args.loglevel, quiet=True)
    worker.execute_from_commandline()
    return 0
