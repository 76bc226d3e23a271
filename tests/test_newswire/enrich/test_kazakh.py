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
    ],
)
def test_case_suffixes_come_off(word: str, bare: str) -> None:
    assert kazakh.without_case(word) == bare


def test_kazakh_letters_tell_kazakh_words() -> None:
    assert kazakh.is_kazakh("Қасым-Жомарт")
    assert not kazakh.is_kazakh("Касым-Жомарт")
