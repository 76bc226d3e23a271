"""Places with their country (gazetteer lookups of up to four capitalised words) and the
countries an article is about (places and demonyms, ISO 3166-1 alpha-2, in order of mention).

The rules a place keeps:

- the longest place wins (``Ақтөбе облысы`` is the region, not the city in it);
- a person's name is never a place: the words people claimed are skipped, and a single word
  that is also a first name, surname or patronymic (pymorphy3's ``Name``, ``Surn``, ``Patr``:
  ``Виктория``, ``Киров``, ``Питер``) is a place only when it is a country, or where a
  preposition of place puts it (``в Кирове``);
- Russian words are read by the dictionary (``russian_places``): a word it knows is a place
  only by a geographical reading;
- a single English word that is a common English word (``Nice``) or begins a sentence is a
  place only when national (a country, demonym or capital); a word in capitals (a dateline's
  ``LONDON``) begins no sentence by its capital;
- inside an organisation's name only national places count (``Toyota`` in ``Toyota Motor``);
- in a results line a town followed by a score is a team (``Kent 108-3``, ``Bristol 28``),
  and so is a city beside a word of playing (``v Northampton``, ``Glamorgan beat Durham``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, starmap
from typing import cast

from newswire.core.models import Location
from newswire.enrich import kazakh, russian_places
from newswire.enrich.document import (
    COUNTRIES,
    LOCATIONS,
    MONEY_TOKENS,
    ORGANIZATION_TOKENS,
    PERSON_TOKENS,
    PLACE_TOKENS,
    Document,
    Findings,
    MentionOf,
)
from newswire.enrich.gazetteer import MAX_PLACE_WORDS, Gazetteer, Place, load
from newswire.enrich.lexicon import (
    CALENDAR,
    CONNECTORS,
    PLACE_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    TITLES,
)
from newswire.enrich.text import WORDS_REMEMBERED, Memo, Tokens, is_cyrillic, word_memo

_COMMON_CITY_ZIPF = 4.5  # "Nice", "Split", "Reading": a common word first, a city second
_COMMON_REGION_ZIPF = 3.0  # one-word regions ("Gulf", "Central") are mostly ordinary words
_COMMON_MAJOR_REGION_ZIPF = 5.0  # but a large country's (Texas) are names
_NATIONAL = ("country", "demonym", "capital", "area")  # "area": continents (Europe)
_LONGEST_PHRASE_REMEMBERED = 80


def _accept(
    place: Place, toks: Tokens, i: int, size: int, gazetteer: Gazetteer, *, in_org: bool
) -> bool:
    """Whether the place named by ``size`` words from token ``i`` on counts."""
    if _is_team(place, toks, i, i + size - 1) or _quoted(toks, i, i + size - 1):
        return False
    if place.kind in _NATIONAL:
        return True
    if _in_longer_name(toks, i, i + size - 1):
        return False
    if in_org:  # "Toyota" in a company name is the company, not the city
        return False
    if size > 1:
        return True
    spelled_out = toks.texts[i].isupper()  # LONDON: no sentence's capital
    return (
        (spelled_out or not toks.sentence_start(i))
        and _rare_enough(place, toks.lower(i), gazetteer)
        and not _kazakh_name_at(toks, i)
    )


def _kazakh_name_at(toks: Tokens, i: int) -> bool:
    """A Cyrillic word alone that is a person's name first ("Абай", also the first word of
    "Абай облысы"), unless a preposition of place puts it."""
    word = toks.texts[i]
    return is_cyrillic(word) and _kazakh_person(word) and not _after_place_preposition(toks, i)


def _rare_enough(place: Place, lower: str, gazetteer: Gazetteer) -> bool:
    """The word is rare enough in English to name the place alone, or names a large city."""
    if lower in gazetteer.large_cities:
        return True
    limit = _COMMON_CITY_ZIPF
    if place.kind == "region":
        major = lower in gazetteer.major_regions
        limit = _COMMON_MAJOR_REGION_ZIPF if major else _COMMON_REGION_ZIPF
    return gazetteer.frequency(lower) < limit


@dataclass(frozen=True, slots=True)
class _Alone:
    """A capitalised word that names a place alone (and begins no place of several words),
    with what ``_accept`` asks of it, worked out once."""

    place: Place
    anywhere: bool  # a country, demonym or capital: accepted wherever the word stands
    rare: bool  # else accepted outside organisations' names and sentences' first words
    person: bool = False  # also a person's name: a place only by a preposition of place
    first_word_ok: bool = False  # a place even as a sentence's first word


@dataclass(frozen=True, slots=True)
class _Begins:
    """A capitalised word that begins places of several words."""

    # The second words (lower case) those places may have, None when any may follow: a
    # Cyrillic word's phrase is also looked up with a case ending taken off.
    second_words: frozenset[str] | None
    # Russian: the place the word names alone, judged as a word alone is (None: none), since
    # the dictionary, not the gazetteer's endings, reads it.
    alone: _Alone | None = None
    by_dictionary: bool = False


_Start = _Alone | _Begins | None  # None: no place


@lru_cache(maxsize=128)  # one table per language the detector may give
def _starts(gazetteer: Gazetteer, language: str | None) -> Memo[_Start]:
    """What a word may begin, by its text (None: no place): most capitalised words begin
    none, and the same words come back in every article."""
    second_words = _second_words(gazetteer)

    def start(word: str) -> _Start:
        lower = word.lower()
        cyrillic = "\u0400" <= lower[:1] <= "\u04ff"
        if cyrillic and language == "ru":
            alone = _cyrillic_start(word, gazetteer, language)
            if russian_places.may_begin_phrase(word, gazetteer.first_words):
                return _Begins(None, alone, by_dictionary=True)
            return alone
        if lower in gazetteer.first_words:
            return _Begins(None if cyrillic else second_words.get(lower, frozenset()))
        if cyrillic:
            return _cyrillic_start(word, gazetteer, language)
        place = gazetteer.place(word, language)  # the word's text is its span's
        if place is None:
            return None
        spelled_out = word.isupper() and len(word) > 1  # LONDON: no sentence's capital
        return _Alone(
            place,
            place.kind in _NATIONAL,
            _rare_enough(place, lower, gazetteer),
            first_word_ok=spelled_out,
        )

    return word_memo(start)


def _cyrillic_start(word: str, gazetteer: Gazetteer, language: str | None) -> _Alone | None:
    """A Cyrillic word alone: by the dictionary in Russian, by the gazetteer (case endings
    taken off) otherwise, a person's name flagged either way."""
    if language == "ru":
        found = russian_places.word_place(word, gazetteer)
        if found is None:
            return None
        national = found.place.kind in _NATIONAL
        return _Alone(found.place, national, True, found.person, found.first_word_ok or national)
    place = gazetteer.place(word, language)
    if place is None:
        return None
    national = place.kind in _NATIONAL
    return _Alone(place, national, True, _kazakh_person(word), national)


