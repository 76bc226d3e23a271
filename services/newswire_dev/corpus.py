"""A whole dump through the core in one call: what tests and benchmarks need to look at
parse results without a broker."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from newswire.core.identity import article_id
from newswire.core.models import ArticleEvent, ParsedArticle, ParseOutput, Rejection, SourceRef
from newswire.core.reassembly import iter_chunks, reassemble
from newswire.enrich import enrich

WHEN = datetime(2025, 7, 1, 10, 0, tzinfo=ZoneInfo("Asia/Almaty"))


def parse_bytes(
    data: bytes, chunk_size: int = 1 << 20, max_article_bytes: int = 1 << 19
) -> list[ParseOutput]:
    """Everything the core yields for ``data`` as one source cut into ``chunk_size`` chunks."""
    chunks = iter_chunks(io.BytesIO(data), "src", chunk_size)
    return list(reassemble(chunks, max_article_bytes=max_article_bytes))


def articles(outputs: list[ParseOutput]) -> list[ParsedArticle]:
    return [o for o in outputs if isinstance(o, ParsedArticle)]


def rejections(outputs: list[ParseOutput]) -> list[Rejection]:
    return [o for o in outputs if isinstance(o, Rejection)]


def unenriched(title: str, body: str) -> ArticleEvent:
    """The event of an article with this title and body before enrichment (a fixed time and
    source)."""
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


def enriched(title: str, body: str) -> ArticleEvent:
    """The enriched event of an article with this title and body."""
    return enrich(unenriched(title, body))
