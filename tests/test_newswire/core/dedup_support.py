"""The identity and near-duplicate decisions chained over plain dicts in one process: a driver
for tests of the decisions themselves (``newswire parse`` runs the stages, ``stages.pipeline``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from newswire import jsonio
from newswire.core.dedup import (
    ArticleRecord,
    NearIndex,
    NearKey,
    RetentionWindow,
    identity_step,
    near_step,
)
from newswire.core.models import ArticleEvent
from newswire.core.partitioning import partition_for

StepKind = Literal["new", "exact", "revision", "near", "stale"]


@dataclass(frozen=True, slots=True)
class DedupOutcome:
    kind: StepKind
    event: ArticleEvent | None  # what to publish; None for an exact repeat or a stale article


@dataclass
class DedupStore:
    """The whole decision in one process: ``identity_step`` then ``near_step``, over the same
    plain state the stream's tables hold, identity records kept per partition of the article
    id as in the stream (``partitions`` is the article topics' partition count)."""

    near_threshold: float = 0.7
    retention_days: int = 90
    partitions: int = 1
    records: dict[str, ArticleRecord] = field(default_factory=dict)
    near: NearIndex = field(init=False)
    _windows: dict[int, RetentionWindow] = field(default_factory=dict)
    _position: int = 0  # this store's total order of new articles (the stream's: an offset)

    def __post_init__(self) -> None:
        self.near = NearIndex(self.retention_days)

    def process(self, event: ArticleEvent) -> DedupOutcome:
        partition = partition_for(event.article_id.encode(), self.partitions)
        window = self._windows.setdefault(partition, RetentionWindow(self.retention_days))
        step = identity_step(window, self.records.get(event.article_id), event)
        step.apply(window)
        for article_id in step.forgotten:
            self.records.pop(article_id, None)
        if step.record is not None:
            self.records[event.article_id] = step.record
        if step.event is None:
            return DedupOutcome(step.kind, None)
        self._position += 1
        near = near_step(self.near, NearKey.of(step.event), self.near_threshold, self._position)
        near.apply(self.near)
        published = step.event
        if near.near_duplicate_of is not None:
            published = published.model_copy(update={"near_duplicate_of": near.near_duplicate_of})
        return DedupOutcome(step.kind if step.kind == "revision" else near.kind, published)

    def state_size(self) -> Mapping[str, int]:
        """Bytes of JSON the state would take in tables (for the retention cost figure)."""
        return {
            "records": sum(len(jsonio.dumps(r)) + 32 for r in self.records.values()),
            "near": sum(len(jsonio.dumps(e)) + 32 for e in self.near.entries.values()),
            "articles": len(self.records),
        }
