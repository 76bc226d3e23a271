"""`newswire tail`: follow the output topic, for people (or as JSON lines)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from typing import Any

from newswire import jsonio
from newswire.errors import InputError
from newswire.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("tail", help="print article events from the output topic")
    parser.add_argument(
        "--from-beginning",
        action="store_true",
        help="start at the topic's first event (default: only events published from now on)",
    )
    parser.add_argument(
        "--idle-timeout",
        type=float,
        default=None,
        help="stop after this many seconds without a new event (default: follow forever)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON event per line")
    parser.add_argument("--topic", default=None, help="default: the output topic in settings")
    parser.set_defaults(handler=_tail)


def human(event: dict[str, Any]) -> str:
    near = f" near-duplicate of {event['near_duplicate_of'][:8]}" if event.get(
        "near_duplicate_of") else ""  # fmt: skip
    countries = ",".join(event.get("countries") or []) or "-"
    return (
        f"{event['published_at']}  {event['article_id'][:8]} r{event['revision']}  "
        f"[{event.get('language') or '?'} {countries}]  {event['title']}{near}"
    )


def _tail(args: argparse.Namespace, settings: Settings) -> int:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_follow(args, settings))
    return 0


async def _follow(args: argparse.Namespace, settings: Settings) -> None:
    from aiokafka import AIOKafkaConsumer  # noqa: PLC0415 - aiokafka: only when run (see cli)

    from newswire.kafka.config import bootstrap_servers, client_kwargs  # noqa: PLC0415

    topic = args.topic or settings.topic_articles
    consumer = AIOKafkaConsumer(
        **client_kwargs(settings),
        auto_offset_reset="earliest" if args.from_beginning else "latest",
        enable_auto_commit=False,
    )
    try:
        await consumer.start()
        # Subscribed to a missing topic, aiokafka waits for it forever, warning ten times a
        # second (topics are never auto-created here): say so once and stop instead.
        if topic not in await consumer.topics():
            hint = "" if args.topic else "; `newswire worker` creates newswire's topics at start"
            message = f"topic {topic} does not exist on {bootstrap_servers(settings)}{hint}"
            raise InputError(message, reason="no_such_topic")
        consumer.subscribe([topic])
        while True:
            batch = await consumer.getmany(timeout_ms=int((args.idle_timeout or 3600) * 1000))
            if not batch:
                if args.idle_timeout is not None:
                    return
                continue
            for messages in batch.values():
                for message in messages:
                    if args.json:
                        sys.stdout.buffer.write((message.value or b"") + b"\n")
                        continue
                    try:
                        print(human(jsonio.loads(message.value or b"")))
                    except (InputError, KeyError, TypeError):
                        print(f"(not an article event at offset {message.offset})")
            sys.stdout.flush()
    finally:
        await consumer.stop()
