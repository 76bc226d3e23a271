"""English mentions of people grouped into persons, with every other mention of them.

News names a person in full once and by the surname after that ("Tiger Woods ... Woods
said"), in capitals in an agency headline ("WOODS"), or with initials in a results table ("T.
Woods"). The rules kept here:

- a full name is a person; initials fold into the full name of the same surname whose given
  name has that first letter ("M. Bevan" -> "Michael Bevan"), else they are the person's name;
- a one-word mention the rules found (with a role, a title or a speech verb: "President
  Clinton") is the person named in full with that surname nearest before it (else the first
  after it), else a person of its own: a surname-only person;
- every other capitalised occurrence of a known surname is a mention of that person (the
  nearest before it), also in capitals (a headline) and after a title ("Mr Woods"), unless it
  stands in a run of other capitalised words ("Woods Hole"); a surname that is a common
  English word ("Law") is taken in the middle of a sentence only;
- a person's role is the first one given, in the order of the mentions.

Two people of one surname ("Mark Waugh", "Steve Waugh") stay two persons; a bare "Waugh" is
the one named nearest before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import compress

from newswire.core.models import Mention as SpanMention
from newswire.core.models import Person
from newswire.enrich.document import Document
from newswire.enrich.lexicon import NAME_WORD_ZIPF_LOOSE, TITLES
from newswire.enrich.persons import person
from newswire.enrich.persons import persons as shared_persons
from newswire.enrich.text import Mention, Tokens

_INITIAL_END = "."
_COMMON_ZIPF = 5.0  # a sentence's capitalised first word this common is no name ("Later")


class _Person:
    """A person being grouped: its name, first role, and the token spans of its mentions."""

    __slots__ = ("at", "name", "named", "role")

    def __init__(self, name: str) -> None:
        self.name = name
        self.role: str | None = None
        self.at: list[tuple[int, int]] = []
        # The (token, person) list of its surname's full names, where its own are added.
        self.named: list[tuple[int, _Person]] = []


def persons(
    mentioned: list[Mention], doc: Document, taken: set[int], *, recurring: bool | None = None
) -> tuple[list[Person], set[int]]:
    """Distinct people of an English article, each with every mention of it, and the token
    indexes of all their mentions. Tokens in ``taken`` (organisations') are no mention;
    ``recurring`` is ``recurring(mentioned, doc)`` when the caller has it."""
    names = {i for m in mentioned for i in range(m.first, m.last + 1)}
    if recurring is None:
        recurring = _recurring(mentioned, doc)
    if not recurring and _named_in_full(mentioned, doc):
        return shared_persons(mentioned, doc), names  # the same persons, at less cost
    people: dict[str, _Person] = {}
    by_surname: dict[str, list[tuple[int, _Person]]] = {}  # surname -> (token, person) in order
    _full_names(mentioned, doc.tokens, people, by_surname)
    _surnames_alone(mentioned, people, by_surname)
    if recurring:
        covered = {
            i for p in people.values() for first, last in p.at for i in range(first, last + 1)
        }
        for i, surname in _bare_surnames(doc.tokens, by_surname, covered | taken, doc):
            nearest = _nearest(by_surname[surname], i)
            if nearest is not None:
                _add(nearest, i, i, None)
    ordered = sorted(people.values(), key=lambda p: min(p.at))
    names.update(i for p in ordered for first, last in p.at for i in range(first, last + 1))
    return [_person(p, doc) for p in ordered], names


def recurring(mentioned: list[Mention], doc: Document) -> bool:
    """Whether the mentions' surnames occur in the text more often than the mentions: else
    no surname stands alone anywhere (C-level counts: most articles name their people in
    full each time)."""
    return _recurring(mentioned, doc)


def _recurring(mentioned: list[Mention], doc: Document) -> bool:
    surnames = {m.name.rsplit(maxsplit=1)[-1] for m in mentioned}
    return _more_surnames_than(doc.text, doc.title, surnames, len(mentioned))


def _named_in_full(mentioned: list[Mention], doc: Document) -> bool:
    """Every mention is a full name without initials: with no surname recurring alone, the
    shared grouping (``persons.persons``) gives the same persons."""
    gaps = doc.tokens.gaps_after
    return not any(m.first == m.last or gaps[m.first] == ". " for m in mentioned)


def _more_surnames_than(text: str, title: str, surnames: Iterable[str], mentions: int) -> bool:
    """Whether the surnames occur in the text (as written, or in capitals in a headline in
    capitals) more often than ``mentions``: else there is no other mention to look for
    (C-level counts: most articles name their people in full each time)."""
    occurrences = sum(map(text.count, surnames))
    if title.isupper():
        occurrences += sum(title.count(s.upper()) for s in surnames)
    return occurrences > mentions


def _full_names(
    mentioned: list[Mention],
    toks: Tokens,
    people: dict[str, _Person],
    by_surname: dict[str, list[tuple[int, _Person]]],
) -> None:
    """The persons named with two words or more (initials folded into the full name)."""
    full = [m for m in mentioned if m.first < m.last]
    gaps = toks.gaps_after
    initialled = any(gaps[m.first] == ". " for m in full)
    canonical = _canonical_names(full, toks) if initialled else {}
    for mention in full:
        name = canonical.get(mention.name, mention.name)
        found = people.get(name)
        if found is None:
            found = people[name] = _Person(name)
            found.named = by_surname.setdefault(name.rsplit(maxsplit=1)[-1], [])
        found.named.append((mention.first, found))  # every mention: the nearest one counts
        found.at.append((mention.first, mention.last))
        if found.role is None:
            found.role = mention.role


def _surnames_alone(
    mentioned: list[Mention],
    people: dict[str, _Person],
    by_surname: dict[str, list[tuple[int, _Person]]],
) -> None:
    """One-word mentions: of the person of that surname named nearest, else their own."""
    for mention in mentioned:
        if mention.first != mention.last:
            continue
        found = _nearest(by_surname.get(mention.name, []), mention.first)
        if found is None:
            found = people.setdefault(mention.name, _Person(mention.name))
            by_surname.setdefault(mention.name, []).append((mention.first, found))
        _add(found, mention.first, mention.last, mention.role)


def _add(found: _Person, first: int, last: int, role: str | None) -> None:
    found.at.append((first, last))
    if found.role is None:
        found.role = role


def _surname(name: str) -> str:
    return name.rsplit(maxsplit=1)[-1]


def _canonical_names(full: list[Mention], toks: Tokens) -> dict[str, str]:
    """Each full name's person: initials fold into the full name of the same surname whose
    given name begins with them ("M. Bevan" -> "Michael Bevan")."""
    spelled = [m.name for m in full if not _initials(toks, m.first)]
    out: dict[str, str] = {}
    for mention in full:
        name = mention.name
        if name in out:
            continue
        out[name] = name
        if _initials(toks, mention.first):
            letter, surname = name[0], _surname(name)
            out[name] = next(
                (s for s in spelled if _surname(s) == surname and s[0] == letter), name
            )
    return out


def _initials(toks: Tokens, first: int) -> bool:
    text = toks.texts[first]
    return (
        text[0].isupper()
        and (len(text) == 1 or text[1] == _INITIAL_END)
        and (toks.gaps_after[first].startswith(_INITIAL_END))
    )


def _nearest(candidates: list[tuple[int, _Person]], i: int) -> _Person | None:
    """The person named nearest before token i, else the first named after it."""
    before = [p for at, p in candidates if at <= i]
    if before:
        return before[-1]
    return candidates[0][1] if candidates else None


def _bare_surnames(
    toks: Tokens, by_surname: dict[str, list[tuple[int, _Person]]], skip: set[int], doc: Document
) -> Iterator[tuple[int, str]]:
    """Other occurrences of the known surnames: (token index, surname)."""
    if not by_surname:
        return
    texts, capitalised = toks.texts, toks.capitalised_at
    spelled = {s: s for s in by_surname} | {s.upper(): s for s in by_surname}
    common = {s for s in by_surname if doc.gazetteer.frequency(s) >= NAME_WORD_ZIPF_LOOSE}
    for i in compress(capitalised, map(spelled.__contains__, map(texts.__getitem__, capitalised))):
        surname = spelled[texts[i]]
        capitals = texts[i].isupper() and len(texts[i]) > 1
        # A headline in capitals is all "acronyms" to the organisations' rules: a known
        # surname there is the person's.
        if (i in skip and not capitals) or (not capitals and _in_a_run(toks, i, doc)):
            continue
        if surname in common and (texts[i].isupper() or toks.sentence_start(i)):
            continue  # "Law" opening a sentence, "LAW" in a headline: likely the word
        yield i, surname


def _in_a_run(toks: Tokens, i: int, doc: Document) -> bool:
    """Token i stands among other capitalised words joined by spaces ("Woods Hole"); a title
    or a common word opening the sentence before it ("Mr Woods", "Later Woods") excepted."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    if i + 1 < len(texts) and gaps[i] == " " and capitals[i + 1]:
        return True
    if i == 0 or gaps[i - 1] != " " or not capitals[i - 1]:
        return False
    before = texts[i - 1]
    opener = toks.sentence_start(i - 1) and doc.gazetteer.frequency(before) >= _COMMON_ZIPF
    return not opener and before.lower() not in TITLES


def _person(found: _Person, doc: Document) -> Person:
    starts, ends = doc.tokens.starts, doc.tokens.ends
    spans: list[SpanMention] = [
        doc.mention(starts[first], ends[last]) for first, last in sorted(found.at)
    ]
    return person(found.name, found.role, spans)
