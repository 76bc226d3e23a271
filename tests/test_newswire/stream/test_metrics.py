"""Metrics: every reason of the closed sets is exported at zero from the start, the README's
lists of dead-letter and skip reasons are those sets, and Faust's series are the ones Faust's
sensor makes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor
from faust.types import TP
from prometheus_client import CollectorRegistry

from newswire.core.reasons import REJECT_REASONS, SKIP_REASONS
from newswire.stream.engine.sensor import FaustSensor
from newswire.stream.metrics import Metrics

README = Path(__file__).resolve().parents[3] / "README.md"


def _labels(registry: CollectorRegistry, name: str, label: str = "reason") -> dict[str, float]:
    return {
        sample.labels[label]: sample.value
        for metric in registry.collect()
        for sample in metric.samples
        if sample.name == name
    }


def test_every_reason_is_exported_at_zero_before_the_first() -> None:
    registry = CollectorRegistry()
    Metrics.create(registry)
    assert _labels(registry, "newswire_rejected_total") == dict.fromkeys(REJECT_REASONS, 0.0)
    assert _labels(registry, "newswire_skipped_total") == dict.fromkeys(SKIP_REASONS, 0.0)
    # The dedup outcomes that are duplicates (not "new", not "stale", a dead letter), by hand:
    # a loop over the module's own tuple would pass for an empty one.
    duplicates = _labels(registry, "newswire_duplicates_total", "kind")
    assert duplicates == {"exact": 0.0, "revision": 0.0, "near": 0.0}


def test_a_counted_reason_is_the_pre_exported_series() -> None:
    registry = CollectorRegistry()
    metrics = Metrics.create(registry)
    metrics.rejected.labels(reason="wrong_source").inc()
    assert registry.get_sample_value("newswire_rejected_total", {"reason": "wrong_source"}) == 1
    assert len(_labels(registry, "newswire_rejected_total")) == len(REJECT_REASONS)


def test_the_readme_lists_dead_letter_reasons_of_the_closed_set() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("Reasons: `bad_envelope`")
    listed = re.findall(r"`([a-z_]+)`", text[start : text.index("\n- ", start)])
    assert set(listed) == set(REJECT_REASONS)  # every reason, and no other
    skips = text.index("Skipped and counted")
    listed_skips = re.findall(r"`([a-z_]+)`", text[skips : text.index("\n", skips)])
    assert set(listed_skips) == set(SKIP_REASONS)


class _Task:
    """Faust labels events by the stream's task (kept by a weak reference)."""


class _Stream:
    shortlabel = "Stream: topic_in"
    task_owner = _Task()


class _Table:
    name = "articles"


class _App:
    rebalancing_count = 1


class _Message:
    time_in = None


def _faust_samples(registry: CollectorRegistry) -> dict[tuple[str, tuple[Any, ...]], float]:
    """Every faust_* sample but the creation times (they differ between two registries)."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for metric in registry.collect()
        for sample in metric.samples
        if sample.name.startswith("faust_") and not sample.name.endswith("_created")
    }


def _drive(sensor: PrometheusMonitor) -> None:
    """The hooks a worker calls per message, event, table operation and record, with a
    rebalance between two rounds (Faust then drops the per-topic series)."""
    stream, table = cast("Any", _Stream()), cast("Any", _Table())
    for round_ in range(2):
        for offset in range(3):
            tp = TP("in", offset % 2)
            sensor.on_message_in(tp, offset, cast("Any", _Message()))
            state = sensor.on_stream_event_in(tp, offset, stream, cast("Any", None))
            sensor.on_stream_event_out(tp, offset, stream, cast("Any", None), state)
            sensor.on_table_get(table, "k")
            sensor.on_table_set(table, "k", offset)
            sensor.on_table_del(table, "k")
            sensor.track_tp_end_offset(tp, offset + 10)
            started = sensor.on_send_initiated(cast("Any", None), "out", cast("Any", None), 1, 2)
            sensor.on_send_completed(cast("Any", None), started, cast("Any", None))
        if round_ == 0:
            rebalance = sensor.on_rebalance_start(cast("Any", _App()))
            sensor.on_rebalance_end(cast("Any", _App()), rebalance)


def test_the_faust_sensor_exports_what_fausts_own_prometheus_sensor_does() -> None:
    theirs, ours = CollectorRegistry(), CollectorRegistry()

    def clock() -> float:
        return 1.0  # latencies the same in both

    _drive(PrometheusMonitor(metrics=FaustMetrics.create(theirs, "faust"), time=clock))
    _drive(FaustSensor(metrics=FaustMetrics.create(ours, "faust"), time=clock))
    expected = _faust_samples(theirs)
    assert expected[("faust_messages_received_per_topic_total", (("topic", "in"),))] == 3
    assert _faust_samples(ours) == expected
