"""Enrichment of the real sample's articles, checked against a reading of them."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from newswire.core.events import build_event
from newswire.core.models import ArticleEvent
from newswire.enrich import enrich
from tests.support import articles, parse_bytes, requires_sample, sample_bytes

pytestmark = requires_sample


@pytest.fixture(scope="module")
def sample() -> list[ArticleEvent]:
    zone = ZoneInfo("Asia/Almaty")
    return [enrich(build_event(a, zone)) for a in articles(parse_bytes(sample_bytes()))]


def _persons(event: ArticleEvent) -> dict[str, str | None]:
    return {p.name: p.role for p in event.entities.persons}


def test_every_sample_article_is_english(sample: list[ArticleEvent]) -> None:
    assert {e.language for e in sample} == {"en"}


def test_people_carry_the_roles_the_text_gives(sample: list[ArticleEvent]) -> None:
    first, second, third = (_persons(e) for e in sample[:3])
    assert first["Olzhas Bektenov"] == "Prime Minister of the Republic of Kazakhstan"
    assert first["René Fasel"] == "founder of Phygital International"
    assert first["Yerbol Myrzabossynov"] == "Minister of Tourism and Sports"
    assert second["Hidehiko Yuzaki"] == "Governor of Hiroshima Prefecture"
    assert "Kassym-Jomart Tokayev" in second
    assert third["Murat Nurtleu"] == (
        "Deputy Prime Minister - Minister of Foreign Affairs of the Republic of Kazakhstan"
    )
    assert "Minister Nurtleu" not in third  # the later mention resolves to the full name
    assert "Nurtleu" not in third
    assert _persons(sample[8])["Miguel Díaz-Canel"] == "President of Cuba"


def test_organisations(sample: list[ArticleEvent]) -> None:
    names = {o.name for e in sample for o in e.entities.organizations}
    assert {
        "Hunan Junxin Environmental Protection",
        "Shanghai Cooperation Organisation",
        "BRICS",
        "Ministry of Transport of Kazakhstan",
        "Kazinform News Agency",
    } <= names


def test_places_and_countries(sample: list[ArticleEvent]) -> None:
    located = {(loc.name, loc.country) for e in sample for loc in e.entities.locations}
    assert {
        ("Astana", "KZ"),
        ("Hiroshima Prefecture", "JP"),
        ("Kabul", "AF"),
        ("Minsk", "BY"),
        ("Rio de Janeiro", "BR"),
    } <= located
    assert {"KZ", "AF"} <= set(sample[2].countries)  # "Kazakh", "Afghan" and the places
    assert {"IR", "UZ", "CU"} <= set(sample[8].countries)  # Iranian, Uzbek, Cuba


def test_attribution(sample: list[ArticleEvent]) -> None:
    assert [e.attribution for e in sample] == [
        "primeminister.kz",
        "primeminister.kz",
        "press service of the Kazakh MFA",
        "Kazinform News Agency",
        "press service of the Kazakh MFA",
        "Kazinform News Agency",
        "ARMENPRESS",
        "primeminister.kz",
        "Akorda",
    ]


def test_money(sample: list[ArticleEvent]) -> None:
    assert [(m.amount, m.currency, m.text) for m in sample[1].money] == [
        (1.8e9, "USD", "$1.8 billion"),
        (8.3e9, "USD", "$8.3 billion"),
    ]
    assert [(m.amount, m.currency) for m in sample[2].money] == [(3e9, "USD")]


def test_quotes_including_the_scraped_shape_without_opening_mark(
    sample: list[ArticleEvent],
) -> None:
    quotes = sample[1].quotes
    assert [q.speaker for q in quotes] == ["Hidehiko Yuzaki", "Olzhas Bektenov"]
    assert quotes[0].text.startswith("We highly appreciate Kazakhstan’s support")
    assert quotes[0].text.endswith("movement in Central Asia")
    intact = [q for q in sample[5].quotes if q.text.startswith("Kazakhstan fully supports")]
    assert [q.speaker for q in intact] == ["Murat Nurtleu"]


def test_keywords_are_a_handful_of_topical_words(sample: list[ArticleEvent]) -> None:
    assert all(1 <= len(e.keywords) <= 6 for e in sample)
    assert "phygital" in sample[0].keywords
    assert "nuclear" in sample[1].keywords
