"""Paths of the deploy files and the metric names the service really exports."""

from __future__ import annotations

import re
from pathlib import Path

from newswire.settings import Settings
from newswire.stream.service import build_service

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
_SUFFIXES = ("_total", "_bucket", "_count", "_sum", "_created")
_IDENTIFIER = re.compile(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b")
# PromQL words that look like identifiers but are not metrics.
_PROMQL = {
    "sum", "rate", "by", "without", "and", "or", "unless", "histogram_quantile", "clamp_min",
    "deriv", "le", "kind", "reason", "topic", "stage", "job", "instance", "on", "ignoring",
    "avg", "max", "min", "count", "increase", "irate", "offset", "bool", "humanize", "changes",
}  # fmt: skip


def exported_metric_names() -> set[str]:
    """Every sample name a worker's /metrics can carry (ours and Faust's sensor's), plus up."""
    service = build_service(Settings(kafka_bootstrap_servers="127.0.0.1:1"))
    names = {"up"}
    for collector_names in service.registry._collector_to_names.values():  # noqa: SLF001 - no public listing
        names.update(collector_names)
    return names


def metrics_in(expr: str) -> set[str]:
    """Metric names referenced by a PromQL expression (labels and functions left out)."""
    without_labels = re.sub(r"\{[^}]*\}", "", expr)
    without_strings = re.sub(r'"[^"]*"', "", without_labels)
    without_ranges = re.sub(r"\[[^\]]*\]", "", without_strings)
    found = set(_IDENTIFIER.findall(without_ranges)) - _PROMQL
    return {name for name in found if not re.fullmatch(r"[0-9.e+-]+", name)}


def base_name(sample: str) -> str:
    for suffix in _SUFFIXES:
        if sample.endswith(suffix):
            return sample.removesuffix(suffix)
    return sample
