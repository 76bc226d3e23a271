"""A newswire worker's streaming service, wired: the Faust app (``stream.engine``), a table and
an agent (``stream.agents``) for each stage of the topology (``newswire.stages``), the metrics
(``stream.metrics``) and what operators see (``stream.observability``).

Where to change what: a decision about news (what a stage does with a message and its state)
in ``newswire.stages``; how a batch is delivered and recorded in ``stream.agents`` and
``stream.delivery``; anything that configures, subclasses or repairs Faust and aiokafka in
``stream.engine``. Each stage is bound to its table and topic by the topology's declared
stage (``Topology.reassembly_stage``...), never by position or name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import faust
from faust.types import TableT
from prometheus_client import CollectorRegistry

from newswire.settings import Settings
from newswire.stages import Identity, NearDuplicates, Reassembly
from newswire.stages.letters import Letters
from newswire.stream import warmup
from newswire.stream.agents import Stage, add_agent
from newswire.stream.delivery import Delivery
from newswire.stream.engine.app import build_app, recovered
from newswire.stream.engine.sensor import FaustSensor
from newswire.stream.metrics import Metrics, StageCounts
from newswire.stream.observability import Health, Observability, Readiness
from newswire.topology import StageSpec, TableSpec, Topology


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
        self.topology = shape = Topology.from_settings(settings)
        self.tables: dict[TableSpec, TableT[Any, Any]] = {
            spec: app.Table(
                spec.name, partitions=spec.partitions, extra_topic_configs=spec.changelog_config()
            )
            for spec in shape.tables()
        }
        counts = StageCounts(self.metrics)
        letters = Letters(settings, shape, counts)
        self.stages: list[tuple[StageSpec, Any]] = []
        for spec, kind in (
            (shape.reassembly_stage, Reassembly),
            (shape.identity_stage, Identity),
            (shape.near_stage, NearDuplicates),
        ):
            table = self._table(spec)
            stage = kind(settings, shape, counts, _items_of(table))
            self.stages.append((spec, stage))
            self._agent(spec, stage, table, letters)
        app.monitor = FaustSensor.create(self.registry)  # Faust's series, on the same registry
        self.metrics.ready.set_function(lambda: 1.0 if self.ready() else 0.0)
        self._wire_lifecycle()
        Observability(app, settings, self.metrics, self.registry, shape.consumed()).wire(
            self.readiness, self.health
        )

    def _table(self, spec: StageSpec) -> TableT[Any, Any] | None:
        return self.tables[spec.table] if spec.table is not None else None

    def _agent(
        self, spec: StageSpec, stage: Stage, table: TableT[Any, Any] | None, letters: Letters
    ) -> None:
        topic = _bytes_topic(self.app, spec.reads.name, spec.reads.partitions)
        add_agent(
            self.app, spec.name, topic, stage, table,
            settings=self.settings, delivery=self.delivery, letters=letters,
            metrics=self.metrics, freezer=self.freezer,
        )  # fmt: skip

    def table(self, spec: TableSpec) -> TableT[Any, Any]:
        return self.tables[spec]

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

    def readiness(self) -> Readiness:
        return Readiness(
            assigned=self.assigned,
            rebalancing=bool(self.app.rebalancing),
            recovered=recovered(self.app),
            delivering=self.delivery.failing_since is None,
        )

    def ready(self) -> bool:
        """Partitions assigned, no rebalance running, tables recovered, output delivering."""
        return self.readiness().ready

    def health(self) -> Health:
        failing_for = self.delivery.failing_for()
        return Health(failing_for <= self.settings.delivery_timeout, failing_for)

    def healthy(self) -> bool:
        """Alive and making progress: not stuck failing to deliver beyond the timeout."""
        return self.health().healthy

    def _wire_lifecycle(self) -> None:
        @self.app.on_partitions_assigned.connect
        async def _on_assigned(*_: Any, **__: Any) -> None:
            self.assigned = True
            self._forget()  # partitions may have moved here, or been recovered

        @self.app.on_partitions_revoked.connect
        async def _on_revoked(*_: Any, **__: Any) -> None:
            self._forget()

    def _forget(self) -> None:
        """The memory each stage derives from its table is rebuilt from it when next needed."""
        for _, stage in self.stages:
            stage.forget()


def _items_of(table: TableT[Any, Any] | None) -> Callable[[], Iterable[tuple[str, Any]]]:
    if table is None:
        return list
    return table.items


def build_service(settings: Settings, registry: CollectorRegistry | None = None) -> NewswireStream:
    return NewswireStream(settings, registry)
