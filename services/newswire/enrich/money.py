"""Amounts of money, normalised: ``$1.8 billion`` -> 1.8e9 USD, ``3 billion US dollars``,
``€29.9 million``, ``5 million euros``, ``USD 40 million``, ``900 миллиардов тенге``,
``12,9 миллиард АҚШ долларына``. Currency names, symbols and ISO 4217 codes come from the
gazetteer (CLDR, pycountry), and the few Kazakh names it lacks from ``_MORE_NAMES``.

In Russian and Kazakh text, amounts in words too (``жүз қырық миллион доллар``, ``үш жарым
миллиард теңге``, ``двух миллионов рублей``: ``number_words`` reads them), found from the
currency word back (currency words are rare, number words are not). A range (``от 2 до 3
млн долларов``, ``10–15 мың теңге``, ``екі-үш мың теңге``) gives both ends, each an amount
whose text is the whole range; the low end takes the high end's scale."""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from newswire.core.models import Money
from newswire.enrich import number_words
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
_NAME_WORDS_AT = re.compile(rf"{_WORD}(?: {_WORD}){{0,{_NAME_WORDS - 1}}}")
_GROUP_SEPARATOR = re.compile(r"[,\u00a0 ](?=\d{3}\b)")
# Names of currencies the gazetteer's CLDR data lacks: Kazakh ("АҚШ доллары": US dollars)
# and the Russian pound sterling without "британский".
_MORE_NAMES = {
    "ақш доллар": "USD", "еуро": "EUR", "фунт стерлингов": "GBP", "фунта стерлингов": "GBP",
    "фунтов стерлингов": "GBP", "фунтах стерлингов": "GBP",
}  # fmt: skip
# The currency words an amount in words ends with (checked by ``_by_name`` after), in lower
# case: after a number, a currency word opens no sentence. Each is looked for by
# ``str.find``: a pattern of their alternatives would try a dozen branches at every other
# letter of Cyrillic text.
_CURRENCY_STEMS = (
    "теңге", "тенге", "доллар", "евро", "еуро", "рубл", "юан", "фунт", "иен", "йен", "манат",
    "франк", "гривн", "АҚШ", "США",
)  # fmt: skip
_WORD_LANGUAGES = frozenset(("ru", "kk"))
_NUMBER_WORD = re.compile(r"[^\W\d_]+|[–—]")
_WORDS_BACK = 160  # characters before a currency word where its number may begin
_RANGE_ENDS = frozenset("–—-оo")  # what ends the text before a range's high end ("до", "to")
# "от 3 до", "10–", "от 2 млн до": the low end, with its own scale word if it has one.
_RANGE_BEFORE = re.compile(
    r"(?:(?:от|from)\s+)?(?P<low>\d[\d,.]*)(?:\s?(?P<scale>"
    + "|".join(sorted(SCALES, key=len, reverse=True))
    + r")\.?)?\s?(?:до|to|[–—-])\s?$"
)


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
        # A case ending is cut off the last word only, never the whole of it ("рублей за").
        for cut in range(max(0, min(_CASE_ENDING_LETTERS, len(parts[count - 1]) - 3)) + 1):
            stem = lowered[: len(lowered) - cut]
            code = gazetteer.currency_names.get(stem) or _MORE_NAMES.get(stem)
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


Placed = tuple[int, int, Money]  # an amount and the span of text it is written in


def range_lows(text: str, amounts: list[Money], spans: list[tuple[int, int]]) -> list[Placed]:
    """The low ends of ranges written in digits before an amount with a name after it
    (``от 3 до 5 тысяч рублей``, ``10–15 млн долларов``): the amount's scale and currency,
    the whole range as its text."""
    found: list[Placed] = []
    for amount, (start, end) in zip(amounts, spans, strict=True):
        if text[max(0, start - 2) : start].rstrip()[-1:] not in _RANGE_ENDS:
            continue  # most amounts end no range: looked at no further
        before = _RANGE_BEFORE.search(text, max(0, start - 36), start)
        named = _NAME_AFTER.match(text, start)
        if before is None or named is None:
            continue
        scale = before.group("scale") or named.group("scale")
        low = _amount(before.group("low").rstrip(",."), scale)
        if low is not None and low < amount.amount:
            written = text[before.start() : end].strip()
            found.append(
                (before.start(), end, amount.model_copy(update={"amount": low, "text": written}))
            )
    return found


