"""`newswire dlq` against the real broker: an article refused for its age is re-driven once
the retention that refused it is raised, and published exactly once however often it is
re-driven."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
import pytest

from newswire.cli import main
from newswire.kafka.produce import produce_files
from newswire_dev.cluster import settings_env
from tests.support import ClusterFactory

pytestmark = pytest.mark.integration

RECENT = "14.07.2025, 10:00 5\nRecent news\nA body of recent news from the capital.\n"
OLD = "01.03.2025, 09:00 3\nOld news\nA body of old news, four months before.\n"


def _titles(cluster) -> list[str]:
    records = asyncio.run(cluster.read_topic(cluster.settings.topic_articles))
    return [orjson.loads(value or b"")["title"] for _, value, _ in records]


def _dlq(monkeypatch: pytest.MonkeyPatch, cluster, *args: str) -> int:
    for name, value in settings_env(cluster.settings).items():
        monkeypatch.setenv(name, value)
    return main(["dlq", *args])


def test_a_refused_article_is_redriven_after_the_setting_changes_and_published_once(
    running_cluster: ClusterFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cluster = running_cluster(dedup_retention_days=30, article_partitions=1)
    dump = tmp_path / "site.txt"
    dump.write_text(RECENT + OLD)
    asyncio.run(produce_files(cluster.settings, [("site.txt", dump)], 1024))
    asyncio.run(cluster.wait_drained())
    assert _titles(cluster) == ["Recent news"]

    assert _dlq(monkeypatch, cluster, "stats", "--json") == 0
    stats = orjson.loads(capsys.readouterr().out)
    assert stats["by_reason"] == {"beyond_retention": 1}
    assert stats["by_source"] == {"site.txt": 1}

    # The operator raises the retention, restarts the workers and re-drives, twice.
    cluster.stop()
    cluster.settings = cluster.settings.model_copy(update={"dedup_retention_days": 180})
    cluster.start_worker(0)
    cluster.wait_ready()
    for _ in range(2):
        assert _dlq(monkeypatch, cluster, "redrive", "--reason", "beyond_retention", "--json") == 0
        result = orjson.loads(capsys.readouterr().out)
        assert (result["articles"], result["sources"]) == (1, 1)
        asyncio.run(cluster.wait_drained())
    assert sorted(_titles(cluster)) == ["Old news", "Recent news"]  # once, not twice

    # The letters stay; `show` lists them, nothing else was refused meanwhile.
    assert _dlq(monkeypatch, cluster, "show", "--json") == 0
    letters = [orjson.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [x["reason"] for x in letters] == ["beyond_retention"]
