"""The three stages over plain dict tables, as the stream wires them, for tests."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import orjson
from prometheus_client import CollectorRegistry

from newswire.core.envelope import encode_chunk
from newswire.core.reassembly import iter_chunks
from newswire.settings import Settings
from newswire.stages import Identity, Message, NearDuplicates, Outgoing, Reassembly
from newswire.stages.held import HeldWrites, handle_each
from newswire.stages.letters import Letters
from newswire.stream.metrics import Metrics, StageCounts
from newswire.topology import Topology

KAFKA_TIME = 1_751_000_000.0  # 2025-06-27: when the test's records reached Kafka


@dataclass
class Stages:
    """A worker's stages, their tables (by table name) and what they counted."""

    settings: Settings
    topology: Topology = field(init=False)
    metrics: Metrics = field(init=False)
    tables: dict[str, dict[str, Any]] = field(init=False)
    reassembly: Reassembly = field(init=False)
    identity: Identity = field(init=False)
    near: NearDuplicates = field(init=False)
    letters: Letters = field(init=False)

    def __post_init__(self) -> None:
        self.topology = shape = Topology.from_settings(self.settings)
        self.metrics = Metrics.create(CollectorRegistry())
        counts = StageCounts(self.metrics)
        self.tables = {spec.name: {} for spec in shape.tables()}
        self.letters = Letters(self.settings, shape, counts)
        self.reassembly = Reassembly(self.settings, shape, counts, self.table("sources").items)
        self.identity = Identity(self.settings, shape, counts, self.table("articles").items)
        self.near = NearDuplicates(self.settings, shape, counts, self.table("near-entries").items)

    def table(self, name: str) -> dict[str, Any]:
        return self.tables[name]

    def failed(self, message: Message, exc: Exception) -> Outgoing:
        """The agents' dead letter of a message whose handling raised."""
        return self.letters.failed(message, exc, stage="test")

    def letters_in(self, records: list[Outgoing]) -> list[dict[str, Any]]:
        return [orjson.loads(r.value) for r in records if r.topic == self.settings.topic_dlq]


def run_stage(
    stage: Any, messages: list[Message], table: dict[str, Any], failed: Any = None
) -> list[Outgoing]:
    """One batch through a stage, its state applied to ``table`` as an agent does (the agents'
    own ``handle_each``); ``failed``: the dead letter of a raising message (default: raise)."""

    def reraise(message: Message, exc: Exception) -> Outgoing:
        raise exc

    state: HeldWrites[Message] = HeldWrites(table)
    out = handle_each(messages, _itself, stage.handle, state, failed or reraise)
    state.apply()
    return out


def _itself(message: Message) -> Message:
    return message


def chunk_messages(
    text: str, source: str = "site", chunk_size: int = 700, *, timestamp: float = KAFKA_TIME
) -> list[Message]:
    chunks = iter_chunks(io.BytesIO(text.encode()), source, chunk_size, produced_at=1.5)
    messages = []
    for offset, chunk in enumerate(chunks):
        key, value, headers = encode_chunk(chunk)
        messages.append(Message("raw", 0, offset, key, value, tuple(headers), timestamp))
    return messages


def at_offsets(records: list[Outgoing], topic: str = "near") -> list[Message]:
    """Records as the next stage reads them: one partition, offsets in order."""
    return [
        Message(topic, 0, offset, r.key, r.value, r.headers, KAFKA_TIME)
        for offset, r in enumerate(records)
    ]
