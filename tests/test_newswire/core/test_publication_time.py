"""An implausible publication time is flagged and moves no retention window: one mistyped
year never changes what happens to other articles (``core.publication_time``)."""

from __future__ import annotations

import io
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.core.dedup import (
    NearIndex,
    NearKey,
    RetentionWindow,
    retained_at,
)
from newswire.core.identity import article_id
from newswire.core.models import ArticleEvent, SourceRef
from newswire.core.publication_time import TimeBounds, from_epoch
from newswire.core.reassembly import iter_chunks
from newswire.settings import Settings
from newswire.stages.pipeline import InProcess
from tests.support import applied_identity, applied_near, requires_sample, sample_bytes

ALMATY = ZoneInfo("Asia/Almaty")
BOUNDS = TimeBounds(timedelta(hours=24), date(1990, 1, 1))
DUMP_DAY = date(2025, 7, 17)


def at(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ALMATY)


def problem(published: datetime, *, dump: date | None = None, received: datetime | None = None):
    return BOUNDS.problem(published, dump_date=dump, received_at=received, zone=ALMATY)


def test_a_time_within_a_day_after_the_dump_or_the_arrival_is_plausible() -> None:
    assert problem(at(2025, 7, 18, 23, 59), dump=DUMP_DAY) is None  # the dump's day + 24 h
    assert problem(at(2025, 7, 19, 0, 1), dump=DUMP_DAY) is not None
    received = datetime(2025, 7, 17, 6, 0, tzinfo=UTC)
    assert problem(received.astimezone(ALMATY) + timedelta(hours=24), received=received) is None
    later = received.astimezone(ALMATY) + timedelta(hours=24, minutes=1)
    assert "after it was received" in (problem(later, received=received) or "")


def test_a_time_before_the_earliest_date_is_implausible_and_the_far_future_too() -> None:
    assert "before 1990-01-01" in (problem(at(1989, 12, 31, 23, 59)) or "")
    assert problem(at(1990, 1, 1, 0, 0)) is None
    assert problem(at(2099, 7, 14, 10, 0), dump=DUMP_DAY) is not None
    # The edges of the calendar never raise.
    assert problem(at(9999, 12, 31, 23, 59), dump=date(9999, 12, 31)) is None
    assert problem(at(1, 1, 1, 0, 0)) is not None
    assert from_epoch(None) is None
    assert from_epoch(0) is None
    assert from_epoch(1_752_710_400.0) == datetime(2025, 7, 17, tzinfo=UTC)
    assert from_epoch(2**63 / 1000) is None  # Kafka's largest timestamp: past the year 9999


def event(title: str, when: datetime, *, flags: tuple[str, ...] = ()) -> ArticleEvent:
    body = f"{title} " + " ".join(random.Random(title).choice("abcdefghij") for _ in range(40))
    return ArticleEvent.model_validate(
        {
            "article_id": article_id(when, title),
            "published_at": when,
            "views": 1,
            "title": title,
            "body": body,
            "dump_date": None,
            "source": SourceRef(id="s", offset=0),
            "word_count": len(body.split()),
            "flags": list(flags),
        }
    )


def test_an_implausible_article_moves_no_identity_window_and_is_kept_by_its_arrival() -> None:
    window = RetentionWindow(90)
    applied_identity(window, None, event("genuine", at(2025, 7, 14, 10, 0)))
    newest = window.newest
    step = applied_identity(
        window, None, event("typo", at(2099, 7, 14, 10, 0), flags=("implausible_date",))
    )
    assert step.kind == "new"
    assert step.event is not None
    assert window.newest == newest  # not 2099
    assert step.record is not None
    assert retained_at(step.record) == newest
    # A genuine article of the same month is still inside the window.
    assert applied_identity(window, None, event("later", at(2025, 7, 1, 9, 0))).kind == "new"
    # An implausible time in the distant past is not stale either: it came now.
    old = event("old", at(1025, 7, 14, 10, 0), flags=("implausible_date",))
    assert applied_identity(window, None, old).kind == "new"
    # Once data time has moved past its arrival by the retention, its record is forgotten.
    moved = applied_identity(window, None, event("much later", at(2025, 12, 1, 10, 0)))
    assert {step.event.article_id, old.article_id} <= set(moved.forgotten)


