"""The producer's partitioner puts every key where aiokafka's default one does."""

from __future__ import annotations

import random

from aiokafka.partitioner import DefaultPartitioner

from newswire.stream.engine.app import kafka_partition


def test_every_key_lands_where_aiokafkas_default_partitioner_puts_it() -> None:
    rng = random.Random(5)
    default = DefaultPartitioner()
    for length in range(40):
        for count in (1, 2, 3, 6, 12):
            key = rng.randbytes(length)
            partitions = list(range(count))
            assert kafka_partition(key, partitions, partitions) == default(
                key, partitions, partitions
            ), (key, count)


def test_a_key_less_record_goes_to_an_available_partition() -> None:
    assert kafka_partition(None, [0, 1, 2], [2]) == 2
    assert kafka_partition(None, [4], []) == 4
