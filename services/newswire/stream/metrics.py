"""Every metric newswire exports, declared once, on an injected registry.

Labels are low-cardinality by construction: ``kind`` and ``reason`` take values from the
core's closed sets (``reason``: ``core.reasons``, every value exported at zero from the start
so dashboards and alerts see it before the first), ``stage`` from the agent names. Never an
article id, a source or a URL.
"""

from __future__ import annotations

import weakref
from typing import Any, NamedTuple

from faust.sensors.monitor import Monitor
from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor
from faust.types import TP, CollectionT, EventT, Message, PendingMessage, StreamT
from faust.types.transports import ProducerT
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from newswire.core.reasons import REJECT_REASONS, SKIP_REASONS

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


class FaustSensor(PrometheusMonitor):
    """Faust's own Prometheus sensor (the same ``faust_*`` series), cheaper per message: the
    labelled series a message, event, table operation or record touches are looked up once,
    not made again each time (``labels()`` takes a lock and builds a tuple; the stream label
    is a regular expression over the stream's name, on every event). Faust removes the
    per-topic series at each rebalance; the lookups are forgotten with them."""

    def __init__(self, metrics: FaustMetrics, **kwargs: Any) -> None:
        super().__init__(metrics=metrics, **kwargs)
        self._by_tp: dict[TP, tuple[Any, Any]] = {}
        self._end_offsets: dict[TP, Any] = {}
        self._by_stream: weakref.WeakKeyDictionary[StreamT[Any], Any] = weakref.WeakKeyDictionary()
        self._by_table: dict[tuple[str, str], Any] = {}
        self._sent_by_topic: dict[str, Any] = {}

    @classmethod
    def create(cls, registry: CollectorRegistry, prefix: str = "faust") -> FaustSensor:
        return cls(metrics=FaustMetrics.create(registry, prefix))

    def on_message_in(self, tp: TP, offset: int, message: Message) -> None:
        Monitor.on_message_in(self, tp, offset, message)
        metrics = self._metrics
        metrics.messages_received.inc()
        metrics.active_messages.inc()
        series = self._by_tp.get(tp)
        if series is None:
            series = self._by_tp[tp] = (
                metrics.messages_received_per_topics.labels(topic=tp.topic),
                metrics.messages_received_per_topics_partition.labels(
                    topic=tp.topic, partition=tp.partition
                ),
            )
        received, position = series
        received.inc()
        position.set(offset)

    def on_stream_event_in(
        self, tp: TP, offset: int, stream: StreamT[Any], event: EventT[Any]
    ) -> dict[str, Any] | None:
        state = Monitor.on_stream_event_in(self, tp, offset, stream, event)
        metrics = self._metrics
        metrics.total_events.inc()
        metrics.total_active_events.inc()
        events = self._by_stream.get(stream)
        if events is None:
            label = f"stream.{self._stream_label(stream)}.events"
            events = self._by_stream[stream] = metrics.total_events_per_stream.labels(stream=label)
        events.inc()
        return state

    def on_table_get(self, table: CollectionT, key: Any) -> None:
        Monitor.on_table_get(self, table, key)
        self._table_operation(table, self.KEYS_RETRIEVED).inc()

    def on_table_set(self, table: CollectionT, key: Any, value: Any) -> None:
        Monitor.on_table_set(self, table, key, value)
        self._table_operation(table, self.KEYS_UPDATED).inc()

    def on_table_del(self, table: CollectionT, key: Any) -> None:
        Monitor.on_table_del(self, table, key)
        self._table_operation(table, self.KEYS_DELETED).inc()

    def _table_operation(self, table: CollectionT, operation: str) -> Any:
        key = (table.name, operation)
        series = self._by_table.get(key)
        if series is None:
            series = self._by_table[key] = self._metrics.table_operations.labels(
                table=f"table.{table.name}", operation=operation
            )
        return series

    def on_send_initiated(
        self, producer: ProducerT, topic: str, message: PendingMessage, keysize: int, valsize: int
    ) -> Any:
        sent = self._sent_by_topic.get(topic)
        if sent is None:
            labelled = self._metrics.topic_messages_sent.labels(topic=f"topic.{topic}")
            sent = self._sent_by_topic[topic] = labelled
        sent.inc()
        return Monitor.on_send_initiated(self, producer, topic, message, keysize, valsize)

    def track_tp_end_offset(self, tp: TP, offset: int) -> None:
        Monitor.track_tp_end_offset(self, tp, offset)
        series = self._end_offsets.get(tp)
        if series is None:
            series = self._end_offsets[tp] = self._metrics.topic_partition_end_offset.labels(
                topic=tp.topic, partition=tp.partition
            )
        series.set(offset)

    def _clear_partition_related_metrics(self) -> None:
        super()._clear_partition_related_metrics()
        self._by_tp.clear()
        self._end_offsets.clear()
        self._sent_by_topic.clear()