def test_an_implausible_article_moves_no_near_window_and_is_never_an_original() -> None:
    index = NearIndex(90)
    genuine = event("genuine", at(2025, 7, 14, 10, 0))
    applied_near(index, NearKey.of(genuine), 0.7, 1)
    newest = index.newest
    # The same body under another title and an implausible time: a near duplicate of the
    # genuine article, but neither moves the window nor becomes a candidate for later ones.
    typo = event("typo", at(2099, 7, 14, 10, 0), flags=("implausible_date",))
    typo = typo.model_copy(update={"body": genuine.body})
    key = NearKey.of(typo)
    assert key.implausible
    assert NearKey.from_json(key.to_json()) == key
    decided = applied_near(index, key, 0.7, 2)
    assert decided.near_duplicate_of == genuine.article_id
    assert index.newest == newest
    assert decided.entry is not None
    assert decided.entry["retained_at"] == newest
    # A replay decides alike (its entry is kept).
    assert applied_near(index, key, 0.7, 2).near_duplicate_of == genuine.article_id
    # An earlier-dated implausible copy never becomes the root of a later copy.
    early = event("early", at(1025, 1, 1, 10, 0), flags=("implausible_date",))
    applied_near(index, NearKey.of(early.model_copy(update={"body": genuine.body})), 0.7, 3)
    third = event("third", at(2025, 7, 15, 10, 0)).model_copy(update={"body": genuine.body})
    assert applied_near(index, NearKey.of(third), 0.7, 4).near_duplicate_of == genuine.article_id
    # Restored from what a table stores, the index keeps those entries out of its buckets.
    stored = [*index.entries.items(), ("~newest", index.newest)]
    again = NearIndex.restore(90, stored)
    fourth = event("fourth", at(2025, 7, 16, 10, 0)).model_copy(update={"body": genuine.body})
    assert applied_near(again, NearKey.of(fourth), 0.7, 5).near_duplicate_of == genuine.article_id


def test_a_plausible_near_key_keeps_its_header_bytes() -> None:
    key = NearKey.of(event("genuine", at(2025, 7, 14, 10, 0)))
    assert not key.implausible
    assert len(orjson.loads(key.to_json())) == 5


# -- the property: one article with any time changes no other article's event ---------------
_SETTINGS = Settings(dedup_retention_days=30, article_partitions=2)


def _dump(articles: list[tuple[datetime, str, str]]) -> bytes:
    lines = [f"date {DUMP_DAY.isoformat()} "]
    for when, title, body in articles:
        header = f"{when.day:02}.{when.month:02}.{when.year:04}, {when.hour:02}:{when.minute:02} 5"
        lines.append(f"{header}\n{title}\n{body}\n")
    return "".join(lines).encode()


def _events(data: bytes) -> dict[tuple[str, int], str]:
    received = datetime(2025, 7, 17, 12, 0, tzinfo=UTC).timestamp()  # the run's one instant
    stages = InProcess(_SETTINGS, received_at=received)
    out = {}
    for record in stages.feed(iter_chunks(io.BytesIO(data), "s", 4096)):
        if record.topic == _SETTINGS.topic_dlq:
            continue
        published = ArticleEvent.model_validate_json(record.value)
        # Everything but the byte offset in the dump, which the added article moves.
        out[(published.article_id, published.revision)] = published.model_dump_json(
            exclude={"source": {"offset"}}
        )
    return out


_WORDS = [f"w{i}" for i in range(3000)]


@st.composite
def corpora(draw: st.DrawFn) -> list[tuple[datetime, str, str]]:
    """Articles of the three weeks before the dump, some repeated or revised, some near
    duplicates of others."""
    count = draw(st.integers(2, 12))
    rng = random.Random(draw(st.integers(0, 10**6)))
    made: list[tuple[datetime, str, str]] = []
    for n in range(count):
        kind = draw(st.sampled_from(["new", "new", "repeat", "revision", "near"]))
        if kind != "new" and made:
            when, title, body = made[draw(st.integers(0, len(made) - 1))]
            if kind == "revision":
                body = body + " " + " ".join(rng.choice(_WORDS) for _ in range(30))
            elif kind == "near":
                title, when = f"copy {n}", when + timedelta(hours=1)
            made.append((when, title, body))
            continue
        when = at(2025, 7, 17, 9, 0) - timedelta(minutes=draw(st.integers(0, 21 * 24 * 60)))
        made.append((when, f"title {n}", " ".join(rng.choice(_WORDS) for _ in range(80))))
    return made


@settings(max_examples=60, deadline=None)
@given(
    corpus=corpora(),
    where=st.integers(0, 12),
    moment=st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
)
def test_one_article_with_any_time_changes_no_other_articles_event(
    corpus: list[tuple[datetime, str, str]], where: int, moment: datetime
) -> None:
    before = _events(_dump(corpus))
    extra = (
        moment.replace(second=0, microsecond=0, tzinfo=ALMATY),
        "an article of its own",
        " ".join(_WORDS[-60:]),
    )
    after = _events(_dump([*corpus[:where], extra, *corpus[where:]]))
    extra_id = article_id(extra[0], extra[1])
    assert {k: v for k, v in after.items() if k[0] != extra_id} == before


@requires_sample
def test_a_mistyped_year_in_the_real_sample_drops_no_article() -> None:
    text = sample_bytes()
    header = text.index(b"14.07.2025")
    typo = text[:header] + b"14.07.2099" + text[header + len(b"14.07.2025") :]
    settings = Settings()
    stages = InProcess(settings)
    records = list(stages.feed(iter_chunks(io.BytesIO(typo), "s", 1 << 20)))
    events = [ArticleEvent.model_validate_json(r.value) for r in records]
    assert len(events) == 9
    assert not stages.stats.rejections
    assert [e.published_at.year for e in events if "implausible_date" in e.flags] == [2099]
