"""A real Prometheus (Debian's) scrapes a worker during a run and sees what was published."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from newswire.kafka.produce import produce_files
from newswire_dev.broker.local import free_port
from tests.support import ClusterFactory

pytestmark = pytest.mark.integration
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-dump.txt"
# `promtool check metrics` problems kept on purpose, each documented in the README (Metrics):
# Faust's sensor names this histogram in ms; renaming it would break Faust's own dashboards.
KNOWN_LINT = {"faust_events_runtime_ms": "abbreviated units"}


def _promtool_check_metrics(scrape: bytes) -> tuple[int, list[str]]:
    promtool = shutil.which("promtool")
    assert promtool, "promtool missing: make install (Debian package prometheus)"
    result = subprocess.run([promtool, "check", "metrics"], input=scrape, capture_output=True,
                            check=False)  # fmt: skip
    problems = (result.stdout + result.stderr).decode().splitlines()
    return result.returncode, [line for line in problems if line.strip()]


def _family(line: str) -> str:
    """The metric family a line of the text format belongs to (HELP, TYPE or a sample)."""
    words = line.split()
    name = words[2] if line.startswith("#") and len(words) > 2 else re.split(r"[{ ]", line)[0]
    return re.sub(r"_(bucket|count|sum|created|total)$", "", name)


def _without(scrape: bytes, names: set[str]) -> bytes:
    """The scrape minus every line (HELP, TYPE, samples) of the named metric families."""
    lines = scrape.decode().splitlines(keepends=True)
    return "".join(line for line in lines if _family(line) not in names).encode()


def _query(port: int, expr: str) -> float | None:
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=5) as reply:
            result = json.load(reply)["data"]["result"]
    except OSError:
        return None
    return float(result[0]["value"][1]) if result else None


def test_prometheus_sees_every_published_article(
    running_cluster: ClusterFactory, tmp_path: Path
) -> None:
    binary = shutil.which("prometheus")
    assert binary, "prometheus missing: make install (Debian package prometheus)"
    config, port = tmp_path / "prometheus.yml", free_port()
    cluster = running_cluster()
    config.write_text(
        "global: {scrape_interval: 1s}\n"
        "scrape_configs:\n"
        "  - job_name: newswire\n"
        f"    static_configs: [{{targets: ['127.0.0.1:{cluster.ports[0]}']}}]\n"
    )
    with (tmp_path / "prometheus.log").open("wb") as log:
        server = subprocess.Popen(
            [binary, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
    try:
        asyncio.run(produce_files(cluster.settings, [("scrape", EXAMPLE)], 16384))
        asyncio.run(cluster.wait_drained())
        published = len(asyncio.run(cluster.read_topic(cluster.settings.topic_articles)))
        assert published > 200
        deadline = time.monotonic() + 60
        seen = None
        while time.monotonic() < deadline:
            seen = _query(port, 'sum(newswire_articles_published_total{job="newswire"})')
            if seen == published:
                break
            time.sleep(1)
        assert seen == published, (tmp_path / "prometheus.log").read_text()[-2000:]
        assert _query(port, 'up{job="newswire"}') == 1.0
        status, scrape = cluster.get(0, "/metrics")
        assert status == 200
        _, problems = _promtool_check_metrics(scrape)
        for problem in problems:  # only the documented ones, and each exactly as documented
            assert any(n in problem and why in problem for n, why in KNOWN_LINT.items()), problem
        assert _promtool_check_metrics(_without(scrape, set(KNOWN_LINT))) == (0, [])
    finally:
        server.terminate()
        server.wait(timeout=30)
