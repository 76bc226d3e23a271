"""Helpers shared by tests (imported, unlike conftest fixtures)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from newswire.core.models import ParsedArticle, ParseOutput, Rejection
from newswire.core.reassembly import iter_chunks, reassemble
from newswire.settings import ENV_PREFIX, Settings

# Read at import, before the autouse fixture hides NEWSWIRE_* variables from tests.
_CACHE_DIR = os.environ.get(f"{ENV_PREFIX}CACHE_DIR")
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "shared" / "samples"


def artifact_cache_dir() -> Path:
    """Where the broker's jars are cached (shared with `newswire broker`, never re-downloaded)."""
    return Path(_CACHE_DIR) if _CACHE_DIR else Settings().cache_dir


SAMPLE = SAMPLES_DIR / "kz-news-2025-07-17.txt"


def parse_bytes(
    data: bytes, chunk_size: int = 1 << 20, max_article_bytes: int = 1 << 19
) -> list[ParseOutput]:
    """Everything the core yields for ``data`` as one source cut into ``chunk_size`` chunks."""
    chunks = iter_chunks(io.BytesIO(data), "src", chunk_size)
    return list(reassemble(chunks, max_article_bytes=max_article_bytes))


def articles(outputs: list[ParseOutput]) -> list[ParsedArticle]:
    return [o for o in outputs if isinstance(o, ParsedArticle)]


def rejections(outputs: list[ParseOutput]) -> list[Rejection]:
    return [o for o in outputs if isinstance(o, Rejection)]
