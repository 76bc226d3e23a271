"""People in line-ups and scorecards: lists of names without roles, cricket notation."""

from __future__ import annotations

from tests.test_newswire.enrich.support import enriched


def _names(body: str) -> list[str]:
    return [p.name for p in enriched("Sport", body).entities.persons]


def test_the_other_names_of_a_line_up_are_people_too() -> None:
    body = (
        "Coach Ian Harvel praised Dora Quell and Sam Tobbin. "
        "The side: Quell, Brenagh, Tobbin, Harvel, Mostyn."
    )
    assert _names(body) == ["Ian Harvel", "Dora Quell", "Sam Tobbin", "Brenagh", "Mostyn"]


def test_a_note_in_brackets_does_not_end_a_line_up() -> None:
    body = "Squad: Ian Harvel (captain), Dora Quell, Sam Tobbin, Quarrow Smeaton."
    assert "Quarrow Smeaton" in _names(body)


def test_a_list_without_people_found_makes_no_people() -> None:
    assert _names("Exports went to Brenagh, Mostyn, Quarrow and Tobbin.") == []


def test_a_list_of_places_beside_people_makes_no_people_of_the_places() -> None:
    body = "Dora Quell, Sam Tobbin, France and Germany signed."
    assert _names(body) == ["Dora Quell", "Sam Tobbin"]


def test_fielders_and_bowlers_of_a_scorecard_are_people() -> None:
    body = "R. Tobbin c Brenagh b Mostyn 56\nD. Quell lbw b Harvel 13\nP. Kerr not out 4"
    assert _names(body) == ["R. Tobbin", "Brenagh", "Mostyn", "D. Quell", "Harvel", "P. Kerr"]
