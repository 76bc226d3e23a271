"""The shipped gazetteer is what scripts/build_gazetteer.py builds from its data packages."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from newswire.enrich.gazetteer import load

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "services/newswire/enrich/data/gazetteer.json.gz"


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts/build_gazetteer.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_gazetteer_is_rebuilt_identically_from_the_same_sources() -> None:
    builder = _builder()
    shipped = json.loads(gzip.decompress(SHIPPED.read_bytes()))
    if shipped["sources"] != builder.source_versions():
        pytest.skip(f"data packages differ from those it was built with: {shipped['sources']}")
    assert gzip.decompress(builder.build()) == gzip.decompress(SHIPPED.read_bytes()), (
        "run `make gazetteer` and commit the result"
    )


def test_lookups_cover_countries_demonyms_capitals_cities_and_cyrillic_cases() -> None:
    gazetteer = load()
    found = {
        phrase: (place.country, place.kind)
        for phrase in (
            "Kazakhstan",
            "Afghan",
            "Kabul",
            "Rio de Janeiro",
            "Hiroshima Prefecture",
            "USA",
            "Казахстане",
            "Қазақстанның",
            "Японии",
        )
        if (place := gazetteer.place(phrase)) is not None
    }
    assert found == {
        "Kazakhstan": ("KZ", "country"),
        "Afghan": ("AF", "demonym"),
        "Kabul": ("AF", "capital"),
        "Rio de Janeiro": ("BR", "city"),
        "Hiroshima Prefecture": ("JP", "region"),
        "USA": ("US", "country"),
        "Казахстане": ("KZ", "country"),
        "Қазақстанның": ("KZ", "country"),
        "Японии": ("JP", "country"),
    }
    assert gazetteer.place("AI") is None  # Anguilla's code is not an abbreviation in prose


@pytest.mark.parametrize(
    ("phrase", "language", "name"),
    [
        ("Астану", "ru", "Astana"),  # Russian accusative
        ("Астанада", "kk", "Astana"),  # Kazakh locative
        ("Анкараға", "kk", "Ankara"),  # Kazakh dative
        ("Пекин", "ru", "Beijing"),  # a Cyrillic name that sorts late among the city's names
        ("Германии", "ru", "Germany"),
    ],
)
def test_declined_cyrillic_places_resolve_to_the_gazetteers_name(
    phrase: str, language: str, name: str
) -> None:
    place = load().place(phrase, language)
    assert place is not None
    assert place.name == name


@pytest.mark.parametrize("surname", ["Сапаров", "Пуянне", "Патрик"])
def test_surnames_that_begin_like_a_city_are_no_place(surname: str) -> None:
    assert load().place(surname, "ru") is None


def test_every_cyrillic_name_is_found_with_a_case_ending() -> None:
    # Guards the shortcut that rejects words beginning like no name or stem.
    gazetteer = load()
    names = [key for key in gazetteer.places if "\u0400" <= key[:1] <= "\u04ff"]
    stems = [stem for stem in gazetteer.cyrillic_stems if len(stem) >= 4]
    assert names
    assert stems
    assert all(gazetteer.place(f"{name}у", "ru") is not None for name in names if len(name) >= 4)
    assert all(gazetteer.place(f"{stem}е", "ru") is not None for stem in stems)
