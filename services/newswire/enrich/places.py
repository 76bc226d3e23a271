"""Places with their country (gazetteer lookups of up to four capitalised words) and the
countries an article is about (places and demonyms, ISO 3166-1 alpha-2, in order of mention)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, starmap
from typing import cast

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
    MentionOf,
)
from newswire.enrich.gazetteer import MAX_PLACE_WORDS, Gazetteer, Place
from newswire.enrich.text import WORDS_REMEMBERED, Memo, Tokens, word_memo

_COMMON_CITY_ZIPF = 4.5  # "Nice", "Split", "Reading": a common word first, a city second
_COMMON_REGION_ZIPF = 3.0  # one-word regions ("Gulf", "Central") are mostly ordinary words
_NATIONAL = ("country", "demonym", "capital")
_LONGEST_PHRASE_REMEMBERED = 80


def _accept(
    place: Place, toks: Tokens, i: int, size: int, gazetteer: Gazetteer, *, in_org: bool
) -> bool:
    """Whether the place named by ``size`` words from token ``i`` on counts."""
    if place.kind in _NATIONAL:
        return True
    if in_org:  # "Toyota" in a company name is the company, not the city
        return False
    if size > 1:
        return True
    return not toks.sentence_start(i) and _rare_enough(place, toks.lower(i), gazetteer)


def _rare_enough(place: Place, lower: str, gazetteer: Gazetteer) -> bool:
    """The word is rare enough in English to name the place alone."""
    limit = _COMMON_REGION_ZIPF if place.kind == "region" else _COMMON_CITY_ZIPF
    return gazetteer.frequency(lower) < limit


@dataclass(frozen=True, slots=True)
class _Alone:
    """A capitalised word that names a place alone (and begins no place of several words),
    with what ``_accept`` asks of it, worked out once."""

    place: Place
    anywhere: bool  # a country, demonym or capital: accepted wherever the word stands
    rare: bool  # else accepted outside organisations' names and sentences' first words


@dataclass(frozen=True, slots=True)
class _Begins:
    """A capitalised word that begins places of several words."""

    # The second words (lower case) those places may have, None when any may follow: a
    # Cyrillic word's phrase is also looked up with a case ending taken off.
    second_words: frozenset[str] | None


_Start = _Alone | _Begins | None  # None: no place


@lru_cache(maxsize=128)  # one table per language the detector may give
def _starts(gazetteer: Gazetteer, language: str | None) -> Memo[_Start]:
    """What a word may begin, by its text (None: no place): most capitalised words begin
    none, and the same words come back in every article."""
    second_words = _second_words(gazetteer)

    def start(word: str) -> _Start:
        lower = word.lower()
        if lower in gazetteer.first_words:
            cyrillic = "\u0400" <= lower[:1] <= "\u04ff"
            return _Begins(None if cyrillic else second_words.get(lower, frozenset()))
        place = gazetteer.place(word, language)  # the word's text is its span's
        if place is None:
            return None
        return _Alone(place, place.kind in _NATIONAL, _rare_enough(place, lower, gazetteer))

    return word_memo(start)


@lru_cache(maxsize=4)
def _second_words(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The second words of the names of several words (and abbreviations), in lower case,
    by their first word: "the" -> {"hague", "bahamas", ...}. A phrase whose second word is
    none of its first word's names none ("The talks"): its longer lookups are skipped."""
    found: dict[str, set[str]] = {}
    for name in (*gazetteer.places, *gazetteer.abbreviations):
        words = name.lower().split(" ")
        if len(words) > 1:
            found.setdefault(words[0], set()).add(words[1])
    return {first: frozenset(seconds) for first, seconds in found.items()}


@lru_cache(maxsize=128)
def _phrase_places(gazetteer: Gazetteer, language: str | None) -> Memo[Place | None]:
    """``gazetteer.place`` of phrases, remembered: the phrases after "The" and "A" repeat."""
    return Memo(
        partial(gazetteer.place, language=language),
        limit=WORDS_REMEMBERED,
        longest=_LONGEST_PHRASE_REMEMBERED,
    )


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
            if not (
                start.anywhere or (start.rare and not toks.sentence_start(i) and i not in orgs)
            ):
                continue
            size, place = 1, start.place
            covered.add(i)
        if place.kind != "demonym":
            span = (toks.starts[i], toks.ends[i + size - 1])
            locations.setdefault((place.name, place.country), []).append(span)
        countries.setdefault(place.country, None)
        resume = i + size
    if mention is None:
        return list(starmap(location, locations)), list(countries), covered
    placed = [
        Location.model_construct(  # from the gazetteer and the text: valid by construction
            name=name, country=country, mentions=[mention(*span) for span in spans]
        )
        for (name, country), spans in locations.items()
    ]
    return placed, list(countries), covered


@lru_cache(maxsize=WORDS_REMEMBERED)
def location(name: str, country: str) -> Location:
    """The ``Location`` of a gazetteer place, validated once and shared (it is frozen): the
    same places come back in every article."""
    return Location(name=name, country=country)


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
    for size in range(most, 0, -1):
        place = phrase_places[text[begin : ends[i + size - 1]]]
        if place is not None and _accept(
            place, toks, i, size, gazetteer, in_org=not orgs.isdisjoint(range(i, i + size))
        ):
            return size, place
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
