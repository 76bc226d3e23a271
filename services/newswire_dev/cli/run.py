"""`newswire run FILE...`: the embedded main job, from dump files to article events.

Uses the configured cluster or the local broker (started, and stopped afterwards, when it was
not running); starts the workers of an isolated run, produces the files, waits until every
chunk is processed and the output drained, writes the published events as JSON lines, prints
a summary and stops what it started: the workers, then the run's topics and consumer group
(unless ``--keep-topics``), then the broker. Ctrl-C takes the same way out, saying so.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from newswire import jsonio
from newswire.cli.parse import positive_int
from newswire.cli.report import summary_line
from newswire.cli.sources import source_ids
from newswire.errors import InputError, NewswireError
from newswire.settings import Settings
from newswire_dev.cli.broker import local_broker


def register(commands: Any) -> None:
    parser = commands.add_parser("run", help="run the whole pipeline on dump files (embedded)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="dump file")
    parser.add_argument("--out", type=Path, default=None, help="events as JSONL (default stdout)")
    parser.add_argument(
        "--workers", type=positive_int, default=1, help="worker processes to start (default 1)"
    )
    parser.add_argument(
        "--chunk-size",
        type=positive_int,
        default=None,
        help="bytes per chunk produced (default: NEWSWIRE_CHUNK_SIZE)",
    )
    parser.add_argument(
        "--keep-topics",
        action="store_true",
        help="keep the run's topics and consumer group (printed) instead of deleting them",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        help="seconds to wait for the pipeline to drain once produced (default 600)",
    )
    parser.set_defaults(handler=_run)


def _say(message: str) -> None:
    print(f"newswire run: {message}", file=sys.stderr, flush=True)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from newswire.kafka.produce import check_chunk_size  # noqa: PLC0415 - heavy imports
    from newswire_dev.cluster import Cluster  # noqa: PLC0415 - heavy imports

    for path in args.files:
        if not path.is_file():
            raise InputError(f"cannot read {path}: not a file", reason="unreadable")
    if args.chunk_size:  # refused before a broker or a worker starts
        check_chunk_size(settings, args.chunk_size, "--chunk-size")
    with ExitStack() as stack:
        if settings.kafka_bootstrap_servers is None:
            broker = local_broker(settings)
            if not broker.status().running:
                _say("starting the local Kafka broker ...")
                broker.start()
                stack.callback(broker.stop)
                stack.callback(_say, "stopping the local Kafka broker ...")
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="newswire-run-")))
        cluster = Cluster(settings, workdir)
        # One event loop for the whole run, clean-up included (Ctrl-C cancels it: see below).
        return asyncio.run(_run_cluster(args, settings, cluster))


async def _run_cluster(args: argparse.Namespace, settings: Settings, cluster: Any) -> int:
    """The run's work, then, however it ends, its clean-up: workers stop first (a group with
    members cannot be deleted), then the run's topics and group go (the broker after, in
    ``_run``)."""
    try:
        return await _work(args, settings, cluster)
    except asyncio.CancelledError:
        _interrupted(cluster)
        raise
    except NewswireError:
        if not cluster.stopped_as_told():
            raise
        # Ctrl-C stopped a worker before asyncio cancelled this run: an interruption still.
        _interrupted(cluster)
        raise KeyboardInterrupt from None
    finally:
        await asyncio.to_thread(cluster.stop)
        await _clean_up(cluster, keep=args.keep_topics)


def _interrupted(cluster: Any) -> None:
    """Ctrl-C: asyncio cancels the run once; a second Ctrl-C would abandon the workers and
    topics, and cleaning up is bounded (workers get 30 s after SIGTERM), so let it finish."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _say(f"interrupted: stopping {len(cluster.workers)} worker(s) and cleaning up ...")


async def _work(args: argparse.Namespace, settings: Settings, cluster: Any) -> int:
    from newswire.kafka.produce import produce_files  # noqa: PLC0415 - heavy imports

    progress = sys.stderr.isatty()
    await cluster.ensure_topics()
    for index in range(args.workers):
        cluster.start_worker(index)
    await asyncio.to_thread(cluster.wait_ready)
    started = time.monotonic()
    sources = list(zip(source_ids(args.files), args.files, strict=True))
    chunk_size = args.chunk_size or settings.chunk_size
    chunks = await produce_files(cluster.settings, sources, chunk_size, progress=progress)
    await cluster.wait_drained(within=args.timeout, on_progress=_backlog if progress else None)
    if progress:
        print("\r\033[K", end="", file=sys.stderr)  # clear the backlog line
    elapsed = time.monotonic() - started
    records = await cluster.read_topic(cluster.settings.topic_articles)
    values = [value or b"" for _, value, _ in records]
    out = args.out.open("wb") if args.out else sys.stdout.buffer
    with out if args.out else ExitStack():
        for value in sorted(values, key=_input_order([s for s, _ in sources])):
            out.write(value + b"\n")
        out.flush()
    _print_summary(cluster, chunks, len(records), elapsed, args.workers)
    return 0


def _backlog(messages: int) -> None:
    print(f"\rprocessing: {messages} messages to go\033[K", end="", file=sys.stderr, flush=True)


def _print_summary(cluster: Any, chunks: int, events: int, elapsed: float, workers: int) -> None:
    from newswire_dev.cluster import summarise  # noqa: PLC0415 - heavy imports

    totals = summarise(cluster.metric_lines())
    summary = summary_line(
        chunks=chunks,
        articles_parsed=int(totals.get("articles_parsed", 0)),
        events=events,
        duplicates=totals.get("duplicates"),
        rejected=totals.get("rejected"),
        skipped=totals.get("skipped"),
        elapsed=f"{elapsed:.1f}s",
        **{"articles/s": f"{events / elapsed if elapsed > 0 else 0.0:.1f}"},
        workers=workers,
    )
    print(summary, file=sys.stderr)


async def _clean_up(cluster: Any, *, keep: bool) -> None:
    if keep:
        kept = await cluster.run_topics()
        _say(
            f"kept run {cluster.run_id}: consumer group {cluster.settings.app_id}, "
            f"topics {', '.join(kept) or 'none'}"
        )
        return
    if sys.stderr.isatty():
        _say(f"deleting run {cluster.run_id}'s topics and consumer group ...")
    deleted = await cluster.delete_topics()
    if not any(name.startswith("consumer group") for name in deleted):
        _say(f"consumer group {cluster.settings.app_id} kept: a member had not left yet")


def _input_order(source_ids: list[str]) -> Callable[[bytes], tuple[int, int, int]]:
    """Events in the order `newswire parse` prints them: file, position in it, revision."""
    rank = {source: i for i, source in enumerate(source_ids)}

    def key(value: bytes) -> tuple[int, int, int]:
        event = jsonio.loads(value)
        source = event["source"]
        return rank.get(source["id"], len(rank)), source["offset"], event["revision"]

    return key
