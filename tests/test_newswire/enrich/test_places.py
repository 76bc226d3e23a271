"""Places: the longest gazetteer phrase of adjacent words that no earlier extractor claimed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newswire.core.models import Location
from newswire.enrich.gazetteer import MAX_PLACE_WORDS, load
from newswire.enrich.places import _reach, _second_words, location, places
from newswire.enrich.text import tokens


def _names(text: str, skip: frozenset[int] = frozenset()) -> list[str]:
    found, _countries, _covered = places(text, tokens(text), load(), set(skip), set())
    return [location.name for location in found]


def test_the_longest_phrase_of_words_joined_by_single_spaces_is_one_place() -> None:
    assert _names("Flights to Rio de Janeiro resumed.") == ["Rio de Janeiro"]
    assert _names("Flights to Rio  de Janeiro resumed.") == []  # two spaces: no phrase


def test_a_claimed_word_inside_a_phrase_breaks_it() -> None:
    assert _names("Flights to Rio de Janeiro resumed.", skip=frozenset({3})) == []


def test_the_words_of_a_place_are_not_looked_at_again() -> None:
    text = "Talks in New York and Kazakhstan."
    found, countries, covered = places(text, tokens(text), load(), set(), set())
    assert [location.name for location in found] == ["New York", "Kazakhstan"]
    assert countries == ["US", "KZ"]
    assert covered == {2, 3, 5}


@pytest.mark.parametrize(
    ("text", "skip", "reach"),
    [
        ("Rio de Janeiro resumed flights", set(), MAX_PLACE_WORDS),
        ("Rio de Janeiro", set(), 3),  # the text ends
        ("Rio de Janeiro, Brazil", {2}, 2),  # a claimed word
        ("Rio de, Janeiro", set(), 2),  # a comma between
        ("Rio\nde Janeiro", set(), 1),  # a line break between
    ],
)
def test_reach_counts_the_words_a_place_from_the_first_may_span(
    text: str, skip: set[int], reach: int
) -> None:
    assert _reach(0, tokens(text), skip) == reach


def test_one_word_places_keep_their_rules_wherever_the_word_comes_back() -> None:
    text = (
        "Shymkent hosts it. Nice talks in Reading, Shymkent and Kazakhstan. "
        "The Shymkent Kazakhstan Bank"
    )
    toks = tokens(text)
    found, countries, covered = places(text, toks, load(), set(), {11, 12, 13})
    # A one-word city is no place at a sentence's start, nor when its word is common, nor
    # inside an organisation's name (where a country still is), wherever it came before.
    assert [location.name for location in found] == ["Shymkent", "Kazakhstan"]
    assert countries == ["KZ"]
    assert sorted(covered) == [7, 9, 12]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Talks in The Hague and A Coruña. The talks ended.", ["The Hague", "A Coruña"]),
        ("Talks in Paris today", ["Paris"]),  # begins "Paris ..." places, and is one alone
        # A Cyrillic phrase's last word may carry a case ending: any second word is looked up.
        ("Ол Оңтүстік Кореяда болды.", ["South Korea"]),
    ],
)
def test_a_phrase_is_looked_up_past_its_first_word_only_when_a_place_may_continue_it(
    text: str, names: list[str]
) -> None:
    assert _names(text) == names
    assert "hague" in _second_words(load())["the"]
    assert "talks" not in _second_words(load())["the"]


def test_a_location_is_validated_once_then_shared() -> None:
    text = "Talks in Astana and Tashkent."
    found, _countries, _covered = places(text, tokens(text), load(), set(), set())
    assert found == [Location(name="Astana", country="KZ"), Location(name="Tashkent", country="UZ")]
    for made in found:  # what the wire would carry validates back to the same value
        assert Location.model_validate(made.model_dump()) == made
    assert location("Astana", "KZ") is location("Astana", "KZ")
    with pytest.raises(ValidationError):  # made by the model's validation, not around it
        location("Astana", "kz")


def _located(text: str, language: str | None) -> list[tuple[str, str | None]]:
    found, _countries, _covered = places(
        text, tokens(text), load(), set(), set(), language=language
    )
    return [(location.name, location.country) for location in found]


@pytest.mark.parametrize(
    "text",
    [
        "Об этом рассказала Виктория.",  # Victoria, Canada
        "Адвокат Александра подал жалобу.",  # Alexandria
        "Друг его, Питер, приехал вчера.",  # Saint Petersburg
        "Выступил Сантана на концерте.",  # Santana
        "Члены Совета собрались утром.",  # Soweto, by an ending cut off
    ],
)
def test_a_russian_name_or_word_is_no_place(text: str) -> None:
    assert _located(text, "ru") == []


def test_a_name_that_is_also_a_town_is_one_after_a_preposition_of_place() -> None:
    assert _located("Завод открыли в Кирове вчера.", "ru") == [("Kirov", "RU")]
    assert _located("Слова Кирова повторили вчера.", "ru") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Переговоры прошли в Бразилии.", ("Brazil", "BR")),
        ("Президент США выступил.", ("United States", "US")),
        ("Он родился в СССР.", ("Soviet Union", "SU")),
        ("Пожар вспыхнул в Нижнем Новгороде.", ("Nizhniy Novgorod", "RU")),
        ("Ракету запустили в Северной Корее.", ("North Korea", "KP")),
        ("Выборы прошли в Иллинойсе.", ("Illinois", "US")),  # iso-codes' Russian name
        ("Губернатор Алтайского края приехал.", ("Алтайский край", None)),  # by the pattern
        ("Туристы вернулись из Европы.", ("Europe", None)),  # a place of no country
        ("Солдаты вернулись в Донбасс.", ("Донбасс", None)),  # geographical by the dictionary
    ],
)
def test_russian_places_by_the_dictionary(text: str, place: tuple[str, str | None]) -> None:
    assert _located(text, "ru") == [place]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Жиын Маңғыстау облысында өтті.", ("Mangghystaū oblysy", "KZ")),  # the region wins
        ("Ал АҚШ-тың өкілі келді.", ("United States", "US")),
        ("Делегация Орталық Азияға барды.", ("Central Asia", None)),
    ],
)
def test_kazakh_regions_abbreviations_and_areas(text: str, place: tuple[str, str | None]) -> None:
    assert _located(text, "kk") == [place]


def test_a_dateline_in_capitals_is_a_place() -> None:
    assert _located("CHICAGO 1996-08-31\nPrices rose.", "en") == [("Chicago", "US")]


def test_a_town_followed_by_a_score_is_a_team() -> None:
    assert _located("Results:\nKent 108-3, Bristol 28\nRain in Bristol later.", "en") == [
        ("Bristol", "GB")
    ]


def test_a_city_beside_a_word_of_playing_is_a_team_and_a_country_still_a_place() -> None:
    text = "Glamorgan beat Durham by 141 runs. Next: May 17 v Northampton. Italy beat Wales again."
    assert sorted(_located(text, "en")) == [("Italy", "IT"), ("Wales", "GB")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Фильм Анджея Хаса показали.", "ru", []),  # after a first name: a surname
        ("Он работал на канале «Ленинград» давно.", "ru", []),  # a quoted name: a company's
        ("Карта Украинского фронта.", "ru", []),  # an adjective alone is no place
        ("Dissident Wang Donghai was detained.", "en", []),  # inside a person's name
        ("The Baltimore Orioles won.", "en", []),  # inside a team's name
        ("Fixtures: BALTIMORE AT SEATTLE", "en", [("Seattle", "US")]),  # the visiting team
    ],
)
def test_a_town_inside_a_longer_name_is_no_place(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert _located(text, language) == expected


def test_a_kazakh_name_declined_is_no_place() -> None:
    assert _located("Мектепте Абайдың өлеңдері оқылды.", "kk") == []


def test_a_large_countrys_region_and_a_continent_are_places_though_frequent_words() -> None:
    assert _located("Oil traders in Texas and Europe waited.", "en") == [
        ("Texas", "US"),
        ("Europe", None),
    ]


def test_a_kazakh_name_that_begins_a_region_is_no_place_alone() -> None:
    assert _located("Мектепте Абай оқылды. Жиын Абай облысында өтті.", "kk") == [
        ("Abay oblysy", "KZ")
    ]
