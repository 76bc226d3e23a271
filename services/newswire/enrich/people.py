"""People and their roles.

A name is the end of a run of capitalised words (at most three words that are not role,
organisation, calendar or place words; particles inside: "Aravinda de Silva"; initials before:
"M. Bevan"). It counts as a person when the text gives evidence: a role, a title or a trade
just before it (``Prime Minister of the Republic of Kazakhstan Olzhas Bektenov``, ``Dr. René
Fasel``, ``midfielder Mauro Silva``), an apposition after it (``Dai Daoguo, Chairman of
...``), a speech verb after it (``Hidehiko Yuzaki said``); or, without evidence, when a given
name or initials lead it (``Michael Green``, ``P. Johnson``: given names from a maintained
first-name list, ``given_names``), or every word is rare in English and none is a town's. A
name with a club's word is never a person (``Leeds United``, ``Hansa Rostock``), nor one
ending with a place's, an event's or a publication's word (``Ellis Park``, ``Sky News``). A
surname alone is a person's after a role's head or a title, or before a speech verb inside a
sentence. Line-ups and scorecards: ``lineups``; grouping into persons, surnames alone and
headlines in capitals: ``english_persons``.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache, partial
from itertools import compress
from typing import NamedTuple

from newswire.core.models import Person
from newswire.enrich import cyrillic_people, english_persons, lineups
from newswire.enrich.document import (
    ORGANIZATION_TOKENS,
    PERSON_TOKENS,
    PERSONS,
    Document,
    Findings,
)
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.given_names import given_names
from newswire.enrich.lexicon import (
    CALENDAR,
    CLUB_WORDS,
    CONNECTORS,
    NAME_PARTICLES,
    NAME_WORD_ZIPF_LOOSE,
    NAME_WORD_ZIPF_STRICT,
    NOT_SURNAMES,
    ORG_HEADS,
    PERSON_NOUNS,
    PLACE_HEADS,
    PREPOSITIONS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    TITLES,
)
from newswire.enrich.text import Memo, Mention, Tokens, is_cyrillic, word_memo

_MAX_NAME_WORDS = 3
_MAX_INITIALS = 2
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")  # "M", "K.C" (the dot after is the gap)
_ROMAN = re.compile(r"X{0,2}(?:IX|IV|V?I{1,3}|V)")  # I to XXIX: "Henry VIII", "Leopold III"
_CYRILLIC_LANGUAGES = ("ru", "kk", "uk")
_SYLLABLE_LETTERS = 4
_SHORT_ZIPF = 5.5  # a short word this common is no name word ("Tran" may be; "When" not)
_SURNAME_ZIPF = 6.0  # after a given name, only the commonest words are no surname
_MAX_ROLE_WORDS = 16
_ROLE_GAPS = (" ", " - ", " – ", " — ")
# Offices and the other nouns a person is called by before or after their name.
# Plurals before a list of names ("publishers Jann Wenner and ..."); teams are champions too.
_ROLE_HEADS = ROLE_HEADS | PERSON_NOUNS | {f"{noun}s" for noun in PERSON_NOUNS - {"champion"}}
_ROLE_WORDS = CONNECTORS | _ROLE_HEADS | ROLE_MODIFIERS | ORG_HEADS
# Right before a surname alone, these make it a person's ("President Clinton", "Mr Woods").
_ONE_WORD_LEADS = _ROLE_HEADS | (TITLES - {"his", "her"})  # not "his Wimbledon final"
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
_NAMES_REMEMBERED = 65_536  # the verdicts on names' words (a bounded memo)
_ROLE_FOLLOWERS = frozenset({"of", "for", "and"})  # "Energy and Petroleum of Kenya"


def _name_word(word: str, gazetteer: Gazetteer, *, strict: bool) -> bool:
    """Whether a word may be part of a person's name (``strict``: without other evidence).
    Depends on the word alone: its case, lower case, place, frequency and whether it is a
    given name ("Michael" is common in English, and a name)."""
    if not _may_name(word, gazetteer):
        return False
    lower = word.lower()
    if is_cyrillic(lower):
        return gazetteer.frequency(lower, "ru") < NAME_WORD_ZIPF_STRICT
    zipf = gazetteer.frequency(lower)
    if not strict and (word in given_names() or (_short_name(lower) and zipf < _SHORT_ZIPF)):
        return True  # given names; one-syllable name words: Tran Hong Ha, Li Qiang, Wu
    return zipf < (NAME_WORD_ZIPF_STRICT if strict else NAME_WORD_ZIPF_LOOSE)


def _may_name(
    word: str, gazetteer: Gazetteer, places: tuple[str, ...] = ("country", "demonym", "capital")
) -> bool:
    """A capitalised word, not all capitals, neither a role's, an organisation's, a date's
    or a title's word, nor a place of these kinds."""
    lower = word.lower()
    if not word[0].isupper() or word.isupper() or len(lower) < 2 or lower in _NEVER_NAME_WORDS:
        return False
    place = gazetteer.place(word)
    return place is None or place.kind not in places


