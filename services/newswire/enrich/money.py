"""Amounts of money, normalised: ``$1.8 billion`` -> 1.8e9 USD, ``3 billion US dollars``,
``€29.9 million``, ``5 million euros``, ``USD 40 million``, ``900 миллиардов тенге``.
Currency names, symbols and ISO 4217 codes come from the gazetteer (CLDR, pycountry)."""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from newswire.core.models import Money
from newswire.enrich.document import MONEY, MONEY_TOKENS, Document, Findings
from newswire.enrich.gazetteer import Gazetteer, load
from newswire.enrich.text import tokens_within

SCALES = {
    "thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "bln": 1e9, "trillion": 1e12, "тысяч": 1e3, "тысячи": 1e3, "тыс": 1e3, "мың": 1e3,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млн": 1e6, "миллиард": 1e9,
    "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9, "триллион": 1e12, "трлн": 1e12,
}  # fmt: skip
_NAME_WORDS = 3  # "US dollars", "Hong Kong dollars", "казахских тенге"
_CASE_ENDING_LETTERS = 4  # теңге-ні, доллар-ға
# Every pattern begins with a plain character class (a digit, a capital, a symbol): the regex
# engine then skips ahead to the next such character instead of trying the whole pattern at
# every position of the text. The number's first digit is therefore written before the
# alternatives, which see the same digits in the same order as \d{1,3}... | \d+... would.
_NUMBER = r"(?P<num>\d(?:\d{0,2}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d*(?:[.,]\d+)?))"
_SCALE = r"(?:\s?(?P<scale>" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\.?\b)?"
_WORD = r"[^\W\d_][\w’'-]*"
# Codes are matched as any three capitals and checked against ISO 4217 afterwards, and names
# as up to three words looked up in a dictionary: alternations of hundreds of codes and names
# tried at every position would cost more than the rest of the enrichment. A code begins at a
# word boundary (\b[A-Z]{3}), checked once its first capital is found.
_NAME_AFTER = re.compile(
    rf"{_NUMBER}{_SCALE}\s(?P<words>{_WORD}(?: {_WORD}){{0,{_NAME_WORDS - 1}}})"
)
_GROUP_SEPARATOR = re.compile(r"[,\u00a0 ](?=\d{3}\b)")


@cache
def _symbol_or_code_first() -> re.Pattern[str]:
    """An amount after a currency symbol or code (``cur``), found by one scan of the text
    where a pattern for each took two. Every symbol is one character, none a letter, digit,
    space or separator (test_money holds it): the pattern begins with one class, symbols and
    capitals, and a symbol's amount and a code's never overlap."""
    symbols = re.escape("".join(sorted(load().currency_symbols)))
    currency = rf"(?P<cur>[{symbols}A-Z](?:(?<=[{symbols}])|(?<=\b[A-Z])[A-Z]{{2}}))"
    return re.compile(rf"{currency}\s?{_NUMBER}{_SCALE}")


@lru_cache(maxsize=4096)  # the words after numbers repeat: "percent", "years", "US dollars"
def _by_name(words: str, gazetteer: Gazetteer) -> tuple[str, int] | None:
    """The currency the leading words name, and how many characters name it."""
    parts = words.split(" ")
    for count in range(len(parts), 0, -1):
        phrase = " ".join(parts[:count])
        if count == 1 and phrase in gazetteer.currency_codes:
            return phrase, len(phrase)
        lowered = phrase.lower()
        for cut in range(_CASE_ENDING_LETTERS + 1):
            code = gazetteer.currency_names.get(lowered[: len(lowered) - cut])
            if code is not None:
                return code, len(phrase)
    return None


@lru_cache(maxsize=4096)  # amounts repeat too ("1 billion", "40 million")
def _amount(number: str, scale: str | None) -> float | None:
    digits = _GROUP_SEPARATOR.sub("", number).replace(",", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    # Decimal keeps 8.3 billion at 8300000000.0, where float arithmetic drifts.
    return float(value * Decimal(SCALES.get((scale or "").lower(), 1.0)))


@lru_cache(maxsize=1 << 14)
def _money(written: str, currency: str, number: str, scale: str | None) -> Money | None:
    """The amount as written (``written``, stripped here), or None for a number that is none.
    Kept once for every article that writes it the same way ("$1.8 billion"): a model costs
    microseconds to validate, a lookup a fraction of one; a frozen model is safe to share."""
    amount = _amount(number, scale)
    return None if amount is None else Money(amount=amount, currency=currency, text=written.strip())


def money(text: str, gazetteer: Gazetteer) -> tuple[list[Money], list[tuple[int, int]]]:
    """Amounts in order of appearance, and the character spans they cover. An amount with a
    symbol or a code before it wins over one with a name after it that overlaps it."""
    found: dict[int, Money] = {}
    # The spans of the amounts with a symbol or a code: in order, none overlapping another.
    begins: list[int] = []
    ends: list[int] = []
    symbols, codes = gazetteer.currency_symbols, gazetteer.currency_codes
    for match in _symbol_or_code_first().finditer(text):
        cur, number, scale = match.groups()
        iso = symbols.get(cur) or (cur if cur in codes else None)
        if iso is None:
            continue
        start, end = match.span()
        amount = _money(text[start:end], iso, number, scale)
        if amount is not None:
            found[start] = amount
            begins.append(start)
            ends.append(end)
    taken = list(zip(begins, ends, strict=True))
    for match in _NAME_AFTER.finditer(text):
        named = _by_name(match.group("words"), gazetteer)
        if named is None:
            continue
        start = match.start()
        end = match.start("words") + named[1]
        after = bisect_right(ends, start)  # the first amount taken that ends after start
        if after < len(begins) and begins[after] < end:
            continue  # overlaps it
        amount = _money(text[start:end], named[0], *match.group("num", "scale"))
        if amount is not None:
            found[start] = amount
            taken.append((start, end))  # names never overlap each other: not in ``ends``
    return [found[start] for start in sorted(found)], sorted(taken)


def extract(doc: Document) -> Findings:
    """Amounts, each with where it is written, claiming the tokens they cover (their currency
    words are no places)."""
    amounts, spans = money(doc.text, doc.gazetteer)
    text = doc.text
    placed = []
    for amount, (begin, finish) in zip(amounts, spans, strict=True):
        written = text[begin:finish]
        start = begin + len(written) - len(written.lstrip())  # as ``_money`` strips it
        end = finish - (len(written) - len(written.rstrip()))
        placed.append(amount.model_copy(update={"mentions": [doc.mention(start, end)]}))
    return Findings().found(MONEY, placed).claiming(MONEY_TOKENS, tokens_within(doc.tokens, spans))
