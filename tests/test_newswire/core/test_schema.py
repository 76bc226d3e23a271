"""The checked-in JSON Schema is the model's, and real events validate against it."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import orjson

from newswire.core import schema
from newswire.core.events import build_event, event_to_json
from newswire.core.models import ArticleEvent
from tests.support import articles, parse_bytes, requires_sample, sample_bytes

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"


def test_checked_in_schema_matches_the_model() -> None:
    checked_in = (SCHEMAS / schema.SCHEMA_FILE).read_text(encoding="utf-8")
    assert checked_in == schema.render(), "run `make schema` and commit schemas/"


def test_the_schema_names_the_contract_fields() -> None:
    required = set(schema.article_event_schema()["properties"])
    assert {
        "schema_version",
        "article_id",
        "revision",
        "published_at",
        "views",
        "title",
        "body",
        "dump_date",
        "source",
        "language",
        "word_count",
        "entities",
        "countries",
        "attribution",
        "money",
        "quotes",
        "keywords",
        "near_duplicate_of",
        "flags",
    } <= required


@requires_sample
def test_events_round_trip_through_their_json() -> None:
    for article in articles(parse_bytes(sample_bytes())):
        event = build_event(article, ZoneInfo("Asia/Almaty"))
        wire = orjson.loads(event_to_json(event))
        assert wire["published_at"].endswith("+05:00")
        assert wire["dump_date"] == "2025-07-17"
        assert ArticleEvent.model_validate(wire) == event
