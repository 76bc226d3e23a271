"""The app's changes to Faust (stream.engine.flow): a producer flush that waits for the record being
sent; resuming flow that is already active keeps what the stream buffers hold, resuming after a
suspension (a rebalance) still empties them; the producer buffer holds a batch's state writes;
the worker's fetches wait as long as the setting says, with a short prefetch backoff."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import faust
import pytest
from aiokafka.consumer.fetcher import Fetcher
from faust.transport.producer import ProducerBuffer
from mode.utils.queues import FlowControlEvent, FlowControlQueue

from newswire.settings import Settings
from newswire.stream.engine.app import build_app, state_writes_at_once
from newswire.stream.engine.flow import (
    PREFETCH_BACKOFF_SECONDS,
    CommitSafeBuffer,
    PromptFetchConsumerThread,
    PromptFetchTransport,
    ResumeOnceFlowControl,
)


class _SlowChannel:
    """Where a changelog record goes: handing it to the producer takes a while."""

    def __init__(self) -> None:
        self.handed: list[Any] = []

    async def publish_message(self, fut: Any, wait: bool) -> None:
        await asyncio.sleep(0.3)
        self.handed.append(fut)


async def _flush_during_a_slow_send(buffer: ProducerBuffer) -> list[Any]:
    """Put one record, flush while it is being sent: what was handed when the flush returned."""
    channel = _SlowChannel()
    await buffer.start()
    try:
        record: Any = SimpleNamespace(message=SimpleNamespace(channel=channel))  # all it reads
        buffer.put(record)
        await asyncio.sleep(0.05)  # taken from the queue: being sent
        await buffer.flush()
        return list(channel.handed)
    finally:
        await buffer.stop()


async def test_faust_s_own_buffer_flush_returns_before_the_record_being_sent_is_handed(
    tmp_path: Path,
) -> None:
    # Why CommitSafeBuffer: Faust flushes before it commits. Should this fail, Faust's flush
    # waits for the record in flight and CommitSafeBuffer may go.
    buffer = ProducerBuffer()
    buffer.app = build_app(Settings(data_dir=tmp_path))
    assert await _flush_during_a_slow_send(buffer) == []


async def test_the_app_s_buffer_flush_returns_once_every_record_put_before_is_handed(
    tmp_path: Path,
) -> None:
    buffer = build_app(Settings(data_dir=tmp_path)).producer.buffer
    assert isinstance(buffer, CommitSafeBuffer)
    assert len(await _flush_during_a_slow_send(buffer)) == 1


async def test_a_stopping_buffer_finishes_the_send_under_way_before_it_stops(
    tmp_path: Path,
) -> None:
    buffer = build_app(Settings(data_dir=tmp_path)).producer.buffer
    channel = _SlowChannel()
    await buffer.start()
    record: Any = SimpleNamespace(message=SimpleNamespace(channel=channel))
    buffer.put(record)
    await asyncio.sleep(0.05)  # being sent
    await buffer.stop()  # its on_stop flushes: no error, the record handed
    assert channel.handed == [record]


def _buffer(flow: FlowControlEvent, *messages: str) -> FlowControlQueue[str]:
    """A stream buffer as Faust makes them: emptied when its flow control resumes."""
    queue: FlowControlQueue[str] = FlowControlQueue(flow_control=flow, clear_on_resume=True)
    for message in messages:
        queue.put_nowait(message)
    return queue


def test_faust_s_own_flow_control_drops_buffered_messages_on_a_second_resume() -> None:
    # The behaviour repaired here (faust-streaming#596). Should this fail, mode no longer
    # empties the buffers on every resume and ResumeOnceFlowControl may be retired.
    flow = FlowControlEvent()
    flow.resume()
    buffer = _buffer(flow, "fetched during the seek")
    flow.resume()
    assert buffer.qsize() == 0


def test_a_resume_while_flowing_keeps_buffered_messages() -> None:
    flow = ResumeOnceFlowControl()
    flow.resume()  # recovery resumes once to read the changelogs...
    buffer = _buffer(flow, "offset 25", "offset 26")
    flow.resume()  # ...and again after seeking the stream partitions
    assert flow.is_active()
    assert [buffer.get_nowait(), buffer.get_nowait()] == ["offset 25", "offset 26"]


def test_a_resume_after_a_suspension_still_empties_the_buffers() -> None:
    flow = ResumeOnceFlowControl()
    flow.resume()
    buffer = _buffer(flow, "fetched before the rebalance")
    flow.suspend()
    assert not flow.is_active()
    flow.resume()
    assert flow.is_active()
    assert buffer.qsize() == 0


def test_the_app_s_stream_buffers_use_the_repaired_flow_control(tmp_path: Path) -> None:
    app = build_app(Settings(data_dir=tmp_path))
    assert isinstance(app.flow_control, ResumeOnceFlowControl)
    buffer = app.FlowControlQueue(maxsize=10, clear_on_resume=True)  # as Faust's channels do
    app.flow_control.resume()
    buffer.put_nowait("fetched during the seek")
    app.flow_control.resume()
    assert buffer.qsize() == 1


def test_the_producer_buffer_holds_what_the_stages_batches_write_at_once(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, batch_max_messages=300, article_partitions=6)
    app = build_app(settings)
    assert ProducerBuffer.max_messages == 100  # Faust's own limit, which batches passed
    assert state_writes_at_once(settings) == (300 + 6) * 3  # three stages
    assert app.producer.buffer.max_messages == state_writes_at_once(settings)


@contextmanager
def _consumer_thread(app: faust.App) -> Iterator[PromptFetchConsumerThread]:
    """The app's consumer thread, never run here: its own event loop is closed afterwards."""
    thread = app.consumer._thread  # type: ignore[attr-defined]  # noqa: SLF001 - Faust's consumer thread
    assert isinstance(thread, PromptFetchConsumerThread)
    try:
        yield thread
    finally:
        thread.thread_loop.close()


