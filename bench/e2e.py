"""End-to-end benchmark on a real local broker: newswire against a pass-through relay.

For 1 and 2 workers: articles/s and MB/s from the first chunk produced to the last event
published (the output record's timestamp), end-to-end latency p50/p95/p99 per event (output
timestamp minus the chunk's produce time), at full speed and at half of the measured rate,
and each worker's peak RSS. The floor: an aiokafka consumer -> producer relay forwarding the
same chunks unchanged (acks=all) on the same broker. Medians of --repeat runs with spread;
bench/results/e2e.json.

Every timed phase runs at least --min-seconds: unless --articles is given, the corpus grows
until a two-worker warm-up lasts that long; the relay forwards the corpus as many times over
as it takes. Calibration runs are not counted.

    python -m bench.e2e [--articles N] [--repeat K] [--chunk-size B] [--min-seconds S]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer

from bench.common import local_broker, summary, write
from newswire.core.envelope import PRODUCED_AT
from newswire.core.reassembly import iter_chunks
from newswire.kafka.produce import chunk_producer, produce_files
from newswire.kafka.topics import ensure_topics
from newswire.settings import Settings
from newswire_dev.cluster import Cluster
from newswire_dev.generate import generate

_MARGIN = 1.25  # calibrate phases this much above --min-seconds, so noise keeps them above


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_pipeline(
    settings: Settings, path: Path, workers: int, chunk_size: int, bytes_per_s: float | None
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        cluster = Cluster(settings, Path(tmp))
        try:
            asyncio.run(cluster.ensure_topics())
            for index in range(workers):
                cluster.start_worker(index)
            cluster.wait_ready()
            started = time.time()
            sources = [(path.name, path)]
            asyncio.run(
                produce_files(cluster.settings, sources, chunk_size, bytes_per_s=bytes_per_s)
            )
            asyncio.run(cluster.wait_drained(within=1800))
            rss = [cluster.peak_rss_bytes(i) for i in range(workers)]
            records = asyncio.run(cluster.read_records(cluster.settings.topic_articles))
        finally:
            cluster.stop()
            asyncio.run(cluster.delete_topics())
    finished = max(r.timestamp for r in records) / 1000
    latencies = [
        r.timestamp / 1000 - float(dict(r.headers)[PRODUCED_AT])
        for r in records
        if PRODUCED_AT in dict(r.headers)
    ]
    elapsed = finished - started
    return {
        "seconds": elapsed,
        "events": len(records),
        "articles_per_s": len(records) / elapsed,
        "mb_per_s": path.stat().st_size / 1e6 / elapsed,
        "latency_p50_s": _percentile(latencies, 0.50),
        "latency_p95_s": _percentile(latencies, 0.95),
        "latency_p99_s": _percentile(latencies, 0.99),
        "peak_rss_mb_per_worker": [round(b / 1e6, 1) for b in rss],
    }


async def _relay(settings: Settings, path: Path, chunk_size: int, passes: int) -> float:
    """Seconds to forward ``passes`` copies of the corpus, from the first chunk produced."""
    relay_in, relay_out = (
        f"{settings.topic_raw_chunks}.relay-in",
        f"{settings.topic_raw_chunks}.relay-out",
    )
    for name in (relay_in, relay_out):
        await ensure_topics(settings.model_copy(update={"topic_raw_chunks": name}))
    with path.open("rb") as stream:
        expected = passes * sum(1 for _ in iter_chunks(stream, "x", chunk_size))
    consumer = AIOKafkaConsumer(
        relay_in,
        bootstrap_servers=settings.kafka_bootstrap_servers,
        group_id=f"relay-{time.time_ns()}",
        auto_offset_reset="earliest",
        max_partition_fetch_bytes=4 * chunk_size,
    )
    producer = chunk_producer(settings, chunk_size)
    await consumer.start()
    await producer.start()
    try:
        while not consumer.assignment():
            await consumer.getmany(timeout_ms=100)
        started = time.time()
        relay_settings = settings.model_copy(update={"topic_raw_chunks": relay_in})
        copies = [(f"{path.name}#{i}", path) for i in range(passes)]
        feeding = asyncio.create_task(produce_files(relay_settings, copies, chunk_size))
        forwarded = 0
        while forwarded < expected:
            batch = await consumer.getmany(timeout_ms=500)
            for messages in batch.values():
                for m in messages:
                    await producer.send(relay_out, m.value, key=m.key, headers=list(m.headers))
                    forwarded += 1
        await producer.flush()
        await feeding
        return time.time() - started
    finally:
        await producer.stop()
        await consumer.stop()


def _calibrated(size: int, seconds_for: Callable[[int], float], min_seconds: float) -> int:
    """Grow ``size`` until a run of it (not counted) lasts _MARGIN times ``min_seconds``."""
    target = _MARGIN * min_seconds
    seconds = seconds_for(size)
    while seconds < target:
        size = math.ceil(size * 1.1 * target / seconds)
        seconds = seconds_for(size)
    return size


def _relay_runs(settings: Settings, path: Path, chunk_size: int, args: Any) -> dict[str, Any]:
    def relay(passes: int) -> float:
        return asyncio.run(_relay(settings, path, chunk_size, passes))

    passes = _calibrated(1, relay, args.min_seconds)
    runs = [relay(passes) for _ in range(args.repeat)]
    mb = passes * path.stat().st_size / 1e6
    return {"passes": passes, **summary(runs), "mb_per_s": round(mb / statistics.median(runs), 2)}


def _sized_corpus(settings: Settings, home: Path, args: Any) -> tuple[Path, int]:
    """--articles, or a corpus that keeps two workers (the faster set-up) busy for
    --min-seconds, calibrated by warm-up runs that are not counted."""
    path = home / "corpus.txt"

    def warm_up(articles: int) -> float:
        path.write_text(generate(articles, seed=99).text, encoding="utf-8")
        return float(run_pipeline(settings, path, 2, args.chunk_size, None)["seconds"])

    if args.articles is None:
        return path, _calibrated(1200, warm_up, args.min_seconds)  # the file holds that size
    path.write_text(generate(args.articles, seed=99).text, encoding="utf-8")
    return path, args.articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="default: sized by a warm-up")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk-size", type=int, default=65536)
    parser.add_argument("--min-seconds", type=float, default=10.0)
    args = parser.parse_args()
    with local_broker() as (settings, home):
        path, articles = _sized_corpus(settings, home, args)
        result: dict[str, Any] = {
            "articles": articles,
            "corpus_mb": round(path.stat().st_size / 1e6, 2),
            "repeat": args.repeat,
            "chunk_size": args.chunk_size,
            "min_seconds": args.min_seconds,
        }
        result["relay"] = _relay_runs(settings, path, args.chunk_size, args)
        relay_mb_s = result["relay"]["mb_per_s"]
        for workers in (1, 2):
            full = [
                run_pipeline(settings, path, workers, args.chunk_size, None)
                for _ in range(args.repeat)
            ]
            rate = statistics.median(r["mb_per_s"] for r in full) * 1e6 / 2
            half = [
                run_pipeline(settings, path, workers, args.chunk_size, rate)
                for _ in range(args.repeat)
            ]
            run: dict[str, Any] = {"full_speed": _collapse(full), "half_speed": _collapse(half)}
            run["mb_per_s_to_relay"] = round(
                run["full_speed"]["mb_per_s"]["median"] / relay_mb_s, 4
            )
            result[f"workers_{workers}"] = run
    write("e2e.json", result)
    return 0


def _collapse(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Median and spread of each figure over the runs."""
    out: dict[str, Any] = {}
    for key in runs[0]:
        values = [r[key] for r in runs]
        if isinstance(values[0], list):
            out[key] = values
            continue
        out[key] = {
            "median": round(statistics.median(values), 4),
            "spread": round(max(values) - min(values), 4),
        }
    return out


if __name__ == "__main__":
    sys.exit(main())
