"""Gold amounts to values, and what does not parse."""

from __future__ import annotations

import pytest

from bench.scoring.money import parse, same_amount


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("8,1 млн долларов", 8.1e6, "USD"),
        ("$27.5 млн", 27.5e6, "USD"),
        ("3,04\u00a0млрд долларов США", 3.04e9, "USD"),
        ("15 тысяч рублей", 15e3, "RUB"),
        ("£30 млн", 30e6, "GBP"),
        ("екі жүз мың теңге", 200e3, "KZT"),
        ("жиырма бес миллиард теңгеге", 25e9, "KZT"),
        ("5,3 миллиард долларға", 5.3e9, "USD"),
        ("100 млн АҚШ доллары", 100e6, "USD"),
        ("US$ 2 million", 2e6, "USD"),
        ("1,500 Canadian dollars", 1.5e3, "CAD"),
        ("үш жарым миллиард теңгеден", 3.5e9, "KZT"),
    ],
)
def test_amounts_parse(text: str, amount: float, currency: str) -> None:
    parsed = parse(text)
    assert parsed is not None
    assert same_amount(parsed[0], amount)
    assert parsed[1] == currency


@pytest.mark.parametrize(
    "text",
    ["от 3 до 5 тысяч рублей", "10 – 15 мың теңге", "биткоина", "бір миллион екі жүз мың теңге",
     "алты бүтін оннан екі триллион теңге", "сексен – сексен екі теңгеге", "он-он бес мың теңге",
     "үш пен бес доллар", "бір де сегіз миллиард теңге", "жиырма алты мың бір жүз теңге"],
)  # fmt: skip
def test_ranges_unknown_currencies_and_compound_numbers_do_not_parse(text: str) -> None:
    assert parse(text) is None
