"""Russian morphology for people and roles, with pymorphy3 and its OpenCorpora dictionary.

Names are declined (``с президентом Франции Эммануэлем Макроном``): the case of a name is read
from the word that governs it (the role before it, or a preposition), which pymorphy3 knows
well, because its guesses for unknown foreign names are poor (``Хурэлсухом`` would become
``хурэлсухой``). Each word of the name then goes to the nominative: by the dictionary when it
knows the word as a first name or surname, else by the endings of that case (``-ом``, ``-ым``,
``-у``, ``-а``), kept only where what is left ends like a name.

The analyser is built once, on first use (about 0.1 s and 15 MB), and every word is analysed
once per process (``lru_cache``, bounded): news repeats its names, roles and connectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

import pymorphy3  # type: ignore[import-untyped]  # ships no type information

from newswire.enrich.lexicon import RU_ROLE_HEADS

_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
# The case a preposition gives the name after it: "с Антониу Коштой", "к Си Цзиньпину".
_PREPOSITION_CASES = {
    "с": "ablt", "со": "ablt", "к": "datv", "ко": "datv", "о": "loct", "об": "loct",
    "при": "loct", "у": "gent", "от": "gent", "для": "gent", "без": "gent", "до": "gent",
}  # fmt: skip
_GENITIVE_GOVERNORS = frozenset((
    "словам", "поручению", "приглашению", "инициативе", "имени", "участием", "визит", "визита",
    "визиту", "визите", "слова", "мнению",
))  # fmt: skip
_VOWELS = frozenset("аеёиоуыэюяaeiouy")
# Endings of the oblique cases of Russian and foreign names, longest first, and what replaces
# them in the nominative. Only applied when what remains ends in a consonant (so "Нуртлеу",
# "Пуянне", "Ван И" stay as they are) or, for "-ым", in a surname suffix.
# After a sibilant or ц, "-ем" is the ending of a hard stem (Яваш -> Явашем); after any
# other consonant, of a soft one (Эммануэль -> Эммануэлем, Игорь -> Игоря).
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "gent": (("ского", "ский"), ("ой", "а"), ("а", ""), ("я", "ь")),
    "accs": (("ского", "ский"), ("у", "а"), ("а", ""), ("я", "ь")),
    "datv": (("скому", "ский"), ("ой", "а"), ("у", ""), ("ю", "ь")),
    "ablt": (
        ("ским", "ский"),
        ("ым", ""),
        ("ой", "а"),
        ("ей", "я"),
        ("ом", ""),
        ("ем", "ь"),
        ("ём", "ь"),
    ),
    "loct": (("ском", "ский"), ("ой", "а"), ("е", "")),
}
_HARD_SIBILANTS = frozenset("жшщчц")
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")


class Analysis(NamedTuple):
    lemma: str
    pos: str | None
    case: str | None
    known: bool  # in the dictionary, not guessed from the ending
    name: bool  # a first name, surname or patronymic
    score: float


@cache
def _analyzer() -> Any:
    return pymorphy3.MorphAnalyzer(lang="ru")


# Only capitalised words and the words of roles are analysed; a stream's vocabulary of those
# is small. An entry costs about 1.2 KB: the cache stays near 10 MB.
_CACHED_WORDS = 8_192


@lru_cache(maxsize=_CACHED_WORDS)
def analyses(word: str) -> tuple[Analysis, ...]:
    """pymorphy3's readings of a word, most likely first (plain values: pymorphy3's own parse
    objects would cost half as much again in the cache)."""
    return tuple(
        Analysis(
            p.normal_form,
            _plain(p.tag.POS),
            _plain(p.tag.case),
            p.is_known,
            not _NAME_TAGS.isdisjoint(p.tag.grammemes),
            p.score,
        )
        for p in _analyzer().parse(word.lower())
    )


def _plain(grammeme: str | None) -> str | None:
    """A grammeme as a plain string: pymorphy3's own compare and hash in Python, and check
    the other side is a grammeme (readings are compared and counted often)."""
    return None if grammeme is None else str(grammeme)


# What is asked of a word is cached as well: the words before every name are asked again
# (a loop over a dozen readings each time).
@lru_cache(maxsize=_CACHED_WORDS)
def role_head_case(word: str) -> str | None:
    """The case of a role noun (``президентом`` -> ablt), None when the word is no role."""
    for reading in analyses(word):
        if reading.pos == "NOUN" and reading.lemma in RU_ROLE_HEADS:
            return reading.case or "nomn"
    return None


def preposition_case(word: str) -> str | None:
    """The case the word before a name gives it: a preposition's, or the genitive after the
    nouns news puts before a name ("по словам Сунгата Есимханова", "визит Эрдогана")."""
    lower = word.lower()
    if lower in _GENITIVE_GOVERNORS:
        return "gent"
    return _PREPOSITION_CASES.get(lower)


@lru_cache(maxsize=_CACHED_WORDS)
def may_be_genitive(word: str) -> bool:
    """A complement a role can carry: ``министр иностранных дел Азербайджана``."""
    return any(r.case == "gent" or r.pos in ("ADJF", "CONJ") or not r.known for r in analyses(word))


@lru_cache(maxsize=_CACHED_WORDS)
def is_adjective(word: str) -> bool:
    return any(r.pos in ("ADJF", "PRTF") and r.known for r in analyses(word))


def _keep_case(original: str, new: str) -> str:
    """``new`` with the capitals of ``original`` (first letter of each hyphenated part)."""
    parts, source = new.split("-"), original.split("-")
    if len(parts) != len(source):
        return new[:1].upper() + new[1:] if original[:1].isupper() else new
    return "-".join(
        p[:1].upper() + p[1:] if s[:1].isupper() else p for p, s in zip(parts, source, strict=True)
    )


def name_case(words: Sequence[str]) -> str:
    """The case a name is in when nothing governs it: what known first names say, else nomn."""
    votes: dict[str, float] = {}
    for word in words:
        for reading in analyses(word):
            if reading.known and reading.name and reading.case:
                votes[reading.case] = votes.get(reading.case, 0.0) + reading.score
    if not votes or votes.get("nomn", 0.0) > 0:
        return "nomn"
    return max(votes, key=lambda case: votes[case])


@lru_cache(maxsize=_CACHED_WORDS)
def nominative_word(word: str, case: str) -> str:
    """One word of a name in the nominative, from ``case``."""
    if case == "nomn":
        return word
    for index, reading in enumerate(analyses(word)):
        if reading.known and reading.case == case and reading.name:
            # Inflected, not the lemma: a woman's surname keeps its gender (Захаровой ->
            # Захарова; the lemma is Захаров).
            parse = _parse(word, index)
            nominative = parse.inflect({"nomn"})
            return _keep_case(word, nominative.word if nominative else parse.normal_form)
    lower = word.lower()
    for ending, replacement in _ENDINGS.get(case, ()):
        if not lower.endswith(ending) or len(lower) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        if ending in ("ым", "ой") and replacement != "а" and not stem.endswith(_SURNAME_STEMS):
            continue
        if stem[-1:].lower() in _VOWELS or stem[-1:] in "ьъ-":
            continue
        hard = replacement == "ь" and stem[-1:].lower() in _HARD_SIBILANTS
        return stem + ("" if hard else replacement)
    return word


def nominative_name(words: list[str], case: str | None) -> str:
    return _nominative_name(tuple(words), case)


@lru_cache(maxsize=_CACHED_WORDS)  # names repeat, across articles and within one
def _nominative_name(words: tuple[str, ...], case: str | None) -> str:
    case = case or name_case(words)
    return " ".join(nominative_word(word, case) for word in words)


def nominative_role(words: list[str], case: str) -> list[str]:
    """A role's words with its head (and the adjectives before it) in the nominative:
    ``первым заместителем премьер-министра`` -> ``первый заместитель премьер-министра``."""
    if case == "nomn":
        return words
    return list(_nominative_role(tuple(words), case))


# Roles repeat more than names ("министр иностранных дел"): a role is inflected once.
_CACHED_ROLES = 4_096


@lru_cache(maxsize=_CACHED_ROLES)
def _nominative_role(words: tuple[str, ...], case: str) -> tuple[str, ...]:
    out = list(words)
    for i, word in enumerate(words):
        index, target = next(
            (
                (index, r)
                for index, r in enumerate(analyses(word))
                if r.case == case
                and (r.lemma in RU_ROLE_HEADS or (r.pos in ("ADJF", "PRTF") and r.known))
            ),
            (0, None),
        )
        if target is None:
            continue
        # An adjective agrees with the head after it; once a head is passed, the rest are
        # its complements ("министра иностранных дел": "иностранных" stays).
        inflected = _parse(word, index).inflect({"nomn"})
        if inflected is not None:
            out[i] = _keep_case(word, inflected.word)
        if target.lemma in RU_ROLE_HEADS:
            break
    return tuple(out)


def _parse(word: str, index: int) -> Any:
    """pymorphy3's own parse behind ``analyses(word)[index]``, which can inflect: made again
    only for the words that are inflected (the readings are what is cached)."""
    return _analyzer().parse(word.lower())[index]