def _short_name(lower: str) -> bool:
    return len(lower) <= _SYLLABLE_LETTERS and lower not in CONNECTORS


def _surname_word(word: str, gazetteer: Gazetteer) -> bool:
    """Whether a word may be a surname after a given name: any name's word but the most
    common English ones ("Tiger Woods", "Michael Green", "Stuart Law"; not "Will Be")."""
    # A country's or a capital's name is a surname too ("Neil Jordan", "G. Hamilton"); so
    # is a regnal number ("Henry VIII").
    if _ROMAN.fullmatch(word) is not None:
        return True
    return gazetteer.frequency(word) < _SURNAME_ZIPF and _may_name(
        word, gazetteer, places=("demonym",)
    )


class _Judges(NamedTuple):
    """``_name_word`` for one gazetteer, loose and strict, and ``_surname_word``, each
    remembered by the word alone and read as ``loose[word]``: a dict lookup, the cheapest
    there is (the hot loops ask for every capitalised word; an ``lru_cache`` call cost twice
    as much)."""

    loose: Memo[bool]
    strict: Memo[bool]
    surname: Memo[bool]


@lru_cache(maxsize=4)
def _judges(gazetteer: Gazetteer) -> _Judges:
    def judge(*, strict: bool) -> Memo[bool]:
        return word_memo(partial(_name_word, gazetteer=gazetteer, strict=strict))

    return _Judges(
        judge(strict=False),
        judge(strict=True),
        word_memo(partial(_surname_word, gazetteer=gazetteer)),
    )


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
    spaces), when it may be a name's word, or a surname after a given name."""
    capitalised = toks.capitalised_at
    texts = toks.texts
    judges = _judges(gazetteer)
    may_be_names = map(judges.loose.__getitem__, map(texts.__getitem__, capitalised))
    gaps = toks.gaps_after
    capitals = toks.capitals
    after_last = len(capitals) - 1
    ends = [
        i
        for i in compress(capitalised, may_be_names)
        if i == after_last or not capitals[i + 1] or gaps[i] != " "
    ]
    # Surnames common in English ("Woods", "Law") end a name after a given name or initials
    # only: those are few, found by one lookup a capitalised word.
    leads = map(_leads_a_name.__getitem__, map(texts.__getitem__, capitalised))
    loose, surname = judges.loose, judges.surname
    extra = [
        k
        for i in compress(capitalised, leads)
        if (k := i + 1) <= after_last
        and capitals[k]
        and not loose[texts[k]]  # a name's word ends a run above already
        and surname[texts[k]]
        and (k == after_last or not capitals[k + 1] or gaps[k] != " ")
        and _surname_after_lead(toks, k, surname)
    ]
    return sorted({*ends, *extra}) if extra else ends


