"""Worker processes of one run, driven from outside: what `newswire run`, the integration
tests and the benchmark share.

A run is isolated: its own application id (consumer group, changelog topics) and topic names
suffixed with a run id, so it neither sees nor disturbs other runs on the same cluster, and
its topics are deleted afterwards unless kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from pydantic import SecretStr

from newswire.broker.local import free_port
from newswire.errors import NewswireError
from newswire.kafka.config import client_kwargs
from newswire.kafka.topics import delete_topics, ensure_topics
from newswire.settings import ENV_PREFIX, Settings

_POLL_SECONDS = 0.5


def run_settings(settings: Settings, run_id: str) -> Settings:
    """The settings of an isolated run: app id and topic names carry the run id."""
    return settings.model_copy(
        update={
            "app_id": f"{settings.app_id}-run-{run_id}",
            "topic_raw_chunks": f"{settings.topic_raw_chunks}.{run_id}",
            "topic_articles": f"{settings.topic_articles}.{run_id}",
            "topic_dlq": f"{settings.topic_dlq}.{run_id}",
            "commit_interval": min(settings.commit_interval, 0.5),
        }
    )


def settings_env(settings: Settings) -> dict[str, str]:
    """NEWSWIRE_* variables that rebuild exactly these settings in a child process."""
    env = {}
    for name, value in settings.model_dump().items():
        if value is not None:
            plain = value.get_secret_value() if isinstance(value, SecretStr) else value
            env[f"{ENV_PREFIX}{name.upper()}"] = str(plain)
    return env


class Cluster:
    """Start, watch, kill and stop the workers of one run; read what the run produced."""

    def __init__(self, settings: Settings, workdir: Path, *, run_id: str | None = None) -> None:
        self.run_id = run_id or uuid.uuid4().hex[:10]
        self.settings = run_settings(settings, self.run_id).model_copy(
            update={"data_dir": workdir / "worker-data"}
        )
        self.workdir = workdir
        self.workers: dict[int, subprocess.Popen[bytes]] = {}
        self.ports: dict[int, int] = {}

    # -- workers ---------------------------------------------------------------------------
    def start_worker(self, index: int) -> None:
        port = self.ports.setdefault(index, free_port())
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

    def url(self, index: int, path: str) -> str:
        return f"http://127.0.0.1:{self.ports[index]}{path}"

    def get(self, index: int, path: str) -> tuple[int, bytes]:
        """Status and body of a worker's web endpoint (status 0 when it does not answer)."""
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
        indexes = [index] if index is not None else list(self.ports)
        parts = []
        for i in indexes:
            path = self.workdir / f"worker-{i}.log"
            with contextlib.suppress(OSError):
                text = path.read_text(errors="replace").splitlines()[-lines:]
                parts.append(f"--- worker {i} ---\n" + "\n".join(text))
        return "\n".join(parts)

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

    async def wait_drained(self, within: float = 300.0, settle: float = 1.5) -> None:
        """Until every message of the input and internal topics is processed and committed."""
        topics = [
            self.settings.topic_raw_chunks,
            self.settings.topic_parsed,
            self.settings.topic_near,
            self.settings.topic_decided,
        ]
        deadline = time.monotonic() + within
        drained_since: float | None = None
        while time.monotonic() < deadline:
            for index, process in self.workers.items():
                if process.poll() is not None:
                    raise NewswireError(f"worker {index} died:\n{self.log_tail(index)}")
            if await self._lag(topics) == 0:
                drained_since = drained_since or time.monotonic()
                if time.monotonic() - drained_since >= settle:
                    return
            else:
                drained_since = None
            await asyncio.sleep(_POLL_SECONDS)
        raise NewswireError(f"input not drained after {within:.0f}s:\n{self.log_tail()}")

    async def _lag(self, topics: list[str]) -> int:
        admin = AIOKafkaAdminClient(**client_kwargs(self.settings))
        consumer = AIOKafkaConsumer(**client_kwargs(self.settings))
        await admin.start()
        await consumer.start()
        try:
            committed = await admin.list_consumer_group_offsets(self.settings.app_id)
            partitions = [
                TopicPartition(topic, p)
                for topic in topics
                for p in await _partitions(consumer, topic)
            ]
            ends = await consumer.end_offsets(partitions)
            lag = 0
            for tp, end in ends.items():
                done = committed.get(tp)
                lag += end - (done.offset if done is not None and done.offset >= 0 else 0)
            return lag
        finally:
            await consumer.stop()
            await admin.close()

    async def read_topic(self, topic: str) -> list[tuple[bytes | None, bytes | None, int]]:
        """Every record of a topic, in partition order: (key, value, partition)."""
        return [(r.key, r.value, r.partition) for r in await self.read_records(topic)]

    async def read_records(self, topic: str) -> list[Any]:
        """Every record of a topic as aiokafka ConsumerRecords (headers, timestamps)."""
        consumer = AIOKafkaConsumer(**client_kwargs(self.settings), enable_auto_commit=False)
        await consumer.start()
        try:
            partitions = [TopicPartition(topic, p) for p in await _partitions(consumer, topic)]
            consumer.assign(partitions)
            ends = await consumer.end_offsets(partitions)
            await consumer.seek_to_beginning(*partitions)
            records: list[Any] = []
            remaining = {tp for tp, end in ends.items() if end > 0}
            while remaining:
                batch = await consumer.getmany(*remaining, timeout_ms=1000)
                for tp, messages in batch.items():
                    records.extend(messages)
                    if messages and messages[-1].offset + 1 >= ends[tp]:
                        remaining.discard(tp)
            return records
        finally:
            await consumer.stop()

    async def delete_topics(self) -> None:
        s = self.settings
        names = [
            s.topic_raw_chunks,
            s.topic_parsed,
            s.topic_near,
            s.topic_decided,
            s.topic_articles,
            s.topic_dlq,
        ]
        names += [
            f"{s.app_id}-{table}-changelog" for table in ("sources", "articles", "near-entries")
        ]
        await delete_topics(s, names)

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


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> list[int]:
    for _ in range(20):
        found = consumer.partitions_for_topic(topic)
        if found:
            return sorted(found)
        await consumer._client.force_metadata_update()  # aiokafka has no public refresh
        await asyncio.sleep(0.1)
    return []


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