def word_amounts(
    text: str, language: str | None, gazetteer: Gazetteer, taken: list[tuple[int, int]]
) -> list[Placed]:
    """Amounts written in Russian or Kazakh words before a currency's name, none
    overlapping ``taken`` (the amounts in digits)."""
    if language not in _WORD_LANGUAGES:
        return []
    found: list[Placed] = []
    for start in _currency_words(text):
        if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
            continue  # inside a word ("100-долларовой")
        after = _NAME_WORDS_AT.match(text, start)
        named = None if after is None else _by_name(after.group(), gazetteer)
        if named is None:
            continue
        words, first = _number_before(text, start, language)
        ends = number_words.ends(words, language) if words else None
        end = start + named[1]
        if ends is None or any(begin < end and first < finish for begin, finish in taken):
            continue
        written = text[first:end]
        found.extend((first, end, Money(amount=a, currency=named[0], text=written)) for a in ends)
    return found


def _currency_words(text: str) -> list[int]:
    """Where the currency stems occur, in order (several stems may start at one place)."""
    found: set[int] = set()
    for stem in _CURRENCY_STEMS:
        at = text.find(stem)
        while at >= 0:
            found.add(at)
            at = text.find(stem, at + 1)
    return sorted(found)


def _number_before(text: str, end: int, language: str) -> tuple[list[str], int]:
    """The number words right before ``end`` (spaces, hyphens or a dash between them), and
    where they begin; none after a digit (the amount is written in digits)."""
    low = max(0, end - _WORDS_BACK)
    words: list[str] = []
    first = end
    for match in reversed(list(_NUMBER_WORD.finditer(text, low, end))):
        gap = text[match.end() : first]
        word = match.group()
        if gap.strip(" \u00a0-") or not _in_a_number(word, language):
            break
        if gap.strip(" \u00a0") == "-" and words:
            words.insert(0, "-")  # "он-он бес": a range
        words.insert(0, word)
        first = match.start()
    while words and not number_words.is_number_word(words[0], language) and words[0] != "от":
        words.pop(0)
        first = text.index(words[0], first) if words else end
    if first > 0 and text[:first].rstrip()[-1:].isdigit():
        return [], end
    return words, first


def _in_a_number(word: str, language: str) -> bool:
    lower = word.lower()
    return (
        number_words.is_number_word(word, language)
        or lower in number_words.RANGE_WORDS
        or lower in number_words.RANGE_OPENERS
        or (language == "kk" and lower in number_words.DECIMAL)
    )


def extract(doc: Document) -> Findings:
    """Amounts, each with where it is written, claiming the tokens they cover (their currency
    words are no places)."""
    amounts, spans = money(doc.text, doc.gazetteer)
    text = doc.text
    more = range_lows(text, amounts, spans) + word_amounts(text, doc.language, doc.gazetteer, spans)
    if more:  # in order of where they are written, the lower end of a range first
        found = sorted(
            [*zip(spans, amounts, strict=True), *(((b, e), a) for b, e, a in more)],
            key=lambda placed: (placed[0][0], placed[1].amount),
        )
        spans, amounts = [span for span, _ in found], [amount for _, amount in found]
    placed = []
    for amount, (begin, finish) in zip(amounts, spans, strict=True):
        written = text[begin:finish]
        start = begin + len(written) - len(written.lstrip())  # as ``_money`` strips it
        end = finish - (len(written) - len(written.rstrip()))
        # A new model rather than model_copy (a Python deep walk, half as cheap again).
        placed.append(
            Money(
                amount=amount.amount,
                currency=amount.currency,
                text=amount.text,
                mentions=[doc.mention(start, end)],
            )
        )
    return Findings().found(MONEY, placed).claiming(MONEY_TOKENS, tokens_within(doc.tokens, spans))
