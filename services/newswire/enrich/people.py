"""People and their roles.

A name is the end of a run of capitalised words (at most three words that are not role,
organisation, calendar or place words). It counts as a person when the text gives evidence:
a role or title just before it (``Prime Minister of the Republic of Kazakhstan Olzhas
Bektenov``, ``Dr. René Fasel``), an apposition after it (``Dai Daoguo, Chairman of ...``), a
speech verb after it (``Hidehiko Yuzaki said``), or, without evidence, two or three words that
are rare in English. A one-word mention (``Minister Nurtleu``) resolves to the full name that
ends with it.
"""

from __future__ import annotations

from functools import lru_cache, partial
from itertools import compress
from typing import NamedTuple

from newswire.core.models import Person
from newswire.enrich import cyrillic_people
from newswire.enrich.document import (
    ORGANIZATION_TOKENS,
    PERSON_TOKENS,
    PERSONS,
    Document,
    Findings,
)
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import (
    CALENDAR,
    CONNECTORS,
    NAME_WORD_ZIPF_LOOSE,
    NAME_WORD_ZIPF_STRICT,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    TITLES,
)
from newswire.enrich.persons import persons
from newswire.enrich.text import Memo, Mention, Tokens, is_cyrillic, word_memo

_MAX_NAME_WORDS = 3
_CYRILLIC_LANGUAGES = ("ru", "kk", "uk")
_SYLLABLE_LETTERS = 4
_MAX_ROLE_WORDS = 16
_ROLE_GAPS = (" ", " - ", " – ", " — ")
_ROLE_WORDS = CONNECTORS | ROLE_HEADS | ROLE_MODIFIERS | ORG_HEADS
# Without a role or a speech verb, a Cyrillic name needs a surname ending (-ов, -ева, -ұлы).
_CYRILLIC_SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ёв",
    "ин",
    "ова",
    "ева",
    "ина",
    "ский",
    "ская",
    "ко",
    "ук",
    "юк",
    "ұлы",
    "қызы",
    "лы",
    "ли",
    "швили",
    "дзе",
    "ян",
)
# Words of roles, organisations, dates, titles and places: never a word of a name.
_NEVER_NAME_WORDS = ROLE_HEADS | ROLE_MODIFIERS | ORG_HEADS | CALENDAR | TITLES | PLACE_HEADS
# Capitalised words and phrases repeat (names, places, organisation words): each is judged
# once per process, in bounded caches.
_CACHED_WORDS = 65_536


def _name_word(word: str, gazetteer: Gazetteer, *, strict: bool) -> bool:
    """Whether a word may be part of a person's name (``strict``: without other evidence).
    Depends on the word alone: its case, lower case, place and frequency."""
    lower = word.lower()
    if not word[0].isupper() or word.isupper() or len(lower) < 2 or lower in _NEVER_NAME_WORDS:
        return False
    place = gazetteer.place(word)
    if place is not None and place.kind in ("country", "demonym", "capital"):
        return False
    if is_cyrillic(lower):
        return gazetteer.frequency(lower, "ru") < NAME_WORD_ZIPF_STRICT
    zipf = gazetteer.frequency(lower)
    if not strict and len(lower) <= _SYLLABLE_LETTERS and lower not in CONNECTORS and zipf < 5.5:
        return True  # one-syllable name words: Tran Hong Ha, Li Qiang, Wu
    return zipf < (NAME_WORD_ZIPF_STRICT if strict else NAME_WORD_ZIPF_LOOSE)


class _Judges(NamedTuple):
    """``_name_word`` for one gazetteer, loose and strict, each remembered by the word alone
    and read as ``loose[word]``: a dict lookup, the cheapest there is (the hot loops ask for
    every capitalised word; an ``lru_cache`` call cost twice as much)."""

    loose: Memo[bool]
    strict: Memo[bool]


@lru_cache(maxsize=4)
def _judges(gazetteer: Gazetteer) -> _Judges:
    def judge(*, strict: bool) -> Memo[bool]:
        return word_memo(partial(_name_word, gazetteer=gazetteer, strict=strict))

    return _Judges(judge(strict=False), judge(strict=True))


