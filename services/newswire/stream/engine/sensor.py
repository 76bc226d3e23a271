"""Faust's own Prometheus sensor, on newswire's registry (the ``faust_*`` series)."""

from __future__ import annotations

import weakref
from typing import Any

from faust.sensors.monitor import Monitor
from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor
from faust.types import TP, CollectionT, EventT, Message, PendingMessage, StreamT
from faust.types.transports import ProducerT
from prometheus_client import CollectorRegistry


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
