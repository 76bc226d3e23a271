"""Russian and Kazakh articles: the development set field by field, the blind set by floors
(its exact figures are reported by bench/enrich_quality.py), and the patterns of the issue."""

from __future__ import annotations

import pytest

from bench.enrich_quality import quality
from newswire_dev.heldout import RU_KK_BLIND as BLIND
from newswire_dev.heldout import RU_KK_DEVELOPMENT as DEVELOPMENT
from newswire_dev.heldout import RU_KK_FRESH_BLIND as FRESH_BLIND
from newswire_dev.heldout import RU_KK_LATE as LATE
from newswire_dev.heldout import HeldOut
from tests.test_newswire.enrich.support import enriched


@pytest.mark.parametrize("article", DEVELOPMENT, ids=lambda a: a.title[:30])
def test_development_article(article: HeldOut) -> None:
    event = enriched(article.title, article.body)
    assert event.language == article.language
    assert {p.name: p.role for p in event.entities.persons} == article.persons
    assert event.attribution == article.attribution
    assert event.publisher == article.publisher
    assert [q.speaker for q in event.quotes] == article.speakers
    assert [(m.amount, m.currency) for m in event.money] == article.money


@pytest.mark.parametrize("article", LATE, ids=lambda a: a.title[:30])
def test_late_article_people_and_source(article: HeldOut) -> None:
    event = enriched(article.title, article.body)
    assert {p.name: p.role for p in event.entities.persons} == article.persons
    assert (event.attribution, event.publisher) == (article.attribution, article.publisher)


@pytest.mark.parametrize("articles", [BLIND, FRESH_BLIND], ids=["blind", "fresh-blind"])
def test_blind_articles_meet_the_targets(articles: list[HeldOut]) -> None:
    result = quality(articles)
    assert result["persons"]["precision"] >= 0.9
    assert result["persons"]["recall"] >= 0.9
    assert result["roles_found"] >= 0.8
    assert result["attribution"] >= 0.9
    assert result["quote_speakers"] >= 0.85


def test_a_declined_name_comes_out_once_in_the_nominative() -> None:
    event = enriched(
        "Т",
        "Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с президентом "
        "Франции Эммануэлем Макроном.\n"
        "Касым-Жомарт Токаев пригласил Эммануэля Макрона в Астану.\n"
        "Глава государства поблагодарил Макрона за поддержку.",
    )
    assert {p.name: p.role for p in event.entities.persons} == {
        "Касым-Жомарт Токаев": "Президент Казахстана",
        "Эммануэль Макрон": "президент Франции",
    }
    assert [(loc.name, loc.country) for loc in event.entities.locations][-1] == ("Astana", "KZ")


def test_a_quote_without_marks_is_attributed_by_its_dash_clause() -> None:
    event = enriched(
        "Т",
        "Премьер-министр Олжас Бектенов встретился с инвесторами, сообщает primeminister.kz.\n"
        "Китай остается нашим ключевым партнером, – подчеркнул Олжас Бектенов.",
    )
    assert [(q.speaker, q.text) for q in event.quotes] == [
        ("Олжас Бектенов", "Китай остается нашим ключевым партнером")
    ]
    assert (event.attribution, event.publisher) == ("primeminister.kz", "primeminister.kz")


def test_kazakh_roles_stand_before_the_name_and_suffixes_come_off() -> None:
    event = enriched(
        "Т",
        "Қазақстан Президенті Қасым-Жомарт Тоқаев Түркия Президенті Режеп Тайып Ердоғанмен "
        "кездесті, деп хабарлайды ҚазАқпарат.\n"
        "Біз ынтымақтастықты кеңейтуге дайынбыз», – деп атап өтті Режеп Тайып Ердоған.",
    )
    assert {p.name: p.role for p in event.entities.persons} == {
        "Қасым-Жомарт Тоқаев": "Қазақстан Президенті",
        "Режеп Тайып Ердоған": "Түркия Президенті",
    }
    assert (event.attribution, event.publisher) == ("ҚазАқпарат", "Kazinform")
    assert [q.speaker for q in event.quotes] == ["Режеп Тайып Ердоған"]


def test_english_role_with_an_organisation_inside() -> None:
    event = enriched(
        "T",
        "President of the European Council António Costa arrived in Astana, Akorda reports.\n"
        "He met President of the Chamber of Commerce Rashid Lindqvist.",
    )
    assert {p.name: p.role for p in event.entities.persons} == {
        "António Costa": "President of the European Council",
        "Rashid Lindqvist": "President of the Chamber of Commerce",
    }
    assert [o.name for o in event.entities.organizations] == [
        "European Council",
        "Chamber of Commerce",
    ]
    assert (event.attribution, event.publisher) == ("Akorda", "Akorda")
