"""Session-wide fixtures: environment isolation and a real Kafka broker.

The broker is the one named by NEWSWIRE_KAFKA_BOOTSTRAP_SERVERS when that is set; otherwise a
LocalBroker is started once per session on free ports in a temporary directory (so it never
touches a broker the developer runs) and stopped at the end. Each test gets its own topics
(`new_topic`, `topic`) or its own run of workers (`running_cluster`). Shared types live in
tests/support.py: tests import nothing from here.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Generator, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from newswire.errors import BrokerError
from newswire.settings import ENV_PREFIX, Settings
from newswire_dev.broker import LocalBroker
from newswire_dev.broker.local import free_port
from newswire_dev.cluster import Cluster
from tests.support import ClusterFactory, TopicFactory, artifact_cache_dir

_EXTERNAL_BOOTSTRAP = os.environ.get(f"{ENV_PREFIX}KAFKA_BOOTSTRAP_SERVERS")
_session_broker: LocalBroker | None = None


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's NEWSWIRE_* variables; tests set what they need."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIX):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    global _session_broker  # noqa: PLW0603 - read by the failure hook below
    if _EXTERNAL_BOOTSTRAP:
        yield _EXTERNAL_BOOTSTRAP
        return
    broker = LocalBroker(
        tmp_path_factory.mktemp("kafka"),
        cache_dir=artifact_cache_dir(),
        port=free_port(),
        controller_port=free_port(),
    )
    try:
        status = broker.start()
    except BrokerError as exc:
        pytest.fail(f"could not start the session's Kafka broker: {exc}", pytrace=False)
    _session_broker = broker
    try:
        assert status.bootstrap_servers is not None
        yield status.bootstrap_servers
    finally:
        broker.stop()
        _session_broker = None


# The clusters a test made with `running_cluster`, for the failure hook below.
_CLUSTERS = pytest.StashKey[list[Cluster]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failing integration test shows, beside its traceback, the end of the broker's log and
    of its workers' logs (its clusters are still running: teardown comes after this hook)."""
    report = yield
    if report.failed:
        if _session_broker is not None and "kafka_bootstrap" in getattr(item, "fixturenames", ()):
            report.sections.append(("Kafka broker log (tail)", _session_broker.log_tail()))
        clusters: list[Cluster] = item.stash.get(_CLUSTERS, [])
        for number, cluster in enumerate(clusters):
            report.sections.append((f"cluster {number}: workers' logs (tail)", cluster.log_tail()))
            report.sections.append((f"cluster {number}: dead letters", _dead_letters(cluster)))
    return report


def _dead_letters(cluster: Cluster, shown: int = 10) -> str:
    """The run's dead letters (reason, source, message), so a lost event can be told from a
    rejected one."""
    try:
        records = asyncio.run(cluster.read_records(cluster.settings.topic_dlq))
    except Exception as exc:  # a report must not fail: say why there is none
        return f"could not read the dead-letter topic: {exc!r}"
    letters = [orjson.loads(r.value) for r in records]
    lines = [f"{len(letters)} dead letters"]
    lines += [
        f"{x['reason']} {x.get('source_id')}@{x.get('source_offset')}: {x['message'][:200]}"
        for x in letters[:shown]
    ]
    return "\n".join(lines)


@pytest.fixture
def running_cluster(
    kafka_bootstrap: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[ClusterFactory]:
    """Factory: ``running_cluster(workers=1, *, ready=True, ready_timeout=120, web_port=None,
    **settings)`` makes a cluster of this test's own run on the session broker (its topics
    created, settings overridden by keyword), starts ``workers`` workers and, with ``ready``,
    waits until they are ready. Afterwards every worker stops and the run's topics are deleted;
    a failing test reports the workers' log tails."""
    made: list[Cluster] = []
    request.node.stash[_CLUSTERS] = made

    def factory(
        workers: int = 1,
        *,
        ready: bool = True,
        ready_timeout: float = 120.0,
        web_port: int | None = None,
        **overrides: Any,
    ) -> Cluster:
        settings = Settings(kafka_bootstrap_servers=kafka_bootstrap, **overrides)
        cluster = Cluster(settings, tmp_path)
        asyncio.run(cluster.ensure_topics())
        made.append(cluster)
        for index in range(workers):
            cluster.start_worker(index, web_port=web_port)
        if workers and ready:
            cluster.wait_ready(timeout=ready_timeout)
        return cluster

    yield factory
    for cluster in made:
        try:
            cluster.stop()
        finally:
            asyncio.run(cluster.delete_topics())


@pytest.fixture
async def new_topic(kafka_bootstrap: str) -> AsyncIterator[TopicFactory]:
    """Factory: a fresh uuid-named topic with the given partitions, deleted after the test."""
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    created: list[str] = []

    async def make(prefix: str = "test", partitions: int = 1) -> str:
        name = f"{prefix}-{uuid.uuid4().hex}"
        await admin.create_topics([NewTopic(name, partitions, replication_factor=1)])
        created.append(name)
        return name

    try:
        yield make
    finally:
        if created:
            await admin.delete_topics(created)
        await admin.close()


@pytest.fixture
async def topic(new_topic: TopicFactory) -> str:
    return await new_topic()


@pytest.fixture
def group_id() -> str:
    return f"test-group-{uuid.uuid4().hex}"
