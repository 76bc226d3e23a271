"""Helpers shared by the benchmark scripts: machine description and result files."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newswire import jsonio
from newswire.settings import Settings
from newswire_dev.broker import LocalBroker
from newswire_dev.broker.local import free_port

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"


def num(value: float | None) -> str:
    """A figure to two decimals, or "-" when there is none."""
    return "-" if value is None else f"{value:.2f}"


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


@contextmanager
def worktree(rev: str, tree: Path) -> Iterator[Path]:
    """Commit ``rev`` checked out at ``tree`` (a detached git worktree), removed afterwards."""
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], cwd=ROOT, check=True)
    try:
        yield tree
    finally:
        remove = ["git", "worktree", "remove", "--force", str(tree)]
        subprocess.run(remove, cwd=ROOT, check=False)


def short_commit(rev: str, cwd: Path = ROOT) -> str:
    """The short hash of ``rev`` in the repository at ``cwd``."""
    command = ["git", "rev-parse", "--short", rev]
    found = subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True)
    return found.stdout.strip()
