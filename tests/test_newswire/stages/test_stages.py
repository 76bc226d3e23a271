"""Each stage without a broker: input messages in, records and held state out."""

from __future__ import annotations

import base64
import io
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import orjson
import pytest

from newswire.core.envelope import encode_chunk
from newswire.core.events import event_to_json
from newswire.core.identity import article_id
from newswire.core.models import SCHEMA_VERSION, ArticleEvent
from newswire.core.reassembly import iter_chunks
from newswire.enrich import enrich
from newswire.settings import Settings
from newswire.stages import Message, Outgoing
from newswire.stages.identity import InternalMessageError
from newswire_dev.generate import generate
from tests.test_newswire.stages.support import Stages, at_offsets, chunk_messages, run_stage


@pytest.fixture
def stages() -> Stages:
    return Stages(Settings(max_message_bytes=256 * 1024))


def test_reassemble_sends_each_article_keyed_by_its_id_with_its_produce_time(
    stages: Stages,
) -> None:
    corpus = generate(20, seed=4, repeat_rate=0, revision_rate=0, near_dup_rate=0)
    sources: dict[str, Any] = {}
    out = run_stage(stages.reassembly, chunk_messages(corpus.text), sources)
    assert {r.topic for r in out} == {stages.topology.parsed.name}
    events = [ArticleEvent.model_validate(orjson.loads(r.value)) for r in out]
    assert len(events) == 20
    assert [r.key for r in out] == [e.article_id.encode() for e in events]
    assert all(r.headers == (("nw-produced-at", b"1.5"),) for r in out)
    assert sources["site"]["current"] is None  # the run finished: only its length is kept
    assert len(sources["site"]["past"]) == 1


def test_a_source_idle_past_its_days_is_forgotten_and_a_restored_worker_forgets_alike(
    stages: Stages,
) -> None:
    """The sources table is bounded: a source without a chunk for NEWSWIRE_SOURCE_IDLE_DAYS
    of its partition's data time (the chunks' Kafka timestamps) is deleted; when it comes
    back mid-run, its next chunk is a gap."""
    day = 86_400.0
    start = 1_751_000_000.0
    idle = stages.settings.source_idle_days
    half = chunk_messages("14.06.2025, 10:00 5\nTitle one\nBody one.\n", "a", chunk_size=20)
    half = [replace(message, timestamp=start) for message in half]
    other = chunk_messages("14.06.2025, 11:00 5\nTitle two\nBody two.\n", "b")
    other = [replace(message, timestamp=start + (idle + 1) * day) for message in other]
    sources = stages.table("sources")
    run_stage(stages.reassembly, half[:1], sources)  # "a" stops mid-run
    assert sources["a"]["current"] is not None
    # A worker restored from the table decides as the live one: both forget "a".
    restored = Stages(stages.settings)
    restored.table("sources").update(sources)  # the table as it was recovered
    for worker, table in ((stages, sources), (restored, restored.table("sources"))):
        run_stage(worker.reassembly, other, table)
        assert "a" not in table
        assert "b" in table
    later = run_stage(stages.reassembly, half[1:], sources)
    # The article it was reading is cut (its start was forgotten): a gap, then the text
    # after it has no header.
    assert [x["reason"] for x in stages.letters_in(later)] == ["chunk_gap", "orphan_text"]
    assert "a" in sources  # kept again from its new chunk on
    assert stages.metrics.sources_forgotten._value.get() == 1  # noqa: SLF001


def test_input_that_produces_nothing_is_a_traceable_dead_letter(stages: Stages) -> None:
    bad = [
        Message("raw", 2, 7, b"\xff\xfe", b"data"),  # no envelope, undecodable key
        Message("raw", 2, 8, b"s", None, encode_chunk(_one_chunk(b"x"))[2]),  # null value
    ]
    letters = stages.letters_in(run_stage(stages.reassembly, bad, {}))
    assert [x["reason"] for x in letters] == ["bad_envelope", "empty_chunk"]
    assert [(x["topic"], x["partition"], x["offset"]) for x in letters] == [
        ("raw", 2, 7),
        ("raw", 2, 8),
    ]
    assert base64.b64decode(letters[0]["key_base64"]) == b"\xff\xfe"
    assert base64.b64decode(letters[0]["original_base64"]) == b"data"


def _one_chunk(data: bytes) -> Any:
    return next(iter_chunks(io.BytesIO(data), "s", 100))


def _article(stages: Stages, body: str, **update: Any) -> Message:
    corpus = generate(1, seed=9, repeat_rate=0, revision_rate=0, near_dup_rate=0)
    [record] = run_stage(stages.reassembly, chunk_messages(corpus.text), {})
    event = ArticleEvent.model_validate(orjson.loads(record.value))
    event = event.model_copy(update={"body": body, **update})
    return Message("parsed", 0, 0, record.key, event.model_dump_json().encode())