def _kazakh_person(word: str) -> bool:
    """A Kazakh word, its case ending taken off (Абайдың -> Абай), that the dictionary knows
    as a person's name or that ends like a surname (Қонаев)."""
    stem = kazakh.without_case(word)
    return (
        russian_places.reads_as_person(stem)
        or russian_places.reads_as_person(word)
        or stem.lower().endswith(_KAZAKH_SURNAME_ENDINGS)
    )


_KAZAKH_SURNAME_ENDINGS = ("ов", "ев", "ұлы", "қызы")


@lru_cache(maxsize=4)
def _second_words(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The second words of the names of several words (and abbreviations), in lower case,
    by their first word: "the" -> {"hague", "bahamas", ...}. A phrase whose second word is
    none of its first word's names none ("The talks"): its longer lookups are skipped."""
    # Three names in four are one word: an ``in`` test each skips them before any split.
    # (The places' names are in lower case already.)
    names = [name for name in gazetteer.places if " " in name]
    names += [name.lower() for name in gazetteer.abbreviations if " " in name]
    found: dict[str, set[str]] = {}
    for name in names:
        first, second = name.split(" ", 2)[:2]
        found.setdefault(first, set()).add(second)
    return {first: frozenset(seconds) for first, seconds in found.items()}


@lru_cache(maxsize=128)
def _phrase_places(gazetteer: Gazetteer, language: str | None) -> Memo[Place | None]:
    """``gazetteer.place`` of phrases, remembered: the phrases after "The" and "A" repeat.
    Russian phrases of several words are also put in the nominative (``russian_places``)."""
    lookup = partial(gazetteer.place, language=language)
    if language == "ru":
        lookup = partial(_russian_phrase_place, gazetteer)
    return Memo(lookup, limit=WORDS_REMEMBERED, longest=_LONGEST_PHRASE_REMEMBERED)


def _russian_phrase_place(gazetteer: Gazetteer, phrase: str) -> Place | None:
    place = gazetteer.place(phrase, "ru")
    if place is None and " " in phrase and is_cyrillic(phrase):
        place = russian_places.phrase_place(phrase, gazetteer)
    return place


# The words before a place that make a one-word name a place even when it is also a
# person's (в Кирове, из Владимира, city of Jackson): prepositions of place and "city".
_PLACE_PREPOSITIONS = frozenset({
    *("в", "во", "из", "под", "около", "близ", "г", "город", "города", "городе", "городу"),
    *("городом", "село", "селе", "посёлок", "поселок", "in", "at", "from", "near", "city"),
})  # fmt: skip


def _after_place_preposition(toks: Tokens, i: int) -> bool:
    return (
        i > 0
        and toks.gaps_after[i - 1] in (" ", ". ")
        and (toks.texts[i - 1].lower() in _PLACE_PREPOSITIONS)
    )


def _alone_counts(start: _Alone, toks: Tokens, i: int, orgs: set[int]) -> bool:
    """Whether a word that names a place alone is one here."""
    # What the word alone and its place in the sentence say first: most words end here.
    if not start.anywhere and (
        i in orgs or not start.rare or (not start.first_word_ok and toks.sentence_start(i))
    ):
        return False
    named = start.person or _after_first_name(toks, i)
    if named and start.place.kind != "country" and not _after_place_preposition(toks, i):
        return False  # "Виктория", "Киров"; "Войцеха Хаса": a person's name first
    if _is_team(start.place, toks, i, i) or _quoted(toks, i, i):
        return False
    return start.place.kind in _NATIONAL or not _in_longer_name(toks, i, i)


def _after_first_name(toks: Tokens, i: int) -> bool:
    """The word comes right after a Cyrillic first name: it is that person's surname."""
    if i == 0 or toks.gaps_after[i - 1] != " " or not toks.capitals[i - 1]:
        return False
    previous = toks.texts[i - 1]
    return is_cyrillic(previous) and russian_places.reads_as_first_name(previous)


_OPENING_QUOTES = tuple('«"“„')  # not "'": "Britain's"
_CLOSING_QUOTES = tuple('»"”')


def _quoted(toks: Tokens, first: int, last: int) -> bool:
    """The place's words open or close a quotation: the name of a company, a channel, a
    road («Ленинград», «Говорит Москва», «Астана – Алматы»), not the place."""
    before = toks.gaps_after[first - 1] if first > 0 else ""
    return before.endswith(_OPENING_QUOTES) or toks.gaps_after[last].startswith(_CLOSING_QUOTES)


# Capitalised English words that do not make a town's name part of a longer one: roles
# ("Chicago Mayor"), titles, days and months, connectors, place heads ("Kent County").
_NOT_NAME_WORDS = ROLE_HEADS | ROLE_MODIFIERS | TITLES | CALENDAR | CONNECTORS | PLACE_HEADS
# A team's name stands before or after "v" ("Queens Park Rangers v Bolton"), the visiting
# team's before "AT" in a fixture list ("BALTIMORE AT SEATTLE": Seattle is where).
_VERSUS = frozenset({"v", "vs"})
_VISITING = frozenset({"v", "vs", "AT"})
_COMMON_FIRST_WORD_ZIPF = 5.0  # "In Chicago": a common word that begins a sentence


def _in_longer_name(toks: Tokens, first: int, last: int) -> bool:
    """An English town's words inside a longer name, a person's, a team's or a company's
    ("Wang Donghai", "Baltimore Orioles", "Inter Milan", "New York Times"), or a team's
    in a fixture ("v Durham", "BALTIMORE AT SEATTLE"): a capitalised Latin word right before
    or after it that is no role, title, day, connector or place of its own."""
    texts, gaps = toks.texts, toks.gaps_after
    if is_cyrillic(texts[first]):
        return False
    after = last + 1
    if (
        after < len(texts)
        and gaps[last] == " "
        and (texts[after] in _VISITING or _name_word(texts[after]))
    ):
        return True
    before = first - 1
    if before >= 0 and gaps[before] == " ":
        word = texts[before]
        if word in _VERSUS:
            return True
        if _name_word(word) and not (toks.sentence_start(before) and _common(word)):
            return True
    return False


def _name_word(word: str) -> bool:
    """A capitalised Latin word that may be part of a name, and names no place itself."""
    return (
        word[:1].isupper()
        and not is_cyrillic(word)
        and not word.isupper()
        and word.lower() not in _NOT_NAME_WORDS
        and load().place(word) is None
    )


def _common(word: str) -> bool:
    return load().frequency(word.lower()) >= _COMMON_FIRST_WORD_ZIPF


_TEAM_KINDS = frozenset({"city", "region", "capital"})


_SCORE = re.compile(r" \d{1,3}(?!\d)")  # not a dateline's year: "CHICAGO 1996-08-31"


def _is_team(place: Place, toks: Tokens, first: int, last: int) -> bool:
    """A town followed by a score is a team in a results line ("Kent 108-3", "Bristol 28"),
    and so is a city that plays or beats another ("v Northampton", "Glamorgan beat Durham")."""
    if place.kind not in _TEAM_KINDS:
        return False
    if _SCORE.match(toks.gaps_after[last]) is not None:
        return True
    if place.kind != "city":
        return False  # "Wales beat San Marino": a country's team is named as the country
    before = toks.lower(first - 1) if first > 0 and toks.gaps_after[first - 1] == " " else ""
    after = toks.lower(last + 1) if last + 1 < len(toks) and toks.gaps_after[last] == " " else ""
    return before in _PLAYS or after in _PLAYS


# Words between two teams: "Essex v Kent", "Glamorgan beat Durham", "drew with".
_PLAYS = frozenset({"v", "vs", "versus", "beat", "beats", "thrashed", "edged", "drew", "draw"})


def places(
    text: str,
    toks: Tokens,
    gazetteer: Gazetteer,
    skip: set[int],
    orgs: set[int],
    *,
    language: str | None = None,
    mention: MentionOf | None = None,
) -> tuple[list[Location], list[str], set[int]]:
    """Locations, country codes, and the tokens they cover.

    Token indexes in ``skip`` (people's names) are never places; in ``orgs`` (organisation
    names) only countries, demonyms and capitals count. ``mention``: the provenance of a
    span of ``text`` (``Document.mention``); given, every location carries its mentions.
    """
    covered: set[int] = set()
    locations: dict[tuple[str, str], list[tuple[int, int]]] = {}
    countries: dict[str, None] = {}
    resume = 0  # the tokens before it belong to the place found last
    # Where a place may begin: the capitalised words that begin one, told by a lookup each.
    capitalised = toks.capitalised_at
    starts = list(
        map(_starts(gazetteer, language).__getitem__, map(toks.texts.__getitem__, capitalised))
    )
    phrase_places = _phrase_places(gazetteer, language)
    found_starts = cast("Iterator[_Alone | _Begins]", filter(None, starts))  # mypy: object
    for i, start in zip(compress(capitalised, starts), found_starts, strict=True):
        if i < resume or i in skip:
            continue
        if isinstance(start, _Begins):
            found = _longest_place_at(
                i, text, toks, gazetteer, phrase_places, skip=skip, orgs=orgs, begins=start
            )
            if found is None:
                continue
            size, place = found
            covered.update(range(i, i + size))
        else:  # most places: one word
            if not _alone_counts(start, toks, i, orgs):
                continue
            size, place = 1, start.place
            covered.add(i)
        if place.kind != "demonym":
            span = (toks.starts[i], toks.ends[i + size - 1])
            locations.setdefault((place.name, place.country), []).append(span)
        if place.country:  # Europe is in no one country
            countries.setdefault(place.country, None)
        resume = i + size
    if mention is None:
        return list(starmap(location, locations)), list(countries), covered
    placed = [  # validated: pydantic's core (Rust) costs less than model_construct (Python)
        Location(name=name, country=country or None, mentions=[mention(*span) for span in spans])
        for (name, country), spans in locations.items()
    ]
    return placed, list(countries), covered


@lru_cache(maxsize=WORDS_REMEMBERED)
def location(name: str, country: str) -> Location:
    """The ``Location`` of a gazetteer place, validated once and shared (it is frozen): the
    same places come back in every article."""
    return Location(name=name, country=country or None)


def _longest_place_at(
    i: int,
    text: str,
    toks: Tokens,
    gazetteer: Gazetteer,
    phrase_places: Memo[Place | None],
    *,
    skip: set[int],
    orgs: set[int],
    begins: _Begins,
) -> tuple[int, Place] | None:
    """The longest accepted place of words ``i``, ``i + 1``... and its number of words."""
    begin = toks.starts[i]
    texts, ends = toks.texts, toks.ends
    seconds = begins.second_words
    if seconds is not None and (i + 1 == len(texts) or texts[i + 1].lower() not in seconds):
        most = 1  # no place of several words begins "The talks": only the word alone may be
    else:
        most = _reach(i, toks, skip)
    least = 2 if begins.by_dictionary else 1  # the word alone: as the dictionary reads it
    for size in range(most, least - 1, -1):
        place = phrase_places[text[begin : ends[i + size - 1]]]
        if place is not None and _accept(
            place, toks, i, size, gazetteer, in_org=not orgs.isdisjoint(range(i, i + size))
        ):
            return size, place
    alone = begins.alone
    if begins.by_dictionary and alone is not None and _alone_counts(alone, toks, i, orgs):
        return 1, alone.place
    return None


def _reach(i: int, toks: Tokens, skip: set[int]) -> int:
    """How many words from ``i`` on may make one place: up to MAX_PLACE_WORDS, none of them
    in ``skip``, each after the one before it with only a space between."""
    size = 1
    gaps = toks.gaps_after
    for j in range(i + 1, min(i + MAX_PLACE_WORDS, len(toks))):
        if j in skip or gaps[j - 1] != " ":
            break
        size += 1
    return size


def extract(doc: Document) -> Findings:
    """Locations and countries, claiming the tokens they cover. Words of a person's name or
    of an amount are never places; in an organisation's name only national ones count."""
    locations, countries, covered = places(
        doc.text,
        doc.tokens,
        doc.gazetteer,
        doc.claimed_by(PERSON_TOKENS, MONEY_TOKENS),
        doc.claimed_by(ORGANIZATION_TOKENS),
        language=doc.language,
        mention=doc.mention,
    )
    return (
        Findings()
        .found(LOCATIONS, locations)
        .found(COUNTRIES, countries)
        .claiming(PLACE_TOKENS, covered)
    )
