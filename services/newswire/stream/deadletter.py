"""Dead-letter records: the reason, where the input came from, and a bounded copy of it."""

from __future__ import annotations

import base64
import time

from newswire import jsonio


def dead_letter(
    reason: str,
    message: str,
    *,
    source_id: str | None,
    offset: int | None,
    excerpt: str = "",
    original: bytes | None = None,
    max_original_bytes: int = 64 * 1024,
) -> bytes:
    record: dict[str, object] = {
        "reason": reason,
        "message": message,
        "source_id": source_id,
        "offset": offset,
        "excerpt": excerpt,
        "rejected_at": time.time(),
    }
    if original is not None:
        kept = original[:max_original_bytes]
        record["original_base64"] = base64.b64encode(kept).decode("ascii")
        record["original_truncated"] = len(kept) < len(original)
        record["original_bytes"] = len(original)
    return jsonio.dumps(record)
