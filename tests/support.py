"""Helpers shared by tests (imported, unlike conftest fixtures).

The real sample dump lives outside the repository (``../shared/samples/``; CI has it). Tests
that need it are marked ``@requires_sample`` and read it through ``sample_bytes()`` /
``sample_text()``, never at import, so a clone of the repository alone collects every test and
skips those with a clear reason. ``TEST_SAMPLES_DIR`` points at another samples directory
(for example an empty one, to check what runs without it).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from newswire.core.dedup import (
    ArticleRecord,
    IdentityStep,
    NearIndex,
    NearKey,
    NearStep,
    RetentionWindow,
    identity_step,
    near_step,
)
from newswire.core.models import ArticleEvent
from newswire.settings import ENV_PREFIX, Settings
from newswire_dev.cluster import Cluster
from newswire_dev.corpus import articles, parse_bytes, rejections

# Read at import, before the autouse fixture hides NEWSWIRE_* variables from tests.
_CACHE_DIR = os.environ.get(f"{ENV_PREFIX}CACHE_DIR")
# Not NEWSWIRE_*: Settings forbids unknown variables with its prefix.
SAMPLES_DIR_ENV = "TEST_SAMPLES_DIR"
SAMPLES_DIR = Path(
    os.environ.get(SAMPLES_DIR_ENV) or Path(__file__).resolve().parents[2] / "shared" / "samples"
)


def artifact_cache_dir() -> Path:
    """Where the broker's jars are cached (shared with `newswire broker`, never re-downloaded)."""
    return Path(_CACHE_DIR) if _CACHE_DIR else Settings().cache_dir


SAMPLE = SAMPLES_DIR / "kz-news-2025-07-17.txt"

requires_sample = pytest.mark.skipif(
    not SAMPLE.is_file(),
    reason=f"needs the sample dump {SAMPLE} (outside the repository; set {SAMPLES_DIR_ENV})",
)


@functools.cache
def sample_bytes() -> bytes:
    """The sample's bytes, read once; only call it from tests marked ``requires_sample``."""
    return SAMPLE.read_bytes()


def sample_text() -> str:
    return sample_bytes().decode("utf-8")


# A factory fixture's type (see `running_cluster` in conftest.py): workers, readiness, settings.
ClusterFactory = Callable[..., Cluster]
# `new_topic` in conftest.py: a fresh topic's name, from a prefix and a partition count.
TopicFactory = Callable[..., Awaitable[str]]

__all__ = [
    "SAMPLE",
    "ClusterFactory",
    "TopicFactory",
    "articles",
    "artifact_cache_dir",
    "parse_bytes",
    "rejections",
    "requires_sample",
    "sample_bytes",
    "sample_text",
]


def applied_near(index: NearIndex, key: NearKey, threshold: float, position: int) -> NearStep:
    """``near_step`` and its ``apply``, as the near stage does for an event it keeps."""
    step = near_step(index, key, threshold, position)
    step.apply(index)
    return step


def applied_identity(
    window: RetentionWindow, record: ArticleRecord | None, event: ArticleEvent
) -> IdentityStep:
    """``identity_step`` and its ``apply``, as the identity stage does for an event it keeps."""
    step = identity_step(window, record, event)
    step.apply(window)
    return step
