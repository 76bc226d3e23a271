"""Organisations: names around an organisation word, acronyms, company lists."""

from __future__ import annotations

from newswire.enrich import organizations
from newswire.enrich.gazetteer import load
from newswire.enrich.organizations import _candidates
from newswire.enrich.text import tokens


def _found(text: str) -> tuple[list[str], list[str]]:
    toks = tokens(text)
    found, covered = organizations.organizations(text, toks, load())
    return [o.name for o in found], [toks[i].text for i in sorted(covered)]


def test_heads_and_acronyms_in_order_of_mention() -> None:
    names, covered = _found("BRICS met the Ministry of Transport of Kazakhstan. NATO agreed.")
    assert names == ["BRICS", "Ministry of Transport of Kazakhstan", "NATO"]
    assert covered == ["BRICS", "Ministry", "of", "Transport", "of", "Kazakhstan", "NATO"]


def test_countries_currencies_and_role_acronyms_are_no_organisations() -> None:
    assert _found("The US CEO paid 5 USD in the UAE.")[0] == []


def test_companies_of_a_list_cover_their_words_only() -> None:
    names, covered = _found("It works with companies such as Toyota Motor, Hitachi and others.")
    assert names == ["Toyota Motor", "Hitachi"]
    assert covered == ["Toyota", "Motor", "Hitachi"]


def test_a_name_inside_a_longer_one_is_dropped() -> None:
    assert organizations.outermost(dict.fromkeys(["Bank", "World Bank", "Fund"])) == [
        "World Bank",
        "Fund",
    ]
    assert _found("The NATO Council met. NATO agreed.")[0] == ["NATO Council"]


def test_candidates_are_heads_in_any_case_and_words_in_capitals() -> None:
    toks = tokens("The Ministry and a bank met NATO, Uzbek ÖZBEK officials and A.B.")
    assert [toks[i].text for i in _candidates(toks)] == [
        "Ministry",
        "bank",
        "NATO",
        "ÖZBEK",
        "A.B",
    ]


def test_english_words_of_a_line_in_capitals_are_no_acronyms() -> None:
    names, _covered = _found("SOCCER - LATEST RESULTS FROM UEFA\nThe UEFA said SOCCER grows.")
    assert names == ["UEFA", "SOCCER"]  # in prose, a word in capitals may be one


def test_towns_named_as_teams_in_results_and_fixtures() -> None:
    text = "Results:\nKent 108-3, NEW YORK 2\nBALTIMORE AT SEATTLE\nPlaying Sunday: Leeds v Durham"
    names, _covered = _found(text)
    assert names == ["Kent", "NEW YORK", "BALTIMORE", "Leeds", "Durham"]
    assert _found("CHICAGO 1996-08-31\nPrices rose in Kent.")[0] == []  # a dateline


def _found_in(text: str, language: str) -> list[str]:
    found, _covered = organizations.organizations(text, tokens(text), load(), language=language)
    return [o.name for o in found]


def test_kazakh_state_bodies_in_any_case_and_official_names_up_to_their_head() -> None:
    text = "Жобаны Үкіметке жіберді. Оны Денсаулық сақтау министрлігінің өкілі айтты."
    assert _found_in(text, "kk") == ["Үкімет", "Денсаулық сақтау министрлігі"]
    assert _found_in("Бұл комиссия жұмыс істеді.", "kk") == []  # no possessive, first word


def test_a_quoted_name_with_its_kind_is_an_organisation_wherever_it_comes_back() -> None:
    assert _found_in("Оны «Таң» арнасы көрсетті. «Таң» тағы айтты.", "kk") == ["Таң"]
    text = "Об этом сообщила компания «Северный ветер». Позже «Северный ветер» уточнил."
    assert _found_in(text, "ru") == ["Северный ветер"]


def test_russian_state_bodies_the_dictionary_tags_as_organisations() -> None:
    assert _found_in("Решение приняли в Минздраве и в Госдуме.", "ru") == ["Минздрав", "Госдума"]
