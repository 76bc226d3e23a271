"""Faust's app with newswire's changes: a repair to its flow control, which lost input after a
restart, a producer buffer sized for the state writes of a batch, and prompt fetches: a short
fetch wait, so a partition with a backlog is not held up by a long poll for the idle ones, and
a short prefetch backoff, so records nobody consumes do not hold up every fetch for long.

Flow control.

faust-streaming's recovery (``Recovery.on_recovery_completed``) resumes the stream partitions,
awaits a seek to the committed offsets, and only then resumes flow control, which it had
already resumed to read the changelogs. Every resume empties all stream buffers
(``FlowControlEvent.resume``), so the messages fetched during the seek were dropped: never
processed and never acknowledged, while the consumer's position had moved past them
(faust-streaming#596, open). Their partition then either stopped committing for good, or,
with exactly one message dropped, Faust committed past it (faust-streaming#606) and it was
lost. A worker restarted with input waiting hit this in about one restart in ten.

Here a resume empties the buffers only when flow was really suspended. A suspension (a
rebalance revoking partitions) still empties them, and the consumer then seeks back to the
committed offsets, so what was emptied is fetched again. Messages fetched before the seek may
now be processed twice: at-least-once, and every stage is idempotent.

Producer buffer. A table write puts its changelog record in Faust's producer buffer; past
``ProducerBuffer.max_messages`` (100) every stream waits before its next message until the
buffer drains, and Faust logs "producer buffer full". A stage writes a whole batch's state at
once, once the batch is delivered (``stages.held``), so under load nearly every batch
passed 100 and the warning filled the logs. The writes follow the batch
(``NEWSWIRE_BATCH_MAX_MESSAGES``): the buffer takes what the stages' batches write together,
and a backlog drains without the warning (test_pipeline). Only a batch that also sweeps a day
out of the retention window (its deletes) can pass it, and then waits as Faust intends.

Faust flushes the producer before it commits, so that the table writes of what it commits are
in the changelogs first. Its buffer's flush gave up after 100 ms without a send, and did not
wait for the record being sent: a commit could then pass input whose state a crash would
lose (the reassembly stage would skip bytes of a source). ``CommitSafeBuffer.flush`` returns
only once every record put before it is handed to aiokafka, whose flush then waits for the
broker.

Fetch wait. aiokafka sends one fetch request at a time to a broker, and leaves out the
partitions whose fetched records the worker has not consumed yet. With a backlog on one
partition (the near stage's, which the busy identity stage starves of event-loop time) the
request goes out for the others alone; when they have nothing new, the broker holds it for
``fetch_max_wait_ms``, which Faust sets to 1,500 ms, and the backlog waits behind it. In a
backlog drain the worker sat idle for seconds this way. The broker still answers at once when
any requested partition has data: a short wait only costs an empty fetch per wait when idle.

Prefetch backoff. After recovery Faust pauses the changelog partitions in its own books only:
aiokafka goes on fetching them and their records (the worker's own table writes) stay in its
buffer, never consumed. aiokafka holds all fetches to a broker for 100 ms after a partition's
records arrive while they are unconsumed (``prefetch_backoff``), so the first write to each
changelog partition after a worker started stalled every stage once: the slow first chunks
that set p99 at half speed. The worker waits 10 ms instead, then fetches without the
partitions whose records are still buffered, as aiokafka does after its backoff anyway.
"""

from __future__ import annotations

import asyncio
import contextlib
from functools import cached_property
from typing import cast

import aiokafka
import faust
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.transport.producer import ProducerBuffer
from faust.types import ProducerT, TransportT
from faust.types.tuples import FutureMessage
from mode.utils.queues import FlowControlEvent

from newswire.stream.engine.offsets import OffsetKeepingConsumer, ResetMarkingThread

PREFETCH_BACKOFF_SECONDS = 0.01  # aiokafka's: 0.1
_STOPPING_FLUSH_SECONDS = 10  # about how long a stopping buffer's flush waits for its last send


