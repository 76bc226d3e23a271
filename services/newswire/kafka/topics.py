"""The topics newswire owns, with explicit partition counts (broker auto-creation is off).

Topics newswire creates get ``max.message.bytes`` = ``max_message_bytes``; topics that exist
already must have the configured partition counts and allow messages that large, or the start
is refused: a message the broker refuses would be lost or stall a stage, and a different
partition count breaks the co-partitioning of the tables.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import KafkaError, TopicAlreadyExistsError, for_code

from newswire.errors import ConfigurationError
from newswire.kafka.config import admin_client
from newswire.settings import Settings, env_name
from newswire.topology import TopicSpec, Topology

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = "max.message.bytes"
_METADATA_ATTEMPTS, _METADATA_PAUSE = 20, 0.25  # up to 5 s for a new topic's metadata


def owned_topics(settings: Settings) -> list[TopicSpec]:
    """Input, output and dead-letter topics plus the internal ones between the agents."""
    return Topology.from_settings(settings).topics()


async def ensure_topics(settings: Settings) -> None:
    """Create whichever owned topics are missing and check the ones that exist.

    Raises ConfigurationError, one line per topic, when an existing topic's partition count
    differs from the settings or its ``max.message.bytes`` is below ``max_message_bytes``.
    """
    specs = owned_topics(settings)
    async with admin_client(settings) as admin:
        listed = set(await admin.list_topics())
        existing = [t for t in specs if t.name in listed]
        missing = [t for t in specs if t.name not in listed]
        if missing:
            # Another process may create one first: then it is checked like the others.
            raced = await _create(admin, missing, settings)
            existing += [t for t in missing if t.name in raced]
        if existing:
            problems = await _partition_problems(admin, existing)
            problems += await _size_problems(admin, existing, settings)
            if problems:
                raise ConfigurationError("\n".join(problems))


async def _create(
    admin: AIOKafkaAdminClient, specs: list[TopicSpec], settings: Settings
) -> set[str]:
    """Create the topics; the names another process created first."""
    configs = {MAX_MESSAGE_BYTES: str(settings.max_message_bytes)}
    response = await admin.create_topics(
        [NewTopic(t.name, t.partitions, settings.replication_factor,
                  topic_configs=configs | dict(t.config))
         for t in specs]
    )  # fmt: skip
    raced: set[str] = set()
    problems: list[str] = []
    for result in response.to_object()["topic_errors"]:  # per topic, not raised by aiokafka
        name, code = result["topic"], result["error_code"]
        if for_code(code) is TopicAlreadyExistsError:
            raced.add(name)
        elif code:
            reason = result.get("error_message") or for_code(code).__name__
            problems.append(f"cannot create topic {name}: {reason}")
    if problems:
        raise ConfigurationError("\n".join(problems))
    return raced


async def _describe(admin: AIOKafkaAdminClient, names: list[str]) -> dict[str, Any]:
    """Metadata of the topics, waiting a little for ones just created (by another process)
    that the broker does not know yet."""
    described = {t["topic"]: t for t in await admin.describe_topics(names)}
    for _ in range(_METADATA_ATTEMPTS):
        if not any(t["error_code"] for t in described.values()):
            break
        await asyncio.sleep(_METADATA_PAUSE)
        described = {t["topic"]: t for t in await admin.describe_topics(names)}
    return described


async def _partition_problems(admin: AIOKafkaAdminClient, specs: list[TopicSpec]) -> list[str]:
    described = await _describe(admin, [t.name for t in specs])
    problems = []
    for spec in specs:
        topic = described.get(spec.name)
        if topic is None or topic["error_code"]:
            continue  # gone since it was listed: nothing to compare
        count = len(topic["partitions"])
        if count != spec.partitions:
            wanted = f"{spec.setting} is {spec.partitions}" if spec.setting else "newswire needs 1"
            problems.append(
                f"topic {spec.name} has {count} partitions but {wanted}: "
                + (f"set {spec.setting}={count} or " if spec.setting else "")
                + "recreate the topic"
            )
    return problems


async def _size_problems(
    admin: AIOKafkaAdminClient, specs: list[TopicSpec], settings: Settings
) -> list[str]:
    wanted = settings.max_message_bytes
    try:
        responses = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, t.name, {MAX_MESSAGE_BYTES: None})
             for t in specs]
        )  # fmt: skip
    except KafkaError as exc:
        # A cluster may deny DescribeConfigs: then sends that are too large fail loudly instead.
        log.warning("cannot read the topics' %s (%r); not checked", MAX_MESSAGE_BYTES, exc)
        return []
    problems = []
    for response in responses:
        for resource in response.to_object()["resources"]:
            name = resource["resource_name"]
            if resource["error_code"]:
                log.warning("cannot read %s of topic %s: error %s", MAX_MESSAGE_BYTES, name,
                            for_code(resource["error_code"]).__name__)  # fmt: skip
                continue
            for entry in resource["config_entries"]:
                if (
                    entry["config_names"] == MAX_MESSAGE_BYTES
                    and int(entry["config_value"]) < wanted
                ):
                    problems.append(
                        f"topic {name} takes messages of at most {entry['config_value']} bytes "
                        f"({MAX_MESSAGE_BYTES}) but {env_name('max_message_bytes')} is {wanted}: "
                        f"raise the topic's {MAX_MESSAGE_BYTES} or lower the setting"
                    )
    return problems


async def delete_topics(settings: Settings, names: list[str]) -> None:
    async with admin_client(settings) as admin:
        existing = set(await admin.list_topics())
        doomed = [n for n in names if n in existing]
        if doomed:
            await admin.delete_topics(doomed)