def _may_lead_a_name(word: str) -> bool:
    """A given name or initials ("M", "K.C"): a surname may follow whatever its frequency."""
    return word in given_names() or _INITIALS.fullmatch(word) is not None


_leads_a_name = word_memo(_may_lead_a_name)


def _surname_after_lead(toks: Tokens, k: int, surname: Memo[bool]) -> bool:
    """Token k is a surname right after a given name ("Tiger Woods") or initials ("P.
    Johnson")."""
    if not (0 < k < len(toks.texts) and toks.capitals[k] and surname[toks.texts[k]]):
        return False
    before, gap = toks.texts[k - 1], toks.gaps_after[k - 1]
    if gap == " ":
        return before in given_names()
    return gap == ". " and _INITIALS.fullmatch(before) is not None


def _name_start(text: str, toks: Tokens, last: int, gazetteer: Gazetteer, taken: set[int]) -> int:
    """The first word of the name ending at ``last`` (the end of a run): at most three words
    of the run, none of an organisation's name, none closing a place's name, particles inside
    ("Aravinda de Silva") not counted; ``last + 1`` when there is none."""
    loose, _, surname = _judges(gazetteer)
    texts, gaps = toks.texts, toks.gaps_after
    first = last + 1
    words = 0
    while words < _MAX_NAME_WORDS:
        k = first - 1
        # The run goes back over words joined by a space (capitalised: ``loose`` says so).
        if k < last and (k < 0 or gaps[k] != " "):
            break
        if k in taken:
            break
        particle = False
        if not loose[texts[k]] and not (k == last and _surname_after_lead(toks, k, surname)):
            if not (k < last and _particle_inside(toks, k, loose, taken)):
                break
            particle = True  # not counted: "Aravinda de Silva" is two name words
        # (Asked after the cheap lookups: most words that end a walk are no name words.)
        if ends_a_place(text, toks, k, gazetteer):
            break
        first = k
        words += 0 if particle else 1
    return first


def _particle_inside(toks: Tokens, k: int, loose: Memo[bool], taken: set[int]) -> bool:
    """Token k is a particle between two words of a name: "de" in "Aravinda de Silva", "van"
    and "der" in "Joost van der Westhuizen"."""
    texts, gaps = toks.texts, toks.gaps_after
    while k > 0 and texts[k].lower() in NAME_PARTICLES and gaps[k - 1] == " ":
        k -= 1
        if k in taken:
            return False
        if loose[texts[k]]:
            return True
    return False


