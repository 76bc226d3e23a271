"""Russian names and roles in the nominative, whatever case the sentence gives them."""

from __future__ import annotations

import pytest

from newswire.enrich import russian


@pytest.mark.parametrize(
    ("words", "case", "nominative"),
    [
        (["Эммануэлем", "Макроном"], "ablt", "Эммануэль Макрон"),
        (["Джейхуном", "Байрамовым"], "ablt", "Джейхун Байрамов"),
        (["Мансуром", "Явашем"], "ablt", "Мансур Яваш"),
        (["Касым-Жомарта", "Токаева"], "gent", "Касым-Жомарт Токаев"),
        (["Олжасу", "Бектенову"], "datv", "Олжас Бектенов"),
        (["Асель", "Жанасовой"], "ablt", "Асель Жанасова"),
        (["Марией", "Захаровой"], "ablt", "Мария Захарова"),  # a known surname keeps its gender
        (["Владимиром", "Путиным"], "ablt", "Владимир Путин"),
        (["Ван", "И"], "gent", "Ван И"),  # indeclinable
        (["Мурат", "Нуртлеу"], "nomn", "Мурат Нуртлеу"),
        (["Токаева"], "nomn", "Токаева"),  # a woman's surname in the nominative stays
    ],
)
def test_names_go_to_the_nominative(words: list[str], case: str, nominative: str) -> None:
    assert russian.nominative_name(words, case) == nominative


def test_the_case_comes_from_the_role_noun_or_the_preposition() -> None:
    assert russian.role_head_case("президентом") == "ablt"
    assert russian.role_head_case("Председателю") == "datv"
    assert russian.role_head_case("Макроном") is None
    assert russian.preposition_case("с") == "ablt"


def test_roles_go_to_the_nominative_up_to_their_head() -> None:
    words = ["первым", "заместителем", "премьер-министра"]
    assert russian.nominative_role(words, "ablt") == ["первый", "заместитель", "премьер-министра"]
    assert russian.nominative_role(["министра", "иностранных", "дел", "Китая"], "gent") == [
        "министр",
        "иностранных",
        "дел",
        "Китая",
    ]


def test_lookups_are_cached_per_word() -> None:
    russian.analyses("президентом")
    hits = russian.analyses.cache_info().hits
    russian.analyses("президентом")
    assert russian.analyses.cache_info().hits == hits + 1


def test_a_cached_role_is_a_fresh_list_each_time() -> None:
    words = ["первым", "заместителем", "премьер-министра"]
    first = russian.nominative_role(words, "ablt")
    first[0] = "changed"
    assert russian.nominative_role(words, "ablt") == ["первый", "заместитель", "премьер-министра"]
    assert words == ["первым", "заместителем", "премьер-министра"]


def test_readings_hold_plain_strings() -> None:
    # pymorphy3's grammemes raise on a compare with a non-grammeme and cost a Python call
    # for every compare and hash: the cached readings hold plain strings.
    reading = russian.analyses("президентом")[0]
    assert type(reading.case) is str
    assert type(reading.pos) is str
