"""The repaired drain loop and commit offsets (stream.engine.offsets), on the app's own consumer
with scripted fetches: what a reset overtook is handed over again from the reset offset, never noted
as read; gaps are only what a fetch skipped; a commit never passes an unprocessed head offset;
a commit made while a seek reads the committed offsets stays in the books. The fault tests
(test_faults) run the same code against a real broker's rebalances."""

# ruff: noqa: SLF001 - the consumer's offsets are Faust's private state, and what is tested here

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from faust.transport.consumer import Consumer as FaustConsumer
from faust.types import TP, Message

from newswire.settings import Settings
from newswire.stream.engine.app import build_app
from newswire.stream.engine.offsets import FetchedRecords, OffsetKeepingConsumer

TOPIC = "raw-chunks"
PARTITION = TP(TOPIC, 0)
Batch = list[int]  # offsets of PARTITION, in the order fetched


def _message(offset: int) -> Message:
    return Message(TOPIC, 0, offset, 0.0, 0, None, b"key", b"value", None, tp=PARTITION)


class Script:
    """Feeds the consumer's drain loop the batches given, each tagged with the resets before
    it was fetched, and records what the loop hands over. ``on_hand_over`` runs once before an
    offset is handed over (to reset the partition or suspend the flow as a rebalance would);
    an offset in ``stuck`` is never taken (a full stream buffer)."""

    def __init__(self, consumer: OffsetKeepingConsumer, *batches: Batch) -> None:
        self.consumer = consumer
        self.batches = list(batches)
        self.handed: list[int] = []
        self.on_hand_over: dict[int, Callable[[], None]] = {}
        self.stuck: set[int] = set()
        self.fetcher: Any = SimpleNamespace(_stopped=asyncio.Event())  # all the loop reads
        consumer.callback = self._take
        consumer.getmany = self._getmany  # type: ignore[method-assign]
        consumer.app.topics.acks_enabled_for = lambda topic: True  # type: ignore[method-assign]

    async def _getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:  # noqa: ASYNC109 - Faust's
        if not self.batches:
            self.fetcher._stopped.set()
            return
        if not self.consumer.flow_active:  # as Faust's getmany: no fetch while flow stopped
            await self.consumer.can_resume_flow.wait()
        self.consumer._fetched_at = self.consumer.resets  # as _getmany notes a real fetch
        for offset in self.batches.pop(0):
            yield PARTITION, _message(offset)

    async def _take(self, message: Message) -> None:
        hook = self.on_hand_over.pop(message.offset, None)  # once: as a rebalance happens
        if hook is not None:
            hook()
        if message.offset in self.stuck:
            await asyncio.Event().wait()
        self.handed.append(message.offset)

    async def run(self) -> list[int]:
        await asyncio.wait_for(self.consumer._drain_messages(self.fetcher), timeout=10)
        return self.handed


@pytest.fixture
async def consumer(tmp_path: Path) -> AsyncIterator[OffsetKeepingConsumer]:
    """The app's consumer, made in the test's event loop (Faust's services run their tasks on
    the loop they were made in); its thread never runs, and its own loop is closed after."""
    made: Any = build_app(Settings(data_dir=tmp_path)).consumer
    assert isinstance(made, OffsetKeepingConsumer)
    try:
        yield made
    finally:
        made._thread.thread_loop.close()


async def test_a_batch_fetched_before_a_seek_is_handed_over_again_from_the_seek_offset(
    consumer: OffsetKeepingConsumer,
) -> None:
    consumer._committed_offset[PARTITION] = 10
    script = Script(consumer, [10, 11, 12], [10, 11, 12, 13])
    # Faust seeks to the committed offsets while the first batch is being handed over.
    script.on_hand_over[10] = lambda: consumer.mark_reset([PARTITION], 10)
    assert await script.run() == [10, 10, 11, 12, 13]
    assert not consumer._gap[PARTITION]  # nothing counts as done that was not handed over
    assert consumer._read_offset[PARTITION] == 14


