"""The registry's order keeps its documented rules, and an extractor is added by one line."""

from __future__ import annotations

from typing import ClassVar, TypeVar

import pytest

from newswire.core.models import ArticleEvent
from newswire.enrich import (
    attribution,
    enrich,
    keywords,
    money,
    organizations,
    people,
    places,
    quotes,
)
from newswire.enrich.document import (
    KEYWORDS,
    PERSON_TOKENS,
    Document,
    Extractor,
    Findings,
    Slot,
    read,
)
from newswire.enrich.registry import EXTRACTORS
from tests.test_newswire.enrich.support import unenriched

_TITLE = "Japan invests in Kazakhstan"
_BODY = (
    "Japan will invest 3 billion US dollars in Kazakhstan, Minister of Energy Almasadam "
    "Satkaliyev said in Astana, Kazinform reports.\n"
    'We are ready to expand supply chains," Almasadam Satkaliyev said. The Ministry of '
    "Energy of Kazakhstan signed the agreement."
)


def _event(title: str = _TITLE, body: str = _BODY) -> ArticleEvent:
    return unenriched(title, body)


T = TypeVar("T")


# The rules registry.py writes down: (runs first, runs later, why).
_RULES = [
    (money.extract, places.extract, "currency words are no places"),
    (organizations.extract, people.extract, "organisation names are no person's"),
    (organizations.extract, places.extract, "inside organisation names only national places"),
    (people.extract, places.extract, "people's names are no places"),
    (people.extract, quotes.extract, "speakers resolve to people"),
    (people.extract, keywords.extract, "people's names are no keywords"),
    (places.extract, keywords.extract, "place names are no keywords"),
]


@pytest.mark.parametrize(("first", "later", "why"), _RULES, ids=[r[2] for r in _RULES])
def test_the_registry_runs_each_extractor_after_those_it_depends_on(
    first: Extractor, later: Extractor, why: str
) -> None:
    assert EXTRACTORS.index(first) < EXTRACTORS.index(later), why


def test_every_extractor_is_registered_once() -> None:
    expected = {
        money.extract,
        organizations.extract,
        people.extract,
        places.extract,
        attribution.extract,
        quotes.extract,
        keywords.extract,
    }
    assert len(EXTRACTORS) == len(expected)
    assert set(EXTRACTORS) == expected


class _Reading(Document):
    """A document that records which claims and slots an extractor reads."""

    reads: ClassVar[list[str]] = []

    def claimed_by(self, *kinds: str) -> set[int]:
        self.reads.extend(f"claim:{kind}" for kind in kinds)
        return Document.claimed_by(self, *kinds)

    def get(self, slot: Slot[T]) -> T:
        self.reads.append(f"slot:{slot.field}")
        return Document.get(self, slot)


def _read_before_found(registry: list[Extractor]) -> dict[str, set[str]]:
    """For each extractor that reads a claim or slot no extractor before it wrote: which."""
    doc = read(_event())
    written: set[str] = set()
    early: dict[str, set[str]] = {}
    for extract in registry:
        _Reading.reads.clear()
        try:
            findings = extract(_Reading(*doc))
        except KeyError:  # a slot read before any extractor filled it
            findings = Findings()
        missing = set(_Reading.reads) - written
        if missing:
            early[extract.__module__] = missing
        written |= {f"claim:{kind}" for kind in findings.claims}
        written |= {f"slot:{name}" for name in findings.values}
        doc = doc.with_findings(findings)
    return early


def test_everything_an_extractor_reads_was_found_by_an_extractor_before_it() -> None:
    assert _read_before_found(list(EXTRACTORS)) == {}


def test_an_extractor_moved_before_what_it_reads_is_caught() -> None:
    reversed_registry = list(reversed(EXTRACTORS))
    early = _read_before_found(reversed_registry)
    assert early["newswire.enrich.keywords"] == {"claim:person", "claim:place"}
    assert early["newswire.enrich.quotes"] == {"slot:entities.persons"}
    assert early["newswire.enrich.places"] == {
        "claim:person",
        "claim:money",
        "claim:organization",
    }
    assert early["newswire.enrich.people"] == {"claim:organization"}


def test_money_claims_its_currency_words_before_places_see_them() -> None:
    assert enrich(_event()).countries == ["JP", "KZ"]
    # The same extractors with money after places: "US" of "US dollars" becomes a country.
    late_money = [e for e in EXTRACTORS if e is not money.extract]
    late_money.insert(late_money.index(places.extract) + 1, money.extract)
    assert "US" in enrich(_event(), late_money).countries


def test_the_default_registry_fills_every_field() -> None:
    event = enrich(_event())
    assert event.language == "en"
    assert [m.currency for m in event.money] == ["USD"]
    assert {p.name: p.role for p in event.entities.persons} == {
        "Almasadam Satkaliyev": "Minister of Energy"
    }
    assert "Ministry of Energy of Kazakhstan" in {o.name for o in event.entities.organizations}
    assert [q.speaker for q in event.quotes] == ["Almasadam Satkaliyev"]
    assert event.attribution == "Kazinform"
    assert event.publisher == "Kazinform"
    assert event.keywords
    assert "Astana" in {loc.name for loc in event.entities.locations}


# A new extractor is a function of a Document; registering it is one line in a copy of the
# registry (in the service, one line in registry.EXTRACTORS).
def _astana_is_a_person(doc: Document) -> Findings:
    """Claims every "Astana" as a person's name: later extractors must respect it."""
    astana = {i for i, token in enumerate(doc.tokens) if token.text == "Astana"}
    return Findings().claiming(PERSON_TOKENS, astana)


def _shouted_keywords(doc: Document) -> Findings:
    """Replaces the keywords with the words written in capitals."""
    return Findings().found(KEYWORDS, sorted({t.text for t in doc.tokens if t.text.isupper()}))


def test_an_extractor_is_added_by_one_line_in_the_registry() -> None:
    registry = list(EXTRACTORS)
    registry.insert(registry.index(places.extract), _astana_is_a_person)
    registry.append(_shouted_keywords)
    event = enrich(_event(_TITLE, _BODY + " The CEO of the JICA spoke."), registry)
    assert "Astana" not in {loc.name for loc in event.entities.locations}  # claimed before
    assert event.keywords == ["CEO", "JICA", "US"]  # the last extractor's findings win
    # Claims add up: people's own claims stayed (no place is made of the minister's name).
    assert {p.name for p in event.entities.persons} == {"Almasadam Satkaliyev"}
    untouched = enrich(_event())
    assert "Astana" in {loc.name for loc in untouched.entities.locations}
