"""Building events to enrich in tests (shared with the benchmarks through devtools)."""

from __future__ import annotations

from newswire.core.identity import article_id
from newswire.core.models import ArticleEvent, SourceRef
from newswire.devtools.corpus import WHEN, enriched

__all__ = ["WHEN", "enriched", "unenriched"]


def unenriched(title: str, body: str) -> ArticleEvent:
    """The event of an article with this title and body before enrichment (as ``enriched``
    builds it: a fixed time and source)."""
    return ArticleEvent(
        article_id=article_id(WHEN, title),
        published_at=WHEN,
        views=1,
        title=title,
        body=body,
        dump_date=None,
        source=SourceRef(id="test", offset=0),
        word_count=len(body.split()),
    )
