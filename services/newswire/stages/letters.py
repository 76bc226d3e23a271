"""Dead letters: the reason, where the input came from, and a bounded copy of it.

Every letter can be traced back to the Kafka message that caused it (``topic``,
``partition``, ``offset``, the original key bytes) and, for text, to the place in its source
(``source_id``, ``source_offset``: the byte offset in the dump). A letter of an article stage
carries the article event whole (as far as a message holds it), so `newswire dlq redrive` can
publish it again; other input is kept up to NEWSWIRE_DLQ_ORIGINAL_MAX_BYTES.
"""

from __future__ import annotations

import base64
import logging
import time

from newswire import jsonio
from newswire.core.models import DeadLetter, SourceRef
from newswire.core.reasons import RejectReason, is_reject_reason
from newswire.errors import InputError
from newswire.settings import Settings
from newswire.stages.message import RECORD_OVERHEAD_BYTES, Counters, Message, Outgoing
from newswire.topology import Topology

log = logging.getLogger(__name__)
MAX_MESSAGE_CHARS = 2000  # a reason's explanation; an exception text can be long


def dead_letter(
    reason: RejectReason,
    message: str,
    *,
    topic: str | None,
    partition: int | None,
    offset: int | None,
    key: bytes | None,
    source_id: str | None,
    source_offset: int | None = None,
    excerpt: str = "",
    original: bytes | None = None,
    max_original_bytes: int = 64 * 1024,
) -> DeadLetter:
    kept = original[:max_original_bytes] if original is not None else None
    return DeadLetter(
        reason=reason,
        message=message[:MAX_MESSAGE_CHARS],
        topic=topic,
        partition=partition,
        offset=offset,
        key_base64=base64.b64encode(key).decode("ascii") if key is not None else None,
        source_id=source_id,
        source_offset=source_offset,
        excerpt=excerpt,
        rejected_at=time.time(),
        original_base64=base64.b64encode(kept).decode("ascii") if kept is not None else None,
        original_truncated=len(kept) < len(original)
        if original is not None and kept is not None
        else None,
        original_bytes=len(original) if original is not None else None,
    )


def reject_reason(exc: InputError) -> RejectReason:
    """The dead-letter reason of an error a stage met (a command-line reason there is a bug)."""
    return exc.reason if is_reject_reason(exc.reason) else "internal_error"


class Letters:
    """The dead letters the stages write, counted as they are made."""

    def __init__(self, settings: Settings, topology: Topology, counters: Counters) -> None:
        self._settings = settings
        self._topology = topology
        self._counters = counters
        # Leave room for the letter's other fields and base64's growth (4/3).
        self._room = (settings.max_message_bytes - 4 * RECORD_OVERHEAD_BYTES - 16 * 1024) * 3 // 4
        self._article_topics = (topology.parsed.name, topology.near.name)

    def rejected(
        self,
        incoming: Message,
        reason: RejectReason,
        message: str,
        *,
        source_id: str | None = None,
        source_offset: int | None = None,
        excerpt: str = "",
        original: bytes | None = None,
    ) -> Outgoing:
        """A dead letter for ``incoming``: traceable to its topic, partition, offset and key,
        and to its source."""
        self._counters.rejected(reason)
        source = source_id
        if source is None and incoming.topic == self._topology.raw_chunks.name:
            # Elsewhere the key is an article id: the exact bytes go alongside.
            source = incoming.key.decode("utf-8", "replace") if incoming.key else None
        limit = min(self._settings.dlq_original_max_bytes, self._room)
        if incoming.topic in self._article_topics:
            original, limit = incoming.value, self._room
        letter = dead_letter(
            reason, message,
            topic=incoming.topic, partition=incoming.partition, offset=incoming.offset,
            key=incoming.key, source_id=source, source_offset=source_offset,
            excerpt=excerpt, original=original, max_original_bytes=limit,
        )  # fmt: skip
        value = jsonio.dumps(letter.model_dump(mode="json"))
        return Outgoing(self._topology.dlq.name, (source or "").encode(), value, payload=letter)

    def bounded(self, incoming: Message, record: Outgoing, source: SourceRef | None) -> Outgoing:
        """``record``, or a dead letter ``too_large`` when it would exceed the message limit
        (a broker refusal would stall the stage on every retry)."""
        limit = self._settings.max_message_bytes
        if record.size() <= limit:
            return record
        return self.rejected(
            incoming, "too_large",
            f"a {record.size()}-byte record for {record.topic} exceeds NEWSWIRE_MAX_MESSAGE_BYTES "
            f"({limit})",
            source_id=source.id if source else None,
            source_offset=source.offset if source else None,
        )  # fmt: skip

    def failed(self, incoming: Message, exc: Exception, *, stage: str) -> Outgoing:
        """The letter of a message whose handling raised: a bug, or our own message that does
        not decode; the message's bytes are kept so it can be replayed once fixed."""
        where = f"{incoming.topic}[{incoming.partition}]@{incoming.offset}"
        if isinstance(exc, InputError):
            log.error("%s: %s at %s: %s", stage, exc.reason, where, exc)
            return self.rejected(incoming, reject_reason(exc), str(exc), original=incoming.value)
        log.exception("%s: handler failed at %s", stage, where)
        return self.rejected(
            incoming, "internal_error", f"{stage} failed: {exc!r}", original=incoming.value
        )
