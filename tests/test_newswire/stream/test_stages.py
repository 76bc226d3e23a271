"""Each stage's handler without a broker: input messages in, records and held state out."""

from __future__ import annotations

import asyncio
import base64
import functools
import io
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from newswire.core.envelope import encode_chunk
from newswire.core.events import event_to_json
from newswire.core.identity import article_id
from newswire.core.models import SCHEMA_VERSION, ArticleEvent
from newswire.core.reassembly import iter_chunks
from newswire.devtools.generate import generate
from newswire.enrich import enrich
from newswire.settings import Settings
from newswire.stream.app import InternalMessageError, NewswireStream
from newswire.stream.batching import HeldWrites, handle_each
from newswire.stream.delivery import Delivery, Outgoing, deliver_or_fail_stop
from newswire.stream.metrics import Metrics


@dataclass
class _Message:
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes]] = field(default_factory=list)
    topic: str = "in"
    partition: int = 0
    offset: int = 0
    timestamp: float = 1_751_000_000.0  # 2025-06-27: when the record reached Kafka


class _Event:
    def __init__(self, message: _Message) -> None:
        self.message = message


@pytest.fixture
def stream(tmp_path: Path) -> NewswireStream:
    return NewswireStream(Settings(data_dir=tmp_path, max_message_bytes=256 * 1024))


def _run_stage(
    handle: Any, messages: list[_Message], table: dict[str, Any], failed: Any = None
) -> list[Outgoing]:
    """One batch through a handler, its state applied to ``table`` as the agent does (the
    agent's own ``handle_each``); ``failed``: the agent's dead letter of a raising event."""

    def reraise(event: Any, exc: Exception) -> Outgoing:
        raise exc

    state = HeldWrites(table)  # type: ignore[arg-type]  # a dict is all a table must be here
    events = [_Event(message) for message in messages]
    out = handle_each(events, handle, state, failed or reraise)  # type: ignore[arg-type]
    state.apply()
    return out


def _chunk_messages(text: str, source: str = "site", chunk_size: int = 700) -> list[_Message]:
    chunks = iter_chunks(io.BytesIO(text.encode()), source, chunk_size, produced_at=1.5)
    messages = []
    for offset, chunk in enumerate(chunks):
        key, value, headers = encode_chunk(chunk)
        messages.append(_Message(key, value, headers, "raw", 0, offset))
    return messages


def _letters(records: list[Outgoing], stream: NewswireStream) -> list[dict[str, Any]]:
    return [orjson.loads(r.value) for r in records if r.topic == stream.settings.topic_dlq]


def test_reassemble_sends_each_article_keyed_by_its_id_with_its_produce_time(
    stream: NewswireStream,
) -> None:
    corpus = generate(20, seed=4, repeat_rate=0, revision_rate=0, near_dup_rate=0)
    sources: dict[str, Any] = {}
    out = _run_stage(stream.reassemble, _chunk_messages(corpus.text), sources)
    assert {r.topic for r in out} == {stream.topology.parsed.name}
    events = [ArticleEvent.model_validate(orjson.loads(r.value)) for r in out]
    assert len(events) == 20
    assert [r.key for r in out] == [e.article_id.encode() for e in events]
    assert all(r.headers == (("nw-produced-at", b"1.5"),) for r in out)
    assert sources["site"]["current"] is None  # the run finished: only its length is kept
    assert len(sources["site"]["past"]) == 1


