"""`newswire produce FILE...`: publish files as ordered chunks keyed by source id."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer

from newswire.cli.parse import positive_int
from newswire.core.envelope import encode_chunk
from newswire.core.reassembly import iter_chunks
from newswire.errors import InputError
from newswire.kafka.config import client_kwargs
from newswire.kafka.topics import ensure_topics
from newswire.settings import Settings

_ENVELOPE_ROOM = 1024  # key and headers around a chunk's bytes


def register(commands: Any) -> None:
    parser = commands.add_parser("produce", help="publish dump files to the input topic")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--chunk-size", type=positive_int, default=None)
    parser.add_argument(
        "--source-id", default=None, help="source id (one file only; default: the path as given)"
    )
    parser.set_defaults(handler=_produce)


def _produce(args: argparse.Namespace, settings: Settings) -> int:
    if args.source_id and len(args.files) > 1:
        raise InputError("--source-id names one file's chunks; give one FILE", reason="usage")
    chunk_size = args.chunk_size or settings.chunk_size
    sources = [(args.source_id or str(path), path) for path in args.files]
    for _, path in sources:
        if not path.is_file():
            raise InputError(f"cannot read {path}: not a file", reason="unreadable")
    total = asyncio.run(produce_files(settings, sources, chunk_size, progress=sys.stderr.isatty()))
    print(f"produced {total} chunks to {settings.topic_raw_chunks}", file=sys.stderr)
    return 0


def chunk_producer(settings: Settings, chunk_size: int) -> AIOKafkaProducer:
    """The producer chunks travel with: idempotent, acks=all, room for a whole chunk."""
    return AIOKafkaProducer(
        **client_kwargs(settings),
        acks="all",
        enable_idempotence=True,
        max_request_size=chunk_size + _ENVELOPE_ROOM,
        linger_ms=5,
    )


async def produce_files(
    settings: Settings,
    sources: list[tuple[str, Path]],
    chunk_size: int,
    *,
    progress: bool = False,
    bytes_per_s: float | None = None,
) -> int:
    """Publish each file as ordered chunks with bounded memory, paced to ``bytes_per_s`` if
    given (the benchmark's half-speed runs)."""
    await ensure_topics(settings)
    producer = chunk_producer(settings, chunk_size)
    await producer.start()
    count = sent = 0
    started = time.monotonic()
    try:
        for source_id, path in sources:
            size = path.stat().st_size or 1
            with path.open("rb") as stream:
                for chunk in iter_chunks(stream, source_id, chunk_size, produced_at=time.time()):
                    if bytes_per_s:
                        ahead = sent / bytes_per_s - (time.monotonic() - started)
                        if ahead > 0:
                            await asyncio.sleep(ahead)
                    sent += len(chunk.data)
                    key, value, headers = encode_chunk(chunk.model_copy(
                        update={"produced_at": time.time()}))  # fmt: skip
                    await producer.send(settings.topic_raw_chunks, value, key=key, headers=headers)
                    count += 1
                    if progress and count % 64 == 0:
                        done = min(100.0, 100.0 * (chunk.offset + len(chunk.data)) / size)
                        print(f"\r{source_id}: {done:5.1f}%", end="", file=sys.stderr)
            if progress:
                print(f"\r{source_id}: 100.0%", file=sys.stderr)
        await producer.flush()
    finally:
        await producer.stop()
    return count
