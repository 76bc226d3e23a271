"""Build services/newswire/enrich/data/given_names.txt.gz: the given names the English people
rules know ("Michael" in "Michael Bevan", "Tiger" in "Tiger Woods"); and
kazakh_given_names.txt.gz: the Cyrillic given names of Kazakhstan the Kazakh rules know
(Ғалымжан, Димаш, Сағыныш: the Russian dictionary knows Russian ones only).

Source (a dev extra, not needed at run time): names-dataset (first names with their rank in
each of 105 countries, MIT licence), filtered by wordfreq's English frequencies. The dataset
comes from social-network profiles, so it also holds words that are no names ("The", "Will",
"Happy"): a name is kept when it ranks high in some country, and, when it is also a common
English word, only if it ranks high in an English-speaking country too ("Mark", "Grant") or
among the very first names of a country ("Ali").

Kazakh: the Cyrillic names among the first MAX_KZ_RANK of Kazakhstan (KZ), of four letters
or more (not Ай, Жан, Нұр: words first), no letter three times over (Аааа), not the people
(Қазақ) or a month (Наурыз), and not a country, capital, continent or city of a million
of the gazetteer (Азия, Астана), unless among the first MAX_CITY_NAME_RANK names (Мадина).

The output is deterministic (one name a line, sorted, after a header line with the source
versions); `make given-names` rewrites both and a test fails when one is stale.

    python scripts/build_given_names.py [--check]
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import re
import sys
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

import wordfreq

DATA = Path(__file__).resolve().parents[1] / "services/newswire/enrich/data"
OUT = DATA / "given_names.txt.gz"
KAZAKH_OUT = DATA / "kazakh_given_names.txt.gz"
SOURCES = ("names-dataset", "wordfreq")
# A name ranks among the first MAX_RANK first names of at least one country.
MAX_RANK = 1000
# A word at least this common in English (Zipf) is kept only when it also ranks among the
# first MAX_ENGLISH_RANK names of an English-speaking country; from COMMON_WORD_ZIPF up it is a
# function or everyday word ("May", "Will", "Young") whatever it ranks.
NAME_LIKE_ZIPF = 4.0
COMMON_WORD_ZIPF = 5.5
MAX_ENGLISH_RANK = 1000
ENGLISH_SPEAKING = ("US", "GB", "CA", "AU", "IE", "NZ")
# A name among the first MAX_TOP_RANK of a country is kept up to TOP_NAME_ZIPF ("Ali",
# "Khan", "Li": frequent in English text because they are frequent names).
MAX_TOP_RANK = 5
TOP_NAME_ZIPF = 4.5
MAX_KZ_RANK = 5000
MAX_CITY_NAME_RANK = 100
MIN_KZ_LETTERS = 4
# The people's name, and the months (Наурыз is a holiday too; Тамыз, Мамыр are names as
# rarely as May is in English).
NOT_KAZAKH_NAMES = frozenset((
    "Қазақ", "Казах", "Қаңтар", "Ақпан", "Наурыз", "Сәуір", "Мамыр", "Маусым", "Шілде",
    "Тамыз", "Қыркүйек", "Қазан", "Қараша", "Желтоқсан",
))  # fmt: skip
_REPEATED = re.compile(r"(.)\1\1", re.IGNORECASE)  # "Аааа": a keyboard, not a name
# Capitalised letters, at most one hyphen ("Jean-Pierre"); no initials, no spaces.
_NAME = re.compile(r"^[^\W\d_][^\W\d_A-Z]+(?:-[^\W\d_][^\W\d_A-Z]+)?$")


def source_versions() -> dict[str, str]:
    return {name: version(name) for name in SOURCES}


def _first_names() -> dict[str, Any]:
    data = resources.files("names_dataset").joinpath("v3", "first_names.pkl.gz").read_bytes()
    # The package ships its data as a pickle; it is read as the package itself reads it.
    return dict(pickle.loads(gzip.decompress(data)))  # noqa: S301


def _kept(name: str, ranks: dict[str, int]) -> bool:
    best = min(ranks.values())
    if not _NAME.match(name) or not name[0].isupper() or best > MAX_RANK:
        return False
    zipf = wordfreq.zipf_frequency(name.lower(), "en")
    if zipf < NAME_LIKE_ZIPF or (best <= MAX_TOP_RANK and zipf < TOP_NAME_ZIPF):
        return True
    english = min(ranks.get(country, MAX_ENGLISH_RANK + 1) for country in ENGLISH_SPEAKING)
    return zipf < COMMON_WORD_ZIPF and english <= MAX_ENGLISH_RANK


def given_names() -> list[str]:
    return sorted(
        name
        for name, info in _first_names().items()
        if info.get("rank") and _kept(name, info["rank"])
    )


def kazakh_given_names() -> list[str]:
    from newswire.enrich.gazetteer import load  # noqa: PLC0415 - the product's, only here

    gazetteer = load()

    def a_region(name: str, rank: int) -> bool:  # Азия, Астана: a continent, a large city
        place = gazetteer.place(name, "kk")
        return place is not None and (
            place.kind in ("country", "capital", "demonym", "area")
            # a city of a million, unless a name of the first hundred (Мадина: Medina)
            or (place.name.lower() in gazetteer.large_cities and rank > MAX_CITY_NAME_RANK)
        )

    return sorted(
        name
        for name, info in _first_names().items()
        if (rank := (info.get("rank") or {}).get("KZ")) is not None
        and rank <= MAX_KZ_RANK
        and len(name) >= MIN_KZ_LETTERS
        and _NAME.match(name)
        and any("\u0400" <= c <= "\u04ff" for c in name)
        and name not in NOT_KAZAKH_NAMES
        and not _REPEATED.search(name)
        and not a_region(name, rank)
    )


def build(names: list[str] | None = None) -> bytes:
    sources = " ".join(f"{name}={v}" for name, v in source_versions().items())
    text = "\n".join([f"# {sources}", *(given_names() if names is None else names)]) + "\n"
    return gzip.compress(text.encode(), compresslevel=9, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a file is stale")
    args = parser.parse_args()
    stale = 0
    for out, fresh in ((OUT, build()), (KAZAKH_OUT, build(kazakh_given_names()))):
        if args.check:
            same = out.exists() and gzip.decompress(out.read_bytes()) == gzip.decompress(fresh)
            print(f"{out.name} up to date" if same else f"{out} is stale: run make given-names")
            stale += not same
        else:
            out.write_bytes(fresh)
            print(f"wrote {out.name} ({len(fresh):,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
