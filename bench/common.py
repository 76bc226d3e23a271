"""Helpers shared by the benchmark scripts: machine description and result files."""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newswire import jsonio
from newswire.devtools.broker import LocalBroker
from newswire.devtools.broker.local import free_port
from newswire.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}"


def summary(seconds: list[float]) -> dict[str, float]:
    return {
        "median_seconds": round(statistics.median(seconds), 4),
        "spread_seconds": round(max(seconds) - min(seconds), 4),
    }


def write(name: str, result: dict[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / name
    path.write_bytes(jsonio.dumps({"machine": machine(), **result}) + b"\n")
    print(jsonio.dumps(result).decode())
    return path


@contextmanager
def local_broker() -> Iterator[tuple[Settings, Path]]:
    """A Kafka broker of the benchmark's own, on free ports in a temporary directory (never
    the developer's), and the settings that reach it; stopped and removed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        broker = LocalBroker(
            home / "kafka",
            cache_dir=Settings().cache_dir,
            port=free_port(),
            controller_port=free_port(),
        )
        status = broker.start()
        try:
            yield Settings(kafka_bootstrap_servers=status.bootstrap_servers), home
        finally:
            broker.stop()
