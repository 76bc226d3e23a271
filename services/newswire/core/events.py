"""From a parsed article to the typed event: identity, zone, body and word count."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from newswire import jsonio
from newswire.core.identity import article_id
from newswire.core.models import ArticleEvent, ParsedArticle, SourceRef


def build_event(article: ParsedArticle, zone: ZoneInfo) -> ArticleEvent:
    """The revision-1 event of ``article``; dedup and enrichment refine it later."""
    published_at = article.local_time.replace(tzinfo=zone)
    body = "\n".join(article.paragraphs)
    return ArticleEvent(
        article_id=article_id(published_at, article.title),
        published_at=published_at,
        views=article.views,
        title=article.title,
        body=body,
        dump_date=article.dump_date,
        source=SourceRef(id=article.source_id, offset=article.offset),
        word_count=len(body.split()),
        flags=list(article.flags),
    )


def event_to_json(event: ArticleEvent) -> bytes:
    """The wire form of an event (orjson; datetimes keep their UTC offset)."""
    return jsonio.dumps(event.model_dump(mode="python"))