def test_a_source_idle_past_its_days_is_forgotten_and_a_restored_worker_forgets_alike(
    stream: NewswireStream, tmp_path: Path
) -> None:
    """The sources table is bounded: a source without a chunk for NEWSWIRE_SOURCE_IDLE_DAYS
    of its partition's data time (the chunks' Kafka timestamps) is deleted; when it comes
    back mid-run, its next chunk is a gap."""
    day = 86_400.0
    start = 1_751_000_000.0
    idle = stream.settings.source_idle_days
    half = _chunk_messages("14.06.2025, 10:00 5\nTitle one\nBody one.\n", "a", chunk_size=20)
    for message in half:
        message.timestamp = start
    other = _chunk_messages("14.06.2025, 11:00 5\nTitle two\nBody two.\n", "b")
    for message in other:
        message.timestamp = start + (idle + 1) * day
    sources: dict[str, Any] = {}
    _run_stage(stream.reassemble, half[:1], sources)  # "a" stops mid-run
    assert sources["a"]["current"] is not None
    # A worker restored from the table decides as the live one: both forget "a".
    restored = NewswireStream(Settings(data_dir=tmp_path / "again"))
    restored.sources = dict(sources)  # type: ignore[assignment]  # the recovered table
    for worker, table in ((stream, sources), (restored, dict(sources))):
        _run_stage(worker.reassemble, other, table)
        assert "a" not in table
        assert "b" in table
    later = _run_stage(stream.reassemble, half[1:], sources)
    # The article it was reading is cut (its start was forgotten): a gap, then the text
    # after it has no header.
    assert [x["reason"] for x in _letters(later, stream)] == ["chunk_gap", "orphan_text"]
    assert "a" in sources  # kept again from its new chunk on
    assert stream.metrics.sources_forgotten._value.get() == 1  # noqa: SLF001


def test_input_that_produces_nothing_is_a_traceable_dead_letter(stream: NewswireStream) -> None:
    bad = [
        _Message(b"\xff\xfe", b"data", [], "raw", 2, 7),  # no envelope, undecodable key
        _Message(b"s", None, encode_chunk(_one_chunk(b"x"))[2], "raw", 2, 8),  # null value
    ]
    letters = _letters(_run_stage(stream.reassemble, bad, {}), stream)
    assert [x["reason"] for x in letters] == ["bad_envelope", "empty_chunk"]
    assert [(x["topic"], x["partition"], x["offset"]) for x in letters] == [
        ("raw", 2, 7),
        ("raw", 2, 8),
    ]
    assert base64.b64decode(letters[0]["key_base64"]) == b"\xff\xfe"
    assert base64.b64decode(letters[0]["original_base64"]) == b"data"


def _one_chunk(data: bytes) -> Any:
    return next(iter_chunks(io.BytesIO(data), "s", 100))


def _article(stream: NewswireStream, body: str, **update: Any) -> _Message:
    corpus = generate(1, seed=9, repeat_rate=0, revision_rate=0, near_dup_rate=0)
    [record] = _run_stage(stream.reassemble, _chunk_messages(corpus.text), {})
    event = ArticleEvent.model_validate(orjson.loads(record.value))
    event = event.model_copy(update={"body": body, **update})
    return _Message(record.key, event.model_dump_json().encode(), [], "parsed", 0, 0)


def test_new_articles_and_revisions_take_the_same_path_and_repeats_none(
    stream: NewswireStream,
) -> None:
    records: dict[str, Any] = {}
    first = _article(stream, "first body of the article")
    revised = _article(stream, "a different body altogether")
    out = _run_stage(stream.identify, [first, first, revised, revised], records)
    assert [r.topic for r in out] == [stream.topology.near.name] * 2  # same topic, in order
    assert [orjson.loads(r.value)["revision"] for r in out] == [1, 2]
    near_out = _run_stage(stream.find_near_duplicates, _at_offsets(out), {})
    assert [orjson.loads(r.value)["revision"] for r in near_out] == [1, 2]
    assert {r.topic for r in near_out} == {stream.settings.topic_articles}


