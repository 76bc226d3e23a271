"""English people: where names end and start, and what a place's name is not."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newswire.core.models import Person
from newswire.enrich import people
from newswire.enrich.gazetteer import load
from newswire.enrich.text import Mention, tokens
from tests.test_newswire.enrich.support import enriched


def _ends(text: str) -> list[str]:
    toks = tokens(text)
    return [toks[i].text for i in people.name_ends(toks, load())]


def test_a_name_may_end_only_where_a_run_of_capitalised_words_ends() -> None:
    assert _ends("Prime Minister Olzhas Bektenov met Aigerim Omarov, Tanaka and Li.") == [
        "Bektenov",
        "Omarov",
        "Tanaka",
        "Li",
    ]
    assert _ends("The Minister arrived.") == []  # common and role words end no name


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("He flew to Abu Dhabi today", True),
        ("He flew to Rio de Janeiro today", True),
        ("He met Aigerim Omarov today", False),
        ("He met Dhabi today", False),  # one word: no place of several words
        # a Cyrillic word may close a place's name in a case: "Барбуде" ends no name as such
        ("Он прилетел в Антигуа и Барбуде сегодня", True),
    ],
)
def test_a_word_closes_a_place_of_several_words(text: str, ends: bool) -> None:
    toks = tokens(text)
    last = next(i for i, t in enumerate(toks) if t.lower in ("today", "сегодня")) - 1
    assert people.ends_a_place(text, toks, last, load()) is ends


def test_a_place_of_several_words_is_no_persons_name() -> None:
    persons = enriched("Visit", "Minister Aigerim Omarov arrived in Abu Dhabi on Monday.")
    assert [p.name for p in persons.entities.persons] == ["Aigerim Omarov"]


def test_one_word_mentions_fold_into_the_full_name_with_its_first_role() -> None:
    mentions = [
        Mention(0, 1, "Murat Nurtleu", None),
        Mention(2, 3, "Aigerim Omarov", None),
        Mention(5, 5, "Nurtleu", "Minister"),  # after the full mentions
        Mention(9, 10, "Murat Nurtleu", "Deputy"),  # the first role of the full name
        Mention(12, 12, "Omarov", "Mayor"),
        Mention(14, 14, "Omarov", "Governor"),
    ]
    assert people.persons(mentions) == [
        Person(name="Murat Nurtleu", role="Deputy"),
        Person(name="Aigerim Omarov", role="Mayor"),
    ]


def test_a_person_is_validated_once_then_shared() -> None:
    found = people.persons(
        [Mention(0, 1, "Murat Nurtleu", "Deputy"), Mention(3, 4, "Li Qiang", None)]
    )
    assert found == [Person(name="Murat Nurtleu", role="Deputy"), Person(name="Li Qiang")]
    for made in found:  # what the wire would carry validates back to the same value
        assert Person.model_validate(made.model_dump()) == made
    assert people.person("Li Qiang", None) is people.person("Li Qiang", None)
    with pytest.raises(ValidationError):  # made by the model's validation, not around it
        people.person(None, None)
