"""One person, one key, in every spelling and language (``enrich.person_key``), and for
every form an article gives the name in (checked on NEREL's persons, grouped by their
Wikidata links, where the corpus is at hand)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from bench.corpora import load
from bench.corpora.model import Document
from newswire.enrich.person_key import person_key
from tests.test_bench.support import requires_corpus
from tests.test_newswire.enrich.support import enriched

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
    # Kazakh news: a patronymic in -ұлы between the names, Kazakh letters in the surname.
    ("Нурсултан Абишевич Назарбаев", "Нұрсұлтан Әбішұлы Назарбаев", "Nursultan Nazarbayev"),
    ("Бердибек Сапарбаев", "Бердібек Сапарбаев", "Berdibek Saparbayev"),
    ("Аскар Мамин", "Асқар Мамин", "Askar Mamin"),
    ("Дарига Назарбаева", "Дариға Назарбаева", "Dariga Nazarbayeva"),
    ("Нурлан Ногаев", "Нұрлан Ноғаев", "Nurlan Nogayev"),
]


@pytest.mark.parametrize("spellings", SAME_PERSON, ids=lambda names: names[2])
def test_one_person_has_one_key_in_russian_kazakh_and_english(spellings: tuple[str, ...]) -> None:
    assert len({person_key(name) for name in spellings}) == 1


def test_a_surname_alone_has_the_key_of_the_full_name() -> None:
    assert person_key("Токаев") == person_key("Kassym-Jomart Tokayev") == "tokaev"


def test_different_surnames_have_different_keys() -> None:
    keys = {person_key(names[2]) for names in SAME_PERSON}
    assert len(keys) == len({names[2].split()[-1] for names in SAME_PERSON})
    assert person_key("") == ""


def test_a_regnal_number_is_no_surname() -> None:
    assert person_key("Елизавета II") == person_key("Елизавета") != person_key("Иоанн Павел II")


# Share of NEREL's persons whose mentions the enrichment gives one key (measured 0.91 in an
# article and 0.93 across articles on the development split).
_ONE_KEY = 0.9
_UNLINKED = "нет данных"  # NEREL's Wikidata name of a person it could not link


def _keys_by_person(document: Document) -> dict[str, set[str]]:
    """The keys of the persons found on each gold person's mentions (by its Wikidata name
    where linked, else its surface)."""
    event = enriched(document.title, document.body)
    found = [
        (person.key, [(m.field, m.start, m.end) for m in person.mentions])
        for person in event.entities.persons
    ]
    gold: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for span in document.spans:
        if span.label == "PERSON":
            name = span.norm if span.norm and span.norm != _UNLINKED else span.text
            gold[name].append((span.field, span.start, span.end))
    return {
        name: {
            key
            for key, at in found
            for a in at
            for g in spans
            if a[0] == g[0] and a[1] < g[2] and g[1] < a[2]
        }
        for name, spans in gold.items()
    }


@requires_corpus("nerel")
def test_every_mention_of_a_person_gives_one_key_in_an_article_and_across_them() -> None:
    in_article = []
    across: dict[str, set[str]] = defaultdict(set)
    for document in load("nerel", "dev"):
        linked = {s.norm for s in document.spans if s.norm and s.norm != _UNLINKED}
        for name, keys in _keys_by_person(document).items():
            if keys:
                in_article.append(len(keys) == 1)
                if name in linked:
                    across[name] |= keys
    assert sum(in_article) >= _ONE_KEY * len(in_article)
    assert sum(len(keys) == 1 for keys in across.values()) >= _ONE_KEY * len(across)
