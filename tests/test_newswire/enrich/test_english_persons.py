"""English mentions grouped into persons: surnames alone, headlines in capitals, initials."""

from __future__ import annotations

from newswire.core.models import Person
from tests.test_newswire.enrich.support import enriched


def _persons(title: str, body: str) -> list[Person]:
    return enriched(title, body).entities.persons


def _mentions(person: Person) -> list[tuple[str, str]]:
    return [(m.field, m.text) for m in person.mentions or ()]


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    [person] = _persons("Race", "Dana Kolber won the race. Later Kolber thanked the crowd.")
    assert person.name == "Dana Kolber"
    assert _mentions(person) == [("body", "Dana Kolber"), ("body", "Kolber")]


def test_a_headline_in_capitals_names_the_person_of_the_body() -> None:
    [person] = _persons("KOLBER WINS IN RAIN", "Dana Kolber won the race on Sunday.")
    assert _mentions(person) == [("title", "KOLBER"), ("body", "Dana Kolber")]


def test_initials_fold_into_the_full_name_with_that_first_letter() -> None:
    found = _persons(
        "Cricket", "Martin Bevvan and Sam Bevvan played. M. Bevvan scored 56, S. Bevvan 12."
    )
    assert [(p.name, [m.text for m in p.mentions or ()]) for p in found] == [
        ("Martin Bevvan", ["Martin Bevvan", "M. Bevvan"]),
        ("Sam Bevvan", ["Sam Bevvan", "S. Bevvan"]),
    ]


def test_a_bare_surname_shared_by_two_people_is_the_one_named_nearest_before() -> None:
    found = _persons("Cricket", "Mark Waughan bowled. Steve Waughan batted and Waughan hit a six.")
    assert [len(p.mentions or ()) for p in found] == [1, 2]


def test_a_surname_alone_after_a_role_is_a_person() -> None:
    [person] = _persons("Talks", "The talks ended when President Tarvik left the room.")
    assert (person.name, person.role, person.key) == ("Tarvik", "President", "tarvik")


def test_a_surname_inside_other_capitalised_words_is_not_the_person() -> None:
    [person] = _persons("Sea", "Diane Woodhole spoke. The Woodhole Institute sent a ship.")
    assert _mentions(person) == [("body", "Diane Woodhole")]


def test_a_surname_alone_is_no_person_where_a_preposition_makes_it_a_place() -> None:
    assert _persons("Crime", "A police official in Tarvikburg said the girls were found.") == []
