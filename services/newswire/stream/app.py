"""The one place where newswire's streaming service is wired: app, topics, tables, agents,
web views and metrics. Each stage is one method that turns an input message into the records
to produce (``Outgoing``) and the state to hold (``HeldWrites``); the agents around them only
take batches, deliver, and then write state.

The stages, their topics and tables are ``newswire.topology`` (its ``diagram()`` draws the
flow). Every event of an article (new, then each revision) takes this same path, so the output
keeps each key's order.

Guarantees: at-least-once delivery with idempotent, deterministic decisions. Every agent takes
a batch, sends its output, waits until the broker acknowledged all of it (sending again what
failed, ``stream.delivery``), and only then writes its table and lets Faust acknowledge the
input. A crash replays input whose output may already exist (re-emitted byte for byte, never
lost). A handler that raises on a message (a bug) sends that message to the dead-letter topic
as ``internal_error`` and the agent carries on.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, cast

import faust
from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from faust.types import EventT, TableT
from faust.web import Request, Response, View
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from pydantic import ValidationError

from newswire import jsonio
from newswire.core.dedup import (
    NEWEST_KEY,
    WATERMARK_PREFIX,
    NearIndex,
    NearKey,
    RetentionWindow,
    identity_step,
    near_step,
    retained_at,
    utc_text,
)
from newswire.core.envelope import PRODUCED_AT, decode_chunk
from newswire.core.events import build_event, event_to_json
from newswire.core.models import (
    SCHEMA_VERSION,
    ArticleEvent,
    ParsedArticle,
    Rejection,
    Skip,
    SourceRef,
)
from newswire.core.partitioning import partition_for
from newswire.core.publication_time import from_epoch
from newswire.core.reasons import RejectReason, is_reject_reason
from newswire.core.reassembly import SourceReassembler, SourceState
from newswire.core.source_retention import SOURCES_WATERMARK_PREFIX, source_step
from newswire.enrich import enrich
from newswire.errors import InputError
from newswire.kafka.config import client_kwargs
from newswire.settings import Settings
from newswire.stream import warmup
from newswire.stream.batching import HeldWrites, handle_each
from newswire.stream.deadletter import dead_letter
from newswire.stream.delivery import (
    RECORD_OVERHEAD_BYTES,
    Delivery,
    Outgoing,
    deliver_or_fail_stop,
    fail_stop,
)
from newswire.stream.flow import NewswireApp
from newswire.stream.metrics import FaustSensor, Metrics
from newswire.topology import CHANGELOG_MESSAGE_FACTOR, Topology

log = logging.getLogger(__name__)
_LAG_INTERVAL_SECONDS = 5.0
_PRODUCER_LINGER_SECONDS = 0.005
_RECORD_ATTEMPTS, _RECORD_BACKOFF_SECONDS = 8, 0.5  # about 18 s in all
CONTENT_TYPE = ("content-type", b"application/json")
NEAR_KEY = "nw-near"  # internal header: what near-duplicate detection needs (core.dedup.NearKey)
SCHEMA_VERSION_HEADER = ("nw-schema-version", str(SCHEMA_VERSION).encode())

Handler = Callable[[EventT[bytes], HeldWrites], list[Outgoing]]


class InternalMessageError(InputError):
    """A message between two of our own agents that does not decode: a bug, not input."""

    reason = "bad_internal_message"


def _bytes_topic(app: faust.App, name: str, partitions: int) -> faust.TopicT:
    """Raw bytes in and out: decoding happens in our code, where failures go to the DLQ."""
    return app.topic(
        name,
        partitions=partitions,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
    )


def _broker_urls(settings: Settings) -> list[str]:
    servers = client_kwargs(settings)["bootstrap_servers"]
    return [f"kafka://{server.strip()}" for server in servers.split(",") if server.strip()]


def _credentials(settings: Settings) -> faust.auth.Credentials | None:
    kwargs = client_kwargs(settings)
    if settings.kafka_security_protocol.startswith("SASL_"):
        return faust.SASLCredentials(
            username=kwargs["sasl_plain_username"],
            password=kwargs["sasl_plain_password"],
            ssl_context=kwargs.get("ssl_context"),
            mechanism=kwargs["sasl_mechanism"],
        )
    if settings.kafka_security_protocol == "SSL":
        return faust.SSLCredentials(kwargs["ssl_context"])
    return None


def _header(headers: Any, wanted: str) -> bytes | None:
    for name, value in headers or ():
        if name == wanted:
            return bytes(value)
    return None


def _forwarded(headers: Any) -> tuple[tuple[str, bytes], ...]:
    """The input headers an article carries on: its chunk's produce time."""
    value = _header(headers, PRODUCED_AT)
    return ((PRODUCED_AT, value),) if value is not None else ()


