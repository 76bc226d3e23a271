"""Mentions of people grouped into persons: what the English and the Cyrillic rules share.

A mention is a span of the document's text with the name it gives (``enrich.text.Mention``);
a person is a name with its role, its cross-language key and every mention of it.

Two groupings:

- ``persons`` (English): one-word mentions folded into the full name ending with that word;
  a one-word mention of no full name is dropped;
- ``persons_by_surname`` (Russian, Kazakh): names are declined, so a mention is compared by
  every dictionary form it may come from (``forms``: ``Путиным`` -> путин). Full names of
  one surname are one person unless their first names differ (Барак and Мишель Обама); a
  surname alone or a first name alone joins the person it names, else stands alone (a
  person named by surname only is still a person). The name shown is the fullest form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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


@dataclass
class _Group:
    """One person while mentions are grouped: the names given, the first role, the spans."""

    names: list[str]
    role: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        self.names.append(mention.name)
        self.spans.append((mention.first, mention.last))
        if self.role is None:
            self.role = mention.role

    def name(self) -> str:
        """The fullest name given; of two as full, the one given more often, then first."""
        return max(self.names, key=lambda n: (len(n.split()), self.names.count(n)))


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def persons_by_surname(
    mentioned: list[Mention], doc: Document, forms: Callable[[str], frozenset[str]]
) -> list[Person]:
    """Distinct people of a Russian or Kazakh article (the module's docstring says how
    mentions are grouped), in the order they are first named."""
    groups: list[_Group] = []
    by_surname: dict[str, list[_Group]] = {}
    by_first: dict[str, list[_Group]] = {}
    for mention in mentioned:  # full names first: they say who the short mentions are
        words = mention.name.split()
        if len(words) < 2:
            continue
        first = forms(words[0])
        same = by_surname.get(_fold(words[-1]), [])
        group = next((g for g in same if _fold(g.names[0].split()[0]) in first), None)
        if group is None:
            group = _Group([], None)
            groups.append(group)
            by_surname.setdefault(_fold(words[-1]), []).append(group)
            by_first.setdefault(_fold(words[0]), []).append(group)
        group.add(mention)
    for mention in mentioned:
        if " " in mention.name:
            continue
        keys = forms(mention.name)
        found = [g for key in keys for g in by_surname.get(key, ())]
        if not found:
            named = {id(g): g for key in keys for g in by_first.get(key, ())}
            found = list(named.values()) if len(named) == 1 else []
        if found:
            found[0].add(mention)
            continue
        group = _Group([], None)
        group.add(mention)
        groups.append(group)
        by_surname[_fold(mention.name)] = [group]
    starts, ends = doc.tokens.starts, doc.tokens.ends
    out = []
    for group in sorted(groups, key=lambda g: min(g.spans)):
        spans = sorted(group.spans)
        mentions = [doc.mention(starts[first], ends[last]) for first, last in spans]
        out.append(person(group.name(), group.role, mentions))
    return out
