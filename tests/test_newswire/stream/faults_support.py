"""Helpers of the fault tests (tests/test_newswire/stream/test_faults.py): the expected events,
what a run published, and the one delivery check every fault test ends with."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from newswire.cli import main
from newswire.kafka.config import client_kwargs
from newswire_dev.cluster import Cluster

Identity = tuple[str, int]
RawRecord = tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]


def parse_events(capsysbinary: pytest.CaptureFixture[bytes], *files: Path) -> list[bytes]:
    """What `newswire parse FILE...` prints: the events a run of these files must publish."""
    capsysbinary.readouterr()  # drop what earlier steps printed
    assert main(["parse", *map(str, files)]) == 0
    return capsysbinary.readouterr().out.splitlines()


def identity(event: bytes) -> Identity:
    decoded = orjson.loads(event)
    return decoded["article_id"], decoded["revision"]


def published(cluster: Cluster) -> list[bytes]:
    """Every event on the run's output topic (values, partition by partition)."""
    records = asyncio.run(cluster.read_topic(cluster.settings.topic_articles))
    return [value or b"" for _, value, _ in records]


# What the stream may decide otherwise than `newswire parse` (README, "Not promised"): the
# near-duplicate stage meets the identity partitions interleaved, so which copy it sees first,
# the one the others point to, can differ. Everything else must be parse's, field for field.
ORDER_DEPENDENT = frozenset({"near_duplicate_of"})


@dataclass(frozen=True, slots=True)
class Delivery:
    records: int  # events on the output topic
    identities: int  # distinct (article_id, revision)
    re_emitted: int  # byte-identical second copies
    differ_from_parse: int  # identities whose bytes differ from `newswire parse`
    fields: frozenset[str]  # the fields they differ in (all allowed to)

    def __str__(self) -> str:
        return (
            f"{self.records} events published, {self.identities} distinct (article_id, revision),"
            f" {self.re_emitted} re-emitted byte for byte,"
            f" {self.differ_from_parse} differ from `newswire parse`"
            + (f" (in {', '.join(sorted(self.fields))} only)" if self.fields else "")
        )


def assert_delivered(
    events: list[bytes], expected: list[bytes], may_differ: frozenset[str] = ORDER_DEPENDENT
) -> Delivery:
    """Every expected (article_id, revision) is published, each exactly once or re-emitted
    byte for byte, equal to parse's event but for the fields in ``may_differ``; nothing else is
    published. Returns (and prints) the counts."""
    by_identity: dict[Identity, set[bytes]] = {}
    for event in events:
        by_identity.setdefault(identity(event), set()).add(event)
    wanted = {identity(e): e for e in expected}
    assert len(wanted) == len(expected), "the expected events repeat an identity"
    missing = sorted(set(wanted) - set(by_identity))
    extra = sorted(set(by_identity) - set(wanted))
    differing = sorted(key for key, versions in by_identity.items() if len(versions) > 1)
    assert not missing, (
        f"{len(missing)} of {len(wanted)} expected events lost, e.g. {missing[:3]}; "
        f"published but not expected: {extra[:3]}; with differing bytes: {differing[:3]}"
    )
    assert not extra, f"{len(extra)} events published that parse does not give: {extra[:3]}"
    assert not differing, (
        f"{len(differing)} (article_id, revision) published with different bytes: "
        + "; ".join(f"{key}: {_difference(*sorted(by_identity[key])[:2])}" for key in differing[:3])
    )
    unlike_parse = {
        key: (wanted[key], event) for key, (event,) in by_identity.items() if event != wanted[key]
    }
    fields = {key: _differing_fields(*pair) for key, pair in unlike_parse.items()}
    beyond = sorted(key for key, names in fields.items() if not names <= may_differ)
    assert not beyond, (
        f"{len(beyond)} events differ from `newswire parse` beyond {sorted(may_differ)}: "
        + "; ".join(f"{key}: {_difference(*unlike_parse[key])}" for key in beyond[:3])
    )
    delivery = Delivery(
        records=len(events),
        identities=len(by_identity),
        re_emitted=len(events) - len(by_identity),
        differ_from_parse=len(unlike_parse),
        fields=frozenset().union(*fields.values()),
    )
    print(delivery)
    return delivery


def _differing_fields(first: bytes, second: bytes) -> frozenset[str]:
    a, b = orjson.loads(first), orjson.loads(second)
    return frozenset(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def _difference(first: bytes, second: bytes) -> str:
    """The fields in which two versions of one event differ, with their values (shortened)."""
    a, b = orjson.loads(first), orjson.loads(second)
    return ", ".join(
        f"{k}: {str(a.get(k))[:60]!r} vs {str(b.get(k))[:60]!r}"
        for k in sorted(_differing_fields(first, second))
    )


# -- watching a run from outside -------------------------------------------------------------
async def _end_offsets(cluster: Cluster, topic: str) -> dict[TopicPartition, int]:
    consumer = AIOKafkaConsumer(**client_kwargs(cluster.settings), request_timeout_ms=10000)
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic)
        for _ in range(20):
            if partitions:
                break
            await consumer._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public refresh
            await asyncio.sleep(0.1)
            partitions = consumer.partitions_for_topic(topic)
        tps = [TopicPartition(topic, p) for p in sorted(partitions or ())]
        return await consumer.end_offsets(tps) if tps else {}
    finally:
        await consumer.stop()


def topic_size(cluster: Cluster, topic: str) -> int:
    """How many records a topic holds (the sum of its end offsets)."""
    return sum(asyncio.run(_end_offsets(cluster, topic)).values())


def output_size(cluster: Cluster) -> int:
    return topic_size(cluster, cluster.settings.topic_articles)


def assert_workers_alive(cluster: Cluster) -> None:
    for index, process in cluster.workers.items():
        assert process.poll() is None, (
            f"worker {index} exited with {process.returncode}:\n{cluster.log_tail(index)}"
        )


def wait_until(condition: Callable[[], bool], within: float, what: str, poll: float = 0.3) -> float:
    """Seconds until ``condition()`` holds; fails the test after ``within`` seconds."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < within, f"not within {within:.0f}s: {what}"
        time.sleep(poll)
    return time.monotonic() - started


async def produce_raw(
    cluster: Cluster, records: list[RawRecord], *, max_request_size: int = 1 << 20
) -> list[Any]:
    """Send records to the input topic in this order; their RecordMetadata (topic, partition,
    offset), once all are acknowledged."""
    producer = AIOKafkaProducer(
        **client_kwargs(cluster.settings),
        acks="all",
        enable_idempotence=True,
        max_request_size=max_request_size,
        linger_ms=5,
    )
    await producer.start()
    try:
        futures = [
            await producer.send(cluster.settings.topic_raw_chunks, value, key=key, headers=headers)
            for key, value, headers in records
        ]
        await producer.flush()
        return list(await asyncio.gather(*futures))
    finally:
        await producer.stop()


async def set_topic_config(cluster: Cluster, topic: str, configs: dict[str, str]) -> None:
    admin = AIOKafkaAdminClient(**client_kwargs(cluster.settings))
    await admin.start()
    try:
        await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs)])
    finally:
        await admin.close()


async def group_members(cluster: Cluster) -> tuple[str, int]:
    """The state of the run's consumer group and how many members it has."""
    admin = AIOKafkaAdminClient(**client_kwargs(cluster.settings))
    await admin.start()
    try:
        responses = await admin.describe_consumer_groups([cluster.settings.app_id])
    finally:
        await admin.close()
    group = responses[0].groups[0]  # (error, group id, state, protocol type, protocol, members)
    return str(group[2]), len(group[5])
