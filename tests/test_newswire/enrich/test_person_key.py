"""One person, one key, in every spelling and language (``enrich.person_key``)."""

from __future__ import annotations

import pytest

from newswire.enrich.person_key import person_key

# The same person as Russian, Kazakh and English news write them.
SAME_PERSON = [
    ("Касым-Жомарт Токаев", "Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev"),
    ("Нурсултан Назарбаев", "Нұрсұлтан Назарбаев", "Nursultan Nazarbayev"),
    ("Олжас Бектенов", "Олжас Бектенов", "Olzhas Bektenov"),
    ("Мурат Нуртлеу", "Мұрат Нұртілеу", "Murat Nurtleu"),
    ("Владимир Путин", "Владимир Путин", "Vladimir Putin"),
    ("Борис Ельцин", "Борис Ельцин", "Boris Yeltsin"),
    ("Владимир Зеленский", "Владимир Зеленский", "Volodymyr Zelenskyy"),
    ("Ильхам Алиев", "Ильхам Әлиев", "Ilham Aliyev"),
    ("Сергей Шойгу", "Сергей Шойгу", "Sergei Shoigu"),
    ("Си Цзиньпин", "Си Цзиньпин", "Xi Jinping"),
    ("Билл Гейтс", "Билл Гейтс", "Bill Gates"),
    ("Ердоган", "Ердоған", "Erdogan"),
]


@pytest.mark.parametrize("spellings", SAME_PERSON, ids=lambda names: names[2])
def test_one_person_has_one_key_in_russian_kazakh_and_english(spellings: tuple[str, ...]) -> None:
    assert len({person_key(name) for name in spellings}) == 1


def test_a_surname_alone_has_the_key_of_the_full_name() -> None:
    assert person_key("Токаев") == person_key("Kassym-Jomart Tokayev") == "tokaev"


def test_different_surnames_have_different_keys() -> None:
    keys = {person_key(names[2]) for names in SAME_PERSON}
    assert len(keys) == len(SAME_PERSON)
    assert person_key("") == ""
