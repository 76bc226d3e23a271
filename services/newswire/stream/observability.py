"""What a worker tells operators: lag and commit gauges measured every few seconds, and the web
pages ``/metrics``, ``/healthz`` and ``/readyz`` (metrics are declared in ``stream.metrics``).

Kafka gives a consumer no lag metric: lag is highwater minus position, and what a restart would
replay is highwater minus the group's committed offset, read from the broker with an admin
client of its own (Faust keeps no public record of commits).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, NamedTuple

import faust
from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from faust.web import Request, Response, View
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from newswire.kafka.config import client_kwargs
from newswire.settings import Settings
from newswire.stream.metrics import Metrics

log = logging.getLogger(__name__)
LAG_INTERVAL_SECONDS = 5.0


class Observability:
    """The gauges a timer measures and the pages the web server serves, for one app."""

    def __init__(
        self,
        app: faust.App,
        settings: Settings,
        metrics: Metrics,
        registry: CollectorRegistry,
        consumed: list[str],
    ) -> None:
        self._app = app
        self._settings = settings
        self._metrics = metrics
        self._registry = registry
        self._consumed = consumed
        self._admin: AIOKafkaAdminClient | None = None  # reads committed offsets

    def wire(self, readiness: Callable[[], Readiness], health: Callable[[], Health]) -> None:
        """Install the lag timer, the admin client's cleanup and the web pages."""
        app = self._app

        @app.timer(interval=LAG_INTERVAL_SECONDS)  # type: ignore[untyped-decorator]
        async def measure_lag() -> None:
            await self.measure()

        @app.on_before_shutdown.connect
        async def _close_admin(*_: Any, **__: Any) -> None:
            if self._admin is not None:
                await self._admin.close()
                self._admin = None

        self._wire_web(readiness, health)

    async def measure(self) -> None:
        """Kafka reports no lag to a consumer: highwater minus position, summed per topic;
        then what is not committed yet (``_measure_commits``)."""
        consumer: Any = self._app.consumer
        lag: dict[str, int] = dict.fromkeys(self._consumed, 0)
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
            self._metrics.consumer_lag.labels(topic=topic).set(value)
        await self._measure_commits(consumer, ends)

    async def _measure_commits(self, consumer: Any, ends: dict[Any, int]) -> None:
        """Messages after the group's committed offset, and the committed offsets' sum, per
        topic. A fetch position at the end says nothing of what was processed: a partition
        whose messages were fetched but never committed shows here, and its committed sum
        stops moving (alert NewswireCommitsStalled)."""
        topics = self._consumed
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
            self._metrics.consumer_uncommitted.labels(topic=topic).set(uncommitted[topic])
            self._metrics.consumer_committed.labels(topic=topic).set(total[topic])

    async def _committed(self, partitions: list[Any]) -> dict[Any, int]:
        """The group's committed offsets of ``partitions``, as the broker has them (absent:
        never committed)."""
        if not partitions:
            return {}
        if self._admin is None:
            admin = AIOKafkaAdminClient(**client_kwargs(self._settings))
            try:
                await admin.start()
            except BaseException:
                await admin.close()  # a broker away: try a new client on the next tick
                raise
            self._admin = admin
        wanted = [TopicPartition(tp.topic, tp.partition) for tp in partitions]
        found = await self._admin.list_consumer_group_offsets(
            self._settings.app_id, partitions=wanted
        )
        return {tp: meta.offset for tp, meta in found.items() if meta.offset >= 0}

    def _wire_web(self, readiness: Callable[[], Readiness], health: Callable[[], Health]) -> None:
        app, registry = self._app, self._registry

        @app.page("/metrics")
        async def metrics(view: View, request: Request) -> Response:
            # The header, not content_type=: aiohttp refuses a charset there.
            headers = {"Content-Type": CONTENT_TYPE_LATEST}
            return view.bytes(generate_latest(registry), headers=headers)

        @app.page("/healthz")
        async def healthz(view: View, request: Request) -> Response:
            now = health()
            body = {
                "status": "ok" if now.healthy else "stalled",
                "failing_delivery_for_s": round(now.failing_for, 1),
            }
            return view.json(body, status=200 if now.healthy else 503)

        @app.page("/readyz")
        async def readyz(view: View, request: Request) -> Response:
            now = readiness()
            body = {"ready": now.ready, **now._asdict()}
            return view.json(body, status=200 if now.ready else 503)


class Readiness(NamedTuple):
    """``/readyz``: ready once partitions are assigned, no rebalance runs, tables are
    recovered and output is delivered."""

    assigned: bool
    rebalancing: bool
    recovered: bool
    delivering: bool

    @property
    def ready(self) -> bool:
        return self.assigned and not self.rebalancing and self.recovered and self.delivering


class Health(NamedTuple):
    """``/healthz``: alive and making progress (not failing to deliver beyond the timeout)."""

    healthy: bool
    failing_for: float
