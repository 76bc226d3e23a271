"""Tokens with positions, sentence starts and capitalisation: what every extractor shares."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

# A word: a letter, then letters, digits, apostrophes, hyphens or dots inside (Díaz-Canel,
# primeminister.kz, O’Brien). Possessive endings are split off.
_WORD = re.compile(r"[^\W\d_](?:[\w’']|[.\-–](?=\w))*")
_POSSESSIVE = ("’s", "'s")
_POSSESSIVE_LEN = 2
_SENTENCE_BREAK = frozenset('.!?\n:;"“«')


class Token(NamedTuple):  # a tuple: built 500 times an article, 4x cheaper than a dataclass
    text: str
    start: int
    end: int
    sentence_start: bool  # first word of a sentence (capitalised for grammar, not meaning)
    lower: str  # computed once: every extractor asks
    capitalised: bool


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in the text (by the English rules or the Cyrillic ones)."""

    first: int  # token index of the name's first word
    last: int  # token index of the name's last word
    name: str
    role: str | None


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > _POSSESSIVE_LEN + 1 and word.endswith(_POSSESSIVE):
            word, end = word[:-_POSSESSIVE_LEN], end - _POSSESSIVE_LEN
        gap = text[previous_end:start]
        first = not out or (gap != " " and not _SENTENCE_BREAK.isdisjoint(gap))
        out.append(Token(word, start, end, first, word.lower(), word[0].isupper()))
        previous_end = end
    return out


def tokens_within(toks: list[Token], spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the tokens that start inside any of the character spans."""
    starts = [t.start for t in toks]
    inside: set[int] = set()
    for begin, end in spans:
        inside.update(range(bisect_left(starts, begin), bisect_left(starts, end)))
    return inside


def joined_by_space(text: str, left: Token, right: Token) -> bool:
    """The two tokens are adjacent words of one phrase (only spaces between them)."""
    return text[left.end : right.start] == " "


def is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"
