"""An event rendered back into the dump format parses into the same article."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import orjson

from newswire.core.dump import render_article
from newswire.core.events import build_event
from newswire.core.models import ArticleEvent
from newswire_dev.generate import generate
from tests.support import articles, parse_bytes

ALMATY = ZoneInfo("Asia/Almaty")


def _events(text: str) -> list[ArticleEvent]:
    return [build_event(a, ALMATY) for a in articles(parse_bytes(text.encode()))]


def test_a_rendered_article_parses_into_the_same_identity_body_time_and_dump_date() -> None:
    corpus = generate(40, seed=3, repeat_rate=0, revision_rate=0, near_dup_rate=0)
    for event in _events(corpus.text):
        # Through the wire form, as a dead letter carries it.
        carried = ArticleEvent.model_validate(orjson.loads(event.model_dump_json()))
        [again] = _events(render_article(carried))
        assert again.model_dump(exclude={"source"}) == event.model_dump(exclude={"source"})


def test_an_article_without_a_dump_date_has_no_marker() -> None:
    [event] = _events("14.07.2025, 10:00 7\nTitle\nFirst paragraph.\nSecond one.\n")
    assert render_article(event) == "14.07.2025, 10:00 7\nTitle\nFirst paragraph.\nSecond one.\n"
