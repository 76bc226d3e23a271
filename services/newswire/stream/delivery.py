"""Delivery of a batch's output: everything a batch produces is acknowledged by the broker
before the batch's state is written and its input acknowledged to Faust.

Faust acks a batch taken with ``take_events`` even when the agent raises (the buffer's
``finally``), and a commit follows: so a send that fails must never leave the agent. It is
sent again, from the first failed record on (so a key's records keep their order on the
partition), until the broker takes it. While that lasts, the worker reports itself not ready,
and not healthy once it has lasted longer than the delivery timeout. If the worker is stopped
with a batch still undelivered, it exits at once without committing (``fail_stop``): the next
worker replays that input.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from newswire.stages.message import Outgoing
from newswire.stream.metrics import Metrics

log = logging.getLogger(__name__)

# Exit status of a worker stopped while a batch was undelivered (EX_TEMPFAIL: try again).
EXIT_UNDELIVERED = 75
_FIRST_BACKOFF_SECONDS = 0.5
_MAX_BACKOFF_SECONDS = 10.0
_STOP_GRACE_SECONDS = 5.0


class Producer(Protocol):
    """What delivery needs of Faust's producer (``app.producer``)."""

    async def send(  # noqa: PLR0917 - Faust's own signature
        self,
        topic: str,
        key: bytes | None,
        value: bytes | None,
        partition: int | None,
        timestamp: float | None,
        headers: Any,
    ) -> Awaitable[Any]: ...


class Delivery:
    """Sends a batch's records and returns only once the broker has acknowledged all."""

    def __init__(self, producer: Callable[[], Producer], metrics: Metrics) -> None:
        self._producer = producer
        self._metrics = metrics
        self.failing_since: float | None = None  # monotonic time of the first failed attempt

    def failing_for(self) -> float:
        """Seconds the current batch has been failing to deliver (0 when it is not)."""
        return 0.0 if self.failing_since is None else time.monotonic() - self.failing_since

    async def deliver(self, records: Sequence[Outgoing]) -> None:
        pending = list(records)
        backoff = _FIRST_BACKOFF_SECONDS
        while pending:
            failed_at, error = await self._attempt(pending)
            if failed_at is None:
                break
            if self.failing_since is None:
                self.failing_since = time.monotonic()
            pending = pending[failed_at:]
            self._metrics.delivery_retries.inc(len(pending))
            log.warning(
                "could not deliver %d record(s) to %s (%s); sending again in %.1fs",
                len(pending), pending[0].topic, error, backoff,
            )  # fmt: skip
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, _MAX_BACKOFF_SECONDS)
        self.failing_since = None

    async def _attempt(self, records: list[Outgoing]) -> tuple[int | None, BaseException | None]:
        """Send every record, await every acknowledgement; the index of the first failure."""
        producer = self._producer()
        futures: list[Awaitable[Any]] = []
        first_error: tuple[int, BaseException] | None = None
        for index, record in enumerate(records):
            try:
                futures.append(
                    await producer.send(
                        record.topic, record.key, record.value, None, None, list(record.headers)
                    )
                )
            except Exception as exc:  # any send error: the rest is sent again later
                first_error = (index, exc)
                break
        results = await asyncio.gather(*futures, return_exceptions=True)
        for index, (record, result) in enumerate(zip(records, results, strict=False)):
            if isinstance(result, BaseException):
                if isinstance(result, asyncio.CancelledError):
                    raise result
                return index, result
            if record.delivered is not None:
                record.delivered()
        if first_error is not None:
            return first_error
        return None, None


async def deliver_or_fail_stop(delivery: Delivery, records: Sequence[Outgoing]) -> None:
    """``delivery.deliver``; if the worker is stopping meanwhile, a short grace to finish, then
    exit without committing, so the batch's input is replayed rather than acknowledged. A
    batch delivered within the grace raises CancelledError: the caller records its state
    before letting the cancellation go on."""
    task = asyncio.ensure_future(delivery.deliver(records))
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        try:
            await asyncio.wait_for(asyncio.shield(task), _STOP_GRACE_SECONDS)
        except (TimeoutError, asyncio.CancelledError):
            fail_stop("stopped while a batch was not yet delivered")
        raise


def fail_stop(why: str) -> None:
    """Exit now, before Faust acknowledges or commits anything more."""
    log.critical("%s: exiting without committing its input (it will be replayed)", why)
    logging.shutdown()
    os._exit(EXIT_UNDELIVERED)
