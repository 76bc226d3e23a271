"""Numbers written in Kazakh and Russian words, as amounts of money are read on air and in
print: ``жүз қырық миллион`` (140 000 000), ``үш жарым миллиард`` (3.5e9), ``жиырма төрт
бүтін оннан үш`` (24.3), ``бір де сегіз`` (1.8, the transcript of "1,8"), ``двух миллионов``,
``полтора миллиарда``; and ranges (``он-он бес мың``, ``жүз отыз – жүз қырық``, ``үш пен
бес``, ``от двух до трёх миллионов``), whose low end takes the scale of the high one.

The rules kept: units and tens add; ``жүз``/``сто`` multiplies what came before it (or 1);
``мың``/``тысяча`` and the large scales close a group (``бес жүз бес мың`` = 505 000,
``екі миллиард жеті жүз миллион`` = 2.7e9); ``жарым`` adds a half to the group before its
scale, ``жарты`` is a half; after ``бүтін`` (or a decimal ``де``/``да``/``те``/``та``) the
next number is the fraction, in tenths after ``оннан``, hundredths after ``жүзден``... A
sequence that breaks these rules is no number (None), never a guess.

Russian words are read by their pymorphy3 lemma (any case: ``двух``, ``тысяч``); Kazakh ones
as written (a number word takes no case suffix before a scale or a currency).
"""

from __future__ import annotations

from newswire.enrich import russian

KK_VALUES = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90,
}  # fmt: skip
RU_VALUES = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "полтора": 1.5,
}  # fmt: skip
HUNDRED = frozenset(("жүз", "сто"))
THOUSAND = frozenset(("мың", "тысяча"))
SCALES = {
    "миллион": 1e6, "миллиард": 1e9, "триллион": 1e12, "млн": 1e6, "млрд": 1e9, "трлн": 1e12,
    "миллиондай": 1e6, "миллиардтай": 1e9, "мыңдай": 1e3,
}  # fmt: skip
HALF_MORE = "жарым"  # "үш жарым" = 3.5
HALF = frozenset(("жарты", "пол"))  # "жарты миллион" = 500 000
WHOLE = "бүтін"  # "алты бүтін оннан тоғыз" = 6.9
DIVISORS = {"оннан": 10, "жүзден": 100, "мыңнан": 1000}
DECIMAL = frozenset(("де", "да", "те", "та"))  # "бір де сегіз" = 1.8
# Between the two ends of a range (a hyphen inside a word is split before: "он-он бес").
RANGE_WORDS = frozenset(("–", "—", "-", "пен", "мен", "бен", "до"))
RANGE_OPENERS = frozenset(("от",))
_MAX_WORDS = 16


def lemma(word: str, language: str) -> str:
    """The word as the tables hold it: lower case; Russian, its number lemma."""
    lower = word.lower()
    if language != "ru" or lower in SCALES or lower in HUNDRED:
        return lower
    for reading in russian.analyses(lower):
        if reading.lemma in RU_VALUES or reading.lemma in THOUSAND or reading.lemma in SCALES:
            return reading.lemma
        if reading.lemma == "сто":
            return "сто"
    return lower


def is_number_word(word: str, language: str) -> bool:
    """A word a written number is made of (a value, a scale or a connector inside one)."""
    known = lemma(word, language)
    values = KK_VALUES if language == "kk" else RU_VALUES
    return (
        known in values
        or known in HUNDRED
        or known in THOUSAND
        or known in SCALES
        or (language == "kk" and (known in DIVISORS or known in (HALF_MORE, WHOLE, "жарты")))
    )


def value(words: list[str], language: str) -> float | None:
    """The number the words write, or None when they write none."""
    values = KK_VALUES if language == "kk" else RU_VALUES
    total, group = 0.0, 0.0
    whole: float | None = None  # the integer part, once "бүтін" or a decimal "де" is read
    divisor = 0
    fraction = 0.0
    seen = False
    for word in (lemma(w, language) for w in words[:_MAX_WORDS]):
        if whole is not None and (word in values or word in HUNDRED):  # the fraction
            fraction = fraction + values[word] if word in values else (fraction or 1) * 100
            continue
        if word in values:
            group += values[word]
        elif word in HUNDRED:
            group = (group or 1) * 100
        elif word == HALF_MORE and group:
            group += 0.5
        elif word in HALF and not group:
            group = 0.5
        elif word in (WHOLE, *DECIMAL) and group and whole is None:
            whole, group = total + group, 0.0
            total = 0.0
        elif word in DIVISORS and whole is not None:
            divisor = DIVISORS[word]
        elif word in THOUSAND or word in SCALES:
            factor = 1e3 if word in THOUSAND else SCALES[word]
            if whole is not None:
                group, whole = _with_fraction(whole, fraction, divisor), None
            total += (group or 1) * factor
            group = 0.0
        else:
            return None
        seen = True
    if whole is not None:
        total += _with_fraction(whole, fraction, divisor)
    return total + group if seen or whole is not None else None


def _with_fraction(whole: float, fraction: float, divisor: int) -> float:
    """``whole`` and its fraction: tenths, hundredths... as ``divisor`` says, else as many
    decimal places as the fraction has digits ("бір де сегіз": 1.8)."""
    if not fraction:
        return whole
    if divisor == 0:
        divisor = 10 ** len(str(int(fraction)))
    return whole + fraction / divisor


def ends(words: list[str], language: str) -> list[float] | None:
    """One value, or the two ends of a range; the low end takes the high end's scale when it
    has none of its own ("он-он бес мың": 10 000 and 15 000)."""
    if words and words[0].lower() in RANGE_OPENERS:
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if w.lower() in RANGE_WORDS), None)
    if cut is None:
        single = value(words, language)
        return None if single is None else [single]
    low_words, high_words = words[:cut], words[cut + 1 :]
    low, high = value(low_words, language), value(high_words, language)
    if low is None or high is None:
        return None
    if not any(lemma(w, language) in SCALES or lemma(w, language) in THOUSAND for w in low_words):
        scale = _scale_of(high_words, language)
        low *= scale
    return [low, high] if low < high else None


def _scale_of(words: list[str], language: str) -> float:
    """The factor of the last scale among the words (1 for none)."""
    for word in reversed([lemma(w, language) for w in words]):
        if word in THOUSAND:
            return 1e3
        if word in SCALES:
            return SCALES[word]
    return 1.0