def _produced_at(headers: Any) -> float | None:
    value = _header(headers, PRODUCED_AT)
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _reject_reason(exc: InputError) -> RejectReason:
    """The dead-letter reason of an error a stage met (a command-line reason there is a bug)."""
    return exc.reason if is_reject_reason(exc.reason) else "internal_error"


def _source_of(key: bytes | None) -> str | None:
    """A message key as text for people reading dead letters (the exact bytes go alongside)."""
    return key.decode("utf-8", "replace") if key else None


def kafka_partition(key: bytes | None, partitions: Sequence[int], available: Sequence[int]) -> int:
    """Kafka's default partitioner, as aiokafka's (``DefaultPartitioner``), with the core's
    murmur2 (the same values, without aiokafka's byte-by-byte loop) and no hashing at all for
    a topic of one partition (the near stage's)."""
    if key is None:
        return random.choice(available or partitions)  # noqa: S311 - spreading, not secrecy
    if len(partitions) == 1:
        return partitions[0]
    return partitions[partition_for(key, len(partitions))]


def build_app(settings: Settings) -> faust.App:
    # The largest record newswire produces fits max_message_bytes; changelog values may be
    # larger (see CHANGELOG_MESSAGE_FACTOR), so the request limit leaves room for them.
    max_request = settings.max_message_bytes * CHANGELOG_MESSAGE_FACTOR + 1024 * 1024
    settings.worker_data_dir.mkdir(parents=True, exist_ok=True)  # Faust makes one level only
    app = NewswireApp(
        settings.app_id,
        env={},  # Faust's own environment variables (BROKER_URL, WEB_PORT...) never apply
        autodiscover=False,
        broker=_broker_urls(settings),
        broker_credentials=_credentials(settings),
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.session_timeout / 4,
        store=settings.store_url,
        # Per app id: two apps sharing a data dir must never open each other's RocksDB state.
        datadir=str(settings.worker_data_dir / settings.app_id),
        topic_replication_factor=settings.replication_factor,
        topic_partitions=settings.article_partitions,
        broker_commit_interval=settings.commit_interval,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # Records sent within 5 ms share a request: far fewer produce requests for the worker
        # and the broker to handle, for at most 5 ms more latency a hop.
        producer_linger=_PRODUCER_LINGER_SECONDS,
        producer_compression_type=None if settings.compression == "none" else settings.compression,
        producer_request_timeout=settings.delivery_timeout,
        producer_max_request_size=max_request,
        # aiokafka makes a send wait while its partition's batch is full and not yet drained:
        # large batches keep it sending; half the message limit keeps a batch under it.
        producer_max_batch_size=settings.max_message_bytes // 2,
        producer_partitioner=kafka_partition,
        web_enabled=True,
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        web_tables_enabled=False,  # /table/{name}/{key} would serve dedup state to anyone
        web_router_enabled=False,
    )
    app.producer_buffer_messages = state_writes_at_once(settings)
    app.fetch_max_wait_ms = round(settings.fetch_max_wait_seconds * 1000)
    return app


def state_writes_at_once(settings: Settings) -> int:
    """The table writes a worker's stages put in Faust's producer buffer together: each applies
    a batch's at once, one a message plus a watermark a partition. A batch whose data time
    crosses a retention day also deletes that day's records: past this, the streams wait for
    the buffer to drain (Faust's back-pressure, logged as "producer buffer full")."""
    per_batch = settings.batch_max_messages + settings.article_partitions
    return per_batch * len(Topology.from_settings(settings).stages)


