"""`LocalBroker` runs one real Kafka 4.x process per directory and stops it without a trace."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from newswire.errors import BrokerError
from newswire_dev.broker import LocalBroker
from newswire_dev.broker.local import broker_answers, free_port
from tests.support import artifact_cache_dir

pytestmark = pytest.mark.integration


def _kafka_process_runs(pid: int) -> bool:
    """Whether ``pid`` is a live Kafka broker, read from /proc (not from the broker's own state
    file, which ``stop`` deletes whatever became of the process): a zombie has no command line,
    a reused pid another one."""
    try:
        return b"kafka.Kafka" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def test_start_is_idempotent_and_stop_leaves_no_process(tmp_path: Path) -> None:
    broker = LocalBroker(
        tmp_path, cache_dir=artifact_cache_dir(), port=free_port(), controller_port=free_port()
    )
    first = broker.start()
    try:
        assert first.running
        assert first.pid is not None
        assert _kafka_process_runs(first.pid)
        assert first.version is not None
        assert first.version.startswith("4.")
        assert asyncio.run(broker_answers(str(first.bootstrap_servers)))
        second = broker.start()
        assert second.pid == first.pid
        assert broker.log_file.exists()
        assert "Kafka Server started" in broker.log_file.read_text()
    finally:
        assert broker.stop()
    assert not _kafka_process_runs(first.pid)
    assert not broker.status().running
    assert not asyncio.run(broker_answers(str(first.bootstrap_servers), wait_seconds=2.0))
    assert broker.stop() is False


def test_start_fails_clearly_when_the_port_is_taken(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        broker = LocalBroker(
            tmp_path, cache_dir=artifact_cache_dir(), port=port, controller_port=free_port()
        )
        with pytest.raises(BrokerError, match=f"port {port} .* is taken"):
            broker.start()
    assert not broker.status().running


def test_a_broker_stopped_under_load_starts_again_at_once(tmp_path: Path) -> None:
    """Stopping leaves the broker's closed connections in TIME_WAIT on its port; a start
    right after must not take them for another process."""
    broker = LocalBroker(
        tmp_path, cache_dir=artifact_cache_dir(), port=free_port(), controller_port=free_port()
    )
    bootstrap = str(broker.start().bootstrap_servers)
    stop = threading.Event()
    sent = [0]

    async def load() -> None:
        while not stop.is_set():  # a client reconnecting, as a connected worker does
            producer = AIOKafkaProducer(bootstrap_servers=bootstrap, request_timeout_ms=2000)
            try:
                await producer.start()
                while not stop.is_set():
                    await producer.send_and_wait("__load", b"x")
                    sent[0] += 1
            except Exception:  # the broker went away: connect again
                await asyncio.sleep(0.1)
            finally:
                await producer.stop()

    loader = threading.Thread(target=lambda: asyncio.run(load()))
    try:
        broker.start()
        admin_create(bootstrap, "__load")
        loader.start()
        time.sleep(3)
        assert broker.stop()
        assert broker.start().running  # at once: no "port ... is taken"
        assert asyncio.run(broker_answers(bootstrap))
    finally:
        stop.set()
        if loader.is_alive():
            loader.join(30)
        broker.stop()
    assert sent[0] > 0


def admin_create(bootstrap: str, topic: str) -> None:
    async def create() -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(topic, 1, 1)])
        finally:
            await admin.close()

    asyncio.run(create())


def test_a_cluster_id_starting_with_a_dash_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One random id in 64 starts with "-"; the storage tool must not read it as an option.
    monkeypatch.setattr(
        "newswire_dev.broker.local._random_cluster_id", lambda: "-Tq3lqU2Q0uWm2fRkH8Zxg"
    )
    broker = LocalBroker(
        tmp_path, cache_dir=artifact_cache_dir(), port=free_port(), controller_port=free_port()
    )
    try:
        assert broker.start().running
    finally:
        broker.stop()
    assert "-Tq3lqU2Q0uWm2fRkH8Zxg" in (tmp_path / "data" / "meta.properties").read_text()
