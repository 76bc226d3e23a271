"""The shape of the pipeline, declared once: every topic (name, partitions, key, role), every
table and the stage that owns it. The streaming service (``stream.service``), topic creation
(``kafka.topics``), draining and deletion (``newswire_dev.cluster``) and the README's flow diagram
all read it; a test holds the README to ``diagram()``.

Naming: topics newswire exchanges with other teams are settings (``NEWSWIRE_TOPIC_*``); the
internal topics between stages are ``<app id>.<name>``, and Faust names table changelogs
``<app id>-<table>-changelog``, so everything a deployment owns starts with its app id or is
named in its settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newswire.settings import Settings, env_name

Role = Literal["input", "internal", "output", "dead letters", "changelog"]
# Table values are not bounded by our own checks (a source's unfinished article can be as
# large as NEWSWIRE_MAX_ARTICLE_BYTES, escaped): changelogs take much larger messages.
CHANGELOG_MESSAGE_FACTOR = 8


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int
    key: str  # what the message key is: every message of a key takes one partition
    role: Role
    setting: str | None = None  # the setting its partition count comes from; None: fixed
    config: tuple[tuple[str, str], ...] = ()  # topic configuration beyond newswire's default


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    partitions: int
    topic: str  # the stream it is co-partitioned with (its keys are that stream's keys)
    holds: str
    message_bytes: int  # the changelog's max.message.bytes

    def changelog(self, app_id: str) -> str:
        return f"{app_id}-{self.name}-changelog"

    def changelog_config(self) -> dict[str, str]:
        """Faust's changelog configuration plus the room its values need."""
        return {"cleanup.policy": "compact", "max.message.bytes": str(self.message_bytes)}


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str  # the agent's name
    reads: TopicSpec
    writes: TopicSpec | None  # besides the dead-letter topic, which every stage may write
    table: TableSpec | None
    also: str = ""  # work the stage does besides its name's (drawn in the diagram)

    @property
    def label(self) -> str:
        return f"{self.name}+{self.also}" if self.also else self.name


@dataclass(frozen=True, slots=True)
class Topology:
    app_id: str
    raw_chunks: TopicSpec
    parsed: TopicSpec
    near: TopicSpec
    articles: TopicSpec
    dlq: TopicSpec
    sources: TableSpec
    records: TableSpec
    near_entries: TableSpec

    @classmethod
    def from_settings(cls, settings: Settings) -> Topology:
        s, app = settings, settings.app_id
        inputs, articles = env_name("input_partitions"), env_name("article_partitions")
        raw = TopicSpec(s.topic_raw_chunks, s.input_partitions, "source id", "input", inputs)
        parsed = TopicSpec(f"{app}.parsed", s.article_partitions, "article id", "internal",
                           articles)  # fmt: skip
        # One partition: one total order, so near-duplicate decisions replay alike.
        near = TopicSpec(f"{app}.near", 1, "article id", "internal")
        output = TopicSpec(s.topic_articles, s.article_partitions, "article id", "output",
                           articles)  # fmt: skip
        dlq = TopicSpec(s.topic_dlq, 1, "source id", "dead letters")
        room = s.max_message_bytes * CHANGELOG_MESSAGE_FACTOR
        return cls(
            app_id=app,
            raw_chunks=raw,
            parsed=parsed,
            near=near,
            articles=output,
            dlq=dlq,
            sources=TableSpec(
                "sources", raw.partitions, raw.name, "reassembly state per source", room
            ),
            records=TableSpec(
                "articles",
                parsed.partitions,
                parsed.name,
                "identity records, a watermark per partition",
                room,
            ),
            near_entries=TableSpec(
                "near-entries", 1, near.name, "one near-duplicate entry per article", room
            ),
        )

    @property
    def reassembly_stage(self) -> StageSpec:
        return StageSpec("reassemble", self.raw_chunks, self.parsed, self.sources)

    @property
    def identity_stage(self) -> StageSpec:
        # Identity also enriches what it passes on (stateless, so where partitions spread
        # it); the near stage publishes: three hops from a chunk to an article.
        return StageSpec("identity", self.parsed, self.near, self.records, also="enrich")

    @property
    def near_stage(self) -> StageSpec:
        return StageSpec("near", self.near, self.articles, self.near_entries)

    @property
    def stages(self) -> tuple[StageSpec, ...]:
        """The agents, in the order a message meets them."""
        return (self.reassembly_stage, self.identity_stage, self.near_stage)

    def topics(self) -> list[TopicSpec]:
        """Every topic newswire creates, inputs first, changelogs last. The changelogs are
        created before any worker starts, not by Faust on the first worker's start: a table
        write that comes before the new topic's metadata fails (``PartitionsMismatch``)."""
        streams = [self.raw_chunks, self.parsed, self.near, self.articles, self.dlq]
        changelogs = [
            TopicSpec(
                table.changelog(self.app_id),
                table.partitions,
                f"{table.name} key",
                "changelog",
                next(s.setting for s in streams if s.name == table.topic),
                tuple(table.changelog_config().items()),
            )
            for table in self.tables()
        ]
        return streams + changelogs

    def tables(self) -> list[TableSpec]:
        return [self.sources, self.records, self.near_entries]

    def consumed(self) -> list[str]:
        """The topics the agents read: where lag is measured and draining is waited for."""
        return [stage.reads.name for stage in self.stages]

    def changelogs(self) -> list[str]:
        return [table.changelog(self.app_id) for table in self.tables()]

    def diagram(self) -> str:
        """The flow as a chain: each stage, the topic it writes (key x partitions), its table."""

        def topic(spec: TopicSpec) -> str:
            return f"{spec.name} [{spec.key} x {spec.setting or spec.partitions}]"

        rows = [
            (
                f"--{stage.label}-->",
                topic(stage.writes) if stage.writes else "-",
                f"table {stage.table.name}" if stage.table else "",
            )
            for stage in self.stages
        ]
        arrow = max(len(r[0]) for r in rows)
        target = max(len(r[1]) for r in rows)
        lines = [topic(self.raw_chunks)]
        lines += [f"  {a:<{arrow}} {t:<{target}}  {table}".rstrip() for a, t, table in rows]
        lines.append(f"every stage --rejections--> {topic(self.dlq)}")
        return "\n".join(lines)
