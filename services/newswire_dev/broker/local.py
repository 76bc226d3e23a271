"""Start, stop and inspect the local single-node Kafka broker (KRaft, broker+controller).

Everything lives under one directory (``settings.local_broker_dir`` for the CLI, a temporary
one for the test session): ``server.properties``, ``data/`` (formatted once), ``logs/`` and
``state.json`` naming the running process, so ``status`` and ``stop`` work from any shell.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import orjson
from aiokafka.client import AIOKafkaClient
from aiokafka.errors import KafkaError

from newswire.errors import BrokerError
from newswire_dev.broker.artifacts import (
    check_java,
    ensure_classpath,
    kafka_version,
    resource_path,
)

_STATE_FILE = "state.json"
_STOP_GRACE_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class BrokerStatus:
    running: bool
    bootstrap_servers: str | None
    pid: int | None
    version: str | None
    log_file: Path


def _is_alive(pid: int) -> bool:
    """True for a live process that is our Kafka broker (guards against pid reuse and zombies)."""
    with contextlib.suppress(ChildProcessError):
        reaped, _ = os.waitpid(pid, os.WNOHANG)
        if reaped == pid:
            return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state not in ("Z", "X") and b"kafka.Kafka" in cmdline


def free_port() -> int:
    """A loopback port nobody listens on now (for brokers, workers and servers of tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _port_is_free(port: int) -> bool:
    """Whether the broker could listen on ``port``. Bound as Kafka binds it, with
    SO_REUSEADDR: connections of a broker stopped a moment ago linger in TIME_WAIT on its
    port, which is no other process (a listener still makes the bind fail)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _port_accepts(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _random_cluster_id() -> str:
    """What `kafka-storage.sh random-uuid` prints: a UUID in unpadded URL-safe base64."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")


async def broker_answers(bootstrap_servers: str, wait_seconds: float = 5.0) -> bool:
    """True when the broker answers a metadata request (a TCP connect alone is too early)."""
    client = AIOKafkaClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=5000)
    try:
        async with asyncio.timeout(wait_seconds):
            await client.bootstrap()
            metadata = await client.fetch_all_metadata()
            return bool(metadata.brokers())
    except (KafkaError, OSError, TimeoutError):
        return False
    finally:
        await client.close()


