"""State cost on a real local broker: a worker's memory and its changelog bytes as distinct
articles accumulate, with the ``memory://`` and ``rocksdb://`` stores.

Distinct article events (short bodies, publication times spread inside the retention window,
so nothing is evicted) are produced straight to the identity stage's topic; at checkpoints
the run waits until the worker has caught up and reads its resident memory (VmRSS). At the
end it reads the changelog topics of the identity and near-duplicate tables. The slope of
RSS over articles (least squares over the checkpoints) extrapolates the memory a worker
needs for 1,000,000 articles of state; bench/results/state.json.

    python -m bench.state [--articles N] [--checkpoints K]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer

from bench.common import local_broker, write
from newswire.core.events import event_to_json
from newswire.core.identity import article_id
from newswire.core.models import ArticleEvent, SourceRef
from newswire.kafka.config import client_kwargs
from newswire.settings import Settings
from newswire_dev.cluster import Cluster

_EXTRAPOLATE_TO = 1_000_000
_WORDS = [f"word{i}" for i in range(20_000)]
_TABLES = ("articles", "near-entries")


def _events(count: int, start: int, seed: int) -> list[tuple[bytes, bytes]]:
    """``count`` distinct events (key, value), published inside a 60-day window."""
    rng = random.Random(seed + start)
    base = datetime(2025, 1, 1, tzinfo=UTC)
    out = []
    for n in range(start, start + count):
        when = base + timedelta(seconds=n * 60 * 86400 // max(1, count * 8))
        title = f"Distinct article number {n}"
        body = " ".join(rng.choice(_WORDS) for _ in range(40))
        event = ArticleEvent(
            article_id=article_id(when, title),
            published_at=when,
            views=n,
            title=title,
            body=body,
            dump_date=None,
            source=SourceRef(id="state-bench", offset=n),
            word_count=40,
        )
        out.append((event.article_id.encode(), event_to_json(event)))
    return out


async def _produce(settings: Settings, topic: str, records: list[tuple[bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(**client_kwargs(settings), acks="all", linger_ms=20)
    await producer.start()
    try:
        futures = [await producer.send(topic, value, key=key) for key, value in records]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


def _rss_bytes(cluster: Cluster) -> int:
    status = Path(f"/proc/{cluster.workers[0].pid}/status").read_text()
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _slope(points: list[tuple[int, int]]) -> float:
    """Least-squares bytes per article over (articles, rss) points."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in points)
    var = sum((x - mean_x) ** 2 for x, _ in points)
    return cov / var if var else 0.0


def measure(settings: Settings, store: str, articles: int, checkpoints: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        cluster = Cluster(settings.model_copy(update={"store_url": store}), Path(tmp))
        try:
            asyncio.run(cluster.ensure_topics())
            cluster.start_worker(0)
            cluster.wait_ready()
            points = [(0, _rss_bytes(cluster))]
            step = articles // checkpoints
            started = time.monotonic()
            for index in range(checkpoints):
                batch = _events(step, index * step, seed=1)
                asyncio.run(_produce(cluster.settings, cluster.topology.parsed.name, batch))
                asyncio.run(cluster.wait_drained(within=3600, settle=1.0))
                points.append(((index + 1) * step, _rss_bytes(cluster)))
                print(
                    f"{store} {points[-1][0]} articles: RSS {points[-1][1] / 1e6:.1f} MB",
                    flush=True,
                )
            elapsed = time.monotonic() - started
            changelog = {
                table: asyncio.run(
                    cluster.read_topic(f"{cluster.settings.app_id}-{table}-changelog")
                )
                for table in _TABLES
            }
        finally:
            cluster.stop()
            asyncio.run(cluster.delete_topics())
    stored = {
        table: sum(len(k or b"") + len(v or b"") for k, v, _ in records)
        for table, records in changelog.items()
    }
    total = points[-1][0]
    slope = _slope(points[1:])
    return {
        "articles": total,
        "seconds": round(elapsed, 1),
        "rss_mb": [[n, round(rss / 1e6, 1)] for n, rss in points],
        "rss_bytes_per_article": round(slope, 1),
        "rss_mb_extrapolated_1m": round((points[-1][1] + slope * (_EXTRAPOLATE_TO - total)) / 1e6),
        "changelog_bytes": stored,
        "changelog_bytes_per_article": round(sum(stored.values()) / total, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--checkpoints", type=int, default=4)
    args = parser.parse_args()
    with local_broker() as (settings, _):
        result: dict[str, Any] = {
            store.removesuffix("://"): measure(settings, store, args.articles, args.checkpoints)
            for store in ("memory://", "rocksdb://")
        }
    result["note"] = (
        "rss_mb_extrapolated_1m is the last RSS plus the least-squares slope over the "
        "checkpoints times the articles still missing to 1,000,000: an extrapolation, not a "
        "measurement"
    )
    write("state.json", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
