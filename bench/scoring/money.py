"""Gold amounts of money to (amount, ISO 4217 currency), independently of the extractor.

A gold span parses when it holds exactly one number (digits with ``,`` or ``.`` decimals and
space or comma groups, or Kazakh or Russian number words: ``екі жүз мың``), at most one scale
word (тыс., млн, миллиард, мың, million, bn...) and one currency (a symbol, an ISO code, or a
currency word's stem: доллар, руб, теңге, евро, юан, фунт...); ``жарым`` adds a half to the
number words before it (``үш жарым миллиард`` = 3.5e9). Ranges (``от 3 до 5 тысяч``: two
numbers; ``10 – 15``; ``он-он бес``; ``үш пен бес``), spoken decimals (``бір де сегіз``),
fractions (``алты бүтін оннан екі``), several scale words (``бір миллион екі жүз мың``) or
number words after the scale word (``жиырма алты мың бір жүз``: a compound, not 26 x 186
thousand) and currencies it does not know (``биткоина``) do not parse: those are scored by
overlap of the predicted amount's text with the gold span only.
"""

from __future__ import annotations

import re

from bench.scoring.keys import fold, words

SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₽": "RUB", "¥": "JPY", "₴": "UAH"}
# Stems of currency words (Russian, Kazakh, English), checked in this order: "долларов США".
STEMS = (
    ("гонконгск", "HKD"), ("канадск", "CAD"), ("австралийск", "AUD"), ("сингапурск", "SGD"),
    ("canadian", "CAD"), ("australian", "AUD"),
    ("доллар", "USD"), ("dollar", "USD"), ("евро", "EUR"), ("еуро", "EUR"), ("euro", "EUR"),
    ("долл", "USD"), ("руб", "RUB"), ("ruble", "RUB"), ("rouble", "RUB"),
    ("тенге", "KZT"), ("теңге", "KZT"), ("tenge", "KZT"), ("юан", "CNY"), ("юань", "CNY"),
    ("yuan", "CNY"), ("фунт", "GBP"), ("pound", "GBP"), ("sterling", "GBP"), ("иен", "JPY"),
    ("йен", "JPY"), ("yen", "JPY"), ("гривн", "UAH"), ("франк", "CHF"), ("лир", "TRY"),
    ("сом", "KGS"), ("сум", "UZS"), ("рупи", "INR"), ("вон", "KRW"), ("манат", "AZN"),
    ("драм", "AMD"), ("лари", "GEL"),
)  # fmt: skip
CODES = frozenset(
    ["USD", "EUR", "GBP", "RUB", "KZT", "CNY", "JPY", "UAH", "CHF", "TRY", "KGS", "UZS", "INR"]
)
SCALES = (
    ("тыс", 1e3), ("мың", 1e3), ("thousand", 1e3), ("млн", 1e6), ("миллион", 1e6),
    ("million", 1e6), ("mln", 1e6), ("млрд", 1e9), ("миллиард", 1e9), ("billion", 1e9),
    ("bn", 1e9), ("трлн", 1e12), ("триллион", 1e12), ("trillion", 1e12),
)  # fmt: skip
NUMBER_WORDS = {
    # Kazakh
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90, "жүз": 100,
    # Russian (the forms amounts take)
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "сто": 100, "двести": 200, "триста": 300, "пятьсот": 500,
}  # fmt: skip
_NUMBER_WORD = "|".join(NUMBER_WORDS)
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)*")
# "10 – 15 мың", "сексен – сексен екі", "он-он бес", "үш пен бес" (ranges); "алты бүтін
# оннан екі" is 6.2 and "бір де сегіз" 1.8 (a spoken decimal): none is read.
_RANGE = re.compile(
    rf"\d\s*[-–—]\s*\d|\s[–—]\s|бүтін|(?:{_NUMBER_WORD})-(?:{_NUMBER_WORD})"
    rf"|\s(?:пен|мен|бен|де|да|те|та)\s(?:{_NUMBER_WORD})\b",
    re.IGNORECASE,
)


def _number(text: str) -> float | None:
    """The one number of the text, from digits or number words; None for none or several."""
    found = _NUMBER.findall(text)
    if len(found) > 1:
        return None
    if found:
        raw = re.sub(r"[ \u00a0\u202f]", "", found[0])
        if "," in raw and "." in raw:
            raw = raw.replace(",", "")
        elif raw.count(",") == 1 and len(raw.split(",")[1]) != 3:
            raw = raw.replace(",", ".")  # Russian decimal comma: 8,1 млн
        else:
            raw = raw.replace(",", "")
        try:
            return float(raw)
        except ValueError:
            return None
    return _words_number(text)


def _words_number(text: str) -> float | None:
    """Number words: units and tens add, ``жүз`` multiplies what came before it."""
    total, current, seen = 0.0, 0.0, False
    for word in (fold(w) for w in words(text)):
        if word == "жарым" and current:  # "үш жарым": three and a half
            current += 0.5
            continue
        value = NUMBER_WORDS.get(word)
        if value is None:
            continue
        seen = True
        if value == 100 and word == "жүз":
            current = (current or 1) * 100
        else:
            current += value
    total += current
    return total if seen else None


def _scale(text: str) -> float | None:
    """The scale word's factor, 1 for none; None for several (``миллион екі жүз мың``) or
    for number words after it (``жиырма алты мың бір жүз``: a compound number)."""
    folded = [fold(w) for w in words(text)]
    factors = [next((f for stem, f in SCALES if word.startswith(stem)), None) for word in folded]
    found = [i for i, f in enumerate(factors) if f is not None]
    if len(found) > 1 or (found and any(w in NUMBER_WORDS for w in folded[found[0] + 1 :])):
        return None
    return factors[found[0]] if found else 1.0


def _currency(text: str) -> str | None:
    found = {code for symbol, code in SYMBOLS.items() if symbol in text}
    found |= {w for w in words(text) if w in CODES}
    for word in (fold(w) for w in words(text)):
        for stem, code in STEMS:
            if word.startswith(stem):
                found.add(code)
                break
    if {"USD", "HKD"} <= found or {"USD", "CAD"} <= found or {"USD", "AUD"} <= found:
        found.discard("USD")
    return found.pop() if len(found) == 1 else None


def parse(text: str) -> tuple[float, str] | None:
    """(amount, currency) of a gold money span, or None when it does not parse."""
    if _RANGE.search(text):
        return None
    number, currency, scale = _number(text), _currency(text), _scale(text)
    if number is None or currency is None or scale is None:
        return None
    return number * scale, currency


def same_amount(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)
