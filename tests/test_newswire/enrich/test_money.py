"""Amounts of money: the patterns written for speed match what the plain ones match."""

from __future__ import annotations

import random
import re

import pytest

from newswire.enrich.gazetteer import load
from newswire.enrich.money import _CODE_FIRST, _NAME_AFTER, _NUMBER, _SCALE, _symbol_first, money

# The patterns as first written: a number's alternatives side by side, a code after \b.
_PLAIN_NUMBER = r"(?P<num>\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_PLAIN_CODE_FIRST = re.compile(rf"\b(?P<cur>[A-Z]{{3}})\s?{_PLAIN_NUMBER}{_SCALE}")
_PLAIN_NAME_AFTER = re.compile(_NAME_AFTER.pattern.replace(_NUMBER, _PLAIN_NUMBER, 1))
_PLAIN_SYMBOL_FIRST = re.compile(_symbol_first().pattern.replace(_NUMBER, _PLAIN_NUMBER, 1))
_PIECES = [
    *["1", "0", "12", "123", "1234", "9,999", "1 000 000", "٣"],
    *[",", ".", " ", "\u00a0", "\n", "-", "’", "_"],
    *["USD", "KZT", "US", "aUSD", "ABCD", "x", "é", "Σ", "$", "€", "₸"],
    *["million", "bn", "m", "млн", "thousand.", "тенге", "dollars", " euros"],
]


def _texts(count: int) -> list[str]:
    rng = random.Random(14)
    return ["".join(rng.choices(_PIECES, k=rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (_symbol_first(), _PLAIN_SYMBOL_FIRST),
        (_CODE_FIRST, _PLAIN_CODE_FIRST),
        (_NAME_AFTER, _PLAIN_NAME_AFTER),
    ],
    ids=["symbol first", "code first", "name after"],
)
def test_patterns_match_where_and_what_the_plain_patterns_match(
    fast: re.Pattern[str], plain: re.Pattern[str]
) -> None:
    assert fast.pattern != plain.pattern
    for text in [*_texts(20_000), "USD 40 million", "XUSD 40", "1.2.3 euros", "1,2345 tenge"]:
        found = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text


def test_amounts_in_symbols_codes_and_names() -> None:
    text = "It cost $1.8 billion, USD 40 million and 900 миллиардов тенге; XUSD 5 is none."
    amounts, spans = money(text, load())
    assert [(m.amount, m.currency, m.text) for m in amounts] == [
        (1.8e9, "USD", "$1.8 billion"),
        (4e7, "USD", "USD 40 million"),
        (9e11, "KZT", "900 миллиардов тенге"),
    ]
    assert [text[start:end] for start, end in spans] == [m.text for m in amounts]
