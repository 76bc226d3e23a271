"""Helpers shared by tests (imported, unlike conftest fixtures)."""

from __future__ import annotations

import os
from pathlib import Path

from newswire.devtools.corpus import articles, parse_bytes, rejections
from newswire.settings import ENV_PREFIX, Settings

# Read at import, before the autouse fixture hides NEWSWIRE_* variables from tests.
_CACHE_DIR = os.environ.get(f"{ENV_PREFIX}CACHE_DIR")
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "shared" / "samples"


def artifact_cache_dir() -> Path:
    """Where the broker's jars are cached (shared with `newswire broker`, never re-downloaded)."""
    return Path(_CACHE_DIR) if _CACHE_DIR else Settings().cache_dir


SAMPLE = SAMPLES_DIR / "kz-news-2025-07-17.txt"

__all__ = ["SAMPLE", "articles", "artifact_cache_dir", "parse_bytes", "rejections"]
