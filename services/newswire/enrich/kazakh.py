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
(-на, -та, -да, ...), only after a surname's ending (``Тоқаевта``). Places are looked up with
and without it in the gazetteer (``Алматы`` ends like an accusative).
"""

from __future__ import annotations

from functools import lru_cache

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
_SURNAME_ENDINGS = ("ов", "ев", "ин", "ұлы", "қызы", "лы", "лі")
KAZAKH_LETTERS = frozenset("әғқңөұүһі")


def is_kazakh(word: str) -> bool:
    return not KAZAKH_LETTERS.isdisjoint(word.lower())


@lru_cache(maxsize=65_536)
def without_case(word: str) -> str:
    """The word without its case suffix (``Ердоғанмен`` -> ``Ердоған``), else itself."""
    lower = word.lower()
    for suffix in CASE_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= _MIN_STEM:
            stem = word[: len(word) - len(suffix)]
            if suffix in _DISTINCT or stem.lower().endswith(_SURNAME_ENDINGS):
                return stem
    return word


def is_role_head(word: str) -> bool:
    return word.lower() in KK_ROLE_HEADS
