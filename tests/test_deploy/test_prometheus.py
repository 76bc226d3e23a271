"""Prometheus configuration and alerting rules: valid, unit-tested, and about real metrics."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from tests.test_deploy.support import DEPLOY, base_name, exported_metric_names, metrics_in

PROMETHEUS = DEPLOY / "prometheus"


def _promtool(*args: str) -> str:
    promtool = shutil.which("promtool")
    assert promtool, "promtool missing: make install (Debian package prometheus)"
    result = subprocess.run([promtool, *args], cwd=PROMETHEUS, capture_output=True, text=True,
                            check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    "args",
    [("check", "config", "prometheus.yml"), ("check", "rules", "alerts.yml"),
     ("test", "rules", "alerts_test.yml")],
    ids=["check-config", "check-rules", "test-rules"],
)  # fmt: skip
def test_promtool_accepts_and_tests(args: tuple[str, ...]) -> None:
    assert "SUCCESS" in _promtool(*args)


def _rules() -> list[dict[str, str]]:
    groups = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def test_every_alert_has_a_firing_unit_test() -> None:
    tests = yaml.safe_load((PROMETHEUS / "alerts_test.yml").read_text())["tests"]
    firing = {
        case["alertname"]
        for test in tests
        for case in test.get("alert_rule_test", [])
        if case.get("exp_alerts")
    }
    assert {rule["alert"] for rule in _rules()} == firing


def test_alerts_cover_what_operators_asked_for_and_use_exported_metrics() -> None:
    assert {rule["alert"] for rule in _rules()} == {
        "NewswireNoArticlesPublished", "NewswireDeadLetterRateHigh",
        "NewswireConsumerLagGrowing", "NewswireEndToEndLatencyHigh", "NewswireWorkerDown",
        "NewswireInputSkipped", "NewswireCommitsStalled",
    }  # fmt: skip
    exported = {base_name(n) for n in exported_metric_names()} | exported_metric_names()
    for rule in _rules():
        used = metrics_in(rule["expr"])
        assert used, rule["alert"]  # an expression of no metric (vector(1)) uses none at all
        assert used <= exported, (rule["alert"], sorted(used - exported))


def test_lag_alert_watches_every_topic_of_the_pipeline() -> None:
    """The backlog hides in the internal topics as often as in the input: no topic filter."""
    [rule] = [r for r in _rules() if r["alert"] == "NewswireConsumerLagGrowing"]
    assert "newswire_consumer_lag_messages" in rule["expr"]
    assert "topic" not in rule["expr"]


def test_dead_letter_rate_compares_articles_with_articles() -> None:
    [rule] = [r for r in _rules() if r["alert"] == "NewswireDeadLetterRateHigh"]
    assert "newswire_articles_parsed_total" in rule["expr"]
    assert "newswire_chunks_received_total" not in rule["expr"]
