"""Helpers shared by tests (imported, unlike conftest fixtures)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from newswire.settings import ENV_PREFIX, Settings

# Read at import, before the autouse fixture hides NEWSWIRE_* variables from tests.
_CACHE_DIR = os.environ.get(f"{ENV_PREFIX}CACHE_DIR")
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "shared" / "samples"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def artifact_cache_dir() -> Path:
    """Where the broker's jars are cached (shared with `newswire broker`, never re-downloaded)."""
    return Path(_CACHE_DIR) if _CACHE_DIR else Settings().cache_dir
