"""Which partition a key lands on: Kafka's default partitioner (murmur2), as every producer of
newswire uses it. The core needs it to keep state per partition exactly as the stream does."""

from __future__ import annotations

from aiokafka.partitioner import murmur2


def partition_for(key: bytes, partitions: int) -> int:
    """The partition Kafka's default partitioner picks for ``key`` among ``partitions``."""
    hashed: int = murmur2(key)
    return (hashed & 0x7FFFFFFF) % partitions
