"""The agent loop: where newswire's delivery guarantees live (with ``stream.delivery``).

One agent a stage. Each takes a batch (``take_events``), hands its messages to the stage one by
one (``stages.held.handle_each``: a message whose handling raises is dead-lettered and leaves
no trace), sends everything the batch made and waits until the broker acknowledged all of it
(sending again what failed, ``stream.delivery``), and only then writes the batch's state to the
stage's table and lets Faust acknowledge the input. So a crash replays input whose output may
already exist (re-emitted byte for byte by the deterministic stages), and never loses any.

What a change here must keep: output acknowledged before state is written, state written
before the input is acknowledged; a batch that cannot be delivered stops the worker without
committing (``fail_stop``); concurrency 1 per agent (Faust can commit past a message in flight
otherwise, faust-streaming#606); every table write made as the event it belongs to
(``acting_for``), so state stays co-partitioned with its input.
"""

from __future__ import annotations

import asyncio
import logging
import time
from functools import partial
from typing import Any, Protocol, cast

import faust
from faust.types import EventT, TableT

from newswire.settings import Settings
from newswire.stages.held import HeldWrites, handle_each
from newswire.stages.letters import Letters
from newswire.stages.message import Message, Outgoing, State
from newswire.stream.delivery import Delivery, deliver_or_fail_stop, fail_stop
from newswire.stream.engine.context import acting_for
from newswire.stream.metrics import Metrics
from newswire.stream.warmup import Freezer

log = logging.getLogger(__name__)
_RECORD_ATTEMPTS, _RECORD_BACKOFF_SECONDS = 8, 0.5  # about 18 s in all


class Stage(Protocol):
    """What an agent runs (``newswire.stages``)."""

    def handle(self, message: Message, state: State) -> list[Outgoing]: ...


def message_of(event: EventT[bytes]) -> Message:
    """The stage's view of a Faust event's message."""
    message = event.message
    return Message(
        message.topic,
        message.partition,
        message.offset,
        message.key,
        message.value,
        message.headers,
        message.timestamp,
    )


def add_agent(
    app: faust.App,
    name: str,
    topic: faust.TopicT,
    stage: Stage,
    table: TableT[Any, Any] | None,
    *,
    settings: Settings,
    delivery: Delivery,
    letters: Letters,
    metrics: Metrics,
    freezer: Freezer,
) -> None:
    """A batched agent running ``stage`` over ``topic``, with ``table`` as its state."""
    failed = partial(letters.failed, stage=name)

    async def run(stream: faust.StreamT[bytes]) -> None:
        concrete = cast("faust.Stream[bytes]", stream)  # take_events is not on StreamT
        batches = concrete.take_events(settings.batch_max_messages, settings.batch_max_seconds)
        async for events in batches:
            started = time.perf_counter()
            state: HeldWrites[EventT[bytes]] = HeldWrites(table, acting_for)
            outgoing = handle_each(events, message_of, stage.handle, state, failed)
            try:
                await deliver_or_fail_stop(delivery, outgoing)
            except asyncio.CancelledError:
                # Stopping, yet delivered within the grace: Faust acks the batch as the
                # cancellation leaves it, so its state must be written first.
                try:
                    state.apply()
                except Exception:
                    log.exception("%s: writing state while stopping failed", name)
                    fail_stop(f"{name}: could not write its table while stopping")
                raise
            await record(name, state)
            metrics.observe_batch(name, time.perf_counter() - started, len(events))
            freezer.between_batches()

    run.__name__ = run.__qualname__ = name  # how Faust names the agent in its logs
    app.agent(topic, name=name)(run)


async def record(stage: str, state: HeldWrites[Any]) -> None:
    """Write a delivered batch's state. Its input is not acknowledged yet and the writes are
    idempotent, so a write that fails (Faust refuses one while it does not yet know a
    changelog's partitions) is tried again; if it keeps failing, the worker stops without
    committing and the batch is replayed."""
    for attempt in range(1, _RECORD_ATTEMPTS + 1):
        try:
            state.apply()
        except Exception:
            log.warning("%s: writing state failed (attempt %d)", stage, attempt, exc_info=True)
            await asyncio.sleep(_RECORD_BACKOFF_SECONDS * attempt)
        else:
            return
    fail_stop(f"{stage}: could not write its table")
