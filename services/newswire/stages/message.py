"""What a stage reads, writes and reports: a message in, records out, state by key, counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from newswire.core.envelope import PRODUCED_AT
from newswire.core.reasons import RejectReason, SkipReason

Headers = tuple[tuple[str, bytes], ...]
# Kafka's record and batch framing around key, value and headers (v2 format: 61 bytes of
# batch header plus varints), rounded up.
RECORD_OVERHEAD_BYTES = 512


@dataclass(frozen=True, slots=True)
class Message:
    """One input record, as Kafka gave it to the stage."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Any = ()  # pairs (name, bytes), as Faust hands them over
    timestamp: float | None = None  # epoch seconds: when the record reached Kafka
    # The value decoded, when the stage before handed it over in the same process (``newswire
    # parse``): the stage reads it instead of decoding the value again.
    payload: object | None = None


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One record a stage wants produced. ``delivered`` runs once the broker took it."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Headers = ()
    delivered: Callable[[], None] | None = None
    payload: object | None = None  # what ``value`` encodes, for a stage in the same process

    def size(self) -> int:
        """Bytes the record takes in a batch of its own, framing included (an upper bound)."""
        headers = sum(len(name) + len(value) for name, value in self.headers)
        return len(self.key or b"") + len(self.value) + headers + RECORD_OVERHEAD_BYTES


class State(Protocol):
    """A stage's table as one message's handling sees it: reads see this batch's writes, and
    writes and memory changes are kept only if the handling returns."""

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...

    def delete(self, key: str) -> None: ...

    def on_keep(self, change: Callable[[], None]) -> None:
        """Run ``change`` (to memory derived from the table) once the message is kept."""


class Counters(Protocol):
    """What the stages count: the stream's metrics, or `newswire parse`'s summary."""

    def chunk_received(self) -> None: ...

    def article_parsed(self) -> None: ...

    def rejected(self, reason: RejectReason) -> None: ...

    def skipped(self, reason: SkipReason) -> None: ...

    def duplicate(self, kind: str) -> None: ...

    def sources_forgotten(self, count: int) -> None: ...

    def enriched(self, seconds: float) -> None: ...

    def published(self, produced_at: float | None) -> None: ...


def header(headers: Any, wanted: str) -> bytes | None:
    for name, value in headers or ():
        if name == wanted:
            return bytes(value)
    return None


def forwarded(headers: Any) -> Headers:
    """The input headers an article carries on: its chunk's produce time."""
    value = header(headers, PRODUCED_AT)
    return ((PRODUCED_AT, value),) if value is not None else ()


def produced_at(headers: Any) -> float | None:
    value = header(headers, PRODUCED_AT)
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
