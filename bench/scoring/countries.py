"""Gold country names to ISO 3166-1 alpha-2 codes, independently of the extractors.

The table is CLDR's country names in Russian, Kazakh and English (babel) and pycountry's
English names, plus the short forms news uses that those lack (``EXTRA``: США, РФ, КНР, АҚШ,
U.S., Britain...). Names are compared by ``keys.phrase_key`` (Russian lemmas, so ``Германии``
meets ``Германия``). Kazakh surfaces are also tried with case and possessive suffixes taken
off their last word (``Қазақстанның``, ``Ресейдегі``). A single-word Russian adjective is
matched to the country whose name's stem begins it, the longest such stem winning
(``американских`` -> америка, ``австралийский`` -> Австралия, not Австрия). Only what none
of that maps is looked up in the enrichment's own gazetteer (``via gazetteer``), so the figure
of the extractors' countries is not measured with their own table where it can be helped.
What maps to nothing is counted and listed (``unmapped``), never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale

from bench.scoring.keys import fold, is_cyrillic, phrase_key, ru_lemma, ru_part_of_speech, words
from newswire.enrich.gazetteer import Gazetteer, Place
from newswire.enrich.gazetteer import load as load_gazetteer
from newswire.enrich.kazakh import CASE_SUFFIXES

LANGUAGES = ("ru", "kk", "en")
EXTRA: dict[str, tuple[str, ...]] = {
    "US": ("США", "Америка", "Соединённые Штаты Америки", "АҚШ", "Америка", "U.S.", "US", "USA",
           "U.S.A.", "America", "United States of America", "американский"),
    "RU": ("РФ", "Российская Федерация", "Russian Federation"),
    "GB": ("Британия", "Англия", "британский", "английский", "Соединённое Королевство", "UK",
           "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Шотландия",
           "Уэльс", "Англия", "Ұлыбритания", "Англия"),
    "CN": ("КНР", "ҚХР", "PRC"),
    "KP": ("КНДР", "North Korea"),
    "KR": ("Южная Корея", "South Korea"),
    "DE": ("ФРГ", "немецкий"),
    "AE": ("ОАЭ", "БАӘ", "UAE"),
    "ZA": ("ЮАР",),
    "BY": ("Белоруссия", "белорусский"),
    "NL": ("Голландия", "голландский", "Holland"),
    "CZ": ("Чехия", "Czech Republic"),
    "MK": ("Македония", "Macedonia"),
    "MD": ("Молдавия",),
    "KG": ("Киргизия", "Киргизстан"),
    "CI": ("Кот-д’Ивуар", "Ivory Coast"),
    "SU": ("СССР", "Советский Союз", "советский", "Soviet Union", "USSR", "КСРО"),
    "VA": ("Ватикан", "Vatican"),
    "PS": ("Палестина", "Palestine"),
    "TW": ("Тайвань", "Taiwan"),
}  # fmt: skip
_KK_ENDINGS = sorted(
    {*CASE_SUFFIXES, "ы", "і", "сы", "сі", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"},
    key=len,
    reverse=True,
)
_MIN_STEM = 4


@dataclass(frozen=True, slots=True)
class Mapped:
    code: str | None
    how: str  # "table", "adjective", "gazetteer" or "unmapped"


def _stem(name: str) -> str:
    for ending in ("ия", "ья", "я", "а", "ь", "й", "и", "ы"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


class CountryTable:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.names: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
        known = {c.alpha_2 for c in pycountry.countries} | {"XK"}
        for language in LANGUAGES:
            for code, name in Locale(language).territories.items():
                if code in known:
                    self._add(name, code, language)
        for country in pycountry.countries:
            for attribute in ("name", "common_name", "official_name"):
                name = getattr(country, attribute, None)
                if name:
                    self._add(name, country.alpha_2, "en")
        for code, names in EXTRA.items():
            for name in names:
                self._add(name, code, "ru" if is_cyrillic(name) else "en")
                if is_cyrillic(name):
                    self._add(name, code, "kk")
        # Adjective stems of one-word Russian names, longest first.
        stems = {_stem(key): code for key, code in self.names["ru"].items() if " " not in key}
        self.stems = sorted(
            ((s, c) for s, c in stems.items() if len(s) >= _MIN_STEM),
            key=lambda item: len(item[0]),
            reverse=True,
        )

    def _add(self, name: str, code: str, language: str) -> None:
        key = phrase_key(name, language)
        if key:
            self.names[language].setdefault(key, code)
        if language != "en" and not is_cyrillic(name):
            self.names["en"].setdefault(fold(name), code)

    def _by_name(self, text: str, language: str) -> str | None:
        language = language if language in self.names else "en"
        table = self.names[language] if is_cyrillic(text) else self.names["en"]
        key = phrase_key(text, language if is_cyrillic(text) else "en")
        found = table.get(key) or self.names["en"].get(fold(text.strip()))
        if found or language != "kk" or not is_cyrillic(text):
            return found
        return self._kazakh(text)

    def _kazakh(self, text: str) -> str | None:
        found = words(text)
        if not found:
            return None
        head, last = found[:-1], fold(found[-1])
        candidates = [last]
        for _ in range(2):  # a possessive and a case: "Ресей-і-нде", "Қазақстан-дағы"
            candidates += [
                c[: -len(e)]
                for c in candidates
                for e in _KK_ENDINGS
                if c.endswith(e) and len(c) - len(e) >= _MIN_STEM - 1
            ]
        for candidate in candidates:
            key = " ".join([*(fold(w) for w in head), candidate])
            if key in self.names["kk"]:
                return self.names["kk"][key]
        return None

    def _adjective(self, text: str, language: str) -> str | None:
        found = words(text)
        if language != "ru" or len(found) != 1 or ru_part_of_speech(found[0]) != "ADJF":
            return None
        lemma = ru_lemma(found[0])
        if lemma in self.names["ru"]:
            return self.names["ru"][lemma]
        return next((code for stem, code in self.stems if lemma.startswith(stem)), None)

    def map(self, text: str, language: str, norm: str | None = None) -> Mapped:
        """The country a gold surface (or its Wikidata name, ``norm``) names."""
        for candidate in (text, norm):
            if candidate:
                code = self._by_name(candidate, language)
                if code:
                    return Mapped(code, "table")
        code = self._adjective(text, language)
        if code:
            return Mapped(code, "adjective")
        for candidate in (text, norm):
            place = self.gazetteer.place(candidate, language) if candidate else None
            if place is not None and place.kind in ("country", "demonym"):
                return Mapped(place.country, "gazetteer")
        return Mapped(None, "unmapped")


@cache
def table() -> CountryTable:
    return CountryTable()


def gazetteer_place(text: str, language: str, norm: str | None = None) -> Place | None:
    """The enrichment gazetteer's place for a gold surface, its Wikidata name or its lemmas."""
    gazetteer = table().gazetteer
    for candidate in (text, norm, phrase_key(text, language).title()):
        if candidate:
            place = gazetteer.place(candidate, language)
            if place is not None:
                return place
    return None
