"""Made-up annotated documents and events for the scoring tests."""

from __future__ import annotations

from typing import Any

from bench.corpora import Document, Relation, Span
from newswire.core.models import ArticleEvent, Entities, Location, Money, Organization, Person
from newswire_dev.corpus import unenriched


def document(
    title: str,
    body: str,
    annotations: list[tuple[str, str, str]],
    *,
    language: str = "ru",
    corpus: str = "nerel",
    relations: tuple[Relation, ...] = (),
) -> Document:
    """Spans for (label, surface, field), each at the surface's first occurrence not taken
    by an earlier span of the same label (``"Berg@2"``: its second occurrence)."""
    spans, taken = [], set()
    for number, (label, written, where) in enumerate(annotations, 1):
        text = title if where == "title" else body
        surface, _, nth = written.partition("@")
        start = text.find(surface)
        for _ in range(int(nth or 1) - 1):
            start = text.find(surface, start + 1)
        while (where, label, start) in taken:
            start = text.find(surface, start + 1)
        assert start >= 0, surface
        taken.add((where, label, start))
        spans.append(Span(f"T{number}", label, where, start, start + len(surface), surface))  # type: ignore[arg-type]
    return Document(corpus, "test", "doc", language, title, body, tuple(spans), relations)


def event(
    doc: Document,
    *,
    persons: list[Person] = (),  # type: ignore[assignment]
    organizations: list[str] = (),  # type: ignore[assignment]
    locations: list[Location] = (),  # type: ignore[assignment]
    countries: list[str] = (),  # type: ignore[assignment]
    money: list[Money] = (),  # type: ignore[assignment]
) -> ArticleEvent:
    entities = Entities(
        persons=list(persons),
        organizations=[Organization(name=n) for n in organizations],
        locations=list(locations),
    )
    update: dict[str, Any] = {
        "entities": entities,
        "countries": list(countries),
        "money": list(money),
    }
    return unenriched(doc.title, doc.body).model_copy(update=update)
