"""Articles written for these tests: other people, countries and currencies, a Russian and a
Kazakh one. Each is checked field by field, and the whole set for precision and recall."""

from __future__ import annotations

import pytest

from newswire_dev.heldout import EN_DEVELOPMENT as ARTICLES
from newswire_dev.heldout import HeldOut
from tests.test_newswire.enrich.support import enriched


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.title[:30])
def test_held_out_article(article: HeldOut) -> None:
    event = enriched(article.title, article.body)
    assert event.language == article.language
    assert set(event.countries) == article.countries
    found = {p.name: p.role for p in event.entities.persons}
    assert found == article.persons
    assert event.attribution == article.attribution
    assert event.publisher == article.publisher
    assert [(m.amount, m.currency) for m in event.money] == article.money
    assert [q.speaker for q in event.quotes] == article.speakers
    assert article.organizations <= {o.name for o in event.entities.organizations}


def test_tenge_and_other_currencies_normalise() -> None:
    event = enriched("T", "Costs rose to ₸1,250 million, EUR 3.5 billion and 12 thousand pounds.")
    assert [(m.amount, m.currency) for m in event.money] == [
        (1.25e9, "KZT"),
        (3.5e9, "EUR"),
        (12e3, "GBP"),
    ]


def test_he_resolves_to_the_person_last_named() -> None:
    body = (
        "Minister of Finance Aigul Tasbolat met investors.\n"
        'Markets are calm," she said.\n'
        'He said that "the budget is balanced."'
    )
    event = enriched("T", body)
    assert [(q.speaker, q.text) for q in event.quotes] == [
        ("Aigul Tasbolat", "Markets are calm"),
        ("Aigul Tasbolat", "the budget is balanced."),
    ]