async def test_a_hand_over_a_revocation_cut_short_is_not_noted_as_read(
    consumer: OffsetKeepingConsumer,
) -> None:
    script = Script(consumer, [20, 21, 22], [20, 21, 22])
    script.stuck = {21}

    def revoke() -> None:  # as a revocation does: the thread marks it, then flow stops
        consumer.mark_reset([PARTITION])
        consumer._read_offset.pop(PARTITION, None)
        consumer.stop_flow()
        loop = asyncio.get_running_loop()
        loop.call_later(0.05, consumer.resume_flow)  # the next assignment
        loop.call_later(0.05, script.stuck.clear)

    script.on_hand_over[21] = revoke
    assert await script.run() == [20, 20, 21, 22]
    assert not consumer._gap[PARTITION]


async def test_offsets_a_fetch_skipped_count_as_done_and_are_committed_past(
    consumer: OffsetKeepingConsumer,
) -> None:
    consumer._committed_offset[PARTITION] = 30
    consumer._read_offset[PARTITION] = 30
    script = Script(consumer, [31, 32, 35])  # 30, 33 and 34: transaction markers
    assert await script.run() == [31, 32, 35]
    consumer._acked[PARTITION].extend([31, 32, 35])
    assert consumer._new_offset(PARTITION) == 36


async def test_a_commit_never_passes_a_head_offset_that_was_not_processed(
    consumer: OffsetKeepingConsumer,
) -> None:
    consumer._committed_offset[PARTITION] = 40
    consumer._acked[PARTITION].extend([41, 42])
    assert consumer._new_offset(PARTITION) is None
    consumer._acked[PARTITION].insert(0, 40)
    assert consumer._new_offset(PARTITION) == 43


async def test_faust_s_own_commit_offset_passes_one_unprocessed_head_offset(
    consumer: OffsetKeepingConsumer,
) -> None:
    # The behaviour repaired here (faust-streaming#606). Should this fail, Faust no longer
    # commits past a missing head offset and OffsetKeepingConsumer._new_offset may go.
    consumer._committed_offset[PARTITION] = 40
    consumer._acked[PARTITION].extend([41, 42])
    assert FaustConsumer._new_offset(consumer, PARTITION) == 43


async def test_a_fetch_is_tagged_with_the_resets_before_it_returned(
    consumer: OffsetKeepingConsumer,
) -> None:
    consumer.mark_reset([PARTITION], 7)
    records = FetchedRecords({PARTITION: []})
    records.resets = consumer.resets
    consumer._fetched_at = records.resets
    assert not consumer._reset_since_fetch(PARTITION)
    consumer.mark_reset([PARTITION], 7)
    assert consumer._reset_since_fetch(PARTITION)
    assert consumer._read_offset[PARTITION] == 7


async def test_records_of_a_partition_paused_while_fetching_are_fetched_again(
    consumer: OffsetKeepingConsumer,
) -> None:
    other = TP(TOPIC, 1)
    consumer._set_active_tps({PARTITION, other})
    sought: list[dict[TP, int]] = []

    async def fetch(active: set[TP] | None, timeout: float) -> FetchedRecords:  # noqa: ASYNC109
        consumer.pause_partitions([other])  # as recovery does while a fetch waits
        return FetchedRecords({PARTITION: [_message(5)], other: [_message(8), _message(9)]})

    async def seek_wait(partitions: Mapping[TP, int]) -> None:
        sought.append(dict(partitions))

    consumer._thread.getmany = fetch  # type: ignore[method-assign,assignment]
    consumer.seek_wait = seek_wait  # type: ignore[method-assign]
    records = await consumer._getmany({PARTITION, other}, 1.0)
    assert list(records) == [PARTITION]  # Faust's getmany would have dropped other's
    assert sought == [{other: 8}]


