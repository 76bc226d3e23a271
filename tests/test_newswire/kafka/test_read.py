"""Reading a topic back whole (`newswire dlq`, the run cluster) on the real broker."""

from __future__ import annotations

import time

import pytest
from aiokafka import AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, RecordsToDelete

from newswire.kafka.read import read_records
from newswire.settings import Settings

pytestmark = pytest.mark.integration


async def test_a_partition_retention_emptied_reads_as_empty_at_once(
    kafka_bootstrap: str, new_topic
) -> None:
    """Records deleted from the start of a partition (as retention deletes old segments)
    leave it beginning where it ends: the read returns the other partition's records without
    waiting for records that will never come."""
    topic = await new_topic("read", partitions=2)
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        for n in range(3):
            await producer.send_and_wait(topic, f"gone {n}".encode(), partition=0)
        await producer.send_and_wait(topic, b"kept", partition=1)
    finally:
        await producer.stop()
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        await admin.delete_records(
            {TopicPartition(topic, 0): RecordsToDelete(3)}, timeout_ms=10_000
        )
    finally:
        await admin.close()

    started = time.monotonic()
    records = await read_records(
        Settings(kafka_bootstrap_servers=kafka_bootstrap), topic, stall_seconds=10.0
    )
    assert [r.value for r in records] == [b"kept"]
    assert time.monotonic() - started < 10.0
