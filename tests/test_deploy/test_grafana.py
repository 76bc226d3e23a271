"""The Grafana dashboard shows what operators need, from metrics the service exports."""

from __future__ import annotations

import json

from tests.test_deploy.support import DEPLOY, exported_metric_names, metrics_in

DASHBOARD = DEPLOY / "grafana" / "dashboards" / "newswire.json"


def _expressions() -> list[str]:
    panels = json.loads(DASHBOARD.read_text())["panels"]
    return [target["expr"] for panel in panels for target in panel["targets"]]


def test_every_expression_references_exported_metrics() -> None:
    exported = exported_metric_names()
    for expr in _expressions():
        used = metrics_in(expr)
        assert used, expr
        assert used <= exported, f"{expr}: {sorted(used - exported)} not exported"


def test_the_dashboard_covers_throughput_duplicates_rejections_skips_lag_latency_stages() -> None:
    joined = " ".join(_expressions())
    for needle in (
        "newswire_articles_published_total", "newswire_duplicates_total",
        "newswire_rejected_total", "newswire_consumer_lag_messages",
        "histogram_quantile(0.99", "newswire_stage_seconds_sum", "newswire_skipped_total",
        "newswire_batch_messages_bucket",
    ):  # fmt: skip
        assert needle in joined
