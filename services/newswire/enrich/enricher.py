"""``enrich(event)``: every extractor over one article, never raising on any text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newswire.core.models import ArticleEvent, Entities
from newswire.enrich.document import Document, Extractor, read
from newswire.enrich.registry import EXTRACTORS

_ENTITIES = "entities."


def enrich(event: ArticleEvent, extractors: Sequence[Extractor] = EXTRACTORS) -> ArticleEvent:
    """The event with language, entities, countries, attribution, money, quotes, keywords:
    the document read once, the extractors run in order, their findings put on the event."""
    doc = read(event)
    for extract in extractors:
        doc = doc.with_findings(extract(doc))
    return assemble(event, doc)


def assemble(event: ArticleEvent, doc: Document) -> ArticleEvent:
    """The event with the document's language and every slot its extractors filled."""
    update: dict[str, Any] = {"language": doc.language}
    entities: dict[str, Any] = {}
    for name, value in doc.values.items():
        if name.startswith(_ENTITIES):
            entities[name.removeprefix(_ENTITIES)] = value
        else:
            update[name] = value
    update["entities"] = Entities(**entities)
    return event.model_copy(update=update)
