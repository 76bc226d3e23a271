"""Faust's app with one repair to its flow control, which lost input after a restart.

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
"""

from __future__ import annotations

from functools import cached_property

import faust
from mode.utils.queues import FlowControlEvent


class ResumeOnceFlowControl(FlowControlEvent):
    """``FlowControlEvent`` whose ``resume`` is a no-op while flow is already active."""

    def resume(self) -> None:
        if self.is_active():
            return  # the buffers hold messages fetched since the last seek: keep them
        super().resume()


class NewswireApp(faust.App):
    """``faust.App`` with ``ResumeOnceFlowControl`` as its flow control."""

    @cached_property
    def flow_control(self) -> FlowControlEvent:
        return ResumeOnceFlowControl(loop=self.loop)
