"""Owned topics are created with the message size newswire needs, and existing topics that
disagree with the settings (partitions, max.message.bytes) are refused at start."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from newswire.errors import ConfigurationError
from newswire.kafka.topics import delete_topics, ensure_topics, owned_topics
from newswire.settings import Settings
from newswire.topology import Topology

pytestmark = pytest.mark.integration

PreCreate = Callable[..., Awaitable[None]]


@pytest.fixture
async def settings(kafka_bootstrap: str) -> AsyncIterator[Settings]:
    """Settings whose every owned topic is new to the broker; all deleted afterwards."""
    run = uuid.uuid4().hex[:12]
    settings = Settings(
        kafka_bootstrap_servers=kafka_bootstrap,
        app_id=f"test-{run}",
        topic_raw_chunks=f"test-{run}.raw",
        topic_articles=f"test-{run}.articles",
        topic_dlq=f"test-{run}.dlq",
        input_partitions=3,
        article_partitions=2,
    )
    yield settings
    await delete_topics(settings, [t.name for t in owned_topics(settings)])


@pytest.fixture
async def admin(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaAdminClient]:
    client = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await client.start()
    yield client
    await client.close()


@pytest.fixture
def pre_create(admin: AIOKafkaAdminClient) -> PreCreate:
    """A topic as somebody else made it (deleted by the settings fixture)."""

    async def make(name: str, partitions: int, **configs: str) -> None:
        topic = NewTopic(name, partitions, 1, topic_configs=configs or None)
        [result] = (await admin.create_topics([topic])).topic_errors
        assert result[1] == 0, result

    return make


async def _max_message_bytes(admin: AIOKafkaAdminClient, names: list[str]) -> dict[str, int]:
    """Each topic's max.message.bytes. A topic created a moment ago may not be known yet to the
    broker answering (its metadata follows the controller's): it is asked again, for 10 s."""
    wanted = {"max.message.bytes": None}
    resources = [ConfigResource(ConfigResourceType.TOPIC, n, wanted) for n in names]
    for _ in range(50):
        found, unknown = {}, []
        for response in await admin.describe_configs(resources):
            for resource in response.to_object()["resources"]:
                entries = resource["config_entries"]
                if resource["error_code"] or not entries:
                    unknown.append((resource["resource_name"], resource["error_code"]))
                else:
                    found[resource["resource_name"]] = int(entries[0]["config_value"])
        if not unknown:
            return found
        await asyncio.sleep(0.2)
    raise AssertionError(f"topics not described within 10 s: {unknown}")


async def test_owned_topics_are_created_with_their_partitions_and_message_size(
    settings: Settings, admin: AIOKafkaAdminClient
) -> None:
    settings = settings.model_copy(update={"max_message_bytes": 3 * 1024 * 1024})
    await ensure_topics(settings)
    await ensure_topics(settings)  # existing and agreeing: accepted
    specs = owned_topics(settings)
    shape = Topology.from_settings(settings)
    described = await admin.describe_topics([t.name for t in specs])
    assert {t["topic"]: len(t["partitions"]) for t in described} == {
        settings.topic_raw_chunks: 3,
        shape.parsed.name: 2,
        shape.near.name: 1,
        settings.topic_articles: 2,
        settings.topic_dlq: 1,
        # Changelogs exist before a worker starts, co-partitioned with their streams.
        shape.sources.changelog(settings.app_id): 3,
        shape.records.changelog(settings.app_id): 2,
        shape.near_entries.changelog(settings.app_id): 1,
    }
    sizes = await _max_message_bytes(admin, [t.name for t in specs])
    changelogs = set(shape.changelogs())
    assert sizes == {t.name: 3 * 1024 * 1024 * (8 if t.name in changelogs else 1) for t in specs}


async def test_a_topic_with_other_partitions_is_refused_naming_both_counts_and_the_setting(
    settings: Settings, pre_create: PreCreate
) -> None:
    await pre_create(settings.topic_raw_chunks, 5)
    await pre_create(Topology.from_settings(settings).near.name, 2)
    with pytest.raises(ConfigurationError) as caught:
        await ensure_topics(settings)
    assert str(caught.value).splitlines() == [
        f"topic {settings.topic_raw_chunks} has 5 partitions but NEWSWIRE_INPUT_PARTITIONS is 3: "
        "set NEWSWIRE_INPUT_PARTITIONS=5 or recreate the topic",
        f"topic {Topology.from_settings(settings).near.name} has 2 partitions but newswire "
        "needs 1: recreate the topic",
    ]


async def test_a_topic_that_takes_smaller_messages_is_refused(
    settings: Settings, pre_create: PreCreate
) -> None:
    await pre_create(settings.topic_articles, 2, **{"max.message.bytes": "70000"})
    with pytest.raises(ConfigurationError) as caught:
        await ensure_topics(settings)
    assert str(caught.value) == (
        f"topic {settings.topic_articles} takes messages of at most 70000 bytes "
        "(max.message.bytes) but NEWSWIRE_MAX_MESSAGE_BYTES is 1048576: "
        "raise the topic's max.message.bytes or lower the setting"
    )
    # The same topic suits settings whose messages it can take.
    await ensure_topics(
        settings.model_copy(update={"max_message_bytes": 70000, "chunk_size": 8192})
    )


async def test_a_topic_that_takes_larger_messages_is_accepted(
    settings: Settings, pre_create: PreCreate, admin: AIOKafkaAdminClient
) -> None:
    await pre_create(settings.topic_dlq, 1, **{"max.message.bytes": str(8 * 1024 * 1024)})
    await ensure_topics(settings)
    sizes = await _max_message_bytes(admin, [settings.topic_dlq, settings.topic_raw_chunks])
    assert sizes == {settings.topic_dlq: 8 * 1024 * 1024, settings.topic_raw_chunks: 1048576}
