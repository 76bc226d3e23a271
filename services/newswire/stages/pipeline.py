"""The three stages in one process: what `newswire parse` and a worker's warm-up run.

Each chunk becomes the message the input topic would carry, and every record a stage makes
for the next stage's topic is handed to it at once, on the partition Kafka's default
partitioner would give its key, at the next offset of that partition; the decoded value goes
along, so nothing is encoded and decoded again in between. Tables are plain dicts. The output
records are the bytes the stream publishes: the same stage objects decide both.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newswire.core.envelope import encode_chunk
from newswire.core.models import Chunk
from newswire.core.partitioning import partition_for
from newswire.core.reasons import RejectReason, SkipReason
from newswire.settings import Settings
from newswire.stages.held import HeldWrites, handle_each
from newswire.stages.identity import Identity
from newswire.stages.letters import Letters
from newswire.stages.message import Message, Outgoing
from newswire.stages.near import NearDuplicates
from newswire.stages.reassembly import Reassembly
from newswire.topology import StageSpec, TopicSpec, Topology


@dataclass
class RunStats:
    """What a run did, for the summary line and the tests (``stages.Counters``)."""

    chunks: int = 0
    articles_parsed: int = 0
    events: int = 0
    rejections: Counter[str] = field(default_factory=Counter)
    skips: Counter[str] = field(default_factory=Counter)
    duplicates: Counter[str] = field(default_factory=Counter)

    def chunk_received(self) -> None:
        self.chunks += 1

    def article_parsed(self) -> None:
        self.articles_parsed += 1

    def rejected(self, reason: RejectReason) -> None:
        self.rejections[reason] += 1

    def skipped(self, reason: SkipReason) -> None:
        self.skips[reason] += 1

    def duplicate(self, kind: str) -> None:
        self.duplicates[kind] += 1

    def sources_forgotten(self, count: int) -> None:
        """A run of one process never forgets a source (its chunks share one time)."""

    def enriched(self, seconds: float) -> None:
        """Not timed per article here: the run's time is."""

    def published(self, produced_at: float | None) -> None:
        self.events += 1


class _Stage:
    """One stage with its table and the partitions of the topic it reads."""

    def __init__(self, spec: StageSpec, handler: Any, table: dict[str, Any]) -> None:
        self.spec = spec
        self.handler = handler
        self.table = table


class InProcess:
    """The stages over chunks, in one process. ``received_at``: the one time every chunk
    "reached Kafka" (epoch seconds; default: when the run was made)."""

    def __init__(self, settings: Settings, *, received_at: float | None = None) -> None:
        shape = Topology.from_settings(settings)
        self.stats = RunStats()
        self.received_at = time.time() if received_at is None else received_at
        self._letters = Letters(settings, shape, self.stats)
        self._input = shape.raw_chunks
        self._offsets: Counter[tuple[str, int]] = Counter()
        self.tables: dict[str, dict[str, Any]] = {spec.name: {} for spec in shape.tables()}
        tables = self.tables
        built = (
            (shape.reassembly_stage, Reassembly),
            (shape.identity_stage, Identity),
            (shape.near_stage, NearDuplicates),
        )
        self._stages: dict[str, _Stage] = {}
        for spec, kind in built:
            table = tables[spec.table.name] if spec.table is not None else {}
            handler = kind(settings, shape, self.stats, table.items)
            self._stages[spec.reads.name] = _Stage(spec, handler, table)

    def feed(self, chunks: Iterable[Chunk]) -> Iterator[Outgoing]:
        """The records each chunk makes for the output and dead-letter topics, in order."""
        for chunk in chunks:
            key, value, headers = encode_chunk(chunk)
            message = self._message(self._input, key, value, headers)
            yield from self._run(message)

    def _run(self, message: Message) -> list[Outgoing]:
        stage = self._stages[message.topic]
        held: HeldWrites[Message] = HeldWrites(stage.table)
        records = handle_each(
            [message], _itself, stage.handler.handle, held, self._failed_in(stage.spec.name)
        )
        held.apply()
        out: list[Outgoing] = []
        for record in records:
            following = self._stages.get(record.topic)
            if following is None:  # the output or the dead-letter topic: delivered
                if record.delivered is not None:
                    record.delivered()
                out.append(record)
                continue
            reads = following.spec.reads
            out.extend(
                self._run(
                    self._message(reads, record.key, record.value, record.headers, record.payload)
                )
            )
        return out

    def _message(
        self,
        topic: TopicSpec,
        key: bytes | None,
        value: bytes,
        headers: Any,
        payload: object = None,
    ) -> Message:
        """The message ``topic`` would carry: the partition Kafka's default partitioner gives
        its key, the partition's next offset."""
        partition = partition_for(key, topic.partitions) if key and topic.partitions > 1 else 0
        offset = self._offsets[topic.name, partition]
        self._offsets[topic.name, partition] += 1
        return Message(
            topic.name, partition, offset, key, value, headers, self.received_at, payload
        )

    def _failed_in(self, stage: str) -> Any:
        def failed(message: Message, exc: Exception) -> Outgoing:
            return self._letters.failed(message, exc, stage=stage)

        return failed


def _itself(message: Message) -> Message:
    return message
