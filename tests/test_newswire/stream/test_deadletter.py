"""Dead letters carry the reason, the place and a bounded copy of the input."""

from __future__ import annotations

import base64

import orjson

from newswire.stream.deadletter import dead_letter


def test_the_original_is_kept_up_to_the_bound_and_says_so() -> None:
    record = orjson.loads(
        dead_letter(
            "bad_envelope",
            "no headers",
            source_id="s",
            offset=None,
            original=b"x" * 100,
            max_original_bytes=10,
        )
    )
    assert base64.b64decode(record["original_base64"]) == b"x" * 10
    assert record["original_truncated"] is True
    assert record["original_bytes"] == 100
    assert (record["reason"], record["source_id"], record["offset"]) == ("bad_envelope", "s", None)


def test_a_parser_rejection_keeps_its_place_and_excerpt() -> None:
    record = orjson.loads(
        dead_letter("missing_title", "m", source_id="f", offset=42, excerpt="01.07.2025, 10:00 7")
    )
    assert {k: record[k] for k in ("reason", "source_id", "offset", "excerpt")} == {
        "reason": "missing_title",
        "source_id": "f",
        "offset": 42,
        "excerpt": "01.07.2025, 10:00 7",
    }
    assert "original_base64" not in record
