"""The stages after reassembly, in the order every runner applies them.

``newswire parse`` and the Faust agents both call ``ArticleStages``, so one code path decides
what is published: build the event, deduplicate, then enrich what will be published (an exact
repeat costs no enrichment).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newswire.core.dedup import DedupStore
from newswire.core.events import build_event
from newswire.core.models import ArticleEvent, ParsedArticle, ParseOutput, Rejection, Skip
from newswire.enrich import enrich
from newswire.settings import Settings


@dataclass
class RunStats:
    """What a run did, for the summary line and the tests."""

    chunks: int = 0
    articles_parsed: int = 0
    events: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    duplicates: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        def fmt(counter: Counter[str]) -> str:
            return ", ".join(f"{k}={v}" for k, v in sorted(counter.items())) or "none"

        return (
            f"chunks={self.chunks} articles_parsed={self.articles_parsed} "
            f"events={self.events} duplicates: {fmt(self.duplicates)}; "
            f"rejected: {fmt(self.rejected)}; skipped: {fmt(self.skipped)}"
        )


class ArticleStages:
    """Parsed articles in, publishable events out, in a single process."""

    def __init__(self, settings: Settings) -> None:
        self.zone = settings.zone
        self.bounds = settings.time_bounds
        # The stream bounds a plausible time by when a chunk reached Kafka; here, by when the
        # run started (one instant, so the run decides alike for every chunk).
        self.received_at = datetime.now(UTC)
        self.stats = RunStats()
        self.dedup = DedupStore(
            near_threshold=settings.near_duplicate_threshold,
            retention_days=settings.dedup_retention_days,
            partitions=settings.article_partitions,
        )

    def handle(self, item: ParseOutput) -> list[ArticleEvent]:
        """Events to publish for one reassembler output (rejections and skips are counted)."""
        if isinstance(item, Rejection):
            self.stats.rejected[item.reason] += 1
            return []
        if isinstance(item, Skip):
            self.stats.skipped[item.reason] += 1
            return []
        return self.publishable(item)

    def publishable(self, article: ParsedArticle) -> list[ArticleEvent]:
        self.stats.articles_parsed += 1
        event = build_event(article, self.zone, received_at=self.received_at, bounds=self.bounds)
        outcome = self.dedup.process(event)
        if outcome.kind == "stale":
            self.stats.rejected["beyond_retention"] += 1
        elif outcome.kind != "new":
            self.stats.duplicates[outcome.kind] += 1
        if outcome.event is None:
            return []
        self.stats.events += 1
        return [enrich(outcome.event)]