def ends_a_place(text: str, toks: Tokens, i: int, gazetteer: Gazetteer) -> bool:
    """Token i closes a two- or three-word place name ("Abu Dhabi", "Rio de Janeiro")."""
    if i == 0:
        return False
    starts = toks.starts
    # A place's name in lower case ends with the word's lower case when the word is ASCII
    # after a space, and no Cyrillic case ending applies: the word must end some name.
    if not _may_end_a_place(gazetteer)[toks.texts[i]] and text[starts[i] - 1].isspace():
        return False
    end = toks.ends[i]
    return _a_place(text[starts[i - 1] : end], gazetteer) or (
        i >= 2 and _a_place(text[starts[i - 2] : end], gazetteer)
    )


@lru_cache(maxsize=4)
def _may_end_a_place(gazetteer: Gazetteer) -> Memo[bool]:
    """Whether a word may end a place's name after a space: not ASCII (a case ending may
    apply), or in lower case a word after a space in a place's name or a country's
    abbreviation (a superset of the names' last words). By the word alone: remembered."""
    last_words = frozenset(
        word.lower()
        for name in (*gazetteer.places, *gazetteer.abbreviations)
        for word in name.split()[1:]
    )

    def may_end(word: str) -> bool:
        return not word.isascii() or word.lower() in last_words

    return word_memo(may_end)


@lru_cache(maxsize=_CACHED_WORDS)
def _a_place(phrase: str, gazetteer: Gazetteer) -> bool:
    return gazetteer.place(phrase) is not None


def name_ends(toks: Tokens, gazetteer: Gazetteer) -> list[int]:
    """Where a name may end: the last word of each run of capitalised words (joined by single
    spaces), when it may be a name's word."""
    capitalised = toks.capitalised_at
    loose = _judges(gazetteer).loose
    may_be_names = map(loose.__getitem__, map(toks.texts.__getitem__, capitalised))
    gaps = toks.gaps_after
    capitals = toks.capitals
    after_last = len(capitals) - 1
    return [
        i
        for i in compress(capitalised, may_be_names)
        if i == after_last or not capitals[i + 1] or gaps[i] != " "
    ]


def _name_start(text: str, toks: Tokens, last: int, gazetteer: Gazetteer, taken: set[int]) -> int:
    """The first word of the name ending at ``last`` (the end of a run): at most three words
    of the run, none of an organisation's name, none closing a place's name; ``last + 1``
    when there is none."""
    loose = _judges(gazetteer).loose
    texts, gaps = toks.texts, toks.gaps_after
    first = last + 1
    while first > last + 1 - _MAX_NAME_WORDS:
        k = first - 1
        # The run goes back over words joined by a space (capitalised: ``loose`` says so).
        if k < last and (k < 0 or gaps[k] != " "):
            break
        if k in taken or not loose[texts[k]] or ends_a_place(text, toks, k, gazetteer):
            break
        first = k
    return first


def _role_before(
    text: str, toks: Tokens, first: int, gazetteer: Gazetteer, barrier: int
) -> str | None:
    """The role just before a name; the walk stops at ``barrier`` (the previous person)."""
    # The walk back over the role's words: capitalised, or words a role is made of.
    gaps, texts, capitals = toks.gaps_after, toks.texts, toks.capitals
    j = first - 1
    while j > barrier and first - 1 - j < _MAX_ROLE_WORDS:
        gap = gaps[j]
        if gap not in _ROLE_GAPS and not (j == first - 1 and gap == ", "):
            break
        if not (capitals[j] or texts[j].lower() in _ROLE_WORDS):
            break
        j -= 1
    lowest = j + 1  # the role's words are toks[lowest:first]
    for start in range(lowest, first):  # the outermost role: "Deputy Prime Minister - ..."
        if texts[start].lower() in ROLE_HEADS:
            break
    else:
        return None
    # Extend over modifiers and demonyms before the head: "Acting Deputy", "Iranian".
    while start - 1 >= lowest:
        previous = texts[start - 1]
        place = gazetteer.place(previous)
        if previous.lower() in ROLE_MODIFIERS or (place is not None and place.kind == "demonym"):
            start -= 1
        else:
            break
    role = text[toks.starts[start] : toks.ends[first - 1]].strip(" ,")
    return role or None


