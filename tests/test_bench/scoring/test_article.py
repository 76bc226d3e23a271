"""One document's article-level and mention-level scores, and the classes of its errors."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from bench.corpora import CORPORA, Document, Relation
from bench.scoring.article import score
from newswire.core.models import ArticleEvent, Location, Money, Person
from tests.test_bench.scoring.support import document, event

NEREL = CORPORA["nerel"]
TITLE = "Семья Мажейки купила дом в Вашингтоне"
BODY = (
    "Бывший министр США Антанас Мажейка с женой Расой купил дом в Вашингтоне за 2,5 млн "
    "долларов.\nФонд Петра Сидорова и Министерство иностранных дел России поздравили "
    "российских соседей. Иван Иванов промолчал. Антанас улыбнулся."
)


def _article() -> Document:
    return document(
        TITLE,
        BODY,
        [
            ("PERSON", "Мажейки", "title"), ("CITY", "Вашингтоне", "title"),
            ("PROFESSION", "министр", "body"), ("COUNTRY", "США", "body"),
            ("PERSON", "Антанас Мажейка", "body"), ("PERSON", "Расой", "body"),
            ("CITY", "Вашингтоне", "body"), ("MONEY", "2,5 млн долларов", "body"),
            ("ORGANIZATION", "Фонд Петра Сидорова", "body"), ("PERSON", "Петра Сидорова", "body"),
            ("ORGANIZATION", "Министерство иностранных дел России", "body"),
            ("COUNTRY", "России", "body"), ("COUNTRY", "российских", "body"),
            ("PERSON", "Антанас@2", "body"),
        ],
        relations=(Relation("WORKS_AS", "T5", "T3"),),
    )  # fmt: skip


def test_the_article_level_counts_keys_and_excuses_neutral_predictions() -> None:
    doc = _article()
    result = score(
        doc,
        NEREL,
        event(
            doc,
            persons=[
                Person(name="Антанас Мажейка", role="Бывший министр США", key="mazheika"),
                Person(
                    name="Петра Сидорова", key="sidorova"
                ),  # inside an organisation's name: neutral
                Person(name="Иван Иванов", key="ivanov"),  # not annotated
            ],
            organizations=["Министерство иностранных дел"],
            locations=[
                Location(name="Washington", country="US"),
                Location(name="Russia", country="RU"),
            ],
            countries=["US", "RU"],
            money=[Money(amount=2.5e6, currency="USD", text="2,5 млн долларов")],
        ),
    )
    persons = result.tallies["persons"]
    # "Антанас" alone is Антанас Мажейка (his first name); "Расой" alone is another person.
    assert (persons.gold, persons.found, persons.right, persons.excused, persons.wrong) == (
        2, 1, 1, 1, 1,
    )  # fmt: skip
    places = result.tallies["places"]
    assert (places.gold, places.found) == (3, 2)  # washington, country:US, country:RU
    assert result.tallies["organizations"].found == 1
    assert result.tallies["organizations"].gold == 2
    countries = result.tallies["countries"]
    assert (countries.gold, countries.found, countries.wrong) == (2, 2, 0)
    assert (result.tallies["money"].found, result.tallies["money"].right) == (1, 1)
    assert result.counts["roles_gold"] == result.counts["roles_right"] == 1
    assert result.mentions is None  # these entities carry no mentions: located by search
    wrong = [(e.kind, e.cls, e.surface) for e in result.errors if e.side == "fp"]
    assert wrong == [("persons", "not_annotated", "Иван Иванов")]
    missed = {(e.kind, e.cls, e.surface) for e in result.errors if e.side == "fn"}
    assert ("persons", "single_word", "Расой") in missed
    # The gazetteer knows США (Cyrillic abbreviations): missed by the rules, not unknown.
    assert ("places", "missed", "США") in missed
    assert ("organizations", "taken_as_person", "Фонд Петра Сидорова") in missed


def test_error_classes_say_where_recall_goes() -> None:
    doc = document(
        "ZEBRA CHIEF QUITS",
        "OSLO 1996-08-30\nResults:\n1. Anna Berg 12 3 4\nZebra said Tom said so.\n"
        "Mark Butcher took four and Zygmunt Qwertz none.",
        [("ORG", "ZEBRA", "title"), ("LOC", "OSLO", "body"), ("PER", "Anna Berg", "body"),
         ("ORG", "Zebra", "body"), ("PER", "Tom", "body"), ("PER", "CHIEF", "title"),
         ("PER", "Mark Butcher", "body"), ("PER", "Zygmunt Qwertz", "body")],
        language="en",
        corpus="conllpp",
    )  # fmt: skip
    result = score(doc, CORPORA["conllpp"], event(doc))
    classes = {(e.kind, e.surface): e.cls for e in result.errors if e.side == "fn"}
    assert classes[("persons", "Anna Berg")] == "in_table"
    assert classes[("persons", "Tom")] == "single_word"
    assert classes[("persons", "CHIEF")] == "title_only"
    assert classes[("persons", "Mark Butcher")] == "common_word_in_name"
    assert classes[("persons", "Zygmunt Qwertz")] == "full_name_missed"
    assert "money" not in result.tallies or result.tallies["money"].gold == 0


def test_the_mention_level_scores_spans_when_the_event_has_them() -> None:
    doc = document(
        "Title",
        "Anna Berg met Tom Lee. Later Berg left.",
        [("PER", "Anna Berg", "body"), ("PER", "Tom Lee", "body"), ("PER", "Berg@2", "body")],
        language="en",
        corpus="conllpp",
    )

    def mention(start: int, end: int) -> dict[str, object]:
        return {"field": "body", "start": start, "end": end, "text": doc.body[start:end]}

    people = [
        SimpleNamespace(name="Anna Berg", role=None, mentions=[mention(0, 9), mention(29, 33)]),
        SimpleNamespace(name="Tom", role=None, mentions=[mention(14, 17)]),  # overlaps Tom Lee
        SimpleNamespace(name="Later", role=None, mentions=[mention(23, 28)]),  # wrong
    ]
    fake = SimpleNamespace(
        entities=SimpleNamespace(persons=people, organizations=[], locations=[]),
        countries=[],
        money=[],
    )
    result = score(doc, CORPORA["conllpp"], cast(ArticleEvent, fake))
    assert result.mentions is not None
    body = result.mentions["persons"]["body"].figures()
    assert (body["gold"], body["predicted"]) == (3, 4)
    assert (body["exact_recall"], body["overlap_recall"]) == (round(2 / 3, 4), 1.0)
    assert (body["exact_precision"], body["overlap_precision"]) == (0.5, 0.75)


def test_a_person_carrying_its_original_in_latin_letters_is_both_gold_persons() -> None:
    body = "Сказал Томас Шефер (Thomas Schäfer), министр финансов земли Гессен."
    doc = document(
        "Заголовок",
        body,
        [("PERSON", "Томас Шефер", "body"), ("PERSON", "Thomas Schäfer", "body"),
         ("PROFESSION", "министр финансов", "body")],
        relations=(Relation("WORKS_AS", "T1", "T3"),),
    )  # fmt: skip

    def person(*surfaces: str) -> Person:
        mentions = []
        for surface in surfaces:
            start = body.index(surface)
            mentions.append(
                {"field": "body", "start": start, "end": start + len(surface), "text": surface}
            )
        return Person.model_validate(
            {"name": "Томас Шефер", "role": "министра финансов", "key": "shefer",
             "mentions": mentions}
        )  # fmt: skip

    linked = score(doc, NEREL, event(doc, persons=[person("Томас Шефер", "Thomas Schäfer")]))
    persons = linked.tallies["persons"]
    assert (persons.gold, persons.found, persons.predicted, persons.wrong) == (2, 2, 1, 0)
    # The role's head matches whichever reading the dictionary ranks first (министра).
    assert linked.counts["roles_right"] == 1
    alone = score(doc, NEREL, event(doc, persons=[person("Томас Шефер")]))
    assert alone.tallies["persons"].found == 1
    assert [e.cls for e in alone.errors if e.kind == "persons"] == ["other_script"]


def test_a_place_named_inside_a_flat_annotated_organisation_is_excused() -> None:
    doc = document(
        "Talks",
        "The Organisation for Security and Cooperation in Europe met in Vienna. Karlsruhe won. "
        "Jack London wrote.",
        [("ORG", "Organisation for Security and Cooperation in Europe", "body"),
         ("LOC", "Vienna", "body"), ("ORG", "Karlsruhe", "body"), ("PER", "Jack London", "body")],
        language="en",
        corpus="conllpp",
    )  # fmt: skip
    locations = [Location(name=n, country=c) for n, c in
                 (("Europe", None), ("Vienna", "AT"), ("Karlsruhe", "DE"),
                  ("London", "GB"))]  # fmt: skip
    places = score(doc, CORPORA["conllpp"], event(doc, locations=locations)).tallies["places"]
    # Europe inside the organisation's name: neither right nor wrong; the club's town alone
    # is wrong (a one-word ORG annotation names the club, not the town), and so is a place
    # taken from a person's name.
    assert (places.right, places.excused, places.wrong) == (1, 1, 2)


def test_a_role_matches_a_former_office_but_not_another_part_of_a_compound() -> None:
    body = "Выступили премьер-министр Иван Петров и экс-президент Пётр Сидоров."
    doc = document(
        "Заголовок",
        body,
        [("PERSON", "Иван Петров", "body"), ("PROFESSION", "премьер-министр", "body"),
         ("PERSON", "Пётр Сидоров", "body"), ("PROFESSION", "экс-президент", "body")],
        relations=(Relation("WORKS_AS", "T1", "T2"), Relation("WORKS_AS", "T3", "T4")),
    )  # fmt: skip
    persons = [
        Person(name="Иван Петров", role="министр обороны", key="petrov"),
        Person(name="Пётр Сидоров", role="президент", key="sidorov"),
    ]
    result = score(doc, NEREL, event(doc, persons=persons))
    assert (result.counts["roles_gold"], result.counts["roles_right"]) == (2, 1)
