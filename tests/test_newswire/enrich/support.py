"""Building events to enrich in tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from newswire.core.identity import article_id
from newswire.core.models import ArticleEvent, SourceRef
from newswire.enrich import enrich

WHEN = datetime(2025, 7, 1, 10, 0, tzinfo=ZoneInfo("Asia/Almaty"))


def enriched(title: str, body: str) -> ArticleEvent:
    return enrich(
        ArticleEvent(
            article_id=article_id(WHEN, title),
            published_at=WHEN,
            views=1,
            title=title,
            body=body,
            dump_date=None,
            source=SourceRef(id="test", offset=0),
            word_count=len(body.split()),
        )
    )