def _role_after(text: str, toks: Tokens, last: int) -> str | None:
    """An apposition: "Dai Daoguo, Chairman of the Board of ...," up to the next , or ."""
    gaps, texts = toks.gaps_after, toks.texts
    count = len(texts)
    if last + 1 >= count or gaps[last] != ", ":
        return None
    k = last + 1
    if texts[k].lower() == "the" and k + 1 < count:
        k += 1
    begin = k
    while k < count and texts[k].lower() in ROLE_MODIFIERS:
        k += 1
    if k >= count or texts[k].lower() not in ROLE_HEADS:
        return None
    end = k
    while end + 1 < count and end - begin < _MAX_ROLE_WORDS:
        if gaps[end] not in _ROLE_GAPS:
            break
        end += 1
    return text[toks.starts[begin] : toks.ends[end]]


def _has_title(toks: Tokens, first: int) -> bool:
    if first == 0:
        return False
    return toks.lower(first - 1) in TITLES and toks.gaps_after[first - 1] in (" ", ". ")


def _speaks(toks: Tokens, last: int) -> bool:
    return (
        last + 1 < len(toks)
        and toks.lower(last + 1) in SPEECH_VERBS
        and toks.gaps_after[last] == " "
    )


def mentions(text: str, toks: Tokens, gazetteer: Gazetteer, taken: set[int]) -> list[Mention]:
    """Every person mention in order, one-word mentions unresolved (their name is one word).

    Tokens in ``taken`` (organisation names) are never part of a person's name.
    """
    found: list[Mention] = []
    barrier = -1
    texts, gaps = toks.texts, toks.gaps_after
    strict = _judges(gazetteer).strict
    for run_last in name_ends(toks, gazetteer):
        if run_last in taken:
            continue
        first = _name_start(text, toks, run_last, gazetteer, taken)
        if first > run_last:
            continue
        # "Minister of Energy and Petroleum of Kenya": words of a role, not a name.
        if run_last + 1 < len(texts) and gaps[run_last] == " ":
            following = texts[run_last + 1].lower()
            if following in ("of", "for") or (following == "and" and first == run_last):
                continue
        role = _role_before(text, toks, first, gazetteer, barrier) or _role_after(
            text, toks, run_last
        )
        evidence = role is not None or _has_title(toks, first) or _speaks(toks, run_last)
        one_word = first == run_last
        if one_word and role is None and toks.sentence_start(first):
            continue  # a capitalised sentence opener, not a surname
        surname = texts[run_last]
        if not evidence and (
            one_word
            or not all(map(strict.__getitem__, texts[first : run_last + 1]))
            or (is_cyrillic(surname) and not surname.lower().endswith(_CYRILLIC_SURNAME_ENDINGS))
        ):
            continue
        name = text[toks.starts[first] : toks.ends[run_last]]
        if gazetteer.place(name) is not None:
            continue
        found.append(Mention(first, run_last, name, role))
        barrier = run_last
    return found


def resolve(name: str, people: list[Person]) -> str:
    """The full name a mention refers to ("Minister Nurtleu" -> "Murat Nurtleu"), else itself."""
    surname = name.rsplit(maxsplit=1)[-1]
    for person in people:
        if person.name == name or person.name.rsplit(maxsplit=1)[-1] == surname:
            return person.name
    return name


def find(doc: Document, taken: set[int]) -> tuple[list[Person], set[int]]:
    """People of an English (or other non-Cyrillic) article by the English rules, and the
    token indexes of their names."""
    mentioned = mentions(doc.text, doc.tokens, doc.gazetteer, taken)
    names = {i for m in mentioned for i in range(m.first, m.last + 1)}
    return persons(mentioned, doc), names


def extract(doc: Document) -> Findings:
    """People with their roles, claiming the tokens of their names. Words of an
    organisation's name are never a person's; Russian, Kazakh and Ukrainian text goes to the
    Cyrillic rules (``cyrillic_people``, with morphology), every other language to the
    English ones (no morphology on English text)."""
    taken = doc.claimed_by(ORGANIZATION_TOKENS)
    if doc.language in _CYRILLIC_LANGUAGES:
        found, names = cyrillic_people.find(doc, taken)
    else:
        found, names = find(doc, taken)
    return Findings().found(PERSONS, found).claiming(PERSON_TOKENS, names)
