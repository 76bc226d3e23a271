"""Amounts of money: the patterns written for speed match what the plain ones match; amounts
in Russian and Kazakh words; ranges."""

from __future__ import annotations

import random
import re

from newswire.core.models import Money
from newswire.enrich.document import MONEY, read
from newswire.enrich.gazetteer import Gazetteer, load
from newswire.enrich.money import (
    _NAME_AFTER,
    _NUMBER,
    _SCALE,
    _amount,
    _by_name,
    _money,
    _symbol_or_code_first,
    extract,
    money,
)
from tests.test_newswire.enrich.support import unenriched

# The patterns as first written: a number's alternatives side by side, a code after \b, one
# pattern for symbols and one for codes.
_PLAIN_NUMBER = r"(?P<num>\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_PLAIN_CODE_FIRST = re.compile(rf"\b(?P<cur>[A-Z]{{3}})\s?{_PLAIN_NUMBER}{_SCALE}")
_PLAIN_NAME_AFTER = re.compile(_NAME_AFTER.pattern.replace(_NUMBER, _PLAIN_NUMBER, 1))
_SYMBOLS = "|".join(map(re.escape, sorted(load().currency_symbols, key=len, reverse=True)))
_PLAIN_SYMBOL_FIRST = re.compile(rf"(?P<cur>{_SYMBOLS})\s?{_PLAIN_NUMBER}{_SCALE}")
_PIECES = [
    *["1", "0", "12", "123", "1234", "9,999", "1 000 000", "٣"],
    *[",", ".", " ", "\u00a0", "\n", "-", "’", "_"],
    *["USD", "KZT", "US", "aUSD", "ABCD", "x", "é", "Σ", "$", "€", "₸"],
    *["million", "bn", "m", "млн", "thousand.", "тенге", "dollars", " euros"],
]
_EDGES = ["USD 40 million", "XUSD 40", "1.2.3 euros", "1,2345 tenge", "$5 million dollars"]


def _texts(count: int) -> list[str]:
    rng = random.Random(14)
    return ["".join(rng.choices(_PIECES, k=rng.randint(1, 12))) for _ in range(count)]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_name_pattern_matches_where_and_what_the_plain_one_matches() -> None:
    assert _NAME_AFTER.pattern != _PLAIN_NAME_AFTER.pattern
    for text in [*_texts(20_000), *_EDGES]:
        assert _found(_NAME_AFTER, text) == _found(_PLAIN_NAME_AFTER, text), text


def test_one_scan_for_symbols_and_codes_finds_what_a_scan_for_each_finds() -> None:
    for text in [*_texts(20_000), *_EDGES, "€5 USD 7 $ 8 bn ₸1 000KZT 3"]:
        both = sorted(_found(_PLAIN_SYMBOL_FIRST, text) + _found(_PLAIN_CODE_FIRST, text))
        assert _found(_symbol_or_code_first(), text) == both, text


def test_every_currency_symbol_is_one_character_of_no_amount_or_code() -> None:
    # What the one scan for symbols and codes relies on.
    for symbol in load().currency_symbols:
        assert len(symbol) == 1, symbol
        assert not symbol.isalnum(), symbol
        assert not symbol.isspace(), symbol
        assert symbol not in ",.", symbol


def _plain_money(text: str, gazetteer: Gazetteer) -> tuple[list[Money], list[tuple[int, int]]]:
    """Amounts as first written: a pass for symbols, one for codes, one for names, each
    amount kept unless it overlaps one kept before."""
    found: dict[int, Money] = {}
    taken: list[tuple[int, int]] = []

    def keep(start: int, end: int, code: str | None, number: str, scale: str | None) -> None:
        if code is None or any(begin < end and start < finish for begin, finish in taken):
            return
        amount = _amount(number, scale)
        if amount is not None:
            taken.append((start, end))
            found[start] = Money(amount=amount, currency=code, text=text[start:end].strip())

    for match in _PLAIN_SYMBOL_FIRST.finditer(text):
        symbol = gazetteer.currency_symbols[match.group("cur")]
        keep(match.start(), match.end(), symbol, *match.group("num", "scale"))
    for match in _PLAIN_CODE_FIRST.finditer(text):
        cur = match.group("cur")
        iso = cur if cur in gazetteer.currency_codes else None
        keep(match.start(), match.end(), iso, *match.group("num", "scale"))
    for match in _PLAIN_NAME_AFTER.finditer(text):
        named = _by_name(match.group("words"), gazetteer)
        if named is not None:
            end = match.start("words") + named[1]
            keep(match.start(), end, named[0], *match.group("num", "scale"))
    return [found[start] for start in sorted(found)], sorted(taken)


