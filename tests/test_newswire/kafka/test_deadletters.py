"""Selecting dead letters and planning their re-drive (no broker: letters built here)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from newswire.core.events import build_event
from newswire.core.models import DeadLetter
from newswire.errors import InputError
from newswire.kafka.deadletters import Letter, Selection, instant, redrive_plan, select
from newswire.settings import Settings
from tests.support import articles, parse_bytes

SETTINGS = Settings()
DUMP = "date 2025-07-17 14.07.2025, 10:00 7\nTitle\nBody text.\n"


def _letter(reason: str, topic: str, *, original: bytes | None = None, truncated: bool = False,
            source: str = "site", at: float = 1_752_710_400.0) -> Letter:  # fmt: skip
    return Letter(0, 0, DeadLetter(
        reason=reason, message="m", topic=topic, partition=0, offset=0, key_base64=None,
        source_id=source, source_offset=0, excerpt="", rejected_at=at,
        original_base64=base64.b64encode(original).decode() if original is not None else None,
        original_truncated=truncated if original is not None else None,
    ))  # fmt: skip


def _event_bytes() -> bytes:
    [article] = articles(parse_bytes(DUMP.encode()))
    return build_event(article, ZoneInfo("Asia/Almaty")).model_dump_json().encode()


def test_a_selection_needs_every_condition_it_names() -> None:
    letters = [
        _letter("beyond_retention", "newswire.parsed", source="a", at=100.0),
        _letter("too_large", "newswire.near", source="b", at=200.0),
        _letter("chunk_gap", "newswire.raw-chunks", source="a", at=300.0),
    ]
    by = [
        (Selection(), 3),
        (Selection(reasons=frozenset({"chunk_gap", "too_large"})), 2),
        (Selection(sources=frozenset({"a"})), 2),
        (Selection(since=200.0), 2),
        (Selection(since=150.0, until=300.0), 1),
        (Selection(reasons=frozenset({"chunk_gap"}), sources=frozenset({"b"})), 0),
    ]
    for selection, count in by:
        assert len(select(letters, selection)) == count


def test_times_are_iso_8601_or_epoch_seconds() -> None:
    assert instant("2025-07-17") == datetime(2025, 7, 17, tzinfo=UTC).timestamp()
    assert instant("2025-07-17T10:00+05:00") == datetime(2025, 7, 17, 5, tzinfo=UTC).timestamp()
    assert instant("1752710400") == 1_752_710_400.0
    assert instant("20250717") == instant("2025-07-17")  # ISO 8601's basic form, no seconds
    with pytest.raises(InputError, match="not a time"):
        instant("yesterday")


def test_only_letters_carrying_a_whole_article_are_redriven_grouped_by_source() -> None:
    event = _event_bytes()
    letters = [
        _letter("beyond_retention", "newswire.parsed", original=event),
        _letter("too_large", "newswire.parsed", original=event),
        _letter("internal_error", "newswire.near", original=event),
        _letter("too_large", "newswire.parsed", original=event[:50], truncated=True),
        _letter("chunk_gap", "newswire.raw-chunks"),
        _letter("internal_error", "newswire.parsed", original=b"{}"),
    ]
    plan = redrive_plan(letters, SETTINGS)
    assert plan.articles == 2
    # The event's own source (the letter's may be the key of another stage).
    assert plan.sources == [("src", DUMP.encode() * 2)]
    # Each refused letter for its own reason (counts alone would pass with the reasons mixed).
    assert plan.refused == {
        "recorded by the identity stage (a re-drive would be an exact repeat)": 1,
        "the copy kept is truncated": 1,
        "not an article (a chunk of a run: produce its source again)": 1,
        "the copy kept is not an article event": 1,
    }
