"""Worker processes of one run, driven from outside: what `newswire run`, the integration
tests and the benchmark share.

A run is isolated: its own application id ``<app id>-run-<run id>`` names its consumer group
and starts the name of every topic of the run, ours (``<run app id>.raw-chunks``, ``.parsed``,
...) and Faust's (``<run app id>-<table>-changelog``, ``<run app id>-__assignor-__leader``), so
it neither sees nor disturbs other runs on the same cluster, and cleaning up is deleting the
topics with that prefix and the group, unless kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import GroupIdNotFound, NonEmptyGroup, for_code
from aiokafka.protocol.admin import DeleteGroupsRequest
from pydantic import SecretStr

from newswire.errors import NewswireError
from newswire.kafka.config import admin_client, client_kwargs
from newswire.kafka.read import read_records, topic_partitions
from newswire.kafka.topics import delete_topics, ensure_topics
from newswire.settings import ENV_PREFIX, Settings, env_name
from newswire.topology import Topology
from newswire_dev.broker.local import free_port

_POLL_SECONDS = 0.5
_READ_STALL_SECONDS = 60.0  # reading a topic back: this long without a record is a failure
_WEB_SERVER_PORT = re.compile(r"newswire worker: web server on http://\S+?:(\d+)")


def run_settings(settings: Settings, run_id: str) -> Settings:
    """The settings of an isolated run: the app id carries the run id and starts every topic
    name, like the internal topics' and Faust's own."""
    app_id = f"{settings.app_id}-run-{run_id}"
    return settings.model_copy(
        update={
            "app_id": app_id,
            "topic_raw_chunks": f"{app_id}.raw-chunks",
            "topic_articles": f"{app_id}.articles",
            "topic_dlq": f"{app_id}.dlq",
            "commit_interval": min(settings.commit_interval, 0.5),
        }
    )


def settings_env(settings: Settings) -> dict[str, str]:
    """NEWSWIRE_* variables that rebuild exactly these settings in a child process. A value
    equal to its field's fixed default is left out (the child's default is the same), so a
    worker of an older commit, which refuses settings it does not know, runs with them too
    (bench.profile --before)."""
    env = {}
    fields = Settings.model_fields
    for name, value in settings.model_dump().items():
        field = fields[name]
        if value is None or (field.default_factory is None and value == field.default):
            continue
        plain = value.get_secret_value() if isinstance(value, SecretStr) else value
        env[env_name(name)] = str(plain)
    return env


class Cluster:
    """Start, watch, kill and stop the workers of one run; read what the run produced."""

    def __init__(self, settings: Settings, workdir: Path, *, run_id: str | None = None) -> None:
        self.run_id = run_id or uuid.uuid4().hex[:10]
        self.settings = run_settings(settings, self.run_id).model_copy(
            update={"data_dir": workdir / "worker-data"}
        )
        self.topology = Topology.from_settings(self.settings)
        self.workdir = workdir
        self.workers: dict[int, subprocess.Popen[bytes]] = {}
        self.ports: dict[int, int] = {}

    # -- workers ---------------------------------------------------------------------------
    def start_worker(self, index: int, *, web_port: int | None = None) -> None:
        """Start worker ``index``; ``web_port=0`` lets it choose, and its log says which."""
        port = web_port if web_port is not None else self.ports.setdefault(index, free_port())
        if port == 0:
            self.ports.pop(index, None)
        env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
        env |= settings_env(self.settings.model_copy(update={"web_port": port}))
        log = (self.workdir / f"worker-{index}.log").open("ab")
        self.workers[index] = subprocess.Popen(
            [sys.executable, "-m", "newswire", "worker", "--loglevel", "warning"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()

    def peak_rss_bytes(self, index: int) -> int:
        """The worker process's peak resident memory (VmHWM), 0 when unknown."""
        try:
            status = Path(f"/proc/{self.workers[index].pid}/status").read_text()
        except (OSError, KeyError):
            return 0
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return 0

    def kill_worker(self, index: int, sig: int = signal.SIGKILL) -> None:
        process = self.workers.pop(index)
        process.send_signal(sig)
        process.wait(timeout=60)

    def port(self, index: int) -> int | None:
        """The worker's web port: as given, or as its log reports it (None until then)."""
        if index not in self.ports:
            with contextlib.suppress(OSError):
                log = (self.workdir / f"worker-{index}.log").read_text(errors="replace")
                found = _WEB_SERVER_PORT.search(log)
                if found:
                    self.ports[index] = int(found.group(1))
        return self.ports.get(index)

    def url(self, index: int, path: str) -> str:
        return f"http://127.0.0.1:{self.port(index)}{path}"

    def get(self, index: int, path: str) -> tuple[int, bytes]:
        """Status and body of a worker's web endpoint (status 0 when it does not answer)."""
        if self.port(index) is None:
            return 0, b""
        try:
            with urllib.request.urlopen(self.url(index, path), timeout=5) as reply:  # noqa: S310 - our own loopback URL
                return reply.status, reply.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except (urllib.error.URLError, OSError):
            return 0, b""

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, process in self.workers.items():
                if process.poll() is not None:
                    raise NewswireError(
                        f"worker {index} exited with {process.returncode}:\n{self.log_tail(index)}"
                    )
            if all(self.get(i, "/readyz")[0] == 200 for i in self.workers):
                return
            time.sleep(_POLL_SECONDS)
        raise NewswireError(f"workers not ready after {timeout:.0f}s:\n{self.log_tail()}")

    def log_tail(self, index: int | None = None, lines: int = 30) -> str:
        indexes = [index] if index is not None else sorted(set(self.ports) | set(self.workers))
        parts = []
        for i in indexes:
            path = self.workdir / f"worker-{i}.log"
            with contextlib.suppress(OSError):
                text = path.read_text(errors="replace").splitlines()[-lines:]
                parts.append(f"--- worker {i} ---\n" + "\n".join(text))
        return "\n".join(parts)

    def stopped_as_told(self) -> bool:
        """A worker has stopped as a signal tells one to (exit 0 after a graceful stop, or
        killed by SIGINT or SIGTERM): Ctrl-C reaches the whole foreground group, the
        workers too, and one may be gone before this process hears it."""
        told = (0, -signal.SIGINT, -signal.SIGTERM, 128 + signal.SIGINT)
        return any(process.poll() in told for process in self.workers.values())

    def stop(self) -> None:
        for process in self.workers.values():
            process.send_signal(signal.SIGTERM)
        for process in self.workers.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.workers.clear()

    # -- Kafka -----------------------------------------------------------------------------
    async def ensure_topics(self) -> None:
        await ensure_topics(self.settings)

    async def wait_drained(
        self,
        within: float = 300.0,
        settle: float = 1.5,
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        """Until every message of the input and internal topics is processed and committed;
        ``on_progress`` gets the backlog (messages not yet committed) at every poll."""
        topics = self.topology.consumed()
        deadline = time.monotonic() + within
        drained_since: float | None = None
        while time.monotonic() < deadline:
            for index, process in self.workers.items():
                if process.poll() is not None:
                    raise NewswireError(f"worker {index} died:\n{self.log_tail(index)}")
            backlog = await self._lag(topics)
            if on_progress is not None:
                on_progress(backlog)
            if backlog == 0:
                drained_since = drained_since or time.monotonic()
                if time.monotonic() - drained_since >= settle:
                    return
            else:
                drained_since = None
            await asyncio.sleep(_POLL_SECONDS)
        raise NewswireError(f"input not drained after {within:.0f}s:\n{self.log_tail()}")

    async def _lag(self, topics: list[str]) -> int:
        """Messages of ``topics`` not yet committed; a topic whose partitions are not known
        yet counts as one, so that a slow metadata answer never reads as drained."""
        async with (
            admin_client(self.settings) as admin,
            AIOKafkaConsumer(**client_kwargs(self.settings)) as consumer,
        ):
            committed = await admin.list_consumer_group_offsets(self.settings.app_id)
            partitions, unknown = [], 0
            for topic in topics:
                found = await topic_partitions(admin, topic)
                unknown += not found
                partitions += [TopicPartition(topic, p) for p in found]
            ends = await consumer.end_offsets(partitions)
            lag = unknown
            for tp, end in ends.items():
                done = committed.get(tp)
                lag += end - (done.offset if done is not None and done.offset >= 0 else 0)
            return lag

    async def read_topic(self, topic: str) -> list[tuple[bytes | None, bytes | None, int]]:
        """Every record of a topic, in partition order: (key, value, partition)."""
        return [(r.key, r.value, r.partition) for r in await self.read_records(topic)]

    async def read_records(self, topic: str) -> list[Any]:
        """Every record of a topic as aiokafka ConsumerRecords (headers, timestamps)."""
        return await read_records(self.settings, topic, stall_seconds=_READ_STALL_SECONDS)

    def owns_topic(self, name: str) -> bool:
        """Whether a topic belongs to this run: ours and Faust's all start with the app id."""
        app_id = self.settings.app_id
        return name.startswith((f"{app_id}.", f"{app_id}-"))

    async def run_topics(self) -> list[str]:
        """Every topic of this run that exists on the cluster."""
        async with admin_client(self.settings) as admin:
            return sorted(n for n in await admin.list_topics() if self.owns_topic(n))

    async def delete_topics(self) -> list[str]:
        """Delete every topic of the run, Faust's assignor and changelog topics included, and
        its consumer group (stop the workers first: a group with members stays). Returns what
        was deleted."""
        doomed = await self.run_topics()
        await delete_topics(self.settings, doomed)
        if await self._delete_group():
            doomed.append(f"consumer group {self.settings.app_id}")
        return doomed

    async def _delete_group(self, attempts: int = 10) -> bool:
        """aiokafka's admin client cannot delete groups: send Kafka's DeleteGroups itself.
        A group keeps a member that died until its session expires: then it is left, and
        False says so (never an error: cleaning up must not fail what it cleans up after)."""
        async with admin_client(self.settings) as admin:
            group = self.settings.app_id
            for _ in range(attempts):
                if group not in {listed[0] for listed in await admin.list_consumer_groups()}:
                    return False  # (never joined: no coordinator may exist yet to ask)
                coordinator = await admin.find_coordinator(group)
                response = await admin._send_request(DeleteGroupsRequest([group]), coordinator)  # noqa: SLF001 - aiokafka has no DeleteGroups (docstring)
                [(_, code)] = response.results
                if code == NonEmptyGroup.errno:  # members still leaving
                    await asyncio.sleep(_POLL_SECONDS)
                    continue
                if code and code != GroupIdNotFound.errno:
                    raise for_code(code)(f"cannot delete consumer group {group}")
                return not code
            return False

    def metric_lines(self, index: int | None = None) -> Iterator[tuple[str, dict[str, str], float]]:
        """newswire_* samples of one worker's /metrics, or of every live worker's."""
        from prometheus_client.parser import text_string_to_metric_families  # noqa: PLC0415

        for worker in [index] if index is not None else list(self.workers):
            status, body = self.get(worker, "/metrics")
            if status != 200:
                continue
            for family in text_string_to_metric_families(body.decode()):
                for sample in family.samples:
                    if sample.name.startswith("newswire_"):
                        yield sample.name, dict(sample.labels), sample.value


def summarise(samples: Iterator[tuple[str, dict[str, str], float]]) -> dict[str, Any]:
    """Counters summed over workers, by name and label."""
    totals: dict[str, Any] = {}
    for name, labels, value in samples:
        if not name.endswith("_total"):
            continue
        key = name.removeprefix("newswire_").removesuffix("_total")
        label = next(iter(labels.values()), None)
        if label is None:
            totals[key] = totals.get(key, 0) + value
        else:
            bucket = totals.setdefault(key, {})
            bucket[label] = bucket.get(label, 0) + value
    return totals