class LocalBroker:
    """One broker process per directory; ``start`` is idempotent, ``stop`` leaves nothing."""

    def __init__(
        self,
        home: Path,
        *,
        cache_dir: Path,
        port: int = 9092,
        controller_port: int = 9093,
        heap: str = "512m",
        start_timeout: float = 90.0,
    ) -> None:
        self.home = home
        self.cache_dir = cache_dir
        self.port = port
        self.controller_port = controller_port
        self.heap = heap
        self.start_timeout = start_timeout
        # Kept so that a broker started by this object is reaped by it (no zombie, no warning).
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "server.log"

    @property
    def _console_file(self) -> Path:
        return self.home / "logs" / "console.out"

    @property
    def _state_file(self) -> Path:
        return self.home / _STATE_FILE

    def _read_state(self) -> dict[str, object] | None:
        try:
            state = orjson.loads(self._state_file.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        return state if isinstance(state, dict) else None

    def status(self) -> BrokerStatus:
        state = self._read_state()
        pid = state.get("pid") if state else None
        if state is None or not isinstance(pid, int) or not _is_alive(pid):
            return BrokerStatus(False, None, None, None, self.log_file)
        return BrokerStatus(
            running=True,
            bootstrap_servers=str(state["bootstrap_servers"]),
            pid=pid,
            version=str(state["version"]),
            log_file=self.log_file,
        )

    def start(self) -> BrokerStatus:
        """Start the broker unless it runs already; return once it answers metadata requests."""
        current = self.status()
        if current.running:
            return current
        java = check_java()
        libs = ensure_classpath(self.cache_dir)
        for port in (self.port, self.controller_port):
            if not _port_is_free(port):
                raise BrokerError(
                    f"port {port} on 127.0.0.1 is taken by another process; choose free ports "
                    "with NEWSWIRE_LOCAL_BROKER_PORT and NEWSWIRE_LOCAL_CONTROLLER_PORT"
                )
        (self.home / "logs").mkdir(parents=True, exist_ok=True)
        properties = self._write_properties()
        classpath = f"{libs}/*"
        jvm = [
            java,
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            f"-Dkafka.logs.dir={self.home / 'logs'}",
            f"-Dlog4j2.configurationFile={resource_path('log4j2.properties')}",
            "-cp",
            classpath,
        ]
        self._format_storage(jvm, properties)
        with self._console_file.open("ab") as console:
            process = subprocess.Popen(
                [*jvm, "kafka.Kafka", str(properties)],
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # survives the shell that started it; stopped by `stop`
            )
        self._process = process
        bootstrap = f"127.0.0.1:{self.port}"
        state = {"pid": process.pid, "bootstrap_servers": bootstrap, "version": kafka_version()}
        self._state_file.write_bytes(orjson.dumps(state))
        self._wait_ready(process, bootstrap)
        return self.status()

    def _write_properties(self) -> Path:
        data_dir = self.home / "data"
        lines = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "listeners": (
                f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}"
            ),
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "controller.quorum.bootstrap.servers": f"127.0.0.1:{self.controller_port}",
            "log.dirs": str(data_dir),
            "num.partitions": "1",
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "8",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            "group.initial.rebalance.delay.ms": "0",
            # Topics are created by newswire with explicit partition counts, never by accident.
            "auto.create.topics.enable": "false",
        }
        path = self.home / "server.properties"
        path.write_text("".join(f"{key}={value}\n" for key, value in lines.items()))
        return path

    def _format_storage(self, jvm: list[str], properties: Path) -> None:
        if (self.home / "data" / "meta.properties").exists():
            return
        result = subprocess.run(
            [
                *jvm,
                "kafka.tools.StorageTool",
                "format",
                "--standalone",
                # "=": an id may start with "-", which would otherwise read as an option.
                f"--cluster-id={_random_cluster_id()}",
                f"--config={properties}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BrokerError(f"formatting Kafka storage failed:\n{result.stdout}{result.stderr}")

    def _wait_ready(self, process: subprocess.Popen[bytes], bootstrap: str) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self._state_file.unlink(missing_ok=True)
                self._process = None
                raise BrokerError(
                    f"the Kafka broker exited with code {process.returncode} while starting; "
                    f"last lines of its log:\n{self.log_tail()}"
                )
            # Probe the port first: aiokafka logs every refused connection as an error.
            if _port_accepts(self.port) and asyncio.run(
                broker_answers(bootstrap, wait_seconds=3.0)
            ):
                return
            time.sleep(0.5)
        self.stop()
        raise BrokerError(
            f"the Kafka broker did not answer within {self.start_timeout:.0f}s; "
            f"last lines of its log:\n{self.log_tail()}"
        )

    def stop(self) -> bool:
        """Stop the broker (SIGTERM, then SIGKILL after a grace period). False if none ran."""
        state = self._read_state()
        pid = state.get("pid") if state else None
        if not isinstance(pid, int) or not _is_alive(pid):
            self._state_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + _STOP_GRACE_SECONDS
        while _is_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _is_alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _is_alive(pid):
                time.sleep(0.1)
        if self._process is not None:
            self._process.wait()
            self._process = None
        self._state_file.unlink(missing_ok=True)
        return True

    def log_tail(self, lines: int = 40) -> str:
        """The end of the broker's log (and console output), for error messages."""
        parts = []
        for path in (self.log_file, self._console_file):
            with contextlib.suppress(OSError):
                parts.extend(path.read_text(errors="replace").splitlines()[-lines:])
        return "\n".join(parts) or "(no log written)"
