"""Places with their country (gazetteer lookups of up to four capitalised words) and the
countries an article is about (places and demonyms, ISO 3166-1 alpha-2, in order of mention)."""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from newswire.core.models import Location
from newswire.enrich.document import (
    COUNTRIES,
    LOCATIONS,
    MONEY_TOKENS,
    ORGANIZATION_TOKENS,
    PERSON_TOKENS,
    PLACE_TOKENS,
    Document,
    Findings,
)
from newswire.enrich.gazetteer import MAX_PLACE_WORDS, Gazetteer, Place
from newswire.enrich.text import Memo, Token, Tokens, joined_by_space

_COMMON_CITY_ZIPF = 4.5  # "Nice", "Split", "Reading": a common word first, a city second
_COMMON_REGION_ZIPF = 3.0  # one-word regions ("Gulf", "Central") are mostly ordinary words
_NATIONAL = ("country", "demonym", "capital")
_WORDS_REMEMBERED = 1 << 16
_LONGEST_WORD_REMEMBERED = 40


def _accept(place: Place, words: list[Token], gazetteer: Gazetteer, in_org: bool) -> bool:
    if place.kind in _NATIONAL:
        return True
    if in_org:  # "Toyota" in a company name is the company, not the city
        return False
    if len(words) > 1:
        return True
    word = words[0]
    limit = _COMMON_REGION_ZIPF if place.kind == "region" else _COMMON_CITY_ZIPF
    return not word.sentence_start and gazetteer.frequency(word.lower) < limit


class _Start(NamedTuple):
    """What a capitalised word may begin: places of several words (its lower case is the
    first word of one), or else the place it names alone."""

    several: bool
    alone: Place | None


@lru_cache(maxsize=128)  # one table per language the detector may give
def _starts(gazetteer: Gazetteer, language: str | None) -> Memo[_Start | None]:
    """A word's ``_Start`` (None when it begins no place), by its text: most capitalised words
    begin none, and the same words come back in every article."""

    def start(word: str) -> _Start | None:
        if word.lower() in gazetteer.first_words:
            return _Start(several=True, alone=None)
        place = gazetteer.place(word, language)  # the word's text is its span's
        return None if place is None else _Start(several=False, alone=place)

    return Memo(start, limit=_WORDS_REMEMBERED, longest=_LONGEST_WORD_REMEMBERED)


def places(
    text: str,
    toks: Tokens,
    gazetteer: Gazetteer,
    skip: set[int],
    orgs: set[int],
    *,
    language: str | None = None,
) -> tuple[list[Location], list[str], set[int]]:
    """Locations, country codes, and the tokens they cover.

    Token indexes in ``skip`` (people's names) are never places; in ``orgs`` (organisation
    names) only countries, demonyms and capitals count.
    """
    covered: set[int] = set()
    locations: dict[tuple[str, str], None] = {}
    countries: dict[str, None] = {}
    resume = 0  # the tokens before it belong to the place found last
    # Where a place may begin: the capitalised words that begin one, told by a lookup each.
    capitalised = toks.capitalised_at
    starts = list(
        map(_starts(gazetteer, language).__getitem__, map(toks.texts.__getitem__, capitalised))
    )
    for i, start in zip(compress(capitalised, starts), filter(None, starts), strict=True):
        if i < resume or i in skip:
            continue
        found = _place_at(i, start, text, toks, gazetteer, skip=skip, orgs=orgs, language=language)
        if found is None:
            continue
        size, place = found
        covered.update(range(i, i + size))
        if place.kind != "demonym":
            locations.setdefault((place.name, place.country), None)
        countries.setdefault(place.country, None)
        resume = i + size
    found_locations = [Location(name=name, country=country) for name, country in locations]
    return found_locations, list(countries), covered


def _place_at(
    i: int,
    start: _Start,
    text: str,
    toks: list[Token],
    gazetteer: Gazetteer,
    *,
    skip: set[int],
    orgs: set[int],
    language: str | None,
) -> tuple[int, Place] | None:
    """The longest accepted place of words ``i``, ``i + 1``... and its number of words."""
    first = toks[i]
    if not start.several:  # most words: a place of one word or none
        place = start.alone
        if place is None or not _accept(place, [first], gazetteer, i in orgs):
            return None
        return 1, place
    for size in range(_reach(i, text, toks, skip), 0, -1):
        words = toks[i : i + size]
        place = gazetteer.place(text[first.start : words[-1].end], language)
        in_org = not orgs.isdisjoint(range(i, i + size))
        if place is not None and _accept(place, words, gazetteer, in_org):
            return size, place
    return None


def _reach(i: int, text: str, toks: list[Token], skip: set[int]) -> int:
    """How many words from ``i`` on may make one place: up to MAX_PLACE_WORDS, none of them
    in ``skip``, each after the one before it with only a space between."""
    size = 1
    for j in range(i + 1, min(i + MAX_PLACE_WORDS, len(toks))):
        if j in skip or not joined_by_space(text, toks[j - 1], toks[j]):
            break
        size += 1
    return size


def extract(doc: Document) -> Findings:
    """Locations and countries, claiming the tokens they cover. Words of a person's name or
    of an amount are never places; in an organisation's name only national ones count."""
    locations, countries, covered = places(
        doc.body,
        doc.tokens,
        doc.gazetteer,
        doc.claimed_by(PERSON_TOKENS, MONEY_TOKENS),
        doc.claimed_by(ORGANIZATION_TOKENS),
        language=doc.language,
    )
    return (
        Findings()
        .found(LOCATIONS, locations)
        .found(COUNTRIES, countries)
        .claiming(PLACE_TOKENS, covered)
    )
