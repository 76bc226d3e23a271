"""The dead-letter topic read back: selecting letters, and turning those that carry an article
into dump text to publish again (`newswire dlq`).

Which letters can be re-driven: those of the identity stage (its input topic, ``parsed``),
whose original is the parsed article event kept whole (``beyond_retention``, ``too_large`` of
the enriched event, ``internal_error`` and ``bad_internal_message``): the stage keeps no trace
of an article it dead-letters, so the article published again, as a new run of its source in
the dump format (``core.dump.render_article``), is news to it. A letter of the near stage is
refused: its article passed the identity stage, which recorded it, so a re-drive would be an
exact repeat (replay the near topic from the letter's offset instead). A letter of the input
topic holds one chunk of a run, or none: its source is re-produced whole instead (`newswire
produce`, with its ``source_id`` and ``source_offset``).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError

from newswire import jsonio
from newswire.core.dump import render_article
from newswire.core.models import ArticleEvent, DeadLetter
from newswire.errors import InputError
from newswire.settings import Settings
from newswire.topology import Topology


@dataclass(frozen=True, slots=True)
class Letter:
    """One record of the dead-letter topic, where it sits there."""

    partition: int
    offset: int
    letter: DeadLetter


@dataclass(frozen=True, slots=True)
class Selection:
    """Which letters a command works on: every condition given must hold."""

    reasons: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    since: float | None = None  # epoch seconds, ``rejected_at`` at or after
    until: float | None = None  # epoch seconds, ``rejected_at`` before

    def matches(self, letter: DeadLetter) -> bool:
        return (
            (not self.reasons or letter.reason in self.reasons)
            and (not self.sources or (letter.source_id or "") in self.sources)
            and (self.since is None or letter.rejected_at >= self.since)
            and (self.until is None or letter.rejected_at < self.until)
        )


def instant(text: str) -> float:
    """Epoch seconds of an ISO 8601 date or time (UTC unless it says otherwise), or of a
    number of epoch seconds (``20250717`` is a date: ISO 8601 is read first)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
    try:
        return float(text)
    except ValueError:
        raise InputError(
            f"not a time: {text!r} (ISO 8601, e.g. 2025-07-17 or 2025-07-17T10:00+05:00, or "
            "epoch seconds)",
            reason="bad_argument",
        ) from None


async def read_letters(settings: Settings, topic: str | None = None) -> list[Letter]:
    """Every letter on the dead-letter topic when the read starts, in partition and offset
    order (records that are not letters are skipped: the topic is ours alone)."""
    from newswire.kafka.read import read_records  # noqa: PLC0415 - aiokafka: only when read

    records = await read_records(settings, topic or settings.topic_dlq)
    letters = ((record, _letter(record.value)) for record in records)
    return [Letter(r.partition, r.offset, letter) for r, letter in letters if letter is not None]


def _letter(value: bytes | None) -> DeadLetter | None:
    try:
        return DeadLetter.model_validate(jsonio.loads(value or b""))
    except (InputError, ValidationError):
        return None


def select(letters: Iterable[Letter], selection: Selection) -> list[Letter]:
    return [letter for letter in letters if selection.matches(letter.letter)]


@dataclass(frozen=True, slots=True)
class Redrive:
    """What re-driving some letters publishes, and why the others cannot be."""

    sources: list[tuple[str, bytes]]  # (source id, dump text): one new run each
    articles: int
    refused: dict[str, int]  # why -> letters


def redrive_plan(letters: Sequence[Letter], settings: Settings) -> Redrive:
    """The dump text of every letter that carries an article, grouped by source in letter
    order; the others counted by why they cannot be re-driven."""
    shape = Topology.from_settings(settings)
    texts: dict[str, list[str]] = {}
    refused: dict[str, int] = {}
    articles = 0
    for item in letters:
        letter = item.letter
        why = None
        if letter.topic == shape.near.name:
            why = "recorded by the identity stage (a re-drive would be an exact repeat)"
        elif letter.topic != shape.parsed.name:
            why = "not an article (a chunk of a run: produce its source again)"
        elif letter.original_base64 is None:
            why = "no copy of the article kept"
        elif letter.original_truncated:
            why = "the copy kept is truncated"
        event = None if why else _event(letter.original_base64 or "")
        if why is None and event is None:
            why = "the copy kept is not an article event"
        if why is not None or event is None:
            refused[why or ""] = refused.get(why or "", 0) + 1
            continue
        texts.setdefault(event.source.id, []).append(render_article(event))
        articles += 1
    sources = [(source, "".join(parts).encode()) for source, parts in texts.items()]
    return Redrive(sources, articles, refused)


def _event(original: str) -> ArticleEvent | None:
    try:
        return ArticleEvent.model_validate(jsonio.loads(base64.b64decode(original)))
    except (InputError, ValidationError, ValueError):
        return None
