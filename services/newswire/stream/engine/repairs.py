"""Every place newswire overrides, copies or reaches into Faust, mode and aiokafka, with why,
the upstream issue where there is one, and a digest of the upstream code it was written
against.

The no-loss guarantee rests on some of these (the drain loop, commit offsets, the seek, flow
control, the flush before a commit). An upgrade that changes one of the upstream pieces below
fails ``tests/test_newswire/stream/engine/test_repairs.py`` by name: read the new upstream code,
decide whether the repair still holds (or is still needed), then record its new digest. The
versions are pinned exactly in ``pyproject.toml``; the README says how to upgrade.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["override", "copy", "private"]


@dataclass(frozen=True, slots=True)
class Repair:
    ours: str  # where newswire does it (module:qualified name)
    upstream: str  # what it overrides, copies or reaches into (module:qualified name)
    kind: Kind  # override: subclassed; copy: the body is upstream's, changed; private: a
    # private name read or set (the digest is of the upstream code that defines it)
    why: str
    digest: str  # the first 16 hex digits of the sha256 of ``upstream``'s source
    issue: str | None = None  # the upstream issue it works around


def resolve(target: str) -> Any:
    """The object ``module:qualified.name`` names (a property's or cached property's
    function)."""
    module, qualified = target.split(":")
    found: Any = importlib.import_module(module)
    for part in qualified.split("."):
        found = getattr(found, part)
    for function in ("func", "fget", "_cached_property__get"):  # functools', property, mode's
        if callable(getattr(found, function, None)):
            return getattr(found, function)
    return found


def digest(target: str) -> str:
    source = inspect.getsource(resolve(target))
    return hashlib.sha256(source.encode()).hexdigest()[:16]


_FLOW = "newswire.stream.engine.flow"
_OFFSETS = "newswire.stream.engine.offsets"
_SENSOR = "newswire.stream.engine.sensor"
_BUFFER = "faust.transport.producer:ProducerBuffer"
_THREAD = "faust.transport.drivers.aiokafka:AIOKafkaConsumerThread"
_CONSUMER = "faust.transport.consumer:Consumer"
_PROMETHEUS = "faust.sensors.prometheus:PrometheusMonitor"
_FIRST = "the first repair: messages a rebalance cut short were noted as read"

REPAIRS: tuple[Repair, ...] = (
    # -- the flush before a commit covers every state write (flow.CommitSafeBuffer) --------
    Repair(f"{_FLOW}:CommitSafeBuffer.put", f"{_BUFFER}.put", "override",
           "counts the records put, so a flush knows what it must wait for", "bf26dfbc01d91088"),
    Repair(f"{_FLOW}:CommitSafeBuffer._send_pending", f"{_BUFFER}._send_pending", "override",
           "counts the records handed to aiokafka", "4a9d5f932b56bc68"),
    Repair(f"{_FLOW}:CommitSafeBuffer.flush", f"{_BUFFER}.flush", "override",
           "waits for every record put before it (Faust's gave up after 100 ms and skipped the "
           "one being sent): no commit passes a state write a crash would lose",
           "26fbebb124ad9c98"),
    # -- flow control empties the stream buffers only after a real suspension -------------
    Repair(f"{_FLOW}:ResumeOnceFlowControl.resume", "mode.utils.queues:FlowControlEvent.resume",
           "override", "a resume that follows no suspension no longer drops what was fetched "
           "during recovery's seek", "4dcdc1253fd0dcb4", "faust-streaming#596"),
    Repair(f"{_FLOW}:NewswireApp.flow_control", "faust.app.base:App.flow_control", "override",
           "installs ResumeOnceFlowControl", "f664abbe76e25985", "faust-streaming#596"),
    # -- prompt fetches (fetch wait, prefetch backoff) -------------------------------------
    Repair(f"{_FLOW}:PromptFetchConsumerThread._create_worker_consumer",
           f"{_THREAD}._create_worker_consumer", "override",
           "the fetch wait from settings instead of Faust's hard-coded 1.5 s",
           "c2701bfc3e6f6cad"),
    Repair(f"{_FLOW}:PromptFetchConsumerThread.on_start", f"{_THREAD}.on_start", "override",
           "sets aiokafka's prefetch backoff to 10 ms once its fetcher exists",
           "38b4e8bd1e10723a"),
    Repair(f"{_FLOW}:PromptFetchConsumerThread.on_start",
           "aiokafka.consumer.consumer:AIOKafkaConsumer.__init__", "private",
           "_fetch_max_wait_ms and _fetcher, set there", "01506f316191f7c9"),
    Repair(f"{_FLOW}:PromptFetchConsumerThread.on_start",
           "aiokafka.consumer.fetcher:Fetcher.__init__", "private",
           "_prefetch_backoff, set there", "bf21ecb7e0f210b7"),
    Repair(f"{_FLOW}:PromptFetchConsumer._new_consumer_thread",
           "faust.transport.drivers.aiokafka:Consumer._new_consumer_thread", "override",
           "runs PromptFetchConsumerThread", "0870ec53dea75083"),
    Repair(f"{_FLOW}:PromptFetchTransport.Consumer",
           "faust.transport.drivers.aiokafka:Transport", "override",
           "the transport's consumer class is PromptFetchConsumer", "966a67907f33524d"),
    Repair(f"{_FLOW}:NewswireApp._new_transport", "faust.app.base:App._new_transport",
           "override", "the transport whose consumer is ours", "42db531312dd776f"),
    Repair(f"{_FLOW}:NewswireApp._new_producer", "faust.app.base:App._new_producer",
           "override", "the producer with CommitSafeBuffer, sized for a batch's state writes",
           "e7e1814e715d8b30"),
    # -- offsets: drain loop, commit offset, seek (offsets.OffsetKeepingConsumer) ----------
    Repair(f"{_OFFSETS}:OffsetKeepingConsumer.__init__",
           "faust.transport.consumer:ThreadDelegateConsumer.__init__", "override",
           "adds the reset marks of each partition", "7072ae80eac1ff62"),
    Repair(f"{_OFFSETS}:OffsetKeepingConsumer._getmany",
           "faust.transport.consumer:ThreadDelegateConsumer._getmany", "override",
           "tags every fetch with the resets before it", "f9d47aa9010b5ff2"),
    Repair(f"{_OFFSETS}:OffsetKeepingConsumer._drain_messages", f"{_CONSUMER}._drain_messages",
           "copy", "hands over nothing fetched before its partition's last reset, notes as "
           "read only real hand-overs, gaps only what a fetch skipped", "44a2500309e83c63",
           _FIRST),
    Repair(f"{_OFFSETS}:OffsetKeepingConsumer._new_offset", f"{_CONSUMER}._new_offset",
           "override", "never commits past a head offset neither processed nor skipped",
           "1d2c7ea89a7ad4f1", "faust-streaming#606"),
    Repair(f"{_OFFSETS}:OffsetKeepingConsumer.perform_seek", f"{_CONSUMER}.perform_seek",
           "copy", "read offsets set where the seek happens; a commit made while the seek "
           "reads the committed offsets is not undone", "0e8c130ff4b0afd8"),
    Repair(f"{_OFFSETS}:OffsetKeepingConsumer", f"{_CONSUMER}.__init__", "private",
           "_committed_offset, _acked, _acked_index, _read_offset, _gap: Faust's books, set "
           "there", "302410d59e6972d1"),
    Repair(f"{_OFFSETS}:ResetMarkingThread.on_start", f"{_THREAD}.on_start", "override",
           "marks every seek aiokafka makes as a reset", "38b4e8bd1e10723a"),
    Repair(f"{_OFFSETS}:ResetMarkingThread.on_partitions_revoked",
           "faust.transport.consumer:ConsumerThread.on_partitions_revoked", "override",
           "marks a revocation as a reset", "c44013f1259ca964"),
    Repair(f"{_OFFSETS}:ResetMarkingThread._fetch_records", f"{_THREAD}._fetch_records",
           "override", "fetches from a copy of the active partitions (aiokafka reads an empty "
           "set as all) and keeps records of partitions paused while it waited",
           "39a2c6c79fc1455a"),
    # -- recovery: what the repairs above were written against ------------------------------
    Repair(f"{_OFFSETS}:OffsetKeepingConsumer.perform_seek",
           "faust.tables.recovery:Recovery.on_recovery_completed", "private",
           "resumes the streams before it awaits perform_seek: the order the seek repair "
           "assumes", "6ef567acf072e46d", "faust-streaming#596"),
    # -- Faust's Prometheus sensor, cheaper per message (sensor.FaustSensor) --------------
    *(
        Repair(f"{_SENSOR}:FaustSensor.{name}", f"{_PROMETHEUS}.{name}", "override",
               "the same series, each labelled child looked up once", upstream_digest)
        for name, upstream_digest in {
            "__init__": "c0d8ca8cca0a20a1",
            "on_message_in": "ca24793cbc41deb7",
            "on_stream_event_in": "f592409433679cf8",
            "on_table_get": "cc6b84a3bb0a39b9",
            "on_table_set": "a68b2d345dc8398a",
            "on_table_del": "54f25005df3a4a31",
            "on_send_initiated": "60f5bd9e11e4aa95",
            "track_tp_end_offset": "85f7fca946f5c2be",
            "_clear_partition_related_metrics": "f733982878e5c883",
        }.items()
    ),
    # -- the current event, and the web server's bound address ------------------------------
    Repair("newswire.stream.engine.context:acting_for", "faust.streams:current_event",
           "private", "_current_event, the context variable behind current_event()",
           "3b821f1a78d86a58"),
    Repair("newswire.stream.engine.web:report_web_port",
           "faust.web.drivers.aiohttp:Web.start_server", "private",
           "start_server wrapped; _runner.addresses read (Faust has no hook after the bind)",
           "b0c4f10491828520"),
)  # fmt: skip
