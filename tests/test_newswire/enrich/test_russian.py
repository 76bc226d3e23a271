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
        (["Хамидом", "Карзаем"], "ablt", "Хамид Карзай"),  # surnames in -ай
        (["Хамида", "Карзая"], "gent", "Хамид Карзай"),
        (["Алана", "Гарсии"], "gent", "Алан Гарсия"),  # surnames in -ия
        (["Софьи", "Ковалевской"], "gent", "Софья Ковалевская"),  # a woman's -ская
        (["Дмитрия", "Медведева"], "nomn", "Дмитрий Медведев"),  # the first name's case wins
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


def test_roles_go_to_the_nominative_singular_in_the_head_gender() -> None:
    assert russian.nominative_role(["Британского", "премьера"], "gent") == ["Британский", "премьер"]
    assert russian.nominative_role(["британской", "королевы"], "gent") == ["британская", "королева"]
    assert russian.nominative_role(["музыкантами"], "ablt") == ["музыкант"]
    assert russian.nominative_role(["действующего", "президента"], "gent") == [
        "действующий",
        "президент",
    ]


def test_what_the_dictionary_says_of_name_words() -> None:
    assert russian.name_facts("Нұрсұлтан").first_name  # Kazakh letters read as Russian
    assert not russian.name_facts("Сапарбаев").first_name  # no plural of a first name
    assert russian.name_facts("Песков").surname  # not only «песок»
    assert russian.name_facts("Анталье").place
    assert russian.profession_case("журналиста-расследователя") == "gent"
    assert russian.profession_case("сыну") is None  # kin: no role
    assert "datv" in russian.person_noun_cases("сыну")  # but a person's noun