def _before_a_particle(toks: Tokens, last: int) -> bool:
    """The word is a name's first part: particles and a capitalised word follow ("Aravinda"
    in "Aravinda de Silva", "Joost" in "Joost van der Westhuizen")."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    k = last + 1
    while k < len(texts) and gaps[k - 1] == " " and texts[k].lower() in NAME_PARTICLES:
        k += 1
    return last + 1 < k < len(texts) and gaps[k - 1] == " " and capitals[k]


def _with_initials(toks: Tokens, first: int, gazetteer: Gazetteer) -> int:
    """The first word of the name with the initials before it: "M. Bevan", "K.C. Maurer"."""
    texts, gaps = toks.texts, toks.gaps_after
    k = first - 1
    while (
        k >= 0
        and first - k <= _MAX_INITIALS
        and gaps[k] == ". "
        and _INITIALS.fullmatch(texts[k]) is not None
        and texts[k].replace(".", "") not in gazetteer.abbreviations  # "U.S. Open"
    ):
        first = k
        k -= 1
    return first


def _from_given_name(texts: list[str], first: int, last: int, given: frozenset[str]) -> int:
    """The name starts at its given name when a capitalised word stands before it in the
    run ("Somerset Mark Lathwell"): the first given name of the run, else ``first``."""
    if texts[first] in given:
        return first
    for k in range(first + 1, last):
        if texts[k] in given:
            return k
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
        if texts[start].lower() in _ROLE_HEADS:
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
    if k >= count or texts[k].lower() not in _ROLE_HEADS:
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
    """Every person mention in order (those of line-ups and scorecards apart: ``find``),
    one-word mentions unresolved (their name is one word).

    Tokens in ``taken`` (organisation names) are never part of a person's name.
    """
    found: list[Mention] = []
    barrier = -1
    texts = toks.texts
    verdicts = _verdicts(gazetteer)
    for run_last in name_ends(toks, gazetteer):
        span = _candidate(text, toks, run_last, gazetteer, taken)
        if span is None:
            continue
        first, initialled = span
        # What the words alone say first (remembered by the words): then the role, asked
        # of a surname alone only once the words around it make it a person's.
        verdict = verdicts[_verdict_key(texts, first, initialled, run_last)]
        if verdict is _Verdict.NEVER:
            continue
        one_word = initialled == run_last
        if one_word and not _one_word_evidence(toks, run_last, gazetteer):
            continue
        role = _role_before(text, toks, initialled, gazetteer, barrier) or _role_after(
            text, toks, run_last
        )
        if (
            not one_word
            and verdict is not _Verdict.NAMED
            and role is None
            and not (_has_title(toks, initialled) or _speaks(toks, run_last))
        ):
            continue
        name = text[toks.starts[initialled] : toks.ends[run_last]]
        if gazetteer.place(name) is not None:
            continue
        found.append(Mention(initialled, run_last, name, role))
        barrier = run_last
    return found


def _candidate(
    text: str, toks: Tokens, last: int, gazetteer: Gazetteer, taken: set[int]
) -> tuple[int, int] | None:
    """The name ending at token ``last``: its first word after any capitalised word before
    its given name, and the first of the initials before it; None when there is no name
    (an organisation's word, a particle follows, words of a role)."""
    if last in taken:
        return None
    texts, gaps = toks.texts, toks.gaps_after
    # The word after the name (after a space), read once: "de" (the name goes on), "of" and
    # "for" (words of a role?).
    following = texts[last + 1].lower() if last + 1 < len(texts) and gaps[last] == " " else ""
    if following in NAME_PARTICLES and _before_a_particle(toks, last):
        return None
    first = _name_start(text, toks, last, gazetteer, taken)
    if first > last:
        return None
    given = given_names()
    if first < last and texts[first] not in given:
        first = _from_given_name(texts, first, last, given)
    initialled = first
    if first > 0 and gaps[first - 1] == ". ":
        initialled = _with_initials(toks, first, gazetteer)
    if following in _ROLE_FOLLOWERS and _words_of_a_role(toks, first, initialled, last, given):
        return None
    return first, initialled


def _first_token(mention: Mention) -> int:
    return mention.first


def _verdict_key(texts: list[str], first: int, initialled: int, last: int) -> str:
    """The words of a name as ``_verdicts`` remembers them: after ". " when initials lead."""
    words = texts[first] if first == last else " ".join(texts[first : last + 1])
    return words if initialled == first else f". {words}"


class _Verdict(Enum):
    """What a name's words alone say: never a person's (a club's, a place's), a person's
    without other evidence (``_named_without_evidence``), or a person's with evidence only
    (a role, a title or a speech verb; a surname alone: ``_one_word_evidence``)."""

    NEVER = "never"
    NAMED = "named"
    WITH_EVIDENCE = "with evidence"


@lru_cache(maxsize=4)
def _verdicts(gazetteer: Gazetteer) -> Memo[_Verdict]:
    """``_verdict`` remembered by the name's words (after ". " when initials lead them):
    names come back, in an article and across articles."""
    return Memo(partial(_verdict, gazetteer=gazetteer), limit=_NAMES_REMEMBERED, longest=80)


def _verdict(key: str, gazetteer: Gazetteer) -> _Verdict:
    initials = key.startswith(". ")
    names = key.removeprefix(". ").split(" ")
    words = [w for w in names if w.lower() not in NAME_PARTICLES]
    if not words or any(w.lower() in CLUB_WORDS for w in words):
        return _Verdict.NEVER
    if words[-1].lower() in NOT_SURNAMES:
        return _Verdict.NEVER
    if (initials or len(names) > 1) and _named_without_evidence(
        names, words, gazetteer, initials=initials
    ):
        return _Verdict.NAMED
    return _Verdict.WITH_EVIDENCE


def _one_word_evidence(toks: Tokens, last: int, gazetteer: Gazetteer) -> bool:
    """A surname alone is a person's right after a role's head or a title ("President
    Clinton", "Mr Woods"), or before a speech verb inside a sentence unless a preposition or
    a place says it is a place ("an official in Liege said"); never opening a sentence
    otherwise (a capitalised sentence opener)."""
    k = last - 1
    if k < 0:
        return False
    before = toks.texts[k].lower()
    if toks.gaps_after[k] in (" ", ". ") and before in _ONE_WORD_LEADS:
        return True
    return (
        _speaks(toks, last)
        and not toks.sentence_start(last)
        and before not in PREPOSITIONS
        and gazetteer.place(toks.texts[last]) is None
    )


def _named_without_evidence(
    names: list[str], words: list[str], gazetteer: Gazetteer, *, initials: bool
) -> bool:
    """Two words or more, not led by a particle ("Der Spiegel"): led by initials or a given
    name ("G. Hamilton", "Felix Mantilla": a town's name is a surname too), or with a
    particle inside ("de Silva"), or else every word rare in English and no town among them
    ("Hansa Rostock" is a club), and a Cyrillic surname with a surname's ending."""
    if names[0].lower() in NAME_PARTICLES:
        return False
    if initials or names[0] in given_names() or len(words) < len(names):
        return True
    strict = _judges(gazetteer).strict
    if not all(map(strict.__getitem__, words)) or _a_town_among(words, gazetteer):
        return False
    surname = names[-1]
    return not is_cyrillic(surname) or surname.lower().endswith(_CYRILLIC_SURNAME_ENDINGS)


def _words_of_a_role(
    toks: Tokens, first: int, initialled: int, last: int, given: frozenset[str]
) -> bool:
    """ "Energy and Petroleum" in "Minister of Energy and Petroleum of Kenya": capitalised
    words before "of" or "for" that no given name or initials lead ("Lynn Reaser of Barnett
    Banks" is a person)."""
    texts, gaps = toks.texts, toks.gaps_after
    if last + 1 >= len(texts) or gaps[last] != " ":
        return False
    following = texts[last + 1].lower()
    if following == "and" and first == last:
        return True
    named = initialled < first or (first < last and texts[first] in given)
    # After a role's head the words are a name ("publisher Jann Wenner of Rolling Stone").
    after_role = initialled > 0 and texts[initialled - 1].lower() in _ROLE_HEADS
    return following in ("of", "for") and not named and not after_role


def _a_town_among(words: list[str], gazetteer: Gazetteer) -> bool:
    """A city among the words (a region's name is a surname too: "Mickey Rivers")."""
    for word in words:
        place = gazetteer.place(word)
        if place is not None and place.kind != "region":
            return True
    return False


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
    found = mentions(doc.text, doc.tokens, doc.gazetteer, taken)
    # Whether surnames occur alone too: counted once, for the line-ups and the grouping.
    recurring = english_persons.recurring(found, doc)
    judge = lineups.Judge(_judges(doc.gazetteer).surname.__getitem__, doc.gazetteer, taken)
    listed = lineups.members(doc.text, doc.tokens, found, judge, recurring=recurring)
    if not listed:
        return english_persons.persons(found, doc, taken, recurring=recurring)
    mentioned = sorted([*found, *listed], key=_first_token)
    return english_persons.persons(mentioned, doc, taken, recurring=None)


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
