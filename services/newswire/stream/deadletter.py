"""Dead-letter records: the reason, where the input came from, and a bounded copy of it.

Every record can be traced back to the Kafka message that caused it (``topic``,
``partition``, ``offset``, the original key bytes) and, for text, to the place in its source
(``source_id``, ``source_offset``: the byte offset in the dump).
"""

from __future__ import annotations

import base64
import time

from newswire import jsonio
from newswire.core.models import DeadLetter
from newswire.core.reasons import RejectReason

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
) -> bytes:
    kept = original[:max_original_bytes] if original is not None else None
    record = DeadLetter(
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
    return jsonio.dumps(record.model_dump(mode="json"))
