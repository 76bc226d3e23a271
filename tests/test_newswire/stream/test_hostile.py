"""Hostile input on the real broker: nothing stalls, nothing vanishes without a dead letter."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import orjson
import pytest

from newswire.kafka.produce import produce_files
from newswire_dev.cluster import Cluster
from newswire_dev.generate import generate
from tests.support import ClusterFactory

pytestmark = pytest.mark.integration


def _dead_letters(cluster: Cluster) -> list[dict[str, object]]:
    records = asyncio.run(cluster.read_topic(cluster.settings.topic_dlq))
    return [orjson.loads(value or b"") for _, value, _ in records]


def test_events_too_large_for_the_broker_are_dead_lettered_and_others_flow(
    running_cluster: ClusterFactory, tmp_path: Path
) -> None:
    """A body of backslashes doubles when JSON-escaped, and quoted sentences are repeated in
    ``quotes``: both pass the article size limit yet make events above the message limit."""
    cluster = running_cluster()
    backslashes = tmp_path / "backslashes.txt"
    backslashes.write_text(
        "01.07.2025, 10:00 5\nA title of backslashes\n" + ("\\" * 1023 + "\n") * 520
    )
    quoted = tmp_path / "quoted.txt"
    sentence = (
        'We will build the new road to the north by next year and after," Murat Nurtleu said.\n'
    )
    quoted.write_text("02.07.2025, 11:00 6\nA title of quotes\n" + sentence * 5800)
    normal = tmp_path / "normal.txt"
    corpus = generate(40, seed=21, repeat_rate=0, revision_rate=0, near_dup_rate=0)
    normal.write_text(corpus.text)
    sources = [("backslashes", backslashes), ("quoted", quoted), ("normal", normal)]
    asyncio.run(produce_files(cluster.settings, sources, 65536))
    asyncio.run(cluster.wait_drained(within=240))  # committed: nothing stalled

    letters = _dead_letters(cluster)
    too_large = Counter(str(x["source_id"]) for x in letters if x["reason"] == "too_large")
    published = asyncio.run(cluster.read_topic(cluster.settings.topic_articles))
    sources_out = Counter(orjson.loads(v or b"")["source"]["id"] for _, v, _ in published)
    assert too_large["backslashes"] == 1  # escaping alone takes it over the limit
    # The quoted article is over the limit with every quote extracted; an extractor that
    # reads less may make it fit. Either way it is accounted for exactly once.
    assert too_large["quoted"] + sources_out["quoted"] == 1
    assert sources_out["normal"] == 40
    assert sources_out["backslashes"] == 0
    assert all(x["topic"] and x["offset"] is not None for x in letters)
    assert cluster.get(0, "/healthz")[0] == 200
    assert cluster.get(0, "/readyz")[0] == 200
