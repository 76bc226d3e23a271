"""The gazetteer shipped in ``data/`` (built from pycountry, countryinfo, GeoNames, CLDR and
wordfreq by ``scripts/build_gazetteer.py``), loaded once into lookup tables.

Lookups (``Gazetteer.place``): a word in capitals is an abbreviation first (US, США, АҚШ, also
with a Kazakh case ending after a hyphen: АҚШ-тың), else, from four letters on, the name it
spells (datelines: LONDON, МОСКВА); other phrases by their lower case, Cyrillic ones also
with a case ending taken off. Continents and world regions are places of no country
(``country`` is empty)."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from newswire import jsonio
from newswire.enrich.kazakh import CASE_SUFFIXES

PlaceKind = Literal["country", "demonym", "capital", "city", "region", "area"]
MAX_PLACE_WORDS = 4
LARGE_CITY = 1_000_000
MAJOR_COUNTRY = 30_000_000
_CYRILLIC_ENDINGS = 4  # Russian/Kazakh case endings stripped when looking a place up
# Case endings of place names: Russian ("в Астану", "Германии", "в Баку"), and Kazakh case
# suffixes, also after the possessive and "-ғы" ("Астанада", "Анкараға", "Еуропадағы").
_RU_ENDINGS = frozenset(
    ["а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ом", "ем", "ию", "ии", "ия", "ью", "ой"]
)
_KK_ENDINGS = frozenset(
    [
        *CASE_SUFFIXES,  # the noun cases of kazakh's rule set, and after the possessive:
        "ы",
        "і",
        "сы",
        "сі",
        "сын",
        "сін",
        "сына",
        "сіне",
        "сында",
        "сінде",
        "дағы",
        "дегі",
        "тағы",
        "тегі",
        "ндағы",
        "ндегі",
    ]
)
_ANY_ENDINGS = _RU_ENDINGS | _KK_ENDINGS  # built once: a union per lookup cost more than it
_HEAD = 4  # a stem keeps at least this many letters, so a declined name begins like its stem
# A word in capitals this long that is no abbreviation is looked up as the name it spells
# (LONDON, NEW YORK in datelines and headlines); shorter ones are acronyms.
_SPELLED_OUT = 4


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical name (the country's common name for a demonym)
    country: str  # ISO 3166-1 alpha-2; empty for a place of no one country (Europe)
    kind: PlaceKind


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    places: dict[str, Place]  # lower-case phrase -> place
    first_words: frozenset[str]  # lower-case first words of the places of several words
    abbreviations: dict[str, Place]  # upper-case country abbreviation (US, UAE) -> place
    cyrillic_stems: dict[str, Place]  # lower-case stem of a Cyrillic name -> place
    # The first _HEAD letters of every name and stem: a Cyrillic word that begins like none
    # is no place whatever ending comes off, told by one lookup (most words are such).
    heads: frozenset[str]
    currency_names: dict[str, str]  # lower-case currency name -> ISO 4217
    currency_symbols: dict[str, str]
    currency_codes: frozenset[str]
    zipf: dict[str, dict[str, float]]  # language -> word -> Zipf frequency
    # Lower-case names of cities of a million people or more: names first, whatever their
    # frequency as words says (Chicago is as frequent as "nice").
    large_cities: frozenset[str] = frozenset()
    # Lower-case names of the regions of countries of 30 million people or more (Texas,
    # Bavaria): frequent as names, not as words, unlike most one-word regions ("Gulf").
    major_regions: frozenset[str] = frozenset()

    def place(self, phrase: str, language: str | None = None) -> Place | None:
        """The place a phrase names; Cyrillic phrases also with a case ending taken off
        (Russian endings for ``language="ru"``, Russian and Kazakh ones otherwise)."""
        if phrase.isupper() or phrase.partition("-")[0].isupper():
            found = self._abbreviation(phrase)
            if found is not None or len(phrase) < _SPELLED_OUT:
                return found
        key = phrase.lower()
        found = self.places.get(key)
        if (
            found is not None
            or not ("\u0400" <= key[:1] <= "\u04ff")
            or key[:_HEAD] not in self.heads
        ):
            return found
        endings = _RU_ENDINGS if language == "ru" else _ANY_ENDINGS
        for cut in range(1, _CYRILLIC_ENDINGS + 1):
            if len(key) - cut < _HEAD:
                break
            if key[-cut:] not in endings:  # "Сапаров" is no "Сапар" + case ending
                continue
            stem = key[:-cut]
            found = self.places.get(stem) or self.cyrillic_stems.get(stem)
            if found is not None:
                return found
        return None

    def _abbreviation(self, phrase: str) -> Place | None:
        """US, США; АҚШ-тың, АҚШ-қа: a Kazakh case ending goes after a hyphen."""
        found = self.abbreviations.get(phrase)
        if found is None and "-" in phrase:
            head, _, ending = phrase.partition("-")
            if ending.lower() in _KK_ENDINGS:
                found = self.abbreviations.get(head)
        return found

    def frequency(self, word: str, language: str = "en") -> float:
        return self.zipf.get(language, {}).get(word.lower(), 0.0)


def _stem(name: str) -> str:
    return name[:-1] if name[-1:] in "аяоеиыйьуюәіұүө" else name


_Add = Callable[[str, Place], None]


@cache
def load() -> Gazetteer:
    raw = resources.files("newswire.enrich").joinpath("data", "gazetteer.json.gz").read_bytes()
    data = jsonio.loads(gzip.decompress(raw))  # orjson: a third of the stdlib's time
    places: dict[str, Place] = {}

    def add(phrase: str, place: Place) -> None:
        if phrase and phrase.count(" ") < MAX_PLACE_WORDS:  # names have single spaces
            places.setdefault(phrase.lower(), place)

    countries = data["countries"]
    abbreviations = _add_countries(countries, add)
    large_cities = _add_cities(data["cities"], add)
    major_regions = _add_regions(data["subdivisions"], countries, add)
    for english, *cyrillic in data["areas"]:
        for alias in (english, *cyrillic):
            add(alias, Place(english, "", "area"))
    stems = {
        _stem(key): place
        for key, place in places.items()
        if "\u0400" <= key[:1] <= "\u04ff" and len(key) >= 5
    }
    currencies = data["currencies"]
    return Gazetteer(
        places=places,
        first_words=frozenset(key.split()[0] for key in places if " " in key),
        abbreviations=abbreviations,
        cyrillic_stems=stems,
        heads=frozenset(key[:_HEAD] for key in [*places, *stems] if len(key) >= _HEAD),
        currency_names=currencies["names"],
        currency_symbols=currencies["symbols"],
        currency_codes=frozenset(currencies["codes"]),
        zipf=data["zipf"],
        large_cities=large_cities,
        major_regions=major_regions,
    )


def _add_countries(countries: dict[str, Any], add: _Add) -> dict[str, Place]:
    """Countries by every name (CLDR's English one is the canonical one), then demonyms and
    capitals; returns the abbreviations (exact case only: "US", "США")."""
    abbreviations: dict[str, Place] = {}
    for code, info in countries.items():
        for alias in [info["name"], *info["names"], info["ru"], info["kk"], *info["cyrillic"]]:
            add(alias, Place(info["name"], code, "country"))
        for abbreviation in info["abbreviations"]:
            abbreviations[abbreviation] = Place(info["name"], code, "country")
    for code, info in countries.items():
        for demonym in info["demonyms"]:
            add(demonym, Place(info["name"], code, "demonym"))
        if info["capital"]:  # by its short name: "Washington", as the city is named too
            add(info["capital"], Place(info["capital_short"], code, "capital"))
            add(info["capital_short"], Place(info["capital_short"], code, "capital"))
    return abbreviations


def _add_cities(cities: list[list[Any]], add: _Add) -> frozenset[str]:
    """Cities by their names; returns the lower-case names of the large ones."""
    large = set()
    for name, code, population, aliases in cities:
        if population >= LARGE_CITY:
            large.add(name.lower())
        place = Place(name, code, "city")
        add(name, place)
        for alias in aliases:
            add(alias, place)
    return frozenset(large)


def _add_regions(rows: list[list[str]], countries: dict[str, Any], add: _Add) -> frozenset[str]:
    """Subdivisions by their names; returns the lower-case names of large countries' ones."""
    major = set()
    for name, code, canonical in rows:
        add(name, Place(canonical, code, "region"))
        if countries.get(code, {}).get("population", 0) >= MAJOR_COUNTRY:
            major.add(name.lower())
    return frozenset(major)
