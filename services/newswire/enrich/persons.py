"""Mentions of people grouped into persons: what the English and the Cyrillic rules share.

A mention is a span of the document's text with the name it gives (``enrich.text.Mention``);
a person is a name with its role, its cross-language key and every mention of it.
"""

from __future__ import annotations

from newswire.core.models import Mention as SpanMention
from newswire.core.models import Person
from newswire.enrich.document import Document
from newswire.enrich.person_key import person_key
from newswire.enrich.text import Mention


def persons(mentioned: list[Mention], doc: Document) -> list[Person]:
    """Distinct people: one-word mentions folded into the full name ending with that word,
    each person with every mention of it (provenance)."""
    roles: dict[str, str | None] = {}  # full name -> role, the first role given
    for mention in mentioned:
        if " " in mention.name and roles.get(mention.name) is None:
            roles[mention.name] = mention.role
    by_surname = {name.rsplit(maxsplit=1)[-1]: name for name in roles}
    spans: dict[str, list[SpanMention]] = {name: [] for name in roles}
    starts, ends = doc.tokens.starts, doc.tokens.ends
    for mention in mentioned:
        name = mention.name if " " in mention.name else by_surname.get(mention.name)
        if name is None:
            continue
        spans[name].append(doc.mention(starts[mention.first], ends[mention.last]))
        if " " not in mention.name and roles[name] is None:
            roles[name] = mention.role
    return [person(name, role, spans[name]) for name, role in roles.items()]


def person(name: str, role: str | None, mentions: list[SpanMention]) -> Person:
    """The ``Person`` of a name, its role and mentions, with its cross-language key."""
    # Built from the text by this module: valid by construction, not validated again.
    return Person.model_construct(name=name, role=role, key=person_key(name), mentions=mentions)
