"""Enrichment never raises, whatever the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_newswire.enrich.support import enriched

_newsy = st.sampled_from(
    [
        "Minister",
        "of",
        "the",
        "Republic",
        "Kazakhstan",
        "Olzhas",
        "Bektenov",
        ",",
        '"',
        "”",
        "said",
        "$",
        "1.8",
        "billion",
        "US dollars",
        "€",
        "тенге",
        "миллиардов",
        "Astana",
        "\n",
        "reports",
        ".",
        "Dr.",
        "he",
        "Қазақстан",
        "BRICS",
        "company",
        "such as",
        "-",
        "  ",
        # Russian and Kazakh: declined names and roles, dash clauses, attribution clauses.
        "Президентом",
        "Франции",
        "Эммануэлем",
        "Макроном",
        "с",
        "и",
        "министр",
        "Ердоғанмен",
        "Президенті",
        "Қасым-Жомарт",
        "Тоқаевты",
        "», –",
        "– отметила",
        "деп атап өтті",
        ", сообщает",
        "со ссылкой на",
        "деп хабарлайды",
        "Астанада",
        "Ван",
        "И",
    ]
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(title=st.text(max_size=80), body=st.text(max_size=600))
def test_random_text_never_raises(title: str, body: str) -> None:
    event = enriched(title, body)
    assert all(c.isupper() and len(c) == 2 for c in event.countries)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(words=st.lists(_newsy, max_size=80))
def test_news_like_word_salad_never_raises(words: list[str]) -> None:
    event = enriched("Title", " ".join(words))
    russian = enriched("Заголовок", "Новости. " + " ".join(words))  # the ru/kk extractors
    assert all(p.name.strip() for p in russian.entities.persons)
    assert len(event.keywords) <= 6
    assert all(m.amount >= 0 for m in event.money)
