"""Gold country names to ISO codes, in Russian, Kazakh and English, and what is unmapped."""

from __future__ import annotations

import pytest

from bench.scoring.countries import table


@pytest.mark.parametrize(
    ("text", "language", "code"),
    [
        ("США", "ru", "US"),
        ("России", "ru", "RU"),
        ("Российской Федерации", "ru", "RU"),
        ("Германии", "ru", "DE"),
        ("Великобритании", "ru", "GB"),
        ("Қазақстанның", "kk", "KZ"),
        ("Ресейдегі", "kk", "RU"),
        ("АҚШ", "kk", "US"),
        ("U.S.", "en", "US"),
        ("Britain", "en", "GB"),
        ("Germany", "en", "DE"),
    ],
)
def test_country_names_map_by_the_table(text: str, language: str, code: str) -> None:
    mapped = table().map(text, language)
    assert (mapped.code, mapped.how) == (code, "table")


@pytest.mark.parametrize(
    ("text", "code"),
    [("канадской", "CA"), ("австралийский", "AU"), ("австрийской", "AT"), ("японской", "JP")],
)
def test_russian_adjectives_map_by_the_longest_stem(text: str, code: str) -> None:
    mapped = table().map(text, "ru")
    assert (mapped.code, mapped.how) == (code, "adjective")


def test_what_names_no_country_is_unmapped() -> None:
    assert table().map("Кремля", "ru").how == "unmapped"
    assert table().map("Wimbledon", "en").code is None
