"""The one place where newswire's streaming service is wired: app, topics, tables, agents,
web views and metrics. Agents are thin: they decode bytes at the edge, call the pure core,
send what it returns, and only then write state.

Flow (``key`` in brackets):

    raw-chunks [source id] --reassemble--> parsed [article id] --identity--> decided [id]
                                                              \\--new--> near [1 partition]
    near --near-duplicates--> decided --enrich+publish--> articles [article id]
    anything rejected anywhere --> dlq (reason, source, offset, bounded original)

Guarantees: at-least-once delivery with idempotent, deterministic decisions. Each stateful
agent awaits the broker's acknowledgement of what it sends before it writes its table, so a
crash replays input whose output may already exist (re-emitted byte for byte, never lost).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.web import Request, Response, View
from prometheus_client import CollectorRegistry
from pydantic import ValidationError

from newswire import jsonio
from newswire.core.dedup import add_to_bucket, decide_identity, decide_near, utc_text
from newswire.core.envelope import PRODUCED_AT, decode_chunk
from newswire.core.events import build_event, event_to_json
from newswire.core.models import ArticleEvent, ParsedArticle, Rejection, Skip
from newswire.core.reassembly import Reassembler
from newswire.enrich import enrich
from newswire.errors import InputError
from newswire.kafka.config import client_kwargs
from newswire.settings import Settings
from newswire.stream.deadletter import dead_letter
from newswire.stream.metrics import Metrics

log = logging.getLogger(__name__)
_MAX_REQUEST_BYTES = 4 * 1024 * 1024
_LAG_INTERVAL_SECONDS = 5.0


@dataclass
class Service:
    app: faust.App
    metrics: Metrics
    registry: CollectorRegistry
    settings: Settings
    assigned: bool = False

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
    buckets = app.Table("near-buckets", partitions=1)

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

    @app.agent(raw)
    async def reassemble(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            message = event.message
            metrics.chunks_received.inc()
            try:
                chunk = decode_chunk(message.key, message.value, message.headers)
            except InputError as exc:
                source = message.key.decode("utf-8", "replace") if message.key else None
                await reject(
                    exc.reason, str(exc), source_id=source, offset=None, original=message.value
                )
                continue
            state = sources.get(chunk.source_id)
            reassembler = (
                Reassembler.from_dict(state, max_article_bytes=settings.max_article_bytes)
                if state
                else Reassembler(chunk.source_id, max_article_bytes=settings.max_article_bytes)
            )
            pending: list[Awaitable[Any]] = []
            headers = [(PRODUCED_AT, repr(chunk.produced_at).encode())] if chunk.produced_at else []
            for item in reassembler.feed(chunk):
                if isinstance(item, ParsedArticle):
                    metrics.articles_parsed.inc()
                    built = build_event(item, zone)
                    pending.append(await parsed.send(
                        key=built.article_id.encode(), value=event_to_json(built),
                        headers=headers,
                    ))  # fmt: skip
                elif isinstance(item, Rejection):
                    pending.append(await reject(
                        item.reason, item.message, source_id=item.source_id,
                        offset=item.offset, excerpt=item.excerpt,
                    ))  # fmt: skip
                elif isinstance(item, Skip):
                    metrics.skipped.labels(reason=item.reason).inc()
            await asyncio.gather(*pending)  # delivered before the state that says "consumed"
            sources[chunk.source_id] = reassembler.to_dict()
            metrics.stage_seconds.labels(stage="reassemble").observe(time.perf_counter() - started)

    @app.agent(parsed)
    async def identity(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            article = await decode(event.message)
            if article is None:
                continue
            decision = decide_identity(records.get(article.article_id), article)
            headers = event.message.headers
            if decision.kind == "exact":
                metrics.duplicates.labels(kind="exact").inc()
            elif decision.kind == "revision":
                metrics.duplicates.labels(kind="revision").inc()
                revised = article.model_copy(update={"revision": decision.revision})
                await (
                    await decided.send(
                        key=event.message.key, value=event_to_json(revised), headers=headers
                    )
                )
            else:
                await (
                    await near.send(
                        key=event.message.key, value=event.message.value, headers=headers
                    )
                )
            records[article.article_id] = decision.record
            metrics.stage_seconds.labels(stage="identity").observe(time.perf_counter() - started)

    @app.agent(near)
    async def near_duplicates(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            article = await decode(event.message)
            if article is None:
                continue
            # One partition: the offset is a total order, the same on every replay.
            near_decision = decide_near(
                article,
                lambda key: buckets.get(key) or (),
                settings.near_duplicate_threshold,
                event.message.offset,
            )
            if near_decision.original is not None:
                metrics.duplicates.labels(kind="near").inc()
                article = article.model_copy(
                    update={"near_duplicate_of": near_decision.original["root"]}
                )
            await (
                await decided.send(
                    key=event.message.key,
                    value=event_to_json(article),
                    headers=event.message.headers,
                )
            )
            cutoff = _cutoff(buckets, article, settings.dedup_retention_days)
            for key in near_decision.keys:
                buckets[key] = add_to_bucket(buckets.get(key) or [], near_decision.entry, cutoff)
            metrics.stage_seconds.labels(stage="near").observe(time.perf_counter() - started)

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


def _cutoff(buckets: Any, article: ArticleEvent, retention_days: int) -> str:
    """Data-time retention for bucket entries: the newest publication seen minus the window."""
    newest = max(buckets.get("~newest") or "", utc_text(article.published_at))
    buckets["~newest"] = newest
    return utc_text(datetime.fromisoformat(newest) - timedelta(days=retention_days))
