"""Helpers shared by the benchmark scripts: machine description and result files."""

from __future__ import annotations

import os
import platform
import statistics
from pathlib import Path
from typing import Any

from newswire import jsonio

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