def test_amounts_are_those_of_a_pass_for_each_shape() -> None:
    gazetteer = load()
    for text in [*_texts(20_000), *_EDGES]:
        assert money(text, gazetteer) == _plain_money(text, gazetteer), text


def test_amounts_in_symbols_codes_and_names() -> None:
    text = "It cost $1.8 billion, USD 40 million and 900 миллиардов тенге; XUSD 5 is none."
    amounts, spans = money(text, load())
    assert [(m.amount, m.currency, m.text) for m in amounts] == [
        (1.8e9, "USD", "$1.8 billion"),
        (4e7, "USD", "USD 40 million"),
        (9e11, "KZT", "900 миллиардов тенге"),
    ]
    assert [text[start:end] for start, end in spans] == [m.text for m in amounts]


def test_an_amount_written_alike_is_the_same_money_and_a_non_number_none() -> None:
    assert _money(" $1.8 billion", "USD", "1.8", "billion") == Money(
        amount=1.8e9, currency="USD", text="$1.8 billion"
    )
    assert _money("$1.8 billion", "USD", "1.8", "billion") is _money(
        "$1.8 billion", "USD", "1.8", "billion"
    )
    assert _money("5..", "USD", "5..", None) is None


def _extracted(text: str, language: str) -> list[tuple[float, str, str]]:
    """Amounts of an article's body through the extractor: (amount, currency, text)."""
    doc = read(unenriched("Жаңалықтар", text))._replace(language=language)
    found = extract(doc).values[MONEY.field]
    assert isinstance(found, list)
    for amount in found:  # every amount says where it is written
        assert [m.text for m in amount.mentions] == [amount.text]
    return [(m.amount, m.currency, m.text) for m in found]


def test_kazakh_amounts_in_words() -> None:
    text = (
        "Жобаға жүз қырық миллион доллар бөлінді. Құны үш жарым миллиард теңгеден асады. "
        "Бағасы жиырма төрт бүтін оннан үш миллиард долларға жетті. "
        "Бір бетпердеге он жеті теңге береді. Табыс жиырма алты мың бір жүз теңгеге өсті."
    )
    assert _extracted(text, "kk") == [
        (1.4e8, "USD", "жүз қырық миллион доллар"),
        (3.5e9, "KZT", "үш жарым миллиард теңгеден"),
        (24.3e9, "USD", "жиырма төрт бүтін оннан үш миллиард долларға"),
        (17.0, "KZT", "он жеті теңге"),
        (26_100.0, "KZT", "жиырма алты мың бір жүз теңгеге"),
    ]


def test_russian_amounts_in_words_by_their_lemmas() -> None:
    text = "Бюджет составит двести миллионов рублей, а премия — полтора миллиона долларов."
    assert _extracted(text, "ru") == [
        (2e8, "RUB", "двести миллионов рублей"),
        (1.5e6, "USD", "полтора миллиона долларов"),
    ]


def test_a_range_gives_both_ends_with_the_scale_of_the_high_one() -> None:
    assert _extracted("Цена выросла от 3 до 5 тысяч рублей за тонну.", "ru") == [
        (3e3, "RUB", "от 3 до 5 тысяч рублей"),
        (5e3, "RUB", "5 тысяч рублей"),
    ]
    assert _extracted("Бюджет вырастет с 2 млн до 3 млн долларов.", "ru") == [
        (2e6, "USD", "2 млн до 3 млн долларов"),
        (3e6, "USD", "3 млн долларов"),
    ]
    assert _extracted("Көмірді он-он бес мың теңгеге жеткізеді.", "kk") == [
        (1e4, "KZT", "он-он бес мың теңгеге"),
        (1.5e4, "KZT", "он-он бес мың теңгеге"),
    ]


def test_names_the_gazetteer_lacks_and_no_amount_inside_a_word() -> None:
    text = "Инвестиция 12,9 миллиард АҚШ долларына тең. Ол 100-долларовой купюрой төледі."
    assert _extracted(text, "kk") == [(12.9e9, "USD", "12,9 миллиард АҚШ долларына")]
    text = "Он собрал 30 миллионов фунтов стерлингов."
    assert _extracted(text, "ru") == [(3e7, "GBP", "30 миллионов фунтов стерлингов")]


def test_number_words_are_read_only_in_russian_and_kazakh_text() -> None:
    assert _extracted("Он бес доллар.", "en") == []
    assert _extracted("Он сказал: доллар падает.", "ru") == []