def test_identity_enriches_what_it_passes_on_and_near_publishes_it_unchanged(
    stream: NewswireStream,
) -> None:
    body = "Chancellor Olaf Scholz visited Paris on Monday, Reuters reported."
    article = _article(stream, body)
    [passed] = _run_stage(stream.identify, [article], {})
    parsed = ArticleEvent.model_validate(orjson.loads(article.value or b""))
    assert passed.value == event_to_json(enrich(parsed))
    assert "FR" in orjson.loads(passed.value)["countries"]
    [published] = _run_stage(stream.find_near_duplicates, _at_offsets([passed]), {})
    assert published.value == passed.value  # not a near duplicate: the same bytes
    assert ("nw-near", dict(passed.headers)["nw-near"]) not in published.headers


def _at_offsets(records: list[Outgoing]) -> list[_Message]:
    return [
        _Message(r.key, r.value, list(r.headers), "near", 0, offset)
        for offset, r in enumerate(records)
    ]


def test_an_article_older_than_its_partition_window_is_dead_lettered(
    stream: NewswireStream,
) -> None:
    records: dict[str, Any] = {}
    recent = _article(stream, "recent body")
    event = ArticleEvent.model_validate(orjson.loads(recent.value or b""))
    days = stream.settings.dedup_retention_days + 5
    when = event.published_at - timedelta(days=days)
    old = event.model_copy(
        update={"published_at": when, "article_id": article_id(when, event.title)}
    )
    old_message = _Message(old.article_id.encode(), old.model_dump_json().encode())
    out = _run_stage(stream.identify, [recent, old_message], records)
    assert [r.topic for r in out] == [stream.topology.near.name, stream.settings.topic_dlq]
    assert _letters(out, stream)[0]["reason"] == "beyond_retention"
    assert old.article_id not in records


def test_a_time_after_the_chunks_arrival_is_flagged_and_moves_no_window(
    stream: NewswireStream, tmp_path: Path
) -> None:
    """The stream bounds a plausible time by the chunk record's Kafka timestamp (the same
    check as ``newswire parse``, ``core.publication_time``); a restarted worker rebuilds the
    window from its table without the implausible article's time."""
    dump = "14.07.2099, 10:00 5\nA typo\nBody of the typo.\n14.06.2025, 10:00 5\nReal\nBody.\n"
    parsed = _run_stage(stream.reassemble, _chunk_messages(dump), {})
    events = [ArticleEvent.model_validate(orjson.loads(r.value)) for r in parsed]
    assert [e.flags for e in events] == [["implausible_date"], []]
    records: dict[str, Any] = {}
    messages = [_Message(r.key, r.value, [], "parsed", 0, n) for n, r in enumerate(parsed)]
    out = _run_stage(stream.identify, messages, records)
    assert [r.topic for r in out] == [stream.topology.near.name] * 2
    assert records["~newest/0"].startswith("2025-06-14")
    restarted = NewswireStream(Settings(data_dir=tmp_path / "again"))
    restarted.records = records  # type: ignore[assignment]  # the table as it was recovered
    assert restarted._restore_windows()[0].newest == records["~newest/0"]  # noqa: SLF001


def test_an_event_over_the_message_limit_goes_to_the_dlq_as_too_large(
    stream: NewswireStream,
) -> None:
    huge = _article(stream, "\\" * (200 * 1024))  # each backslash doubles in JSON
    [letter_record] = _run_stage(stream.identify, [huge], {})
    [letter] = _letters([letter_record], stream)
    assert letter["reason"] == "too_large"
    assert letter_record.size() < stream.settings.max_message_bytes
    assert letter["source_id"] == orjson.loads(huge.value or b"")["source"]["id"]


def test_a_handler_failure_is_dead_lettered_with_the_original(stream: NewswireStream) -> None:
    message = _Message(b"k", b"{not json", [], "parsed", 1, 5)
    with pytest.raises(InternalMessageError) as info:
        stream.identify(_Event(message), HeldWrites({}))  # type: ignore[arg-type]
    # _failed is the agents' error path (run by Faust's agent loop): called here without one
    letter_record = stream._failed(_Event(message), info.value, stage="identity")  # type: ignore[arg-type]  # noqa: SLF001
    [letter] = _letters([letter_record], stream)
    assert letter["reason"] == "bad_internal_message"
    assert letter["source_id"] is None  # an internal key is an article id, not a source
    assert base64.b64decode(letter["key_base64"]) == b"k"
    assert base64.b64decode(letter["original_base64"]) == b"{not json"
    crash = stream._failed(_Event(message), ZeroDivisionError("bug"), stage="identity")  # type: ignore[arg-type]  # noqa: SLF001
    assert _letters([crash], stream)[0]["reason"] == "internal_error"


