"""Every metric newswire exports, declared once, on an injected registry.

Labels are low-cardinality by construction: ``kind`` and ``reason`` take values from the
core's closed sets (``reason``: ``core.reasons``, every value exported at zero from the start
so dashboards and alerts see it before the first), ``stage`` from the agent names. Never an
article id, a source or a URL.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from newswire.core.reasons import REJECT_REASONS, SKIP_REASONS, RejectReason, SkipReason

_LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300)
_STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5)
_BATCH_BUCKETS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000)


DUPLICATE_KINDS = ("exact", "revision", "near")
STAGES = ("reassemble", "identity", "near", "enrich")  # enrich: inside identity, timed apart
BATCHED_STAGES = ("reassemble", "identity", "near")


class Metrics(NamedTuple):
    chunks_received: Counter
    articles_parsed: Counter
    articles_published: Counter
    duplicates: Counter
    rejected: Counter
    skipped: Counter
    end_to_end: Histogram
    stage_seconds: Histogram
    batch_messages: Histogram
    ready: Gauge
    consumer_lag: Gauge
    consumer_uncommitted: Gauge
    consumer_committed: Gauge
    delivery_retries: Counter
    sources_forgotten: Counter

    @classmethod
    def create(cls, registry: CollectorRegistry) -> Metrics:
        metrics = cls._declare(registry)
        for kind in DUPLICATE_KINDS:
            metrics.duplicates.labels(kind=kind)
        for reason in REJECT_REASONS:
            metrics.rejected.labels(reason=reason)
        for skip in SKIP_REASONS:
            metrics.skipped.labels(reason=skip)
        for stage in STAGES:
            metrics.stage_seconds.labels(stage=stage)
        for stage in BATCHED_STAGES:
            metrics.batch_messages.labels(stage=stage)
        return metrics

    def observe_batch(self, stage: str, seconds: float, messages: int) -> None:
        """A batch's time is shared evenly by its messages, so ``stage_seconds`` stays a
        per-message figure for every stage."""
        self.batch_messages.labels(stage=stage).observe(messages)
        per_message = self.stage_seconds.labels(stage=stage)
        for _ in range(messages):
            per_message.observe(seconds / messages)

    @classmethod
    def _declare(cls, registry: CollectorRegistry) -> Metrics:
        return cls(
            chunks_received=Counter(
                "newswire_chunks_received", "Chunks consumed from the input topic",
                registry=registry,
            ),
            articles_parsed=Counter(
                "newswire_articles_parsed", "Articles parsed from reassembled chunks",
                registry=registry,
            ),
            articles_published=Counter(
                "newswire_articles_published", "Article events published to the output topic",
                registry=registry,
            ),
            duplicates=Counter(
                "newswire_duplicates", "Articles recognised as duplicates, by kind",
                ["kind"], registry=registry,
            ),
            rejected=Counter(
                "newswire_rejected", "Input sent to the dead-letter topic, by reason",
                ["reason"], registry=registry,
            ),
            skipped=Counter(
                "newswire_skipped", "Input dropped on purpose and counted, by reason",
                ["reason"], registry=registry,
            ),
            end_to_end=Histogram(
                "newswire_end_to_end_seconds",
                "From the chunk's produce time to its article's publication",
                buckets=_LATENCY_BUCKETS, registry=registry,
            ),
            stage_seconds=Histogram(
                "newswire_stage_seconds", "Processing time of one message, by pipeline stage",
                ["stage"], buckets=_STAGE_BUCKETS, registry=registry,
            ),
            batch_messages=Histogram(
                "newswire_batch_messages", "Messages a stateful stage took in one batch",
                ["stage"], buckets=_BATCH_BUCKETS, registry=registry,
            ),
            ready=Gauge(
                "newswire_ready", "1 when the worker has recovered its tables and has partitions",
                registry=registry,
            ),
            consumer_lag=Gauge(
                "newswire_consumer_lag_messages",
                "Messages not yet consumed on this worker's partitions, by topic",
                ["topic"], registry=registry,
            ),
            consumer_uncommitted=Gauge(
                "newswire_consumer_uncommitted_messages",
                "Messages after the group's committed offset on this worker's partitions, by "
                "topic (fetched or not): what a restart would replay",
                ["topic"], registry=registry,
            ),
            consumer_committed=Gauge(
                "newswire_consumer_committed_offset",
                "Sum of the group's committed offsets on this worker's partitions, by topic: "
                "it moves whenever a commit does",
                ["topic"], registry=registry,
            ),
            delivery_retries=Counter(
                "newswire_delivery_retries",
                "Records sent again because the broker did not acknowledge them",
                registry=registry,
            ),
            sources_forgotten=Counter(
                "newswire_sources_forgotten",
                "Source states deleted after NEWSWIRE_SOURCE_IDLE_DAYS without a chunk",
                registry=registry,
            ),
        )  # fmt: skip


class StageCounts:
    """What the stages count (``stages.Counters``), into the worker's series."""

    __slots__ = ("_metrics",)

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def chunk_received(self) -> None:
        self._metrics.chunks_received.inc()

    def article_parsed(self) -> None:
        self._metrics.articles_parsed.inc()

    def rejected(self, reason: RejectReason) -> None:
        self._metrics.rejected.labels(reason=reason).inc()

    def skipped(self, reason: SkipReason) -> None:
        self._metrics.skipped.labels(reason=reason).inc()

    def duplicate(self, kind: str) -> None:
        self._metrics.duplicates.labels(kind=kind).inc()

    def sources_forgotten(self, count: int) -> None:
        if count:
            self._metrics.sources_forgotten.inc(count)

    def enriched(self, seconds: float) -> None:
        self._metrics.stage_seconds.labels(stage="enrich").observe(seconds)

    def published(self, produced_at: float | None) -> None:
        self._metrics.articles_published.inc()
        if produced_at is not None:
            self._metrics.end_to_end.observe(max(0.0, time.time() - produced_at))