def test_new_articles_and_revisions_take_the_same_path_and_repeats_none(
    stages: Stages,
) -> None:
    records: dict[str, Any] = {}
    first = _article(stages, "first body of the article")
    revised = _article(stages, "a different body altogether")
    out = run_stage(stages.identity, [first, first, revised, revised], records)
    assert [r.topic for r in out] == [stages.topology.near.name] * 2  # same topic, in order
    assert [orjson.loads(r.value)["revision"] for r in out] == [1, 2]
    near_out = run_stage(stages.near, at_offsets(out), {})
    assert [orjson.loads(r.value)["revision"] for r in near_out] == [1, 2]
    assert {r.topic for r in near_out} == {stages.settings.topic_articles}


def test_identity_enriches_what_it_passes_on_and_near_publishes_it_unchanged(
    stages: Stages,
) -> None:
    body = "Chancellor Olaf Scholz visited Paris on Monday, Reuters reported."
    article = _article(stages, body)
    [passed] = run_stage(stages.identity, [article], {})
    parsed = ArticleEvent.model_validate(orjson.loads(article.value or b""))
    assert passed.value == event_to_json(enrich(parsed))
    assert "FR" in orjson.loads(passed.value)["countries"]
    [published] = run_stage(stages.near, at_offsets([passed]), {})
    assert published.value == passed.value  # not a near duplicate: the same bytes
    assert ("nw-near", dict(passed.headers)["nw-near"]) not in published.headers


def test_an_article_older_than_its_partition_window_is_dead_lettered(
    stages: Stages,
) -> None:
    records: dict[str, Any] = {}
    recent = _article(stages, "recent body")
    event = ArticleEvent.model_validate(orjson.loads(recent.value or b""))
    days = stages.settings.dedup_retention_days + 5
    when = event.published_at - timedelta(days=days)
    old = event.model_copy(
        update={"published_at": when, "article_id": article_id(when, event.title)}
    )
    old_message = Message("in", 0, 0, old.article_id.encode(), old.model_dump_json().encode())
    out = run_stage(stages.identity, [recent, old_message], records)
    assert [r.topic for r in out] == [stages.topology.near.name, stages.settings.topic_dlq]
    assert stages.letters_in(out)[0]["reason"] == "beyond_retention"
    assert old.article_id not in records


def test_a_time_after_the_chunks_arrival_is_flagged_and_moves_no_window(
    stages: Stages,
) -> None:
    """The stream bounds a plausible time by the chunk record's Kafka timestamp (the same
    check as ``newswire parse``, ``core.publication_time``); a restarted worker rebuilds the
    window from its table without the implausible article's time."""
    dump = "14.07.2099, 10:00 5\nA typo\nBody of the typo.\n14.06.2025, 10:00 5\nReal\nBody.\n"
    parsed = run_stage(stages.reassembly, chunk_messages(dump), {})
    events = [ArticleEvent.model_validate(orjson.loads(r.value)) for r in parsed]
    assert [e.flags for e in events] == [["implausible_date"], []]
    records: dict[str, Any] = {}
    messages = [Message("parsed", 0, n, r.key, r.value) for n, r in enumerate(parsed)]
    out = run_stage(stages.identity, messages, records)
    assert [r.topic for r in out] == [stages.topology.near.name] * 2
    assert records["~newest/0"].startswith("2025-06-14")
    restarted = Stages(stages.settings)
    restarted.table("articles").update(records)  # the table as it was recovered
    assert restarted.identity._window(0).newest == records["~newest/0"]  # noqa: SLF001


def test_an_event_over_the_message_limit_goes_to_the_dlq_as_too_large(
    stages: Stages,
) -> None:
    huge = _article(stages, "\\" * (200 * 1024))  # each backslash doubles in JSON
    records: dict[str, Any] = {}
    [letter_record] = run_stage(stages.identity, [huge], records)
    [letter] = stages.letters_in([letter_record])
    assert letter["reason"] == "too_large"
    assert letter_record.size() < stages.settings.max_message_bytes
    assert letter["source_id"] == orjson.loads(huge.value or b"")["source"]["id"]
    # No trace of it: once the limit is raised, the same article (a re-drive) is news.
    assert records == {}
    raised = Stages(Settings(max_message_bytes=1024 * 1024))
    [passed_on] = run_stage(raised.identity, [huge], records)
    assert passed_on.topic == raised.topology.near.name
    assert set(records) == {orjson.loads(huge.value or b"")["article_id"], "~newest/0"}


