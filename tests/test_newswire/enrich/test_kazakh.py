"""Kazakh case suffixes come off names, and names that only end like a suffix keep it."""

from __future__ import annotations

import pytest

from newswire.enrich import kazakh


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("Ердоғанмен", "Ердоған"),  # instrumental
        ("Тоқаевты", "Тоқаев"),  # accusative
        ("Тоқаевтың", "Тоқаев"),  # genitive
        ("Сауранбаевқа", "Сауранбаев"),  # dative
        ("Оксана", "Оксана"),  # -на ends the name, it is no dative here
        ("Кошта", "Кошта"),
        ("Нұртілеу", "Нұртілеу"),
        ("Нұрсұлтан", "Нұрсұлтан"),  # no -тан after л (л takes -дан): the name is whole
        ("Нұрсұлтанның", "Нұрсұлтан"),
        ("Тоқаевпен", "Тоқаев"),  # -пен after a devoiced в
        ("Абайдың", "Абай"),  # -дың after й
        ("Жақыпованың", "Жақыпова"),  # -ның after a vowel
        ("Абайтың", "Абайтың"),  # no -тың after й
    ],
)
def test_case_suffixes_come_off(word: str, bare: str) -> None:
    assert kazakh.without_case(word) == bare


def test_kazakh_letters_tell_kazakh_words() -> None:
    assert kazakh.is_kazakh("Қасым-Жомарт")
    assert not kazakh.is_kazakh("Касым-Жомарт")


def test_titles_stand_where_roles_do() -> None:
    assert kazakh.is_role_head("Елбасы")
    assert kazakh.is_role_head("Елбасымыз")
    assert not kazakh.is_role_head("Ербол")
