"""Every person, organisation, place, amount and quote of an event says where it was found,
and every offset slices exactly its surface form (schema version 3)."""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo

import pytest

from newswire.core.events import build_event
from newswire.core.models import ArticleEvent
from newswire.enrich import enrich
from newswire_dev.generate import generate
from newswire_dev.heldout import (
    EN_BLIND,
    EN_DEVELOPMENT,
    RU_KK_BLIND,
    RU_KK_DEVELOPMENT,
    RU_KK_FRESH_BLIND,
    RU_KK_LATE,
)
from tests.support import articles, parse_bytes, requires_sample, sample_bytes
from tests.test_newswire.enrich.support import enriched


def provenance_problems(event: ArticleEvent) -> list[str]:
    """What is wrong with the provenance of ``event``'s entities (empty: nothing)."""
    fields = {"title": event.title, "body": event.body}
    entities: list[tuple[str, str, Iterable[object]]] = [
        *(("person", p.name, p.mentions) for p in event.entities.persons),
        *(("organisation", o.name, o.mentions) for o in event.entities.organizations),
        *(("place", x.name, x.mentions) for x in event.entities.locations),
        *(("money", m.text, m.mentions) for m in event.money),
        *(("quote", q.text[:40], q.mentions) for q in event.quotes),
    ]
    problems = []
    for kind, name, mentions in entities:
        found = list(mentions)
        if not found:
            problems.append(f"{kind} {name!r}: no mention")
        for mention in found:
            field, start, end, text = (
                mention.field, mention.start, mention.end, mention.text  # type: ignore[attr-defined]
            )  # fmt: skip
            if fields[field][start:end] != text or not text:
                problems.append(f"{kind} {name!r}: {field}[{start}:{end}] is not {text!r}")
    return problems


def mentions(events: list[ArticleEvent]) -> int:
    """How many mentions the check reads: none, and an empty list of problems means nothing."""
    count = 0
    for e in events:
        for found in (e.entities.persons, e.entities.organizations, e.entities.locations,
                      e.money, e.quotes):  # fmt: skip
            count += sum(len(entity.mentions) for entity in found)
    return count


def test_generated_articles_carry_exact_provenance() -> None:
    corpus = generate(300, seed=12, repeat_rate=0, revision_rate=0, near_dup_rate=0)
    zone = ZoneInfo("Asia/Almaty")
    events = [enrich(build_event(a, zone)) for a in articles(parse_bytes(corpus.text.encode()))]
    assert sum(len(e.entities.persons) for e in events) > 100  # the check has something to do
    assert [p for e in events for p in provenance_problems(e)] == []


@pytest.mark.parametrize(
    "held_out",
    [EN_DEVELOPMENT, EN_BLIND, RU_KK_DEVELOPMENT, RU_KK_BLIND, RU_KK_LATE, RU_KK_FRESH_BLIND],
    ids=["en", "en-blind", "ru-kk", "ru-kk-blind", "ru-kk-late", "ru-kk-fresh"],
)
def test_hand_written_articles_carry_exact_provenance(held_out: list) -> None:
    events = [enriched(article.title, article.body) for article in held_out]
    assert mentions(events) > len(events)  # the check has something to do
    assert [p for e in events for p in provenance_problems(e)] == []


@requires_sample
def test_the_real_sample_carries_exact_provenance() -> None:
    zone = ZoneInfo("Asia/Almaty")
    events = [enrich(build_event(a, zone)) for a in articles(parse_bytes(sample_bytes()))]
    assert mentions(events) > len(events)  # the check has something to do
    assert [p for e in events for p in provenance_problems(e)] == []


def test_a_wrong_offset_is_caught() -> None:
    event = enriched("Talks in Astana", "President Tokayev met Olzhas Bektenov in Astana.")
    person = event.entities.persons[0]
    moved = person.mentions[0].model_copy(update={"start": person.mentions[0].start + 1})
    broken = event.model_copy(
        update={"entities": event.entities.model_copy(
            update={"persons": [person.model_copy(update={"mentions": [moved]})]}
        )}
    )  # fmt: skip
    assert provenance_problems(event) == []
    assert len(provenance_problems(broken)) == 1
