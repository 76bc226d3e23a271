"""The shipped given names are what scripts/build_given_names.py builds from its package."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from newswire.enrich.given_names import given_names, kazakh_given_names

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "services/newswire/enrich/data/given_names.txt.gz"
KAZAKH_SHIPPED = ROOT / "services/newswire/enrich/data/kazakh_given_names.txt.gz"


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_given_names", ROOT / "scripts/build_given_names.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("shipped", "kazakh"), [(SHIPPED, False), (KAZAKH_SHIPPED, True)])
def test_shipped_given_names_are_rebuilt_identically_from_the_same_sources(
    shipped: Path, kazakh: bool
) -> None:
    pytest.importorskip("names_dataset")
    builder = _builder()
    header = gzip.decompress(shipped.read_bytes()).decode().split("\n", 1)[0]
    sources = " ".join(f"{name}={v}" for name, v in builder.source_versions().items())
    if header != f"# {sources}":
        pytest.skip(f"data packages differ from those it was built with: {header}")
    fresh = builder.build(builder.kazakh_given_names() if kazakh else None)
    assert gzip.decompress(fresh) == gzip.decompress(shipped.read_bytes()), (
        "run `make given-names` and commit the result"
    )


@pytest.mark.parametrize("name", ["Ғалымжан", "Сағыныш", "Димаш", "Әсел", "Абылай", "Динара"])
def test_kazakh_given_names_hold_kazakh_names_the_russian_dictionary_lacks(name: str) -> None:
    assert name in kazakh_given_names()


@pytest.mark.parametrize("word", ["Наурыз", "Қазақ", "Нұр", "Аааа", "Елбасы"])
def test_kazakh_given_names_leave_out_months_short_words_and_noise(word: str) -> None:
    assert word not in kazakh_given_names()


@pytest.mark.parametrize("name", ["Michael", "Mark", "Jason", "Chaminda", "Wasim", "Wang", "José"])
def test_given_names_hold_names_common_in_english_and_elsewhere(name: str) -> None:
    assert name in given_names()


@pytest.mark.parametrize("word", ["The", "Will", "Real", "May", "United", "Happy"])
def test_given_names_leave_out_words_of_everyday_english(word: str) -> None:
    assert word not in given_names()
