"""Dead letters carry the reason, where the input came from and a bounded copy of it."""

from __future__ import annotations

import base64
from typing import Any, TypedDict

import orjson

from newswire.core.models import DeadLetter
from newswire.stages.letters import MAX_MESSAGE_CHARS, dead_letter


class _Where(TypedDict):
    topic: str
    partition: int
    offset: int


_WHERE: _Where = {"topic": "in", "partition": 3, "offset": 17}


def _plain(letter: DeadLetter) -> dict[str, Any]:
    """The letter as its JSON on the dead-letter topic reads."""
    plain: dict[str, Any] = orjson.loads(orjson.dumps(letter.model_dump(mode="json")))
    return plain


def test_the_original_is_kept_up_to_the_bound_and_says_so() -> None:
    record = _plain(
        dead_letter(
            "bad_envelope",
            "no headers",
            **_WHERE,
            key=b"\xff\xfe",
            source_id="s",
            original=b"x" * 100,
            max_original_bytes=10,
        )
    )
    assert base64.b64decode(record["original_base64"]) == b"x" * 10
    assert record["original_truncated"] is True
    assert record["original_bytes"] == 100
    assert (record["reason"], record["source_id"]) == ("bad_envelope", "s")


def test_every_letter_traces_back_to_its_kafka_message_and_exact_key() -> None:
    keys = [b"\xff", b"\xfe", b"\xff\xfe"]  # undecodable keys that read alike as text
    letters = [
        _plain(dead_letter("bad_envelope", "m", **_WHERE, key=k, source_id=None)) for k in keys
    ]
    assert [base64.b64decode(x["key_base64"]) for x in letters] == keys
    assert all({k: x[k] for k in _WHERE} == _WHERE for x in letters)
    long = _plain(dead_letter("internal_error", "e" * 10_000, **_WHERE, key=None, source_id=None))
    assert len(long["message"]) == MAX_MESSAGE_CHARS
    assert long["key_base64"] is None


def test_a_parser_rejection_keeps_its_place_and_excerpt() -> None:
    record = _plain(
        dead_letter(
            "missing_title",
            "m",
            **_WHERE,
            key=b"f",
            source_id="f",
            source_offset=42,
            excerpt="01.07.2025, 10:00 7",
        )
    )
    assert {k: record[k] for k in ("reason", "source_id", "source_offset", "excerpt")} == {
        "reason": "missing_title",
        "source_id": "f",
        "source_offset": 42,
        "excerpt": "01.07.2025, 10:00 7",
    }
    assert record["original_base64"] is None
