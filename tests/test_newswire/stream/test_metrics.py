"""Metrics: every reason of the closed sets is exported at zero from the start, and the
README's list of dead-letter reasons is that set."""

from __future__ import annotations

import re
from pathlib import Path

from prometheus_client import CollectorRegistry

from newswire.core.reasons import REJECT_REASONS, SKIP_REASONS
from newswire.stream.metrics import DUPLICATE_KINDS, Metrics

README = Path(__file__).resolve().parents[3] / "README.md"


def _labels(registry: CollectorRegistry, name: str) -> dict[str, float]:
    return {
        sample.labels["reason"]: sample.value
        for metric in registry.collect()
        for sample in metric.samples
        if sample.name == name
    }


def test_every_reason_is_exported_at_zero_before_the_first() -> None:
    registry = CollectorRegistry()
    Metrics.create(registry)
    assert _labels(registry, "newswire_rejected_total") == dict.fromkeys(REJECT_REASONS, 0.0)
    assert _labels(registry, "newswire_skipped_total") == dict.fromkeys(SKIP_REASONS, 0.0)
    for kind in DUPLICATE_KINDS:
        assert registry.get_sample_value("newswire_duplicates_total", {"kind": kind}) == 0


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
    assert listed, "the README's list of dead-letter reasons moved"
    assert set(listed) <= set(REJECT_REASONS)
    # Documented where the README describes them (Guarantees and alerts).
    for reason in ("duplicate_chunk", "binary_line"):
        assert f"`{reason}`" in text
    assert set(SKIP_REASONS) == {"duplicate_chunk", "binary_line"}
