"""`newswire worker`: run the streaming service (one Faust worker) until SIGTERM/SIGINT."""

from __future__ import annotations

import argparse
import asyncio
import errno
import logging
import socket
from typing import Any

from newswire.errors import ConfigurationError, PortInUse
from newswire.settings import ENV_PREFIX, Settings

# What `newswire worker` prints once its web server listens (the port may have been 0).
WEB_SERVER_LINE = "newswire worker: web server on http://{host}:{port}"


def register(commands: Any) -> None:
    parser = commands.add_parser("worker", help="run a newswire worker (Faust agents, web server)")
    parser.add_argument(
        "--loglevel",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="least severe log records shown (default: info)",
    )
    parser.set_defaults(handler=_worker)


def web_port(settings: Settings) -> int:
    """The port to serve on: the configured one once checked free, or for port 0 one the
    system chose (Faust refuses 0 itself). Fails in one line when the port is taken, before
    Faust starts (where a failed bind is a crash in one of its services)."""
    with socket.socket(socket.AF_INET6 if ":" in settings.web_host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
        try:
            probe.bind((settings.web_host, settings.web_port))
            port: int = probe.getsockname()[1]
            return port
        except OSError as exc:
            where = f"{settings.web_host}:{settings.web_port}"
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(
                    f"web port {where} is in use (another worker?): give each worker its own "
                    f"{ENV_PREFIX}WEB_PORT, or {ENV_PREFIX}WEB_PORT=0 to let the system "
                    "choose one (the worker prints it)"
                ) from exc
            raise ConfigurationError(
                f"cannot bind the web server to {where} ({exc.strerror}): "
                f"check {ENV_PREFIX}WEB_HOST and {ENV_PREFIX}WEB_PORT"
            ) from exc


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from faust.worker import Worker  # noqa: PLC0415 - faust is heavy; only this command needs it

    from newswire.kafka.topics import ensure_topics  # noqa: PLC0415
    from newswire.stream.engine.web import report_web_port  # noqa: PLC0415
    from newswire.stream.service import build_service  # noqa: PLC0415

    # Between this probe and Faust's bind another process could take a chosen port: the
    # window is short, and the printed port below is the one really bound.
    settings = settings.model_copy(update={"web_port": web_port(settings)})
    asyncio.run(ensure_topics(settings))
    logging.getLogger("aiokafka").setLevel(logging.NOTSET)  # quiet until here (cli.main)
    service = build_service(settings)
    service.warm_up()
    report_web_port(service.app.web, WEB_SERVER_LINE)
    if args.loglevel != "debug":
        # Faust's and mode's logging setup leaves DEBUG enabled on the client loggers, and
        # aiokafka then builds a debug record for every message it sends (5% of a worker's
        # time in a profile). Below the chosen level nothing is built at all.
        logging.disable(logging.DEBUG)
    logging.getLogger("newswire").setLevel(args.loglevel.upper())
    worker = Worker(service.app, loglevel=args.loglevel, quiet=True)
    worker.execute_from_commandline()
    return 0
