"""The topology is declared once, and everything that names topics reads it."""

from __future__ import annotations

import itertools
from pathlib import Path

from newswire.kafka.topics import owned_topics
from newswire.settings import Settings
from newswire.stream.service import NewswireStream
from newswire.topology import Topology

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_draws_the_declared_flow() -> None:
    drawing = Topology.from_settings(Settings()).diagram()
    indented = "\n".join(f"    {line}" for line in drawing.splitlines())
    assert indented in README.read_text(encoding="utf-8")


def test_each_stage_reads_what_the_one_before_writes_and_tables_follow_their_stream() -> None:
    shape = Topology.from_settings(Settings(input_partitions=3, article_partitions=5))
    stages = shape.stages
    assert stages[0].reads == shape.raw_chunks
    assert stages[-1].writes == shape.articles
    for before, after in itertools.pairwise(stages):
        assert before.writes == after.reads
    for stage in stages:
        if stage.table is not None:  # co-partitioned: same keys, same partition count
            assert stage.table.topic == stage.reads.name
            assert stage.table.partitions == stage.reads.partitions
    assert {t.name for t in owned_topics(Settings())} == {
        t.name for t in Topology.from_settings(Settings()).topics()
    }


def test_the_app_consumes_the_declared_topics_with_the_declared_tables(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, app_id="shape", article_partitions=3)
    stream = NewswireStream(settings)
    shape = stream.topology
    consumed = sorted(
        topic for agent in stream.app.agents.values() for topic in agent.channel.get_topic_name()
        .split(",")
    )  # fmt: skip
    assert consumed == sorted(shape.consumed())
    assert {t.name: t.partitions for t in stream.app.tables.values()} == {
        t.name: t.partitions for t in shape.tables()
    }
    assert sorted(t.changelog_topic.get_topic_name() for t in stream.app.tables.values()) == (
        sorted(shape.changelogs())
    )