class CommitSafeBuffer(ProducerBuffer):
    """Faust's producer buffer whose ``flush`` waits until every record put before it is
    handed to aiokafka: no time limit, and the record being sent counts."""

    _put = 0  # records put so far
    _handed = 0  # records handed to aiokafka so far (in the order put)

    def put(self, fut: FutureMessage) -> None:
        self._put += 1
        super().put(fut)

    async def _send_pending(self, fut: FutureMessage) -> None:
        await super()._send_pending(fut)
        self._handed += 1  # (a send that raises stops the buffer: every later flush raises)

    async def flush(self) -> None:
        if self.app is None or self.app.conf.producer_threaded:
            await super().flush()  # records sent elsewhere: Faust's way
            return
        wanted, waited = self._put, 0
        while self._handed < wanted:
            # Stopping, the buffer sends no more of its queue, and finishes the send under way.
            if self.state != "running" and (self.size or waited >= _STOPPING_FLUSH_SECONDS):
                unsent = wanted - self._handed
                raise RuntimeError(f"Cannot flush: {unsent} record(s) not handed to the producer")
            self.message_sent.clear()
            with contextlib.suppress(TimeoutError):  # a slow send: wait on, checking the state
                await asyncio.wait_for(self.message_sent.wait(), timeout=1.0)
            if self.state != "running":
                waited += 1


class ResumeOnceFlowControl(FlowControlEvent):
    """``FlowControlEvent`` whose ``resume`` is a no-op while flow is already active."""

    def resume(self) -> None:
        if self.is_active():
            return  # the buffers hold messages fetched since the last seek: keep them
        super().resume()


class PromptFetchConsumerThread(ResetMarkingThread):
    """Faust's consumer thread, with the app's ``fetch_max_wait_ms`` instead of 1,500 ms and a
    prefetch backoff of ``PREFETCH_BACKOFF_SECONDS`` instead of 0.1 s."""

    def _create_worker_consumer(
        self, transport: faust_aiokafka.Transport
    ) -> aiokafka.AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        # Faust passes no setting through; aiokafka hands this to its fetcher on start().
        wait = cast("NewswireApp", self.app).fetch_max_wait_ms
        consumer._fetch_max_wait_ms = wait  # noqa: SLF001 - pinned by test_flow on a broker
        return consumer

    async def on_start(self) -> None:
        await super().on_start()
        # aiokafka makes its fetcher in start() and passes no backoff through.
        fetcher = self._consumer._fetcher  # type: ignore[union-attr]  # noqa: SLF001 - as above
        fetcher._prefetch_backoff = PREFETCH_BACKOFF_SECONDS  # noqa: SLF001 - pinned by test_flow on a broker


class PromptFetchConsumer(OffsetKeepingConsumer):
    """Faust's aiokafka consumer with repaired offsets (``stream.engine.offsets``), run by
    ``PromptFetchConsumerThread``."""

    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return PromptFetchConsumerThread(self, loop=self.loop, beacon=self.beacon)


class PromptFetchTransport(faust_aiokafka.Transport):
    """Faust's aiokafka transport (``kafka://``), consuming with ``PromptFetchConsumer``."""

    Consumer = PromptFetchConsumer


class NewswireApp(faust.App):
    """``faust.App`` with ``ResumeOnceFlowControl`` as its flow control, a producer buffer
    that holds ``producer_buffer_messages`` table writes before the streams wait, and a
    consumer whose fetches wait at most ``fetch_max_wait_ms`` for data, and a short backoff."""

    producer_buffer_messages: int = ProducerBuffer.max_messages
    fetch_max_wait_ms: int = 1500  # Faust's

    def _new_transport(self) -> TransportT:
        # Faust picks a transport by URL scheme; build_app only makes kafka:// URLs.
        return PromptFetchTransport(self.conf.broker_consumer, self)

    def _new_producer(self) -> ProducerT:
        producer = super()._new_producer()
        buffer = CommitSafeBuffer(loop=producer.loop, beacon=producer.beacon)
        buffer.app = self
        buffer.max_messages = self.producer_buffer_messages
        producer.buffer = buffer  # the producer starts it on its own start
        return producer

    @cached_property
    def flow_control(self) -> FlowControlEvent:
        return ResumeOnceFlowControl(loop=self.loop)