def test_a_handler_failure_is_dead_lettered_with_the_original(stages: Stages) -> None:
    message = Message("parsed", 1, 5, b"k", b"{not json")
    with pytest.raises(InternalMessageError) as info:
        run_stage(stages.identity, [message], {})
    # failed is the agents' error path (``handle_each``): called here without one
    letter_record = stages.letters.failed(message, info.value, stage="identity")
    [letter] = stages.letters_in([letter_record])
    assert letter["reason"] == "bad_internal_message"
    assert letter["source_id"] is None  # an internal key is an article id, not a source
    assert base64.b64decode(letter["key_base64"]) == b"k"
    assert base64.b64decode(letter["original_base64"]) == b"{not json"
    crash = stages.letters.failed(message, ZeroDivisionError("bug"), stage="identity")
    assert stages.letters_in([crash])[0]["reason"] == "internal_error"


def test_an_article_whose_handler_raises_leaves_no_trace_for_the_rest_of_its_batch(
    stages: Stages, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A raising article in the middle of a batch is dead-lettered; the articles after it are
    decided as if it never came, in the table and in the memory derived from it (the identity
    window, the near-duplicate index)."""
    rng = random.Random(8)
    body = " ".join(f"w{rng.randrange(3000)}" for _ in range(120))
    first = _article(stages, "an unrelated first article " + body[:40])
    # The raising one: a later time (a window a year ahead would make the next one stale)
    # and the body the next one copies (it would become that one's near-duplicate original).
    parsed = ArticleEvent.model_validate(orjson.loads(first.value or b""))
    when = parsed.published_at + timedelta(days=400)
    raising = _article(stages, body, published_at=when, article_id=article_id(when, "x"))
    copy = _article(stages, body + " and one more sentence", article_id="c" * 32)
    bad_id = orjson.loads(raising.value or b"")["article_id"]

    def enrich_or_fail(event: ArticleEvent) -> ArticleEvent:
        if event.article_id == bad_id:
            raise ZeroDivisionError("an enrichment bug")
        return enrich(event)

    failed = stages.failed
    # What the identity stage passes on for the raising article when nothing raises: the near
    # stage's input below (made now, before its enrichment is made to raise).
    [raising_near] = run_stage(Stages(stages.settings).identity, [raising], {})
    assert raising_near.topic == stages.topology.near.name
    monkeypatch.setattr("newswire.stages.identity.enrich", enrich_or_fail)

    def run(messages: list[Message]) -> tuple[list[Outgoing], dict[str, Any], list[Outgoing]]:
        fresh = Stages(stages.settings)  # a fresh worker for each run
        records = fresh.table("articles")
        passed = run_stage(fresh.identity, messages, records, failed)
        near_in = [r for r in passed if r.topic == stages.topology.near.name]
        return passed, records, run_stage(fresh.near, at_offsets(near_in), {})

    with_it, records_with, published_with = run([first, raising, copy])
    without, records_without, published_without = run([first, copy])
    assert [x["reason"] for x in stages.letters_in(with_it)] == ["internal_error"]
    assert records_with == records_without  # no record, no watermark of the raising one
    assert [r.value for r in published_with] == [r.value for r in published_without]
    # And the near stage alone: an article whose handler raises there adds no entry.
    near_in = [r for r in without if r.topic == stages.topology.near.name]
    fresh = Stages(stages.settings)
    letters = fresh.near._letters  # noqa: SLF001 - the near stage's own, to make it raise
    monkeypatch.setattr(letters, "bounded", _raise_for(bad_id, letters.bounded))
    entries = fresh.table("near-entries")
    out = run_stage(fresh.near, at_offsets([near_in[0], raising_near, near_in[1]]), entries, failed)
    # It raised after its near-duplicate decision (not at decoding its input), ...
    assert [x["reason"] for x in stages.letters_in(out)] == ["internal_error"]
    # ... and left no entry that the copy after it could be a near duplicate of.
    assert bad_id not in entries
    published = [orjson.loads(r.value) for r in out if r.topic == stages.settings.topic_articles]
    assert [p["near_duplicate_of"] for p in published] == [None, None]


def _raise_for(article_id: str, bounded: Callable[..., Outgoing]) -> Callable[..., Outgoing]:
    def bounded_or_fail(event: Any, record: Outgoing, source: Any) -> Outgoing:
        # By the event's id: the test's messages all carry the generated article's key.
        if orjson.loads(record.value)["article_id"] == article_id:
            raise ZeroDivisionError("a bug after the near-duplicate decision")
        return bounded(event, record, source)

    return bounded_or_fail


def test_publish_adds_content_type_and_schema_version(stages: Stages) -> None:
    passed = run_stage(stages.identity, [_article(stages, "a body to publish")], {})
    [record] = run_stage(stages.near, at_offsets(passed), {})
    assert record.topic == stages.settings.topic_articles
    assert ("content-type", b"application/json") in record.headers
    assert ("nw-schema-version", str(SCHEMA_VERSION).encode()) in record.headers