def test_an_article_whose_handler_raises_leaves_no_trace_for_the_rest_of_its_batch(
    stream: NewswireStream, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A raising article in the middle of a batch is dead-lettered; the articles after it are
    decided as if it never came, in the table and in the memory derived from it (the identity
    window, the near-duplicate index)."""
    rng = random.Random(8)
    body = " ".join(f"w{rng.randrange(3000)}" for _ in range(120))
    first = _article(stream, "an unrelated first article " + body[:40])
    # The raising one: a later time (a window a year ahead would make the next one stale)
    # and the body the next one copies (it would become that one's near-duplicate original).
    parsed = ArticleEvent.model_validate(orjson.loads(first.value or b""))
    when = parsed.published_at + timedelta(days=400)
    raising = _article(stream, body, published_at=when, article_id=article_id(when, "x"))
    copy = _article(stream, body + " and one more sentence", article_id="c" * 32)
    bad_id = orjson.loads(raising.value or b"")["article_id"]
    enrich_one = stream._enrich  # noqa: SLF001

    def enrich_or_fail(event: ArticleEvent) -> ArticleEvent:
        if event.article_id == bad_id:
            raise ZeroDivisionError("an enrichment bug")
        return enrich_one(event)

    def failed(event: Any, exc: Exception) -> Outgoing:
        return stream._failed(event, exc, stage="test")  # noqa: SLF001

    def run(messages: list[_Message]) -> tuple[list[Outgoing], dict[str, Any], list[Outgoing]]:
        monkeypatch.setattr(stream, "_enrich", enrich_or_fail)
        stream._forget_windows()  # noqa: SLF001 - a fresh worker for each run
        stream._forget_near()  # noqa: SLF001
        records: dict[str, Any] = {}
        passed = _run_stage(stream.identify, messages, records, failed)
        near_in = [r for r in passed if r.topic == stream.topology.near.name]
        return passed, records, _run_stage(stream.find_near_duplicates, _at_offsets(near_in), {})

    with_it, records_with, published_with = run([first, raising, copy])
    without, records_without, published_without = run([first, copy])
    assert [x["reason"] for x in _letters(with_it, stream)] == ["internal_error"]
    assert records_with == records_without  # no record, no watermark of the raising one
    assert [r.value for r in published_with] == [r.value for r in published_without]
    # And the near stage alone: an article whose handler raises there adds no entry.
    near_in = [r for r in without if r.topic == stream.topology.near.name]
    raising_near = _run_stage(stream.identify, [raising], {}, failed)
    monkeypatch.setattr(stream, "_bounded", _raise_for(bad_id, stream._bounded))  # noqa: SLF001
    stream._forget_near()  # noqa: SLF001
    entries: dict[str, Any] = {}
    out = _run_stage(
        stream.find_near_duplicates, _at_offsets([near_in[0], *raising_near, near_in[1]]),
        entries, failed,
    )  # fmt: skip
    assert bad_id not in entries
    published = [orjson.loads(r.value) for r in out if r.topic == stream.settings.topic_articles]
    assert [p["near_duplicate_of"] for p in published] == [None, None]


def _raise_for(article_id: str, bounded: Callable[..., Outgoing]) -> Callable[..., Outgoing]:
    def bounded_or_fail(event: Any, record: Outgoing, source: Any) -> Outgoing:
        if record.key == article_id.encode():
            raise ZeroDivisionError("a bug after the near-duplicate decision")
        return bounded(event, record, source)

    return bounded_or_fail


def test_publish_adds_content_type_and_schema_version(stream: NewswireStream) -> None:
    passed = _run_stage(stream.identify, [_article(stream, "a body to publish")], {})
    [record] = _run_stage(stream.find_near_duplicates, _at_offsets(passed), {})
    assert record.topic == stream.settings.topic_articles
    assert ("content-type", b"application/json") in record.headers
    assert ("nw-schema-version", str(SCHEMA_VERSION).encode()) in record.headers


class _FlakyProducer:
    """Acknowledges everything except the records it is told to fail, once each."""

    def __init__(self, fail_once: set[bytes]) -> None:
        self.fail_once = fail_once
        self.sent: list[bytes] = []

    async def send(self, topic: str, key: Any, value: Any, *_: Any) -> asyncio.Future[Any]:
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.sent.append(value)
        if value in self.fail_once:
            self.fail_once.discard(value)
            future.set_exception(TimeoutError("broker away"))
        else:
            future.set_result(None)
        return future


async def test_a_failed_send_is_sent_again_from_the_first_failure_in_order() -> None:
    from prometheus_client import CollectorRegistry  # noqa: PLC0415

    producer = _FlakyProducer({b"2"})
    delivered: list[bytes] = []
    delivery = Delivery(lambda: producer, Metrics.create(CollectorRegistry()))
    records = [
        Outgoing("t", b"k", v, delivered=functools.partial(delivered.append, v))
        for v in (b"1", b"2", b"3")
    ]
    await delivery.deliver(records)
    assert producer.sent == [b"1", b"2", b"3", b"2", b"3"]  # 3 again after 2: key order kept
    assert delivered == [b"1", b"2", b"3"]
    assert delivery.failing_since is None


def test_state_on_disk_is_kept_per_app_id(tmp_path: Path) -> None:
    """Two apps sharing NEWSWIRE_DATA_DIR never open each other's RocksDB state."""
    first = NewswireStream(Settings(data_dir=tmp_path, app_id="first"))
    second = NewswireStream(Settings(data_dir=tmp_path, app_id="second"))
    dirs = {Path(str(s.app.conf.datadir)) for s in (first, second)}
    assert len(dirs) == 2
    assert all(d.parent == tmp_path for d in dirs)


def test_a_worker_failing_to_deliver_is_not_ready_and_then_not_healthy(
    stream: NewswireStream, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "assigned", True)
    monkeypatch.setattr("newswire.stream.app._recovered", lambda app: True)
    assert stream.ready()
    assert stream.healthy()
    stream.delivery.failing_since = time.monotonic()
    assert not stream.ready()  # stop sending it traffic while the broker refuses
    assert stream.healthy()  # but do not restart it for a short outage
    stream.delivery.failing_since = time.monotonic() - stream.settings.delivery_timeout - 1
    assert not stream.healthy()  # stuck longer than the delivery timeout: restart it


class _SlowProducer:
    """Acknowledges every record after a short delay."""

    def __init__(self) -> None:
        self.acked: list[bytes] = []

    async def send(self, topic: str, key: Any, value: Any, *_: Any) -> asyncio.Future[Any]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()

        def ack() -> None:
            self.acked.append(value)
            future.set_result(None)

        loop.call_later(0.2, ack)
        return future


async def test_a_batch_delivered_while_stopping_is_finished_before_the_cancellation() -> None:
    from prometheus_client import CollectorRegistry  # noqa: PLC0415

    producer = _SlowProducer()
    delivery = Delivery(lambda: producer, Metrics.create(CollectorRegistry()))
    task = asyncio.ensure_future(deliver_or_fail_stop(delivery, [Outgoing("t", b"k", b"v")]))
    await asyncio.sleep(0.05)
    task.cancel()  # the worker stops while the broker has not answered yet
    with pytest.raises(asyncio.CancelledError):
        await task
    assert producer.acked == [b"v"]  # delivered within the grace, then cancelled
