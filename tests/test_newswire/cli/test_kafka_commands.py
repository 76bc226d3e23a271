"""Commands against the real broker: several workers on one host, `tail` on a missing topic or
into `head`, and what `newswire run` leaves behind."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from newswire.kafka.topics import delete_topics, ensure_topics, owned_topics
from newswire.settings import ENV_PREFIX, Settings
from newswire_dev.cluster import Cluster
from newswire_dev.generate import generate
from tests.support import SAMPLE, ClusterFactory, requires_sample, sample_bytes

pytestmark = pytest.mark.integration


def _env(bootstrap: str, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
    env[f"{ENV_PREFIX}KAFKA_BOOTSTRAP_SERVERS"] = bootstrap
    return env | {f"{ENV_PREFIX}{k.upper()}": v for k, v in settings.items()}


def test_two_workers_on_one_host_choose_their_own_ports(
    running_cluster: ClusterFactory,
) -> None:
    cluster = running_cluster(2, web_port=0)
    ports = {cluster.port(0), cluster.port(1)}
    assert len(ports) == 2
    assert 0 not in ports
    assert None not in ports
    assert all(cluster.get(i, "/healthz")[0] == 200 for i in (0, 1))
    assert all(cluster.get(i, "/metrics")[0] == 200 for i in (0, 1))


def test_tail_on_a_missing_topic_ends_with_one_line(kafka_bootstrap: str, tmp_path: Path) -> None:
    topic = f"no.such.topic.{uuid.uuid4().hex}"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "newswire", "tail", "--topic", topic, "--idle-timeout", "2"],
        env=_env(kafka_bootstrap), cwd=tmp_path, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"newswire: error: topic {topic} does not exist on {kafka_bootstrap}"
    ]


async def _fill(bootstrap: str, topic: str, count: int) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for i in range(count):
            await producer.send(topic, b'{"n": %d, "padding": "%s"}' % (i, b"x" * 64))
        await producer.flush()
    finally:
        await producer.stop()


def test_tail_into_head_stops_quietly(kafka_bootstrap: str, tmp_path: Path) -> None:
    topic = f"tail-head-{uuid.uuid4().hex}"
    settings = Settings(kafka_bootstrap_servers=kafka_bootstrap, topic_raw_chunks=topic)
    asyncio.run(ensure_topics(settings))  # the one way topics are made here
    asyncio.run(_fill(kafka_bootstrap, topic, 3000))  # far more than a pipe buffers
    argv = ["tail", "--topic", topic, "--from-beginning", "--json", "--idle-timeout", "5"]
    with subprocess.Popen(
        [sys.executable, "-m", "newswire", *argv], env=_env(kafka_bootstrap), cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as tail:  # fmt: skip
        assert tail.stdout is not None
        assert tail.stderr is not None
        first = tail.stdout.readline()
        tail.stdout.close()
        err = tail.stderr.read().decode()
        assert tail.wait(timeout=60) == 0, err
    assert first.startswith(b'{"n": ')
    assert "Traceback" not in err
    asyncio.run(delete_topics(settings, [t.name for t in owned_topics(settings)]))


def _admin_view(bootstrap: str, prefix: str) -> tuple[list[str], list[str]]:
    async def view() -> tuple[list[str], list[str]]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            topics = sorted(t for t in await admin.list_topics() if t.startswith(prefix))
            groups = [g[0] for g in await admin.list_consumer_groups() if g[0].startswith(prefix)]
            return topics, groups
        finally:
            await admin.close()

    return asyncio.run(view())


@requires_sample
def test_run_keeps_and_names_or_deletes_every_topic_and_its_group(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    app_id = f"t{uuid.uuid4().hex[:8]}"
    result = subprocess.run(
        [sys.executable, "-m", "newswire", "run", str(SAMPLE), "--keep-topics", "--timeout", "120",
         "--out", str(tmp_path / "events.jsonl")],
        env=_env(kafka_bootstrap, app_id=app_id), cwd=tmp_path, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len((tmp_path / "events.jsonl").read_text().splitlines()) == 9
    kept = re.search(r"kept run (\w+): consumer group (\S+), topics (.+)", result.stderr)
    assert kept is not None, result.stderr
    run_id, group, names = kept.group(1), kept.group(2), kept.group(3).split(", ")
    topics, groups = _admin_view(kafka_bootstrap, f"{app_id}-run-{run_id}")
    assert names == topics
    assert f"{group}-__assignor-__leader" in topics  # Faust's own topic has the run's prefix
    assert groups == [group]
    settings = Settings(kafka_bootstrap_servers=kafka_bootstrap, app_id=app_id)
    deleted = asyncio.run(Cluster(settings, tmp_path, run_id=run_id).delete_topics())
    assert set(topics) < set(deleted)
    assert _admin_view(kafka_bootstrap, f"{app_id}-run-") == ([], [])


@requires_sample
def test_ctrl_c_stops_run_within_seconds_and_cleans_up(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    app_id = f"t{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "big.txt"
    dump.write_bytes(sample_bytes() * 200)  # minutes of work: still running at Ctrl-C
    with subprocess.Popen(
        [sys.executable, "-m", "newswire", "run", str(dump), "--out", str(tmp_path / "o.jsonl")],
        env=_env(kafka_bootstrap, app_id=app_id), cwd=tmp_path, stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    ) as run:  # fmt: skip
        deadline = time.monotonic() + 120
        while not _admin_view(kafka_bootstrap, f"{app_id}-run-")[1]:  # workers joined
            assert run.poll() is None
            assert time.monotonic() < deadline
            time.sleep(0.5)
        time.sleep(2)
        os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
        interrupted = time.monotonic()
        code = run.wait(timeout=60)
        assert run.stderr is not None
        err = run.stderr.read().decode()
    assert code == 130, err  # what it said is what tells a failure here
    assert time.monotonic() - interrupted < 40
    assert "interrupted: stopping 1 worker(s) and cleaning up" in err
    assert "Traceback" not in err
    assert "Unclosed" not in err
    assert _admin_view(kafka_bootstrap, f"{app_id}-run-") == ([], [])


def test_run_into_head_stops_quietly_and_cleans_up(kafka_bootstrap: str, tmp_path: Path) -> None:
    app_id = f"t{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "dump.txt"
    dump.write_text(generate(300, seed=5).text, encoding="utf-8")  # output beyond a pipe buffer
    with subprocess.Popen(
        [sys.executable, "-m", "newswire", "run", str(dump)],
        env=_env(kafka_bootstrap, app_id=app_id), cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as run:  # fmt: skip
        assert run.stdout is not None
        assert run.stderr is not None
        first = run.stdout.readline()
        run.stdout.close()  # `| head -1`
        err = run.stderr.read().decode()
        assert run.wait(timeout=300) == 0, err
    assert first.startswith(b"{")
    assert "Traceback" not in err
    assert _admin_view(kafka_bootstrap, f"{app_id}-run-") == ([], [])
