"""English people: where names end and start, and what a place's name is not."""

from __future__ import annotations

import pytest

from newswire.core.models import Person
from newswire.enrich import people
from newswire.enrich.document import read
from newswire.enrich.gazetteer import load
from newswire.enrich.persons import persons
from newswire.enrich.text import Mention, tokens
from newswire_dev.corpus import unenriched
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
    doc = read(unenriched("T", "Murat Nurtleu and Aigerim Omarov , Nurtleu then Murat Nurtleu ."))
    assert doc.tokens.texts[1:3] == ["Murat", "Nurtleu"]
    mentions = [
        Mention(1, 2, "Murat Nurtleu", None),
        Mention(4, 5, "Aigerim Omarov", None),
        Mention(6, 6, "Nurtleu", "Minister"),  # after the full mentions
        Mention(8, 9, "Murat Nurtleu", "Deputy"),  # the first role of the full name
        Mention(5, 5, "Omarov", "Mayor"),
    ]
    found = persons(mentions, doc)
    assert [(p.name, p.role, p.key) for p in found] == [
        ("Murat Nurtleu", "Deputy", "nurtleu"),
        ("Aigerim Omarov", "Mayor", "omarov"),
    ]
    # Every mention of the person, as the event carries it: offsets into the body.
    assert [(m.field, m.text) for m in found[0].mentions] == [
        ("body", "Murat Nurtleu"),
        ("body", "Nurtleu"),
        ("body", "Murat Nurtleu"),
    ]
    for person in found:
        for m in person.mentions:
            assert doc.body[m.start : m.end] == m.text
        assert Person.model_validate(person.model_dump()) == person  # the wire validates


def _names(body: str) -> list[str]:
    return [p.name for p in enriched("Report", body).entities.persons]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # a given name leads a name whose surname is a common English word
        ("Later Michael Green won the final in Leeds.", ["Michael Green"]),
        ("The crowd cheered when Stuart Law hit a six.", ["Stuart Law"]),
        # names in a line-up, no role nor speech verb
        (
            "Teams: Jason Gillespie, Glenn McGrath, Mark Waugh.",
            ["Jason Gillespie", "Glenn McGrath", "Mark Waugh"],
        ),
        # everyday words stay words
        ("Will Power Prevail was the headline of the day.", []),
    ],
)
def test_a_given_name_makes_a_name_without_other_evidence(body: str, names: list[str]) -> None:
    assert _names(body) == names


def test_initials_make_a_name_and_are_part_of_it() -> None:
    assert _names("Somerset 83 (P. Jorrin 4-38), Kent 108 (K.C. Varnell 61).") == [
        "P. Jorrin",
        "K.C. Varnell",
    ]
    assert _names("Essex 212 (R. Brown 55, T. Young 40).") == ["R. Brown", "T. Young"]
    assert _names("The U.S. Treasury said nothing.") == []  # a country's initials


def test_a_name_led_by_a_given_name_may_be_followed_by_its_affiliation() -> None:
    assert _names("Prices rose, economist Dana Kolber of Harbor Trust noted.") == ["Dana Kolber"]
    assert _names("He chairs the Board of Energy and Petroleum of Ruritania.") == []


def test_particles_stay_inside_a_name() -> None:
    assert _names("The visitors relied on Aravinda de Silva and Kevin De Bruyne.") == [
        "Aravinda de Silva",
        "Kevin De Bruyne",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Later Crystal Palace beat Leeds United at home.",  # a club's word
        "Then Lada Chemnitz lost again.",  # a town in the name
        "In the final Borussia Wendtland said nothing more.",  # a club, whatever the verb
    ],
)
def test_a_club_is_never_a_person(body: str) -> None:
    assert _names(body) == []


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("Queen Elizabeth I was crowned that year.", ["Elizabeth I"]),  # a regnal number
        ("Scrum-half Joost van der Hoevel scored twice.", ["Joost van der Hoevel"]),
        ("The crowd cheered as Neil Jordan arrived.", ["Neil Jordan"]),  # a country's name
        ("The crowd cheered as Ali Varzandeh arrived.", ["Ali Varzandeh"]),  # a top given name
        # a role before: the words before "of" are a name, not a role's
        ("Guests included publishers Jann Welborne of Harbor Press.", ["Jann Welborne"]),
    ],
)
def test_names_with_numbers_particles_and_places_in_them(body: str, names: list[str]) -> None:
    assert _names(body) == names


def test_a_team_after_a_plural_is_no_person() -> None:
    assert _names("They rested along with rivals Wendlingshire, who won.") == []
