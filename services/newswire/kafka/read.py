"""Reading a whole topic back, as it is when the read starts: `newswire dlq` and the run
cluster (`newswire run`, the tests and benchmarks) share it."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from newswire.errors import InputError, NewswireError
from newswire.kafka.config import admin_client, bootstrap_servers, client_kwargs
from newswire.settings import Settings

READ_STALL_SECONDS = 60.0  # this long without a record while some are due: a failure


async def topic_partitions(admin: AIOKafkaAdminClient, topic: str) -> list[int]:
    """The partitions of ``topic`` (empty when the cluster does not know it within 2 s: a
    broker's metadata follows the controller's a moment after a topic is made)."""
    for _ in range(20):
        [described] = await admin.describe_topics([topic])
        found = sorted(p["partition"] for p in described["partitions"])
        if found:
            return found
        await asyncio.sleep(0.1)
    return []


async def read_records(
    settings: Settings, topic: str, *, stall_seconds: float = READ_STALL_SECONDS
) -> list[Any]:
    """Every record of ``topic`` up to its end offsets when the read starts, as aiokafka
    ConsumerRecords (headers, timestamps), partition by partition. A topic that does not
    exist is an InputError (``no_such_topic``); a read that stalls, a NewswireError."""
    # "earliest" also for the reset that assign() starts: with the default ("latest") it could
    # land after seek_to_beginning and leave the consumer at the end, reading nothing.
    async with admin_client(settings) as admin:
        found = await topic_partitions(admin, topic)
    async with AIOKafkaConsumer(
        **client_kwargs(settings), enable_auto_commit=False, auto_offset_reset="earliest"
    ) as consumer:
        if not found:
            message = f"topic {topic} does not exist on {bootstrap_servers(settings)}"
            raise InputError(message, reason="no_such_topic")
        partitions = [TopicPartition(topic, p) for p in found]
        consumer.assign(partitions)
        ends = await consumer.end_offsets(partitions)
        # A partition retention has emptied starts where it ends: nothing to wait for there.
        begins = await consumer.beginning_offsets(partitions)
        await consumer.seek_to_beginning(*partitions)
        records: list[Any] = []
        remaining = {tp for tp, end in ends.items() if end > begins[tp]}
        progress = time.monotonic()
        while remaining:
            batch = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, messages in batch.items():
                records.extend(m for m in messages if m.offset < ends[tp])
                progress = time.monotonic() if messages else progress
            for tp in list(remaining):  # by position: offsets that are no record are passed too
                if await consumer.position(tp) >= ends[tp]:
                    remaining.discard(tp)
            if time.monotonic() - progress > stall_seconds:  # fail, never hang
                where = ", ".join(f"{tp.partition} (end {ends[tp]})" for tp in remaining)
                raise NewswireError(
                    f"reading {topic}: nothing new for {stall_seconds:.0f}s on partitions {where}"
                )
        return records
