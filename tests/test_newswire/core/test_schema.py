"""The checked-in JSON Schema is the model's, and real events validate against it."""

from __future__ import annotations

from pathlib import Path
from typing import get_args
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import orjson
from jsonschema import Draft202012Validator

from newswire.core import schema
from newswire.core.events import build_event, event_to_json
from newswire.core.models import ArticleEvent, Flag
from newswire.enrich import enrich
from newswire.stages.letters import dead_letter
from newswire_dev.generate import generate
from tests.support import articles, parse_bytes, requires_sample, sample_bytes

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"


def test_checked_in_schemas_match_the_models() -> None:
    checked_in = (SCHEMAS / schema.SCHEMA_FILE).read_text(encoding="utf-8")
    assert checked_in == schema.render(), "run `make schema` and commit schemas/"
    letters = (SCHEMAS / schema.DEAD_LETTER_SCHEMA_FILE).read_text(encoding="utf-8")
    assert letters == schema.render_dead_letter(), "run `make schema` and commit schemas/"


def test_every_field_an_event_always_carries_is_required_and_ids_are_absolute() -> None:
    for published in (schema.article_event_schema(), schema.dead_letter_schema()):
        assert set(published["required"]) == set(published["properties"])
        assert urlparse(published["$id"]).scheme  # an absolute URI, version included
    event = schema.article_event_schema()
    assert set(event["properties"]["flags"]["items"]["enum"]) == set(get_args(Flag))
    assert event["properties"]["countries"]["items"]["pattern"] == "^[A-Z]{2}$"
    nested = event["$defs"]["Person"]
    assert set(nested["required"]) == set(nested["properties"])


def test_real_events_and_dead_letters_validate_against_the_published_schemas() -> None:
    corpus = generate(60, seed=2)
    validator = Draft202012Validator(schema.article_event_schema())
    events = [
        enrich(build_event(a, ZoneInfo("Asia/Almaty")))
        for a in articles(parse_bytes(corpus.text.encode()))
    ]
    for event in events:
        validator.validate(orjson.loads(event_to_json(event)))
    bad = orjson.loads(event_to_json(events[0]))
    bad["flags"] = ["made_up"]
    assert not validator.is_valid(bad)
    letters = Draft202012Validator(schema.dead_letter_schema())
    letter = dead_letter(
        "bad_envelope", "m", topic="t", partition=0, offset=1, key=b"k", source_id="k",
        original=b"xyz",
    )  # fmt: skip
    letters.validate(orjson.loads(orjson.dumps(letter.model_dump(mode="json"))))


def test_the_schema_names_the_contract_fields_and_no_other() -> None:
    # Every field consumers may read, listed by hand: adding one, like removing one, is a
    # change of the contract this test makes visible (`make schema` alone regenerates).
    named = set(schema.article_event_schema()["properties"])
    assert named == {
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
        "publisher",
        "money",
        "quotes",
        "keywords",
        "near_duplicate_of",
        "flags",
    }


@requires_sample
def test_events_round_trip_through_their_json() -> None:
    for article in articles(parse_bytes(sample_bytes())):
        event = build_event(article, ZoneInfo("Asia/Almaty"))
        wire = orjson.loads(event_to_json(event))
        assert wire["published_at"].endswith("+05:00")
        assert wire["dump_date"] == "2025-07-17"
        assert ArticleEvent.model_validate(wire) == event
