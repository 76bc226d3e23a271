"""The topics newswire owns, with explicit partition counts (broker auto-creation is off)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from newswire.kafka.config import client_kwargs
from newswire.settings import Settings


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int


def owned_topics(settings: Settings) -> list[TopicSpec]:
    """Input, output and dead-letter topics plus the internal ones between the agents."""
    return [
        TopicSpec(settings.topic_raw_chunks, settings.input_partitions),
        TopicSpec(settings.topic_parsed, settings.article_partitions),
        TopicSpec(settings.topic_near, 1),  # one total order for near-duplicate decisions
        TopicSpec(settings.topic_decided, settings.article_partitions),
        TopicSpec(settings.topic_articles, settings.article_partitions),
        TopicSpec(settings.topic_dlq, 1),
    ]


async def ensure_topics(settings: Settings) -> None:
    """Create whichever owned topics are missing; existing ones are left as they are."""
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(t.name, t.partitions, settings.replication_factor)
            for t in owned_topics(settings)
            if t.name not in existing
        ]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):  # another process was first
                await admin.create_topics(missing)
    finally:
        await admin.close()


async def delete_topics(settings: Settings, names: list[str]) -> None:
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        doomed = [n for n in names if n in existing]
        if doomed:
            await admin.delete_topics(doomed)
    finally:
        await admin.close()
