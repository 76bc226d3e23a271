"""The broker the tests use is a real Kafka: records go in and come back out."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

pytestmark = pytest.mark.integration


async def test_records_round_trip_in_order_with_keys_and_headers(
    kafka_bootstrap: str, topic: str, group_id: str
) -> None:
    sent = [(f"key-{i % 3}".encode(), f"value-{i}".encode()) for i in range(50)]
    producer = AIOKafkaProducer(
        bootstrap_servers=kafka_bootstrap, acks="all", enable_idempotence=True
    )
    await producer.start()
    try:
        for key, value in sent:
            await producer.send(topic, value, key=key, headers=[("seq", value[6:])])
        await producer.flush()
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=group_id,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    received: list[Any] = []
    try:
        async with asyncio.timeout(30):
            while len(received) < len(sent):
                batch = await consumer.getmany(timeout_ms=1000)
                for records in batch.values():
                    received.extend(records)
    finally:
        await consumer.stop()

    assert [(r.key, r.value) for r in received] == sent
    assert [dict(r.headers)["seq"] for r in received] == [v[6:] for _, v in sent]
    assert [r.offset for r in received] == list(range(len(sent)))