class NewswireStream:
    """The Faust app with newswire's topics, tables, stages, agents and web views."""

    def __init__(self, settings: Settings, registry: CollectorRegistry | None = None) -> None:
        self.settings = settings
        self.registry = registry or CollectorRegistry()
        self.metrics = Metrics.create(self.registry)
        self.app = app = build_app(settings)
        self.delivery = Delivery(lambda: app.producer, self.metrics)
        self.freezer = warmup.Freezer()  # installed by warm_up, before a worker runs
        self.assigned = False
        self.zone = settings.zone
        # Memory derived from tables, rebuilt from them after every assignment.
        self._near_index: NearIndex | None = None
        self._identity_windows: dict[int, RetentionWindow] | None = None
        self._idle_windows: dict[int, RetentionWindow] | None = None
        self._admin: AIOKafkaAdminClient | None = None  # reads committed offsets (metrics)

        self.topology = shape = Topology.from_settings(settings)
        self.sources, self.records, self.near_entries = (
            app.Table(
                table.name,
                partitions=table.partitions,
                extra_topic_configs=table.changelog_config(),
            )
            for table in shape.tables()
        )
        # Each stage of the topology, with its handler and its table.
        handlers: dict[str, tuple[Handler, TableT[Any, Any] | None]] = {
            "reassemble": (self.reassemble, self.sources),
            "identity": (self.identify, self.records),
            "near": (self.find_near_duplicates, self.near_entries),
        }
        for stage in shape.stages:
            handle, table = handlers[stage.name]
            topic = _bytes_topic(app, stage.reads.name, stage.reads.partitions)
            self._agent(stage.name, topic, handle, table)
        app.monitor = FaustSensor.create(self.registry)  # Faust's series, on the same registry
        self.metrics.ready.set_function(lambda: 1.0 if self.ready() else 0.0)
        self._wire_lifecycle()
        self._wire_web()

    # -- state of the worker ----------------------------------------------------------------
    def warm_up(self) -> None:
        """Before the worker joins its group: run the stages' code once, freeze what is alive
        out of the collector's reach, and from then on freeze what survives each full
        collection, so its first chunks, and the batches after a collection, cost what the
        others do (``stream.warmup``). It freezes every object of the process: only the worker
        command calls it."""
        warmup.warm_up(self.settings)
        warmup.freeze_long_lived()
        self.freezer.install()

    def ready(self) -> bool:
        """Partitions assigned, no rebalance running, tables recovered, output delivering."""
        return (
            self.assigned
            and not self.app.rebalancing
            and _recovered(self.app)
            and self.delivery.failing_since is None
        )

    def healthy(self) -> bool:
        """Alive and making progress: not stuck failing to deliver beyond the timeout."""
        return self.delivery.failing_for() <= self.settings.delivery_timeout

    # -- stages: one input message in, records out, state held ------------------------------
    def reassemble(self, event: EventT[bytes], state: HeldWrites) -> list[Outgoing]:
        message = event.message
        self.metrics.chunks_received.inc()
        try:
            chunk = decode_chunk(message.key, message.value, message.headers)
        except InputError as exc:
            return [self._rejected(event, _reject_reason(exc), str(exc), original=message.value)]
        received_at = from_epoch(message.timestamp)  # when the chunk reached Kafka
        idle = self._idle_window(message.partition)
        saved: SourceState | None = state.get(event, chunk.source_id)
        received = utc_text(received_at) if received_at is not None else None
        kept = source_step(idle, chunk.source_id, saved.get("seen") if saved else None, received)
        state.on_keep(partial(kept.apply, idle))
        for source_id in kept.forgotten:
            state.delete(event, source_id)
        self.metrics.sources_forgotten.inc(len(kept.forgotten))
        if kept.forgot_itself:
            saved = None
        limit = self.settings.max_article_bytes
        source = (
            SourceReassembler.from_dict(saved, max_article_bytes=limit)
            if saved
            else SourceReassembler(chunk.source_id, max_article_bytes=limit)
        )
        out: list[Outgoing] = []
        headers = _forwarded(message.headers)
        for item in source.feed(chunk):
            if isinstance(item, ParsedArticle):
                self.metrics.articles_parsed.inc()
                built = build_event(
                    item, self.zone, received_at=received_at, bounds=self.settings.time_bounds
                )
                record = Outgoing(
                    self.topology.parsed.name,
                    built.article_id.encode(),
                    event_to_json(built),
                    headers,
                )
                out.append(self._bounded(event, record, built.source))
            elif isinstance(item, Rejection):
                out.append(self._rejected(
                    event, item.reason, item.message, source_id=item.source_id,
                    source_offset=item.offset, excerpt=item.excerpt,
                ))  # fmt: skip
            elif isinstance(item, Skip):
                self.metrics.skipped.labels(reason=item.reason).inc()
        if not chunk.data:
            out.append(self._rejected(
                event, "empty_chunk", f"chunk {chunk.seq} of run {chunk.run_id} has no bytes",
                source_id=chunk.source_id, source_offset=chunk.offset,
            ))  # fmt: skip
        stored = source.to_dict()
        stored["seen"], stored["partition"] = kept.seen, message.partition
        state.set(event, chunk.source_id, stored)
        state.set(event, f"{SOURCES_WATERMARK_PREFIX}{message.partition}", kept.newest)
        return out

    def identify(self, event: EventT[bytes], state: HeldWrites) -> list[Outgoing]:
        article = self._decode(event)
        message = event.message
        window = self._identity_window(message.partition)
        step = identity_step(window, state.get(event, article.article_id), article)
        state.on_keep(partial(step.apply, window))  # once its outputs are made
        for article_id in step.forgotten:
            state.delete(event, article_id)
        if step.record is not None:
            state.set(event, article.article_id, step.record)
        state.set(event, f"{WATERMARK_PREFIX}{message.partition}", step.newest)
        if step.kind == "stale":
            return [self._rejected(
                event, "beyond_retention",
                f"published {article.published_at.isoformat()}, before the retention window "
                f"of its partition (newest {step.newest}, {window.retention_days} days)",
                source_id=article.source.id, source_offset=article.source.offset,
            )]  # fmt: skip
        if step.kind in ("exact", "revision"):
            self.metrics.duplicates.labels(kind=step.kind).inc()
        if step.event is None:
            return []
        # Enrichment runs here, spread over the partitions, on what survives the identity
        # check; the near stage then publishes, so an article costs three hops, not four.
        enriched = self._enrich(step.event)
        # The MinHash is computed here too, and travels in a header: the near stage, which one
        # partition must carry, only looks it up.
        headers = (*_forwarded(message.headers), (NEAR_KEY, NearKey.of(step.event).to_json()))
        record = Outgoing(self.topology.near.name, message.key, event_to_json(enriched), headers)
        return [self._bounded(event, record, article.source)]

    def _enrich(self, article: ArticleEvent) -> ArticleEvent:
        started = time.perf_counter()
        enriched = enrich(article)
        self.metrics.stage_seconds.labels(stage="enrich").observe(time.perf_counter() - started)
        return enriched

    def find_near_duplicates(self, event: EventT[bytes], state: HeldWrites) -> list[Outgoing]:
        """Decides on the ``nw-near`` header alone and publishes the enriched event; it is
        decoded only to mark a near duplicate (a few percent), so this one-partition stage
        costs little per article."""
        message = event.message
        key = self._near_key(event)
        index = self._near()
        # One partition: the offset is a total order, the same on every replay.
        step = near_step(index, key, self.settings.near_duplicate_threshold, message.offset)
        state.on_keep(partial(step.apply, index))  # once its outputs are made
        for article_id in step.forgotten:
            state.delete(event, article_id)
        if step.entry is not None:
            state.set(event, key.article_id, step.entry)
        if step.kind != "revision":
            state.set(event, NEWEST_KEY, step.newest)
        value, source = message.value or b"", None
        if step.near_duplicate_of is not None:  # the only change that can make it larger
            self.metrics.duplicates.labels(kind="near").inc()
            marked = self._decode(event).model_copy(
                update={"near_duplicate_of": step.near_duplicate_of}
            )
            value, source = event_to_json(marked), marked.source
        produced_at = _produced_at(message.headers)

        def delivered() -> None:
            self.metrics.articles_published.inc()
            if produced_at is not None:
                self.metrics.end_to_end.observe(max(0.0, time.time() - produced_at))

        record = Outgoing(
            self.topology.articles.name,
            message.key,
            value,
            (*_forwarded(message.headers), CONTENT_TYPE, SCHEMA_VERSION_HEADER),
            delivered,
        )
        return [self._bounded(event, record, source)]

    def _near_key(self, event: EventT[bytes]) -> NearKey:
        """The ``nw-near`` header, or (a message without one: our bug) the event's own."""
        value = _header(event.message.headers, NEAR_KEY)
        if value is not None:
            try:
                return NearKey.from_json(value)
            except (InputError, ValueError, TypeError):
                log.warning(
                    "near: unreadable %s header at offset %d", NEAR_KEY, event.message.offset
                )
        return NearKey.of(self._decode(event))

    # -- helpers of the stages --------------------------------------------------------------
    def _decode(self, event: EventT[bytes]) -> ArticleEvent:
        """An internal message back into an event; our own bytes, so a failure is a bug."""
        message = event.message
        try:
            return ArticleEvent.model_validate(jsonio.loads(message.value or b""))
        except (InputError, ValidationError) as exc:
            raise InternalMessageError(f"undecodable message on {message.topic}: {exc}") from exc

    def _bounded(
        self, event: EventT[bytes], record: Outgoing, source: SourceRef | None
    ) -> Outgoing:
        """``record``, or a dead letter ``too_large`` when it would exceed the message limit
        (a broker refusal would stall the stage on every retry)."""
        if record.size() <= self.settings.max_message_bytes:
            return record
        return self._rejected(
            event, "too_large",
            f"a {record.size()}-byte record for {record.topic} exceeds NEWSWIRE_MAX_MESSAGE_BYTES "
            f"({self.settings.max_message_bytes})",
            source_id=source.id if source else None,
            source_offset=source.offset if source else None,
        )  # fmt: skip

    def _rejected(
        self,
        event: EventT[bytes],
        reason: RejectReason,
        message: str,
        *,
        source_id: str | None = None,
        source_offset: int | None = None,
        excerpt: str = "",
        original: bytes | None = None,
    ) -> Outgoing:
        """A dead letter for input ``event`` carried: traceable to its topic, partition,
        offset and key, and to its source. The letter of an article stage carries the article
        event whole (as far as a message holds it), so `newswire dlq redrive` can publish it
        again; other input is kept up to NEWSWIRE_DLQ_ORIGINAL_MAX_BYTES."""
        self.metrics.rejected.labels(reason=reason).inc()
        incoming = event.message
        source = source_id
        if source is None and incoming.topic == self.topology.raw_chunks.name:
            source = _source_of(incoming.key)  # elsewhere the key is an article id
        # Leave room for the record's other fields and base64's growth (4/3).
        room = (self.settings.max_message_bytes - 4 * RECORD_OVERHEAD_BYTES - 16 * 1024) * 3 // 4
        limit = min(self.settings.dlq_original_max_bytes, room)
        if incoming.topic in (self.topology.parsed.name, self.topology.near.name):
            original, limit = incoming.value, room
        value = dead_letter(
            reason, message,
            topic=incoming.topic, partition=incoming.partition, offset=incoming.offset,
            key=incoming.key, source_id=source, source_offset=source_offset,
            excerpt=excerpt, original=original, max_original_bytes=limit,
        )  # fmt: skip
        return Outgoing(self.topology.dlq.name, (source or "").encode(), value)

    def _identity_window(self, partition: int) -> RetentionWindow:
        windows = self._identity_windows
        if windows is None:
            windows = self._identity_windows = self._restore_windows()
        window = windows.get(partition)
        if window is None:
            window = windows[partition] = RetentionWindow(self.settings.dedup_retention_days)
        return window

    def _idle_window(self, partition: int) -> RetentionWindow:
        windows = self._idle_windows
        if windows is None:
            windows = self._idle_windows = self._restore_idle_windows()
        window = windows.get(partition)
        if window is None:
            window = windows[partition] = RetentionWindow(self.settings.source_idle_days)
        return window

    def _restore_idle_windows(self) -> dict[int, RetentionWindow]:
        """Each input partition's window over the sources the table holds (a state saved
        before sources were kept by data time has no ``seen``: kept until its source's next
        chunk)."""
        days = self.settings.source_idle_days
        windows: dict[int, RetentionWindow] = {}
        for key, value in self.sources.items():
            if key.startswith(SOURCES_WATERMARK_PREFIX):
                partition = int(key.removeprefix(SOURCES_WATERMARK_PREFIX))
                windows.setdefault(partition, RetentionWindow(days)).newest = value
            elif "seen" in value and "partition" in value:
                window = windows.setdefault(value["partition"], RetentionWindow(days))
                window.track(key, value["seen"])
        return windows

    def _restore_windows(self) -> dict[int, RetentionWindow]:
        """Each identity partition's window over the records the table holds."""
        days, partitions = self.settings.dedup_retention_days, self.settings.article_partitions
        windows: dict[int, RetentionWindow] = {}
        for key, value in self.records.items():
            if key.startswith(WATERMARK_PREFIX):
                partition = int(key.removeprefix(WATERMARK_PREFIX))
                windows.setdefault(partition, RetentionWindow(days)).newest = value
            else:
                partition = partition_for(key.encode(), partitions)
                windows.setdefault(partition, RetentionWindow(days)).track(key, retained_at(value))
        return windows

    def _near(self) -> NearIndex:
        if self._near_index is None:
            stored = self.near_entries.items()
            self._near_index = NearIndex.restore(self.settings.dedup_retention_days, stored)
        return self._near_index

    def _forget_windows(self) -> None:
        self._identity_windows = None
        self._idle_windows = None

    def _forget_near(self) -> None:
        self._near_index = None

    # -- agents -------------------------------------------------------------------------------
    def _agent(
        self,
        stage: str,
        topic: faust.TopicT,
        handle: Handler,
        table: TableT[Any, Any] | None,
    ) -> None:
        """A batched agent: each batch is handled, delivered, and only then recorded, so a
        crash replays input whose output may exist (re-emitted) but never loses any. An event
        whose handler raises is dead-lettered and leaves no trace, in the table or in the
        memory derived from it (``HeldWrites.discard``): the events after it are decided as
        if it never came."""
        settings, metrics = self.settings, self.metrics

        async def run(stream: faust.StreamT[bytes]) -> None:
            concrete = cast("faust.Stream[bytes]", stream)  # take_events is not on StreamT
            batches = concrete.take_events(settings.batch_max_messages, settings.batch_max_seconds)
            async for events in batches:
                started = time.perf_counter()
                state = HeldWrites(table)
                outgoing = handle_each(events, handle, state, partial(self._failed, stage=stage))
                try:
                    await deliver_or_fail_stop(self.delivery, outgoing)
                except asyncio.CancelledError:
                    # Stopping, yet delivered within the grace: Faust acks the batch as the
                    # cancellation leaves it, so its state must be written first.
                    try:
                        state.apply()
                    except Exception:
                        log.exception("%s: writing state while stopping failed", stage)
                        fail_stop(f"{stage}: could not write its table while stopping")
                    raise
                await self._record(stage, state)
                metrics.observe_batch(stage, time.perf_counter() - started, len(events))
                self.freezer.between_batches()

        run.__name__ = run.__qualname__ = stage  # how Faust names the agent in its logs
        self.app.agent(topic, name=stage)(run)

    async def _record(self, stage: str, state: HeldWrites) -> None:
        """Write a delivered batch's state. Its input is not acknowledged yet and the writes are
        idempotent, so a write that fails (Faust refuses one while it does not yet know a
        changelog's partitions) is tried again; if it keeps failing, the worker stops without
        committing and the batch is replayed."""
        for attempt in range(1, _RECORD_ATTEMPTS + 1):
            try:
                state.apply()
            except Exception:
                log.warning("%s: writing state failed (attempt %d)", stage, attempt, exc_info=True)
                await asyncio.sleep(_RECORD_BACKOFF_SECONDS * attempt)
            else:
                return
        fail_stop(f"{stage}: could not write its table")

    def _failed(self, event: EventT[bytes], exc: Exception, *, stage: str) -> Outgoing:
        message = event.message
        where = f"{message.topic}[{message.partition}]@{message.offset}"
        if isinstance(exc, InputError):
            log.error("%s: %s at %s: %s", stage, exc.reason, where, exc)
            return self._rejected(event, _reject_reason(exc), str(exc), original=message.value)
        log.exception("%s: handler failed at %s", stage, where)
        return self._rejected(
            event, "internal_error", f"{stage} failed: {exc!r}", original=message.value
        )

    # -- lifecycle and web ------------------------------------------------------------------
    def _wire_lifecycle(self) -> None:
        app, metrics = self.app, self.metrics
        agent_topics = self.topology.consumed()

        @app.timer(interval=_LAG_INTERVAL_SECONDS)  # type: ignore[untyped-decorator]
        async def measure_lag() -> None:
            """Kafka reports no lag to a consumer: highwater minus position, summed per topic;
            then what is not committed yet (``_measure_commits``)."""
            consumer: Any = app.consumer
            lag: dict[str, int] = dict.fromkeys(agent_topics, 0)
            ends: dict[Any, int] = {}
            for tp in consumer.assignment():
                if tp.topic in lag:
                    position = await consumer.position(tp)
                    highwater = consumer.highwater(tp)  # None until the first fetch returns
                    if highwater is not None:
                        ends[tp] = highwater
                        if position is not None:
                            lag[tp.topic] += max(0, highwater - position)
            for topic, value in lag.items():
                metrics.consumer_lag.labels(topic=topic).set(value)
            await self._measure_commits(consumer, ends)

        @app.on_before_shutdown.connect
        async def _close_admin(*_: Any, **__: Any) -> None:
            if self._admin is not None:
                await self._admin.close()
                self._admin = None

        @app.on_partitions_assigned.connect
        async def _on_assigned(*_: Any, **__: Any) -> None:
            self.assigned = True
            self._forget_near()  # the near partition may have moved here, or been recovered
            self._forget_windows()

        @app.on_partitions_revoked.connect
        async def _on_revoked(*_: Any, **__: Any) -> None:
            self._forget_near()
            self._forget_windows()

    async def _measure_commits(self, consumer: Any, ends: dict[Any, int]) -> None:
        """Messages after the group's committed offset, and the committed offsets' sum, per
        topic. A fetch position at the end says nothing of what was processed: a partition
        whose messages were fetched but never committed shows here, and its committed sum
        stops moving (alert NewswireCommitsStalled)."""
        topics = self.topology.consumed()
        try:
            committed = await self._committed(list(ends))
            never = [tp for tp in ends if tp not in committed]
            if never:  # a restart would read them from the log's start
                committed |= dict(await consumer.earliest_offsets(*never))
        except Exception as exc:  # the broker may be away: the next tick tries again
            log.warning("could not read the committed offsets: %r", exc)
            return
        uncommitted, total = dict.fromkeys(topics, 0), dict.fromkeys(topics, 0)
        for tp, end in ends.items():
            done = committed.get(tp)
            if done is not None:
                uncommitted[tp.topic] += max(0, end - done)
                total[tp.topic] += done
        for topic in topics:
            self.metrics.consumer_uncommitted.labels(topic=topic).set(uncommitted[topic])
            self.metrics.consumer_committed.labels(topic=topic).set(total[topic])

    async def _committed(self, partitions: list[Any]) -> dict[Any, int]:
        """The group's committed offsets of ``partitions``, as the broker has them (absent:
        never committed). Faust keeps no public record of them."""
        if not partitions:
            return {}
        if self._admin is None:
            admin = AIOKafkaAdminClient(**client_kwargs(self.settings))
            try:
                await admin.start()
            except BaseException:
                await admin.close()  # a broker away: try a new client on the next tick
                raise
            self._admin = admin
        wanted = [TopicPartition(tp.topic, tp.partition) for tp in partitions]
        found = await self._admin.list_consumer_group_offsets(
            self.settings.app_id, partitions=wanted
        )
        return {tp: meta.offset for tp, meta in found.items() if meta.offset >= 0}

    def _wire_web(self) -> None:
        app, registry = self.app, self.registry

        @app.page("/metrics")
        async def metrics(view: View, request: Request) -> Response:
            # The header, not content_type=: aiohttp refuses a charset there.
            headers = {"Content-Type": CONTENT_TYPE_LATEST}
            return view.bytes(generate_latest(registry), headers=headers)

        @app.page("/healthz")
        async def healthz(view: View, request: Request) -> Response:
            healthy = self.healthy()
            body = {"status": "ok" if healthy else "stalled", "failing_delivery_for_s":
                    round(self.delivery.failing_for(), 1)}  # fmt: skip
            return view.json(body, status=200 if healthy else 503)

        @app.page("/readyz")
        async def readyz(view: View, request: Request) -> Response:
            ready = self.ready()
            body = {
                "ready": ready,
                "assigned": self.assigned,
                "rebalancing": bool(app.rebalancing),
                "recovered": _recovered(app),
                "delivering": self.delivery.failing_since is None,
            }
            return view.json(body, status=200 if ready else 503)


def build_service(settings: Settings, registry: CollectorRegistry | None = None) -> NewswireStream:
    return NewswireStream(settings, registry)


def _recovered(app: faust.App) -> bool:
    """Table recovery finished (the attribute is on the concrete TableManager only)."""
    recovery: Any = getattr(app.tables, "recovery", None)
    return recovery is not None and bool(recovery.completed.is_set())