async def test_the_thread_fetches_the_partitions_active_when_asked_and_none_when_none_are(
    consumer: OffsetKeepingConsumer,
) -> None:
    asked: list[set[TP]] = []

    async def fetched_records(partitions: set[TP], **_: Any) -> dict[TP, list[Message]]:
        asked.append(partitions)
        return {}

    fetcher = SimpleNamespace(_closed=False, fetched_records=fetched_records)
    fetcher._subscriptions = SimpleNamespace(fetch_context=contextlib.nullcontext)
    aiokafka_consumer = SimpleNamespace(_closed=False, _fetcher=fetcher)
    thread = consumer._thread
    live = {PARTITION}
    assert await thread._fetch_records(aiokafka_consumer, live) == {}
    assert asked == [{PARTITION}]
    assert asked[0] is not live  # a copy: Faust empties its live set while fetches wait
    assert await thread._fetch_records(aiokafka_consumer, set()) == {}
    assert len(asked) == 1  # aiokafka would read an empty set as every partition


def _commit_while_seeking(consumer: OffsetKeepingConsumer) -> dict[TP, int]:
    """The broker's committed offsets (10 for PARTITION); a seek to them, during which the
    streams process 10..12 and commit 13, as after a restart: Faust's recovery resumes the
    stream partitions, then seeks, reading partition after partition from the broker."""
    broker = {PARTITION: 10}

    async def commit(offsets: Mapping[TP, int]) -> bool:  # as the consumer's thread commits
        broker.update(offsets)
        return True

    async def seek_to_committed() -> dict[TP, int]:
        read = dict(broker)  # read, and sought to, first
        consumer.mark_reset([PARTITION], read[PARTITION])
        for offset in (10, 11, 12):  # while the seek reads the other partitions
            consumer.ack(_message(offset))
        assert await consumer.commit()
        return read

    consumer._commit = commit  # type: ignore[method-assign]
    consumer.assignment = lambda: {PARTITION}  # type: ignore[method-assign]
    consumer.app.topics.acks_enabled_for = lambda topic: True  # type: ignore[method-assign]
    consumer.seek_to_committed = seek_to_committed  # type: ignore[method-assign]
    return broker


async def test_a_commit_made_while_the_seek_reads_the_committed_offsets_is_not_undone(
    consumer: OffsetKeepingConsumer,
) -> None:
    broker = _commit_while_seeking(consumer)
    await consumer.perform_seek()
    for offset in (13, 14):  # the streams go on
        consumer.ack(_message(offset))
    # With the seek's 10 in the books (13 at the head, 10..12 gone from the acks) this
    # partition never committed again.
    assert (await consumer.commit(), broker[PARTITION]) == (True, 15)
    assert consumer._committed_offset[PARTITION] == 15


async def test_faust_s_own_seek_undoes_a_commit_made_while_it_reads_the_committed_offsets(
    consumer: OffsetKeepingConsumer,
) -> None:
    # The behaviour repaired here. Should this fail, Faust's perform_seek keeps a commit made
    # meanwhile, and OffsetKeepingConsumer.perform_seek need not check for one.
    broker = _commit_while_seeking(consumer)
    await FaustConsumer.perform_seek(consumer)
    assert (broker[PARTITION], consumer._committed_offset[PARTITION]) == (13, 10)
    for offset in (13, 14):
        consumer.ack(_message(offset))
    assert FaustConsumer._new_offset(consumer, PARTITION) is None  # Faust's: stalled too


async def test_a_seek_sets_the_committed_offsets_no_commit_changed_meanwhile(
    consumer: OffsetKeepingConsumer,
) -> None:
    other = TP(TOPIC, 1)
    consumer._committed_offset[other] = 3  # from before: the seek reads the broker's again

    async def seek_to_committed() -> Any:  # (None: never committed)
        return {PARTITION: 20, other: 5, TP(TOPIC, 2): None}

    consumer.seek_to_committed = seek_to_committed  # type: ignore[method-assign]
    await consumer.perform_seek()
    assert consumer._committed_offset == {PARTITION: 20, other: 5}
