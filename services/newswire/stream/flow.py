"""Faust's app with newswire's two changes: a repair to its flow control, which lost input
after a restart, and a producer buffer sized for the state writes of a batch.

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
once, once the batch is delivered (``stream.batching``), so under load nearly every batch
passed 100 and the warning filled the logs. The writes are bounded by the batch
(``NEWSWIRE_BATCH_MAX_MESSAGES``): the buffer takes what the stages' batches can write
together, and a backlog drains without the warning (test_pipeline).
"""

from __future__ import annotations

from functools import cached_property

import faust
from faust.transport.producer import ProducerBuffer
from faust.types import ProducerT
from mode.utils.queues import FlowControlEvent


class ResumeOnceFlowControl(FlowControlEvent):
    """``FlowControlEvent`` whose ``resume`` is a no-op while flow is already active."""

    def resume(self) -> None:
        if self.is_active():
            return  # the buffers hold messages fetched since the last seek: keep them
        super().resume()


class NewswireApp(faust.App):
    """``faust.App`` with ``ResumeOnceFlowControl`` as its flow control, and a producer
    buffer that holds ``producer_buffer_messages`` table writes before the streams wait."""

    producer_buffer_messages: int = ProducerBuffer.max_messages

    def _new_producer(self) -> ProducerT:
        producer = super()._new_producer()
        producer.buffer.max_messages = self.producer_buffer_messages
        return producer

    @cached_property
    def flow_control(self) -> FlowControlEvent:
        return ResumeOnceFlowControl(loop=self.loop)
