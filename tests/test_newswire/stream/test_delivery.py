"""Delivery of a batch: sent again from the first failure, finished before a stop."""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from newswire.stages import Outgoing
from newswire.stream.delivery import Delivery, deliver_or_fail_stop
from newswire.stream.metrics import Metrics


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
    producer = _SlowProducer()
    delivery = Delivery(lambda: producer, Metrics.create(CollectorRegistry()))
    task = asyncio.ensure_future(deliver_or_fail_stop(delivery, [Outgoing("t", b"k", b"v")]))
    await asyncio.sleep(0.05)
    task.cancel()  # the worker stops while the broker has not answered yet
    with pytest.raises(asyncio.CancelledError):
        await task
    assert producer.acked == [b"v"]  # delivered within the grace, then cancelled
