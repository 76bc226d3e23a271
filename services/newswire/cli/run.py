"""`newswire run FILE...`: the embedded main job, from dump files to article events.

Uses the configured cluster or the local broker (started, and stopped afterwards, when it was
not running); starts the workers of an isolated run, produces the files, waits until every
chunk is processed and the output drained, writes the published events as JSON lines, prints
a summary and stops what it started.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from newswire import jsonio
from newswire.cli.broker import local_broker
from newswire.cli.parse import positive_int
from newswire.cli.produce import produce_files
from newswire.errors import InputError
from newswire.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("run", help="run the whole pipeline on dump files (embedded)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--out", type=Path, default=None, help="events as JSONL (default stdout)")
    parser.add_argument("--workers", type=positive_int, default=1)
    parser.add_argument("--chunk-size", type=positive_int, default=None)
    parser.add_argument(
        "--keep-topics", action="store_true", help="keep the run's topics instead of deleting them"
    )
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds to wait for the output to drain"
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from newswire.stream.cluster import Cluster, summarise  # noqa: PLC0415 - heavy imports

    for path in args.files:
        if not path.is_file():
            raise InputError(f"cannot read {path}: not a file", reason="unreadable")
    with ExitStack() as stack:
        if settings.kafka_bootstrap_servers is None:
            broker = local_broker(settings)
            if not broker.status().running:
                print("starting the local Kafka broker ...", file=sys.stderr)
                broker.start()
                stack.callback(broker.stop)
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="newswire-run-")))
        cluster = Cluster(settings, workdir)
        stack.callback(cluster.stop)
        if not args.keep_topics:
            stack.callback(lambda: asyncio.run(cluster.delete_topics()))
        asyncio.run(cluster.ensure_topics())
        for index in range(args.workers):
            cluster.start_worker(index)
        cluster.wait_ready()
        started = time.monotonic()
        sources = [(str(path), path) for path in args.files]
        chunk_size = args.chunk_size or settings.chunk_size
        chunks = asyncio.run(produce_files(cluster.settings, sources, chunk_size))
        asyncio.run(cluster.wait_drained(within=args.timeout))
        elapsed = time.monotonic() - started
        records = asyncio.run(cluster.read_topic(cluster.settings.topic_articles))
        values = [value or b"" for _, value, _ in records]
        out = args.out.open("wb") if args.out else sys.stdout.buffer
        with out if args.out else ExitStack():
            for value in sorted(values, key=_input_order([s for s, _ in sources])):
                out.write(value + b"\n")
            out.flush()
        totals = summarise(cluster.metric_lines())
        rate = len(records) / elapsed if elapsed > 0 else 0.0
        print(
            f"chunks={chunks} articles_parsed={int(totals.get('articles_parsed', 0))} "
            f"events={len(records)} duplicates={_counts(totals.get('duplicates'))} "
            f"rejected={_counts(totals.get('rejected'))} elapsed={elapsed:.1f}s "
            f"articles/s={rate:.1f} workers={args.workers}",
            file=sys.stderr,
        )
    return 0


def _input_order(source_ids: list[str]) -> Callable[[bytes], tuple[int, int, int]]:
    """Events in the order `newswire parse` prints them: file, position in it, revision."""
    rank = {source: i for i, source in enumerate(source_ids)}

    def key(value: bytes) -> tuple[int, int, int]:
        event = jsonio.loads(value)
        source = event["source"]
        return rank.get(source["id"], len(rank)), source["offset"], event["revision"]

    return key


def _counts(values: dict[str, float] | None) -> str:
    kept = {k: int(v) for k, v in (values or {}).items() if v}
    return ",".join(f"{k}:{v}" for k, v in sorted(kept.items())) or "none"
