"""Small facts about spans that matching and error classes are read from."""

from __future__ import annotations

from bench.corpora import Document, Span
from bench.scoring.keys import is_cyrillic
from bench.scoring.locate import Occurrence
from newswire.enrich.gazetteer import load
from newswire.enrich.lexicon import NAME_WORD_ZIPF_STRICT

_TABLE_DIGITS = 0.3
_LATIN_ACCENTED = frozenset("áéíóúüöäñçàèìòùâêîôûãõøåæßğışşćčšžłńő")
# What a surname in dictionary form ends with in Russian and Kazakh news: without one, the
# Cyrillic person rules need a role or a speech verb beside the name.
SURNAME_ENDINGS = ("ов", "ев", "ин", "ын", "ова", "ева", "ина", "ий", "ая", "ко", "ук", "юк",
                   "ұлы", "қызы", "лы", "ли", "швили", "дзе", "ян")  # fmt: skip


def common_in_english(word: str) -> bool:
    """As frequent in English as the English person rules allow a name's word without other
    evidence (``newswire.enrich.lexicon.NAME_WORD_ZIPF_STRICT``): Mark, Tiger, Woods."""
    return load().frequency(word.lower()) >= NAME_WORD_ZIPF_STRICT


def occurrence(span: Span) -> Occurrence:
    return (span.field, span.start, span.end)


def overlaps(a: Occurrence, b: Occurrence) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def covers(a: Occurrence, b: Occurrence) -> bool:
    """``a`` covers at least half of ``b`` (a predicted name over a gold span)."""
    return a[0] == b[0] and 2 * (min(a[2], b[2]) - max(a[1], b[1])) >= b[2] - b[1]


def same_person(a: str, b: str) -> bool:
    """Surname keys match when equal, or when one extends the other by at most two letters
    (both of three letters or more): pymorphy3 guesses the lemma of a foreign surname it does
    not know from its ending, so two forms of one name (``Фридкином``, ``Фридкин``) may key a
    letter or two apart."""
    if a == b:
        return True
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return min(len(a), len(b)) >= 3 and common >= max(3, max(len(a), len(b)) - 2)


def same_organization(a: str, b: str) -> bool:
    """Organisation keys match when the words of one contain the other's."""
    x, y = set(a.split()), set(b.split())
    return bool(x and y) and (x <= y or y <= x)


def first(spans: list[Span]) -> Span:
    """The span to show: the first in the body, else the first."""
    return next((s for s in spans if s.field == "body"), spans[0])


def script(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if any(is_cyrillic(c) for c in letters):
        return "cyrillic"
    if letters and all(c.isascii() or c.lower() in _LATIN_ACCENTED for c in letters):
        return "latin"
    return "other"


def in_table(document: Document, span: Span) -> bool:
    """The span's line is a row of results (``64 Bob Estes``, ``Puchon 3 1 0 6 1 10``): a
    third or more of its words hold a digit."""
    text = document.text(span.field)
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    words = text[line_start : line_end if line_end >= 0 else len(text)].split()
    digits = sum(any(c.isdigit() for c in w) for w in words)
    return len(words) >= 3 and digits >= _TABLE_DIGITS * len(words)
