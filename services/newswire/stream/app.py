"""The one place where newswire's streaming service is wired: app, topics, tables, agents,
web views and metrics. Agents are thin: they decode bytes at the edge, call the pure core,
send what it returns, and only then write state.

Flow (``key`` in brackets):

    raw-chunks [source id] --reassemble--> parsed [article id] --identity--> decided [id]
                                                              \\--new--> near [1 partition]
    near --near-duplicates--> decided --enrich+publish--> articles [article id]
    anything rejected anywhere --> dlq (reason, source, offset, bounded original)

Guarantees: at-least-once delivery with idempotent, deterministic decisions. Each stateful
agent takes a batch, sends its output, awaits the broker's acknowledgement of all of it once,
and only then writes its table (``stream.batching``), so a crash replays input whose output
may already exist (re-emitted byte for byte, never lost).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, cast

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.types import EventT, TableT
from faust.web import Request, Response, View
from prometheus_client import CollectorRegistry
from pydantic import ValidationError

from newswire import jsonio
from newswire.core.dedup import NEWEST_KEY, NearIndex, decide_identity
from newswire.core.envelope import PRODUCED_AT, decode_chunk
from newswire.core.events import build_event, event_to_json
from newswire.core.models import ArticleEvent, ParsedArticle, Rejection, Skip
from newswire.core.reassembly import Reassembler
from newswire.enrich import enrich
from newswire.errors import InputError
from newswire.kafka.config import client_kwargs
from newswire.settings import Settings
from newswire.stream.batching import HeldWrites
from newswire.stream.deadletter import dead_letter
from newswire.stream.metrics import Metrics

log = logging.getLogger(__name__)
_MAX_REQUEST_BYTES = 4 * 1024 * 1024
# aiokafka keeps one open batch per partition and makes a send wait while that batch is full
# and not yet drained: at the default 16 KiB, two or three enriched events a round trip.
_MAX_BATCH_BYTES = 1024 * 1024
_LAG_INTERVAL_SECONDS = 5.0

# Handles one event of a batch: holds its state writes, returns its sends to acknowledge.
Handler = Callable[[EventT[bytes], HeldWrites], Awaitable[list[Awaitable[Any]]]]
AgentFun = Callable[[faust.StreamT[bytes]], Awaitable[None]]


@dataclass
class Service:
    app: faust.App
    metrics: Metrics
    registry: CollectorRegistry
    settings: Settings
    assigned: bool = False
    near_index: NearIndex | None = None  # derived from the near-entries table, see _wire

    def ready(self) -> bool:
        """Partitions assigned, no rebalance running, tables recovered."""
        return self.assigned and not self.app.rebalancing and _recovered(self.app)


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


def _produced_at(headers: Any) -> float | None:
    for name, value in headers or ():
        if name == PRODUCED_AT:
            try:
                return float(value)
            except ValueError:
                return None
    return None


def build_service(settings: Settings, registry: CollectorRegistry | None = None) -> Service:
    registry = registry or CollectorRegistry()
    metrics = Metrics.create(registry)
    app = faust.App(
        settings.app_id,
        env={},  # Faust's own environment variables (BROKER_URL, WEB_PORT...) never apply
        autodiscover=False,
        broker=_broker_urls(settings),
        broker_credentials=_credentials(settings),
        store=settings.store_url,
        datadir=str(settings.worker_data_dir),  # never the current directory
        topic_replication_factor=settings.replication_factor,
        topic_partitions=settings.article_partitions,
        broker_commit_interval=settings.commit_interval,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_max_request_size=_MAX_REQUEST_BYTES,
        producer_max_batch_size=_MAX_BATCH_BYTES,
        web_enabled=True,
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        web_tables_enabled=False,  # /table/{name}/{key} would serve dedup state to anyone
        web_router_enabled=False,
    )
    service = Service(app, metrics, registry, settings)
    setup_prometheus_sensors(app, pattern="/metrics", registry=registry, name_prefix="faust")
    _wire(service)
    return service


def _wire(service: Service) -> None:  # noqa: PLR0915 - the one wiring function, read top-down
    app, metrics, settings = service.app, service.metrics, service.settings
    zone = settings.zone
    raw = _bytes_topic(app, settings.topic_raw_chunks, settings.input_partitions)
    parsed = _bytes_topic(app, settings.topic_parsed, settings.article_partitions)
    near = _bytes_topic(app, settings.topic_near, 1)
    decided = _bytes_topic(app, settings.topic_decided, settings.article_partitions)
    output = _bytes_topic(app, settings.topic_articles, settings.article_partitions)
    dlq = _bytes_topic(app, settings.topic_dlq, 1)
    agent_topics = [settings.topic_raw_chunks, settings.topic_parsed, settings.topic_near,
                    settings.topic_decided]  # fmt: skip
    sources = app.Table("sources", partitions=settings.input_partitions)
    records = app.Table("articles", partitions=settings.article_partitions)
    # Article id -> near-duplicate entry, and the watermark; the buckets are in memory.
    near_entries = app.Table("near-entries", partitions=1)

    async def reject(reason: str, message: str, **fields: Any) -> Awaitable[Any]:
        metrics.rejected.labels(reason=reason).inc()
        value = dead_letter(
            reason, message, max_original_bytes=settings.dlq_original_max_bytes, **fields
        )
        key = (fields.get("source_id") or "").encode()
        return await dlq.send(key=key, value=value)

    async def decode(message: Any) -> ArticleEvent | None:
        """An internal message back into an event. Our own bytes, so a failure is a bug: the
        message goes to the DLQ (never silently lost) and the agent carries on."""
        try:
            return ArticleEvent.model_validate(jsonio.loads(message.value or b""))
        except (InputError, ValidationError) as exc:
            log.exception("undecodable internal message on %s", message.topic)
            key = message.key.decode("utf-8", "replace") if message.key else None
            await reject(
                "bad_internal_message",
                f"{message.topic} at offset {message.offset}: {exc}",
                source_id=key,
                offset=None,
                original=message.value,
            )
            return None

    async def reassemble_chunk(event: EventT[bytes], state: HeldWrites) -> list[Awaitable[Any]]:
        message = event.message
        metrics.chunks_received.inc()
        try:
            chunk = decode_chunk(message.key, message.value, message.headers)
        except InputError as exc:
            source = message.key.decode("utf-8", "replace") if message.key else None
            return [
                await reject(
                    exc.reason, str(exc), source_id=source, offset=None, original=message.value
                )
            ]
        saved = state.get(event, chunk.source_id)
        reassembler = (
            Reassembler.from_dict(saved, max_article_bytes=settings.max_article_bytes)
            if saved
            else Reassembler(chunk.source_id, max_article_bytes=settings.max_article_bytes)
        )
        sends: list[Awaitable[Any]] = []
        headers = [(PRODUCED_AT, repr(chunk.produced_at).encode())] if chunk.produced_at else []
        for item in reassembler.feed(chunk):
            if isinstance(item, ParsedArticle):
                metrics.articles_parsed.inc()
                built = build_event(item, zone)
                sends.append(await parsed.send(
                    key=built.article_id.encode(), value=event_to_json(built), headers=headers,
                ))  # fmt: skip
            elif isinstance(item, Rejection):
                sends.append(await reject(
                    item.reason, item.message, source_id=item.source_id,
                    offset=item.offset, excerpt=item.excerpt,
                ))  # fmt: skip
            elif isinstance(item, Skip):
                metrics.skipped.labels(reason=item.reason).inc()
        state.set(event, chunk.source_id, reassembler.to_dict())
        return sends

    async def identify(event: EventT[bytes], state: HeldWrites) -> list[Awaitable[Any]]:
        article = await decode(event.message)
        if article is None:
            return []
        decision = decide_identity(state.get(event, article.article_id), article)
        state.set(event, article.article_id, decision.record)
        message = event.message
        if decision.kind == "exact":
            metrics.duplicates.labels(kind="exact").inc()
            return []
        if decision.kind == "revision":
            metrics.duplicates.labels(kind="revision").inc()
            revised = article.model_copy(update={"revision": decision.revision})
            value = event_to_json(revised)
            return [await decided.send(key=message.key, value=value, headers=message.headers)]
        return [await near.send(key=message.key, value=message.value, headers=message.headers)]

    def near_index() -> NearIndex:
        """Rebuilt from the table after every assignment (the table is the durable state)."""
        if service.near_index is None:
            stored = near_entries.items()
            service.near_index = NearIndex.restore(settings.dedup_retention_days, stored)
        return service.near_index

    async def find_near_duplicate(event: EventT[bytes], state: HeldWrites) -> list[Awaitable[Any]]:
        article = await decode(event.message)
        if article is None:
            return []
        index = near_index()
        forgotten = index.advance(article.published_at)
        # One partition: the offset is a total order, the same on every replay.
        decision = index.decide(article, settings.near_duplicate_threshold, event.message.offset)
        if decision.original is not None:
            metrics.duplicates.labels(kind="near").inc()
            article = article.model_copy(update={"near_duplicate_of": decision.original["root"]})
        message = event.message
        sent = await decided.send(
            key=message.key, value=event_to_json(article), headers=message.headers
        )
        if not index.is_stale(article.published_at):
            index.add(decision.entry)
            state.set(event, article.article_id, decision.entry)
        for article_id in forgotten:
            state.delete(event, article_id)
        state.set(event, NEWEST_KEY, index.newest)
        return [sent]

    def forget_near_index() -> None:
        service.near_index = None

    def batched(
        stage: str,
        table: TableT[Any, Any],
        handle: Handler,
        on_failure: Callable[[], None] | None = None,
    ) -> AgentFun:
        """A stateful agent: each batch is sent, acknowledged, and only then recorded, so a
        crash replays input whose output may exist (re-emitted) but never loses any.
        ``on_failure`` drops memory derived from state a failed batch did not write."""

        async def agent(stream: faust.StreamT[bytes]) -> None:
            concrete = cast("faust.Stream[bytes]", stream)  # take_events is not on StreamT
            batches = concrete.take_events(settings.batch_max_messages, settings.batch_max_seconds)
            async for events in batches:
                started = time.perf_counter()
                state = HeldWrites(table)
                sends: list[Awaitable[Any]] = []
                try:
                    for event in events:
                        sends.extend(await handle(event, state))
                    await asyncio.gather(*sends)  # delivered before the state that records it
                except BaseException:
                    if on_failure is not None:
                        on_failure()
                    raise
                state.apply()
                metrics.observe_batch(stage, time.perf_counter() - started, len(events))

        return agent

    app.agent(raw, name="reassemble")(batched("reassemble", sources, reassemble_chunk))
    app.agent(parsed, name="identity")(batched("identity", records, identify))
    app.agent(near, name="near_duplicates")(
        batched("near", near_entries, find_near_duplicate, on_failure=forget_near_index)
    )

    @app.agent(decided)
    async def publish(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            article = await decode(event.message)
            if article is None:
                continue
            enriched = enrich(article)
            enriching = time.perf_counter()
            metrics.stage_seconds.labels(stage="enrich").observe(enriching - started)
            produced_at = _produced_at(event.message.headers)

            def delivered(_: Any, produced_at: float | None = produced_at) -> None:
                metrics.articles_published.inc()
                if produced_at is not None:
                    metrics.end_to_end.observe(max(0.0, time.time() - produced_at))

            # No state follows, so no need to wait for the broker here: Faust flushes the
            # producer before it commits this message's offset.
            await output.send(
                key=event.message.key,
                value=event_to_json(enriched),
                headers=event.message.headers,
                callback=delivered,
            )
            metrics.stage_seconds.labels(stage="publish").observe(time.perf_counter() - enriching)

    @app.timer(interval=_LAG_INTERVAL_SECONDS)  # type: ignore[untyped-decorator]
    async def measure_lag() -> None:
        """Kafka reports no lag to a consumer: highwater minus position, summed per topic."""
        consumer: Any = app.consumer
        lag: dict[str, int] = dict.fromkeys(agent_topics, 0)
        for tp in consumer.assignment():
            if tp.topic in lag:
                position = await consumer.position(tp)
                highwater = consumer.highwater(tp)  # None until the first fetch returns
                if position is not None and highwater is not None:
                    lag[tp.topic] += max(0, highwater - position)
        for topic, value in lag.items():
            metrics.consumer_lag.labels(topic=topic).set(value)

    @app.on_partitions_assigned.connect
    async def _on_assigned(*_: Any, **__: Any) -> None:
        service.assigned = True
        forget_near_index()  # the near partition may have moved here, or been recovered

    @app.on_partitions_revoked.connect
    async def _on_revoked(*_: Any, **__: Any) -> None:
        forget_near_index()

    @app.page("/healthz")
    async def healthz(self: View, request: Request) -> Response:
        return self.json({"status": "ok"})

    @app.page("/readyz")
    async def readyz(self: View, request: Request) -> Response:
        ready = service.ready()
        metrics.ready.set(1 if ready else 0)
        body = {
            "ready": ready,
            "assigned": service.assigned,
            "rebalancing": bool(app.rebalancing),
            "recovered": _recovered(app),
        }
        return self.json(body, status=200 if ready else 503)


def _recovered(app: faust.App) -> bool:
    """Table recovery finished (the attribute is on the concrete TableManager only)."""
    recovery: Any = getattr(app.tables, "recovery", None)
    return recovery is not None and bool(recovery.completed.is_set())
