"""How a chunk travels on the input topic: key = source id, value = the raw bytes, headers =
run id, sequence number within the run, byte offset, last-chunk flag and produce time. Pure
(no Kafka client), so the producer, the agents and the tests share one definition."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import ValidationError

from newswire.core.models import Chunk
from newswire.errors import EnvelopeError

RUN = "nw-run"
SEQ = "nw-seq"
OFFSET = "nw-offset"
LAST = "nw-last"
PRODUCED_AT = "nw-produced-at"
Headers = Sequence[tuple[str, bytes]] | Mapping[str, bytes]  # Faust allows both


def encode_chunk(chunk: Chunk) -> tuple[bytes, bytes, list[tuple[str, bytes]]]:
    headers = [
        (RUN, chunk.run_id.encode()),
        (SEQ, str(chunk.seq).encode()),
        (OFFSET, str(chunk.offset).encode()),
        (LAST, b"1" if chunk.last else b"0"),
    ]
    if chunk.produced_at is not None:
        headers.append((PRODUCED_AT, repr(chunk.produced_at).encode()))
    return chunk.source_id.encode(), chunk.data, headers


def decode_chunk(key: bytes | None, value: bytes | None, headers: Headers | None) -> Chunk:
    """The chunk a message carries, or EnvelopeError saying what is wrong with it."""
    if not key:
        raise EnvelopeError("chunk message without a key (the source id)")
    found = dict(headers or ())
    missing = [name for name in (RUN, SEQ, OFFSET, LAST) if name not in found]
    if missing:
        raise EnvelopeError(f"chunk message without header(s) {', '.join(missing)}")
    try:
        produced = found.get(PRODUCED_AT)
        return Chunk(
            source_id=key.decode("utf-8"),
            run_id=found[RUN].decode("utf-8"),
            seq=int(found[SEQ]),
            offset=int(found[OFFSET]),
            data=value or b"",
            last=found[LAST] == b"1",
            produced_at=float(produced) if produced is not None else None,
        )
    except (UnicodeDecodeError, ValueError, ValidationError) as exc:
        raise EnvelopeError(f"invalid chunk envelope: {exc}") from exc
