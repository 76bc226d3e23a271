"""The wire form of an event: ``event_to_json`` must give exactly the bytes of orjson over
``model_dump``, which is what consumers and the byte-for-byte benchmarks compare."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pydantic import BaseModel

from newswire import jsonio
from newswire.core.events import event_to_json
from newswire.core.models import (
    ArticleEvent,
    Entities,
    Location,
    Money,
    Organization,
    Person,
    Quote,
    SourceRef,
)


def _full_event() -> ArticleEvent:
    return ArticleEvent(
        article_id="0123456789abcdef0123456789abcdef",
        revision=2,
        published_at=datetime(2025, 7, 17, 9, 5, tzinfo=timezone(timedelta(hours=5))),
        views=None,
        title='Заголовок «в кавычках» \u2028 and "quotes"',
        body="Line one\nLine two\ttab \u00a0nbsp € ½",
        dump_date=date(2025, 7, 17),
        source=SourceRef(id="kz.txt", offset=42),
        language="ru",
        word_count=7,
        entities=Entities(
            persons=[
                Person(name="Ерлан Карин", role="advisor", key="karin"),
                Person(name="A B", key="b"),
            ],
            organizations=[Organization(name="Samruk-Kazyna")],
            locations=[Location(name="Astana", country="KZ"), Location(name="Nowhere")],
        ),
        countries=["KZ", "DE"],
        attribution="Kazinform",
        publisher="Kazinform",
        money=[
            Money(amount=75.8e9, currency="USD", text="$75.8 billion"),
            Money(amount=5, currency="KZT", text="5 tenge"),
        ],
        quotes=[Quote(text="We agree", speaker=None), Quote(text="Да", speaker="Токаев")],
        keywords=["energy", "berlin"],
        near_duplicate_of="fedcba9876543210fedcba9876543210",
        flags=["truncated", "invalid_utf8"],
    )


def _events() -> list[ArticleEvent]:
    full = _full_event()
    bare = ArticleEvent(
        article_id="0" * 32,
        published_at=datetime(2025, 1, 1, tzinfo=UTC),
        views=0,
        title="t",
        body="",
        dump_date=None,
        source=SourceRef(id="s", offset=0),
        word_count=0,
    )
    # model_copy (how dedup and enrichment refine an event) keeps the values it is given
    copied = full.model_copy(update={"revision": 3, "near_duplicate_of": None})
    return [full, bare, copied, bare.model_copy(update={"language": "kk", "views": 10**12})]


@pytest.mark.parametrize("event", _events())
def test_event_to_json_is_orjson_over_model_dump(event: ArticleEvent) -> None:
    assert event_to_json(event) == jsonio.dumps(event.model_dump(mode="python"))


def _models(model: type[BaseModel]) -> set[type[BaseModel]]:
    found = {model}
    for info in model.model_fields.values():
        for arg in [info.annotation, *getattr(info.annotation, "__args__", ())]:
            for inner in [arg, *getattr(arg, "__args__", ())]:
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    found |= _models(inner)
    return found


def test_no_event_model_serialises_otherwise_than_its_field_values() -> None:
    # What lets event_to_json hand orjson the models' field values as they are.
    models = _models(ArticleEvent)
    assert {Entities, Person, Location, Money, Quote, SourceRef} <= models
    for model in models:
        decorators = model.__pydantic_decorators__
        assert not decorators.field_serializers, model
        assert not decorators.model_serializers, model
        assert not model.model_computed_fields, model


def test_event_to_json_refuses_what_is_not_json() -> None:
    odd = _full_event().model_copy(update={"keywords": [object()]})
    with pytest.raises(TypeError):
        event_to_json(odd)
