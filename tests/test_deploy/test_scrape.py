"""A real Prometheus (Debian's) scrapes a worker during a run and sees what was published."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from newswire.broker.local import free_port
from newswire.cli.produce import produce_files
from tests.conftest import ClusterFactory

pytestmark = pytest.mark.integration
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-dump.txt"


def _query(port: int, expr: str) -> float | None:
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=5) as reply:
            result = json.load(reply)["data"]["result"]
    except OSError:
        return None
    return float(result[0]["value"][1]) if result else None


def test_prometheus_sees_every_published_article(
    make_cluster: ClusterFactory, tmp_path: Path
) -> None:
    binary = shutil.which("prometheus")
    assert binary, "prometheus missing: make install (Debian package prometheus)"
    config, port = tmp_path / "prometheus.yml", free_port()
    cluster = make_cluster()
    cluster.start_worker(0)
    cluster.wait_ready()
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
    finally:
        server.terminate()
        server.wait(timeout=30)
