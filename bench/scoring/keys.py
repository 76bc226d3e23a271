"""Normalised keys: what a gold annotation and a prediction are compared by, per language.

- a word: Russian, its pymorphy3 lemma (for a name, a reading with the ``Surn`` or ``Name``
  grammeme first: ``Обамы`` -> ``обама``); Kazakh, without its case suffix
  (``newswire.enrich.kazakh.without_case``: ``Тоқаевтың`` -> ``тоқаев``); English and any
  Latin-script word, itself without a possessive ``'s``. Always case-folded, ``ё`` as ``е``;
- a person: the key of the last word of the name (the surname, mostly);
- a phrase: the keys of its words, space-separated;
- an organisation: the set of its words' keys without function words.

Gold and predicted text go through the same function, so a declined gold surface and the
nominative the extractor gives meet at one key. The same code normalises both sides: an
error of the normaliser (a foreign name pymorphy3 lemmatises oddly) costs both or neither.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import pymorphy3  # type: ignore[import-untyped]  # ships no type information

from newswire.enrich.kazakh import without_case

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_NAME_GRAMMEMES = ("Surn", "Name")
_POSSESSIVE = ("'s", "’s")
# Russian, Kazakh and English words that organisation names share without meaning.
FUNCTION_WORDS = frozenset({
    "и", "в", "во", "на", "по", "для", "при", "с", "со", "от", "о", "об", "к", "из", "за",
    "the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "de", "мен", "және", "пен",
    "бен",
})  # fmt: skip


@cache
def _analyzer() -> Any:
    return pymorphy3.MorphAnalyzer(lang="ru")


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


@lru_cache(maxsize=65_536)
def ru_lemma(word: str, *, name: bool = False) -> str:
    """The lemma of a Russian word; for a name, a name's reading is preferred."""
    parses = _analyzer().parse(word.lower())
    if not parses:
        return fold(word)
    chosen = parses[0]
    if name:
        for grammeme in _NAME_GRAMMEMES:
            reading = next((p for p in parses if grammeme in p.tag.grammemes), None)
            if reading is not None:
                chosen = reading
                break
    return fold(chosen.normal_form)


@lru_cache(maxsize=65_536)
def ru_lemmas(word: str) -> frozenset[str]:
    """Every lemma a Russian word may have (``премьера``: премьера and премьер)."""
    return frozenset(fold(p.normal_form) for p in _analyzer().parse(word.lower())) or frozenset(
        [fold(word)]
    )


@lru_cache(maxsize=65_536)
def ru_part_of_speech(word: str) -> str | None:
    parses = _analyzer().parse(word.lower())
    return str(parses[0].tag.POS) if parses and parses[0].tag.POS else None


def word_key(word: str, language: str, *, name: bool = False) -> str:
    for possessive in _POSSESSIVE:
        if word.endswith(possessive) and len(word) > len(possessive):
            word = word[: -len(possessive)]
    if not is_cyrillic(word):
        return fold(word)
    if language == "kk":
        return fold(without_case(word))
    return ru_lemma(word, name=name)


def person_key(name: str, language: str) -> str:
    found = words(name)
    return word_key(found[-1], language, name=True) if found else fold(name.strip())


def phrase_key(text: str, language: str) -> str:
    return " ".join(word_key(w, language) for w in words(text))


def name_words(text: str, language: str) -> frozenset[str]:
    """An organisation's words as keys, function words left out."""
    keys = (word_key(w, language) for w in words(text))
    return frozenset(k for k in keys if k not in FUNCTION_WORDS)


def is_adjective(text: str, language: str) -> bool:
    """A Russian place annotation that is an adjective (``российских``, ``Московского``)."""
    found = words(text)
    return language == "ru" and bool(found) and ru_part_of_speech(found[-1]) == "ADJF"
