"""Quotes attributed by a Russian or Kazakh dash clause."""

from __future__ import annotations

from newswire.core.models import Person
from newswire.enrich.quotes import quotes

_PEOPLE = [Person(key="абылкасымова", name="Мадина Абылкасымова", role="Министр финансов")]


def test_a_pronoun_in_the_dash_clause_is_the_person_last_named() -> None:
    found = quotes(
        [
            "Министр финансов Мадина Абылкасымова провела встречу с инвесторами.",
            "Мы обеспечим прозрачность бюджета», — отметила она.",
        ],
        _PEOPLE,
    )
    assert [(q.speaker, q.text) for q in found] == [
        ("Мадина Абылкасымова", "Мы обеспечим прозрачность бюджета")
    ]


def test_the_quote_starts_at_its_opening_mark_when_it_kept_one() -> None:
    found = quotes(
        ["Министр сказал: «Бюджет сбалансирован», – отметила Мадина Абылкасымова."], _PEOPLE
    )
    assert [(q.speaker, q.text) for q in found] == [("Мадина Абылкасымова", "Бюджет сбалансирован")]


def test_a_dash_without_a_speech_verb_is_no_quote() -> None:
    assert (
        quotes(["Казахстан и Китай – стратегические партнеры, отметили эксперты."], _PEOPLE) == []
    )


def test_a_title_alone_is_no_speaker() -> None:
    found = quotes(["Катар открыт для инвестиций», – заявил Эмир."], _PEOPLE)
    assert [(q.speaker, q.text) for q in found] == [(None, "Катар открыт для инвестиций")]


def test_english_shapes_need_their_marks() -> None:
    found = quotes(
        [
            'Minister Murat Nurtleu said: "We will open three new routes next year."',
            "We highly appreciate the support of Central Asia,” Hidehiko Yuzaki said.",
            "Murat Nurtleu said the routes will open next year.",  # no marks: no quote
        ],
        [Person(key="nurtleu", name="Murat Nurtleu"), Person(key="yuzaki", name="Hidehiko Yuzaki")],
    )
    assert [(q.speaker, q.text) for q in found] == [
        ("Murat Nurtleu", "We will open three new routes next year."),
        ("Hidehiko Yuzaki", "We highly appreciate the support of Central Asia"),
    ]


def test_a_pronoun_is_the_last_person_a_paragraph_names() -> None:
    found = quotes(
        [
            "Murat Nurtleu met Hidehiko Yuzaki in Astana.",
            'He said: "Both sides agreed on the new transit routes."',
        ],
        [Person(key="nurtleu", name="Murat Nurtleu"), Person(key="yuzaki", name="Hidehiko Yuzaki")],
    )
    assert [q.speaker for q in found] == ["Hidehiko Yuzaki"]


def test_a_quote_in_a_later_paragraph_still_names_the_person_named_before() -> None:
    people = [Person(key="yuzaki", name="Hidehiko Yuzaki")]
    paragraphs = ["Hidehiko Yuzaki visited Astana.", 'He said that "the talks went very well."']
    found = quotes(paragraphs, people)
    assert [(q.text, q.speaker) for q in found] == [
        ("the talks went very well.", "Hidehiko Yuzaki")
    ]
