"""Normalised keys: declined gold surfaces and the extractor's nominatives meet."""

from __future__ import annotations

import pytest

from bench.scoring.keys import is_adjective, name_words, person_key, phrase_key, word_key


@pytest.mark.parametrize(
    ("gold", "predicted", "language"),
    [
        ("Барака Обамы", "Барак Обама", "ru"),
        ("с Ангелой Меркель", "Ангела Меркель", "ru"),
        ("Марии Захаровой", "Мария Захарова", "ru"),
        ("Қасым-Жомарт Тоқаевтың", "Қасым-Жомарт Тоқаев", "kk"),
        ("Ержан Бекпен", "Ержан Бек", "kk"),
        ("DONALD TRUMP", "Donald Trump", "en"),
        ("Trump's", "Donald Trump", "en"),
    ],
)
def test_a_person_is_keyed_by_the_dictionary_form_of_the_surname(
    gold: str, predicted: str, language: str
) -> None:
    assert person_key(gold, language) == person_key(predicted, language)


def test_phrases_and_words_fold_case_and_yo() -> None:
    assert phrase_key("Соединённых Штатов", "ru") == phrase_key("Соединенные Штаты", "ru")
    assert word_key("Ресейге", "kk") == "ресей"


def test_organisation_words_leave_function_words_out() -> None:
    assert name_words("Министерство иностранных дел России", "ru") == name_words(
        "министерства иностранных дел России", "ru"
    )
    assert "of" not in name_words("Bank of England", "en")


def test_adjectives_are_told_from_names() -> None:
    assert is_adjective("российских", "ru")
    assert not is_adjective("России", "ru")
    assert not is_adjective("российских", "kk")
