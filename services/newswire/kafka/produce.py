"""Publishing dump files to the input topic as ordered chunks, keyed by source id: what
`newswire produce`, `newswire run` and the benchmarks share. Each file is a new run of its
source (``iter_chunks`` gives it a fresh run id); success means the broker acknowledged every
chunk."""

from __future__ import annotations

import asyncio
import io
import sys
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaConnectionError, KafkaError, MessageSizeTooLargeError

from newswire.core.envelope import encode_chunk
from newswire.core.reassembly import iter_chunks
from newswire.errors import ConfigurationError, DeliveryError
from newswire.kafka.config import client_kwargs
from newswire.kafka.topics import ensure_topics
from newswire.settings import Settings, chunk_size_error

# Sends in flight before the oldest one's acknowledgement is awaited: keeps the pipeline full
# while a refusal is noticed within this many chunks, not after the whole file.
DELIVERY_WINDOW = 256


def check_chunk_size(settings: Settings, chunk_size: int, name: str | None = None) -> None:
    """Refuse a chunk size whose messages cannot fit in ``max_message_bytes`` (before a chunk
    of that size is allocated)."""
    problem = chunk_size_error(chunk_size, settings.max_message_bytes, name or "chunk size")
    if problem:
        raise ConfigurationError(problem)


def chunk_producer(settings: Settings, chunk_size: int) -> AIOKafkaProducer:
    """The producer chunks travel with: idempotent, acks=all, room for a whole chunk."""
    check_chunk_size(settings, chunk_size)
    return AIOKafkaProducer(
        **client_kwargs(settings),
        acks="all",
        enable_idempotence=True,
        max_request_size=settings.max_message_bytes,  # what the topics take (ensure_topics)
        linger_ms=5,
    )


def delivery_error(topic: str, exc: KafkaError, where: str) -> DeliveryError:
    """Our one-line error for a Kafka error met while sending to ``topic``."""
    reason = " ".join(str(exc).split()) or type(exc).__name__  # one line
    if isinstance(exc, MessageSizeTooLargeError):
        reason += " (larger than the topic's max.message.bytes or the producer's limit)"
    return DeliveryError(
        f"not delivered to topic {topic}: {where}: {reason}", retriable=exc.retriable
    )


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()  # so asyncio does not report an exception nobody retrieved


class _Deliveries:
    """The acknowledgements of the sends in flight, awaited oldest first."""

    def __init__(self, topic: str) -> None:
        self.topic = topic
        self._pending: deque[tuple[asyncio.Future[Any], str]] = deque()

    async def send(
        self, producer: AIOKafkaProducer, value: bytes, key: bytes, headers: Any, where: str
    ) -> None:
        try:
            future = await producer.send(self.topic, value, key=key, headers=headers)
        except KafkaError as exc:  # refused before it left: too large, buffer timeout, ...
            self.abandon()
            raise delivery_error(self.topic, exc, where) from exc
        self._pending.append((future, where))
        await self.settle(DELIVERY_WINDOW)

    async def settle(self, in_flight: int = 0) -> None:
        """Wait until at most ``in_flight`` sends are unacknowledged; raise on a refusal."""
        while len(self._pending) > in_flight:
            future, where = self._pending.popleft()
            try:
                await future
            except KafkaError as exc:
                self.abandon()
                raise delivery_error(self.topic, exc, where) from exc

    def abandon(self) -> None:
        """Stop waiting for the sends in flight (after a refusal or an error of our own)."""
        for future, _ in self._pending:
            future.add_done_callback(_retrieve)
        self._pending.clear()


async def produce_files(
    settings: Settings,
    sources: Sequence[tuple[str, Path | bytes]],
    chunk_size: int,
    *,
    progress: bool = False,
    bytes_per_s: float | None = None,
) -> int:
    """Publish each file as ordered chunks with bounded memory, paced to ``bytes_per_s`` if
    given (the benchmark's half-speed runs). Returns once the broker acknowledged every chunk;
    raises DeliveryError, naming the topic and the first chunk refused, otherwise. A source's
    bytes may be given instead of its file (`newswire dlq redrive`)."""
    topic = settings.topic_raw_chunks
    check_chunk_size(settings, chunk_size)
    try:
        await ensure_topics(settings)
    except KafkaConnectionError:
        raise  # not a refusal: the command line says "cannot reach Kafka" once, for all
    except KafkaError as exc:
        raise delivery_error(topic, exc, "before the first chunk") from exc
    producer = chunk_producer(settings, chunk_size)
    deliveries = _Deliveries(topic)
    count = sent = 0
    try:
        try:
            await producer.start()
        except KafkaConnectionError:
            raise
        except KafkaError as exc:
            raise delivery_error(topic, exc, "before the first chunk") from exc
        started = time.monotonic()
        for source_id, path in sources:
            size = (len(path) if isinstance(path, bytes) else path.stat().st_size) or 1
            with io.BytesIO(path) if isinstance(path, bytes) else path.open("rb") as stream:
                for chunk in iter_chunks(stream, source_id, chunk_size, produced_at=time.time()):
                    if bytes_per_s:
                        ahead = sent / bytes_per_s - (time.monotonic() - started)
                        if ahead > 0:
                            await asyncio.sleep(ahead)
                    sent += len(chunk.data)
                    key, value, headers = encode_chunk(chunk.model_copy(
                        update={"produced_at": time.time()}))  # fmt: skip
                    where = f"source {source_id} chunk {chunk.seq} at offset {chunk.offset}"
                    await deliveries.send(producer, value, key, headers, where)
                    count += 1
                    if progress and count % 64 == 0:
                        done = min(100.0, 100.0 * (chunk.offset + len(chunk.data)) / size)
                        print(f"\r{source_id}: {done:5.1f}%", end="", file=sys.stderr)
            if progress:
                print(f"\r{source_id}: 100.0%", file=sys.stderr)
        await deliveries.settle()
    finally:
        deliveries.abandon()
        await producer.stop()
    return count
