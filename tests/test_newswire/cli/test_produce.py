"""`newswire produce` reports success only when the broker acknowledged every chunk, and
refuses chunk sizes that cannot travel in one message before it reads a byte."""

from __future__ import annotations

import asyncio
import gc
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from newswire.cli import main
from newswire.errors import ConfigurationError, DeliveryError
from newswire.kafka import produce
from newswire.kafka.topics import delete_topics, owned_topics
from newswire.settings import Settings


def _dump(path: Path, size: int) -> Path:
    line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n"
    path.write_bytes(line * (size // len(line) + 1))
    return path


def test_a_chunk_size_that_cannot_fit_is_one_line_before_anything_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = _dump(tmp_path / "dump.txt", 1000)
    assert main(["produce", "--chunk-size", "99999999999", str(dump)]) == 1  # was MemoryError
    assert capsys.readouterr().err == (
        "newswire: error: --chunk-size 99999999999 does not fit in one message: at most 1044480 "
        "(NEWSWIRE_MAX_MESSAGE_BYTES 1048576 minus 4096 for key and headers)\n"
    )
    # Callers other than the command (run, benchmarks) are held to the same bound; no broker
    # listens on port 1, so reaching it would be another error.
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1")
    with pytest.raises(ConfigurationError, match="chunk size 2000000 does not fit"):
        asyncio.run(produce.produce_files(settings, [("s", dump)], 2_000_000))


# -- on the real broker -------------------------------------------------------------------


@pytest.fixture
def settings(kafka_bootstrap: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Own topics for this test, in the environment the command reads; deleted afterwards."""
    run = uuid.uuid4().hex[:12]
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "APP_ID": f"test-{run}",
        "TOPIC_RAW_CHUNKS": f"test-{run}.raw",
        "TOPIC_ARTICLES": f"test-{run}.articles",
        "TOPIC_DLQ": f"test-{run}.dlq",
    }
    for name, value in env.items():
        monkeypatch.setenv(f"NEWSWIRE_{name}", value)
    settings = Settings()
    yield settings
    asyncio.run(delete_topics(settings, [t.name for t in owned_topics(settings)]))


def _create_input_topic(settings: Settings, max_message_bytes: int) -> None:
    async def create() -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
        await admin.start()
        try:
            topic = NewTopic(
                settings.topic_raw_chunks,
                settings.input_partitions,
                1,
                topic_configs={"max.message.bytes": str(max_message_bytes)},
            )
            await admin.create_topics([topic])
            for _ in range(50):  # until the broker knows it, as it knows an existing topic
                if not any(t["error_code"] for t in await admin.describe_topics([topic.name])):
                    break
                await asyncio.sleep(0.1)
        finally:
            await admin.close()

    asyncio.run(create())


def _messages_in(settings: Settings) -> int:
    async def count() -> int:
        consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap_servers)
        await consumer.start()
        try:
            topic = settings.topic_raw_chunks
            partitions = [TopicPartition(topic, p) for p in range(settings.input_partitions)]
            return sum((await consumer.end_offsets(partitions)).values())
        finally:
            await consumer.stop()

    return asyncio.run(count())


@pytest.mark.integration
def test_every_chunk_is_acknowledged_before_success_is_reported(
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(produce, "DELIVERY_WINDOW", 8)  # the window slides many times
    dump = _dump(tmp_path / "dump.txt", 100 * 4096)
    assert main(["produce", "--chunk-size", "4096", str(dump)]) == 0
    chunks = -(-dump.stat().st_size // 4096)
    assert capsys.readouterr().err == f"produced {chunks} chunks to {settings.topic_raw_chunks}\n"
    assert _messages_in(settings) == chunks


@pytest.mark.integration
def test_an_input_topic_that_takes_smaller_messages_is_refused_at_start(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _create_input_topic(settings, max_message_bytes=70_000)
    dump = _dump(tmp_path / "dump.txt", 300_000)
    assert main(["produce", "--chunk-size", "200000", str(dump)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"newswire: error: topic {settings.topic_raw_chunks} takes messages ")
    assert "70000 bytes (max.message.bytes)" in line
    assert _messages_in(settings) == 0


@pytest.mark.integration
def test_a_chunk_the_broker_refuses_fails_the_command_with_the_cause(
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The probe's case: the broker refuses every chunk. The start-up check is skipped, as on
    a cluster that denies DescribeConfigs or a topic changed after the start."""
    _create_input_topic(settings, max_message_bytes=70_000)

    async def unchecked(_: Settings) -> None:
        return None

    monkeypatch.setattr(produce, "ensure_topics", unchecked)
    dump = _dump(tmp_path / "dump.txt", 300_000)
    assert main(["produce", "--chunk-size", "200000", "--source-id", "big", str(dump)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"newswire: error: not delivered to topic {settings.topic_raw_chunks}: "
        "source big chunk 0 at offset 0: [Error 10] MessageSizeTooLargeError "
        "(larger than the topic's max.message.bytes or the producer's limit)\n"
    )
    assert _messages_in(settings) == 0

    with pytest.raises(DeliveryError) as caught:
        asyncio.run(produce.produce_files(settings, [("big", dump)], 200_000))
    assert not caught.value.retriable  # sending again cannot help
    gc.collect()  # abandoned acknowledgements were retrieved, so asyncio reports none
    assert "never retrieved" not in caplog.text
