"""The chunk envelope on the input topic: round trip, and our error for anything else."""

from __future__ import annotations

import pytest

from newswire.core.envelope import decode_chunk, encode_chunk
from newswire.core.models import Chunk
from newswire.errors import EnvelopeError


def test_a_chunk_round_trips_through_key_value_and_headers() -> None:
    chunk = Chunk(
        source_id="dump-ü.txt",
        run_id="3f2a",
        seq=7,
        offset=4096,
        data=b"\xd0\x96x",
        last=True,
        produced_at=1790000000.25,
    )
    assert decode_chunk(*encode_chunk(chunk)) == chunk


_RUN = [("nw-run", b"r1")]


@pytest.mark.parametrize(
    ("key", "headers", "message"),
    [
        (None, [*_RUN, ("nw-seq", b"0"), ("nw-offset", b"0"), ("nw-last", b"0")], "without a key"),
        (b"s", [*_RUN, ("nw-offset", b"0"), ("nw-last", b"0")], "nw-seq"),
        (b"s", [("nw-seq", b"0"), ("nw-offset", b"0"), ("nw-last", b"0")], "nw-run"),
        (b"s", [*_RUN, ("nw-seq", b"x"), ("nw-offset", b"0"), ("nw-last", b"0")], "invalid"),
        (b"s", [*_RUN, ("nw-seq", b"-1"), ("nw-offset", b"0"), ("nw-last", b"0")], "invalid"),
        (b"\xff", [*_RUN, ("nw-seq", b"0"), ("nw-offset", b"0"), ("nw-last", b"0")], "invalid"),
        (
            b"s",
            [("nw-run", b""), ("nw-seq", b"0"), ("nw-offset", b"0"), ("nw-last", b"0")],
            "invalid",
        ),
    ],
)
def test_a_bad_envelope_is_our_error_with_its_reason(
    key: bytes | None, headers: list[tuple[str, bytes]], message: str
) -> None:
    with pytest.raises(EnvelopeError, match=message) as info:
        decode_chunk(key, b"data", headers)
    assert info.value.reason == "bad_envelope"
