"""Tokens with positions, sentence starts and capitalisation: what every extractor shares."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import NamedTuple, TypeVar

# A word: a letter, then letters, digits, apostrophes, hyphens or dots inside (Díaz-Canel,
# primeminister.kz, O’Brien). Possessive endings are split off. Written as runs of word
# characters joined by single separators (possessive quantifiers: no backtracking), twice as
# fast as one alternation per character, and capturing: ``split`` yields the gaps too.
_WORD = re.compile(r"([^\W\d_][\w’']*+(?:[.\-–](?=\w)[\w’']*+)*+)")
_POSSESSIVE = ("’s", "'s")
_POSSESSIVE_LEN = 2
_SENTENCE_BREAK = frozenset('.!?\n:;"“«')

V = TypeVar("V")


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


class Tokens(list[Token]):
    """The tokens of one text, and columns of them that several extractors scan, made once
    with the tokens (the words and their lower case are made anyway). Read through ``map``,
    ``compress`` or a lookup, a column runs no Python code per word."""

    __slots__ = ("capitalised_at", "gaps_after", "lowers", "starts", "texts")

    texts: list[str]  # token i's text
    lowers: list[str]  # token i's lower case
    starts: list[int]  # token i's start
    # The text between token i and token i + 1 (after the last token: the rest of the text).
    gaps_after: list[str]
    capitalised_at: list[int]  # the indexes of the capitalised tokens, in order

    def __init__(
        self,
        items: Iterable[Token] = (),
        *,
        texts: list[str],
        lowers: list[str],
        starts: list[int],
        gaps_after: list[str],
        capitalised_at: list[int],
    ) -> None:
        super().__init__(items)
        self.texts = texts
        self.lowers = lowers
        self.starts = starts
        self.gaps_after = gaps_after
        self.capitalised_at = capitalised_at


def tokens(text: str) -> Tokens:
    # Every step is one C-level pass over all the words (a split, maps, a zip): no Python code
    # runs per word, which made this the costliest function of the core.
    parts = _WORD.split(text)  # gap, word, gap, word, ..., gap
    if len(parts) == 1:
        return Tokens(texts=[], lowers=[], starts=[], gaps_after=[], capitalised_at=[])
    if "’s" in text or "'s" in text:
        _split_possessives(parts)
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts)))  # where each part ends
    starts = bounds[:-1:2]
    sentence_starts = list(map(_sentence_break_in.__getitem__, parts[:-1:2]))
    sentence_starts[0] = True
    lowers = list(map(str.lower, words))
    capitalised = list(map(str.isupper, map(_first, words)))
    return Tokens(
        map(
            tuple.__new__,  # Token's own __new__ is Python code; the tuples are the same
            repeat(Token),
            zip(words, starts, bounds[1::2], sentence_starts, lowers, capitalised, strict=True),
        ),
        texts=words,
        lowers=lowers,
        starts=starts,
        gaps_after=parts[2::2],
        capitalised_at=list(compress(range(len(words)), capitalised)),
    )


def _split_possessives(parts: list[str]) -> None:
    """Moves possessive endings from the words ("Kazakhstan's") to the gaps after them."""
    for i in range(1, len(parts), 2):
        word = parts[i]
        if len(word) > _POSSESSIVE_LEN + 1 and word.endswith(_POSSESSIVE):
            parts[i] = word[:-_POSSESSIVE_LEN]
            parts[i + 1] = word[-_POSSESSIVE_LEN:] + parts[i + 1]


class Memo(dict[str, V]):
    """A pure function's results by argument, read as ``memo[argument]``: a dict lookup, as
    cheap as it gets in a ``map`` over every word. Bounded whatever the input: only arguments
    of at most ``longest`` characters are kept, and at most ``limit`` of them."""

    def __init__(self, function: Callable[[str], V], *, limit: int, longest: int) -> None:
        super().__init__()
        self.function = function
        self.limit = limit
        self.longest = longest

    def __missing__(self, key: str) -> V:
        value = self.function(key)
        if len(key) <= self.longest and len(self) < self.limit:
            self[key] = value
        return value


def _breaks_sentence(gap: str) -> bool:
    return not _SENTENCE_BREAK.isdisjoint(gap)


# Most gaps between words are a handful of strings (" ", ", ", ". ", "\n"): a lookup is
# cheaper than scanning each one.
_sentence_break_in = Memo(_breaks_sentence, limit=10_000, longest=8)
_first = itemgetter(0)


def tokens_within(toks: Tokens, spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the tokens that start inside any of the character spans."""
    starts = toks.starts
    inside: set[int] = set()
    for begin, end in spans:
        inside.update(range(bisect_left(starts, begin), bisect_left(starts, end)))
    return inside


def joined_by_space(text: str, left: Token, right: Token) -> bool:
    """The two tokens are adjacent words of one phrase (only spaces between them)."""
    return text[left.end : right.start] == " "


def is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"