async def test_the_worker_s_consumer_waits_for_fetches_as_long_as_the_setting_says(
    tmp_path: Path,
) -> None:
    app = build_app(Settings(data_dir=tmp_path, fetch_max_wait_seconds=0.2))
    assert isinstance(app.transport, PromptFetchTransport)
    with _consumer_thread(app) as thread:
        consumer = thread._create_worker_consumer(app.transport)  # noqa: SLF001 - made on start
        await consumer.stop()  # never started: nothing to close
        assert consumer._fetch_max_wait_ms == 200  # noqa: SLF001 - Faust's own: 1,500


_AIOKAFKA_PREFETCH_BACKOFF = inspect.signature(Fetcher).parameters["prefetch_backoff"].default


@pytest.mark.integration
async def test_the_started_consumer_fetches_promptly_on_a_real_broker(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    """aiokafka makes its fetcher on ``start()``, from the wait set before it, and with a
    prefetch backoff the thread shortens after it: the fetcher times every fetch by both."""
    settings = Settings(
        data_dir=tmp_path, kafka_bootstrap_servers=kafka_bootstrap, fetch_max_wait_seconds=0.2
    )
    with _consumer_thread(build_app(settings)) as thread:
        await thread.on_start()  # what the thread runs first, in its own loop when it runs
        consumer = thread._consumer  # noqa: SLF001 - see docstring
        assert consumer is not None
        try:
            assert consumer._fetcher._fetch_max_wait_ms == 200  # noqa: SLF001
            backoff = consumer._fetcher._prefetch_backoff  # noqa: SLF001
            # Shortened: aiokafka's own default would pass an equality with the constant alone.
            assert backoff == PREFETCH_BACKOFF_SECONDS < _AIOKAFKA_PREFETCH_BACKOFF
        finally:
            await consumer.stop()
