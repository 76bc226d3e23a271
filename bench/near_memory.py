"""Memory of the near-duplicate index (``core.dedup.NearIndex``) per article, without Kafka:
the index is filled through ``near_step`` with synthetic keys (random MinHash signatures, a
share of them edited copies of earlier ones so that some buckets hold several articles;
publication times spread inside the retention window, so nothing is evicted), and measured
twice, in one process: the resident memory it adds (VmRSS), then the bytes Python allocates
for it (tracemalloc, on a second fill: tracing costs memory of its own), with and without the
entries also kept as the stream's ``memory://`` table keeps them;
bench/results/near_memory.json.

    python -m bench.near_memory [--articles N] [--output NAME]

Another commit's index, with this script: ``PYTHONPATH=<its worktree>/services python -m
bench.near_memory --output near_memory_before.json`` (the report shows both).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import write
from newswire.core.dedup import NearIndex, NearKey, near_step, pack_signature, utc_text
from newswire.core.similarity import SIGNATURE_SIZE, band_keys

_THRESHOLD = 0.7
_COPY_RATE = 0.05  # edited copies: they share band keys with their original
_EDITED_BINS = 8
_WINDOW_DAYS = 60  # inside the 90 retention days: nothing is forgotten


def _keys(count: int, seed: int) -> Iterator[NearKey]:
    """``count`` new-article keys, made one at a time so that only what the index keeps stays."""
    rng = random.Random(seed)
    base = datetime(2025, 1, 1, tzinfo=UTC)
    recent: list[tuple[int, ...]] = []
    for n in range(count):
        if recent and rng.random() < _COPY_RATE:
            edited = list(rng.choice(recent))
            for index in rng.sample(range(SIGNATURE_SIZE), _EDITED_BINS):
                edited[index] = rng.getrandbits(58)
            sig = tuple(edited)
        else:
            sig = tuple(rng.getrandbits(58) for _ in range(SIGNATURE_SIZE))
        recent = [*recent[-999:], sig]
        published = utc_text(base + timedelta(seconds=n * _WINDOW_DAYS * 86400 // count))
        yield NearKey(f"{n:032x}", published, 1, pack_signature(sig), tuple(band_keys(sig)))


def _fill(count: int, table: dict[str, Any] | None = None) -> tuple[NearIndex, int]:
    """The index over ``count`` new articles; each stored entry also put in ``table``."""
    index = NearIndex(retention_days=90)
    near = 0
    for position, key in enumerate(_keys(count, seed=1), start=1):
        step = near_step(index, key, _THRESHOLD, position)
        step.apply(index)
        near += step.kind == "near"
        if table is not None and step.entry is not None:
            table[key.article_id] = step.entry
    return index, near


def _rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument(
        "--output", default="near_memory.json", help="results file name (in bench/results/)"
    )
    args = parser.parse_args()
    count = args.articles

    gc.collect()
    before = _rss_bytes()
    started = time.perf_counter()
    index, near = _fill(count)
    seconds = time.perf_counter() - started
    gc.collect()
    rss = _rss_bytes() - before
    del index
    gc.collect()

    tracemalloc.start()
    table: dict[str, Any] = {}
    index, _ = _fill(count, table)
    gc.collect()
    with_table, _ = tracemalloc.get_traced_memory()
    del table
    gc.collect()
    traced, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if len(index.entries) != count:
        raise SystemExit("articles were forgotten: the window is too short for the fill")

    result = {
        "articles": count,
        "near_duplicates_found": near,
        "fill_seconds": round(seconds, 1),
        "rss_bytes_per_article": round(rss / count),
        "traced_bytes_per_article": round(traced / count),
        "traced_bytes_per_article_with_memory_table": round(with_table / count),
        "note": (
            "the index alone (entries, band-key buckets, retention window), filled through "
            "near_step with synthetic keys; RSS is the growth of the process over the fill. "
            "with_memory_table: the index plus each entry kept in a dict, as the stream's "
            "memory:// table store keeps the objects it is given (rocksdb:// keeps bytes "
            "outside the Python heap)"
        ),
    }
    write(args.output, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
