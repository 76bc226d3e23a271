"""Kazakh case suffixes on names and places, by rule (no maintained Kazakh morphological
analyser installs from the package registries).

Kazakh declines by agglutination: the suffix goes on the last word of a name
(``Режеп Тайып Ердоғанмен``, ``Қасым-Жомарт Тоқаевты``, ``Астанада``, ``Анкараға``) and its
first letter follows the stem's last sound (voiced, voiceless, nasal), its vowel the stem's
harmony (back а/ы, front е/і). The suffixes, longest first:

| case | suffixes |
| --- | --- |
| genitive | -ның -нің -дың -дің -тың -тің |
| dative | -ға -ге -қа -ке -на -не (after a possessive) |
| accusative | -ны -ні -ды -ді -ты -ті |
| locative | -да -де -та -те -нда -нде |
| ablative | -дан -ден -тан -тен -нан -нен |
| instrumental | -мен -бен -пен (-менен -бенен -пенен) |

A name's own ending can look like a suffix (``Оксана``, ``Кошта``): a suffix is taken off only
when what remains is three letters or more, and, for the short ones that end many names
(-на, -та, -да, ...), only after a surname's ending (``Тоқаевта``). A suffix's first letter
must fit the stem's last sound: т-, қ-, к-, п- only after a voiceless consonant (``Тоқаевтың``:
в is devoiced), д-, ғ-, г-, м-, б- never after one, н- only after a vowel or м, н, ң
(``Нұрсұлтан`` keeps its -тан: л takes -дан). Places are looked up with and without it in the
gazetteer (``Алматы`` ends like an accusative).
"""

from __future__ import annotations

from functools import lru_cache

from newswire.enrich.cyrillic_lexicon import KK_PROFESSION_STEMS, KK_TITLE_STEMS
from newswire.enrich.lexicon import KK_ROLE_HEADS

CASE_SUFFIXES = tuple(
    sorted(
        [
            "ның",
            "нің",
            "дың",
            "дің",
            "тың",
            "тің",
            "ға",
            "ге",
            "қа",
            "ке",
            "на",
            "не",
            "ны",
            "ні",
            "ды",
            "ді",
            "ты",
            "ті",
            "да",
            "де",
            "та",
            "те",
            "нда",
            "нде",
            "дан",
            "ден",
            "тан",
            "тен",
            "нан",
            "нен",
            "мен",
            "бен",
            "пен",
            "менен",
            "бенен",
            "пенен",
        ],
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 3
# Suffixes that also end many Kazakh and Russian stems ("Астана", "Ақтөбе", "Назарбаевтың"
# but "Жана", "Өскемен"...): a name ending in one is taken off only after a surname ending.
_AMBIGUOUS = frozenset(["на", "не", "ны", "ні", "да", "де", "та", "те", "нда", "нде", "нан", "нен"])
_DISTINCT = frozenset(CASE_SUFFIXES) - _AMBIGUOUS
_SURNAME_ENDINGS = ("ов", "ев", "ин", "ова", "ева", "ина", "ұлы", "қызы", "лы", "лі")
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_PATRONYMICS = ("ұлы", "қызы", "улы", "кызы")
_ROLE_STEMS = (*KK_TITLE_STEMS, *KK_PROFESSION_STEMS)
# Case suffixes after a possessive (with its н): -ның, -на, -нда, -нан, -мен.
_AFTER_POSSESSIVE = ("ның", "нің", "нда", "нде", "нан", "нен", "на", "не", "мен")
_VOWELS = frozenset("аәеиоөуұүыіэюя")
# The sounds a suffix's first letter follows (see the module's docstring).
_VOICELESS_END = frozenset("кқпстфхцчшщбвгд")
_AFTER_N = frozenset("аәеиоөуұүыіэюяймнң")
_AFTER_VOICELESS = frozenset("тқкп")


def is_kazakh(word: str) -> bool:
    return not KAZAKH_LETTERS.isdisjoint(word.lower())


@lru_cache(maxsize=65_536)
def without_case(word: str) -> str:
    """The word without its case suffix (``Ердоғанмен`` -> ``Ердоған``), else itself."""
    lower = word.lower()
    for suffix in CASE_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= _MIN_STEM:
            stem = word[: len(word) - len(suffix)]
            if not _fits(stem[-1].lower(), suffix[0]):
                continue
            if suffix in _DISTINCT or stem.lower().endswith(_SURNAME_ENDINGS):
                return stem
    return word


def _fits(stem_end: str, suffix_start: str) -> bool:
    """A suffix beginning with ``suffix_start`` may follow a stem ending in ``stem_end``."""
    if suffix_start in _AFTER_VOICELESS:
        return stem_end in _VOICELESS_END
    if suffix_start == "н":
        return stem_end in _AFTER_N
    return stem_end not in _VOICELESS_END


def is_role_head(word: str) -> bool:
    """A Kazakh role noun, or a title or profession that stands where one does (``Елбасы``,
    ``тілшіміз``)."""
    lower = word.lower()
    return lower in KK_ROLE_HEADS or lower.startswith(_ROLE_STEMS)


def is_role_noun(word: str) -> bool:
    """One of the lexicon's Kazakh role nouns (министрі, төрағасы), which may follow lower-case
    complements (``сыртқы істер министрі``)."""
    return word.lower() in KK_ROLE_HEADS


def has_possessive(word: str) -> bool:
    """The word ends in the third person's possessive (``Арабиясы``, ``Ұйымы``,
    ``Университеті``) and is no patronymic (``Әбішұлы``): the head of a compound name, no
    person's."""
    bare = without_case(word)
    if bare != word:  # a case suffix a name takes: Абайды, Әбілқасымованы
        word = bare
    lower = word.lower()
    for suffix in _AFTER_POSSESSIVE:  # the case a possessive takes: Арабиясында, Ұйымына
        if lower.endswith(suffix) and len(lower) - len(suffix) > _MIN_STEM:
            lower = lower[: len(lower) - len(suffix)]
            break
    if lower.endswith(_PATRONYMICS):
        return False
    return lower.endswith(("сы", "сі")) or (
        lower.endswith(("ы", "і")) and len(lower) > _MIN_STEM and lower[-2] not in _VOWELS
    )
