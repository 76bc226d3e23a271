"""Places with their country (gazetteer lookups of up to four capitalised words) and the
countries an article is about (places and demonyms, ISO 3166-1 alpha-2, in order of mention)."""

from __future__ import annotations

from itertools import pairwise

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
from newswire.enrich.text import Token, joined_by_space

_COMMON_CITY_ZIPF = 4.5  # "Nice", "Split", "Reading": a common word first, a city second
_COMMON_REGION_ZIPF = 3.0  # one-word regions ("Gulf", "Central") are mostly ordinary words
_NATIONAL = ("country", "demonym", "capital")


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


def places(
    text: str,
    toks: list[Token],
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
    i = 0
    while i < len(toks):
        if i in skip or not toks[i].capitalised:
            i += 1
            continue
        matched = 0
        longest = MAX_PLACE_WORDS if toks[i].lower in gazetteer.first_words else 1
        for size in range(min(longest, len(toks) - i), 0, -1):
            words = toks[i : i + size]
            if any(j in skip for j in range(i, i + size)) or not all(
                joined_by_space(text, a, b) for a, b in pairwise(words)
            ):
                continue
            place = gazetteer.place(text[words[0].start : words[-1].end], language)
            in_org = any(j in orgs for j in range(i, i + size))
            if place is None or not _accept(place, words, gazetteer, in_org):
                continue
            covered.update(range(i, i + size))
            if place.kind != "demonym":
                locations.setdefault((place.name, place.country), None)
            countries.setdefault(place.country, None)
            matched = size
            break
        i += matched or 1
    found = [Location(name=name, country=country) for name, country in locations]
    return found, list(countries), covered


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
