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
  person named by surname only is still a person). The name shown is the fullest form;
  the role, the first given that is an occupation rather than a standing (``лауреат``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newswire.core.models import Mention as SpanMention
from newswire.core.models import Person
from newswire.enrich.cyrillic_lexicon import RU_STANDINGS
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
    # Validated: pydantic's core (Rust) costs less than model_construct (Python).
    return Person(name=name, role=role, key=person_key(name), mentions=mentions)


@dataclass
class _Group:
    """One person while mentions are grouped: the names given, the first role, the spans."""

    names: list[str]
    role: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        self.names.append(mention.name)
        self.spans.append((mention.first, mention.last))
        if self.role is None or (_a_standing(self.role) and not _a_standing(mention.role)):
            self.role = mention.role or self.role

    def name(self, forms: Callable[[str], frozenset[str]]) -> str:
        """The fullest name given; of two as full, the nominative (the one the others'
        surnames may come from: Хаматова, not Хаматовой), then the one given more often."""

        fullest = max(name.count(" ") for name in self.names)
        candidates = [name for name in self.names if name.count(" ") == fullest]
        if len(set(candidates)) == 1:
            return candidates[0]
        surnames = [forms(other.rsplit(maxsplit=1)[-1]) for other in self.names]

        def nominative(name: str) -> int:
            surname = _fold(name.rsplit(maxsplit=1)[-1])
            return sum(surname in other for other in surnames)

        return max(candidates, key=lambda n: (nominative(n), self.names.count(n)))


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _a_standing(role: str | None) -> bool:
    """A role that is a standing, not an occupation (``Другой фаворит``, ``лауреат премии``):
    the first occupation the article gives is the person's role."""
    return role is not None and not RU_STANDINGS.isdisjoint(role.lower().split())


class _Index:
    """The groups by every dictionary form of their surnames and first names."""

    def __init__(self, forms: Callable[[str], frozenset[str]]) -> None:
        self.forms = forms
        self.groups: list[_Group] = []
        self.by_surname: dict[str, list[_Group]] = {}
        self.by_first: dict[str, list[_Group]] = {}
        self.first_names: dict[int, frozenset[str]] = {}  # id(group) -> forms of first name
        # id(group) -> the first names and surnames its full names gave, as given
        self.exact: dict[int, tuple[set[str], set[str]]] = {}

    def of_surname(self, word: str) -> list[_Group]:
        found = {id(g): g for key in self.forms(word) for g in self.by_surname.get(key, ())}
        if len(found) == 1:
            return list(found.values())
        return sorted(found.values(), key=self.groups.index)

    def of_first_name(self, word: str) -> list[_Group]:
        found = {id(g): g for key in self.forms(word) for g in self.by_first.get(key, ())}
        return list(found.values())

    def same(self, group: _Group, words: list[str]) -> bool:
        """Whether a full name is the group's person: its surname as given and a first name
        of the same forms (Дмитрия, Дмитрий), or its first name as given and a surname of
        the same forms (Чулпан Хаматовой, Чулпан Хаматова). Not Александра Колпакова for
        Александр Колпаков: a woman's first name and surname are each another's forms."""
        firsts, surnames = self.exact.get(id(group), (set(), set()))
        if _fold(words[0]) in firsts:
            return True
        same_forms = not self.forms(words[0]).isdisjoint(self.first_names.get(id(group), ()))
        return _fold(words[-1]) in surnames and same_forms

    def given(self, group: _Group, words: list[str]) -> None:
        firsts, surnames = self.exact.setdefault(id(group), (set(), set()))
        firsts.add(_fold(words[0]))
        surnames.add(_fold(words[-1]))

    def new(self, mention: Mention) -> _Group:
        group = _Group([], None)
        self.groups.append(group)
        words = mention.name.split()
        for key in self.forms(words[-1]):
            self.by_surname.setdefault(key, []).append(group)
        if len(words) > 1:
            self.first_names[id(group)] = self.forms(words[0])
            for key in self.first_names[id(group)]:
                self.by_first.setdefault(key, []).append(group)
        return group


def persons_by_surname(
    mentioned: list[Mention], doc: Document, forms: Callable[[str], frozenset[str]]
) -> list[Person]:
    """Distinct people of a Russian or Kazakh article (the module's docstring says how
    mentions are grouped), in the order they are first named."""
    index = _Index(forms)
    # A name given again is the person it was the first time: looked up once an article.
    resolved: dict[str, _Group] = {}
    full = [m for m in mentioned if " " in m.name]
    for mention in full:  # full names first: they say who the short mentions are
        group = resolved.get(mention.name)
        if group is None:
            words = mention.name.split()
            same = (g for g in index.of_surname(words[-1]) if index.same(g, words))
            group = next(same, None) or index.new(mention)
            index.given(group, words)
            resolved[mention.name] = group
        group.add(mention)
    for mention in mentioned:
        if " " in mention.name:
            continue
        group = resolved.get(mention.name)
        if group is None:
            found = index.of_surname(mention.name)
            if not found:
                named = index.of_first_name(mention.name)
                found = named if len(named) == 1 else []
            group = found[0] if found else index.new(mention)
            resolved[mention.name] = group
        group.add(mention)
    starts, ends = doc.tokens.starts, doc.tokens.ends
    out = []
    for group in sorted(index.groups, key=lambda g: min(g.spans)):
        spans = sorted(group.spans)
        mentions = [doc.mention(starts[first], ends[last]) for first, last in spans]
        out.append(person(group.name(forms), group.role, mentions))
    return out
