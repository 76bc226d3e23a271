"""Clusters of real worker processes against the session's broker, cleaned up after each test."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newswire.settings import Settings
from newswire.stream.cluster import Cluster

ClusterFactory = Callable[..., Cluster]


@pytest.fixture
def make_cluster(
    kafka_bootstrap: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[ClusterFactory]:
    made: list[Cluster] = []

    def factory(**overrides: object) -> Cluster:
        settings = Settings(kafka_bootstrap_servers=kafka_bootstrap, **overrides)  # type: ignore[arg-type]
        cluster = Cluster(settings, tmp_path)
        asyncio.run(cluster.ensure_topics())
        made.append(cluster)
        return cluster

    yield factory
    failed = getattr(request.node, "rep_call", None)
    for cluster in made:
        if failed is not None and failed.failed:
            print(cluster.log_tail())
        cluster.stop()
        asyncio.run(cluster.delete_topics())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
