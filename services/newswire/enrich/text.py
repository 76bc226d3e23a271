"""Tokens with positions, sentence starts and capitalisation: what every extractor shares."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, islice, repeat
from operator import itemgetter
from typing import NamedTuple, TypeVar, overload

# A word: a letter, then letters, digits, apostrophes, hyphens or dots inside (Díaz-Canel,
# primeminister.kz, O’Brien). Possessive endings are split off. Written as runs of word
# characters joined by single separators (possessive quantifiers: no backtracking), twice as
# fast as one alternation per character, and capturing: ``split`` yields the gaps too.
_WORD = re.compile(r"([^\W\d_][\w’']*+(?:[.\-–](?=\w)[\w’']*+)*+)")
_POSSESSIVE = ("’s", "'s")
_POSSESSIVE_LEN = 2
_SENTENCE_BREAK = frozenset('.!?\n:;"“«')

V = TypeVar("V")


class Token(NamedTuple):
    """One word, as a tuple: made on demand from the columns of ``Tokens``."""

    text: str
    start: int
    end: int
    sentence_start: bool  # first word of a sentence (capitalised for grammar, not meaning)
    lower: str
    capitalised: bool


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in the text (by the English rules or the Cyrillic ones)."""

    first: int  # token index of the name's first word
    last: int  # token index of the name's last word
    name: str
    role: str | None


class Tokens(Sequence[Token]):
    """The tokens of one text, held as columns: each made by one C-level pass over all the
    words (a split, maps, slices), no Python code and no object a word. The extractors read
    the columns, or ask of token i what they need (``sentence_start(i)``, ``lower(i)``); a
    ``Token`` is made only when indexed, for the few readers that want whole tokens."""

    __slots__ = ("capitalised_at", "capitals", "ends", "gaps_after", "starts", "texts")

    texts: list[str]  # token i's text
    starts: list[int]  # token i's start
    ends: list[int]  # token i's end
    # The text between token i and token i + 1 (after the last token: the rest of the text).
    gaps_after: list[str]
    capitals: list[bool]  # token i begins with a capital
    capitalised_at: list[int]  # the indexes of the capitalised tokens, in order

    def __init__(
        self, texts: list[str], starts: list[int], ends: list[int], gaps_after: list[str]
    ) -> None:
        self.texts = texts
        self.starts = starts
        self.ends = ends
        self.gaps_after = gaps_after
        self.capitals = list(map(str.isupper, map(_first, texts)))
        self.capitalised_at = list(compress(range(len(texts)), self.capitals))

    def sentence_start(self, i: int) -> bool:
        """Token i is the first word of a sentence: the first word, or after a break."""
        return i == 0 or _sentence_break_in[self.gaps_after[i - 1]]

    def lower(self, i: int) -> str:
        return self.texts[i].lower()

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.texts)))]
        i = range(len(self.texts))[i]  # from the end when negative; IndexError outside
        text = self.texts[i]
        return Token(
            text,
            self.starts[i],
            self.ends[i],
            self.sentence_start(i),
            text.lower(),
            self.capitals[i],
        )

    def __iter__(self) -> Iterator[Token]:
        return iter(self.listed())

    def listed(self) -> list[Token]:
        """Every token, made by C-level passes over the columns (no Python code a token)."""
        texts = self.texts
        if not texts:
            return []
        gaps_before = islice(self.gaps_after, len(texts) - 1)  # of tokens 1, 2, ...
        sentence_starts = chain((True,), map(_sentence_break_in.__getitem__, gaps_before))
        return list(
            map(
                tuple.__new__,  # Token's own __new__ is Python code; the tuples are the same
                repeat(Token),
                zip(
                    texts,
                    self.starts,
                    self.ends,
                    sentence_starts,
                    map(str.lower, texts),
                    self.capitals,
                    strict=True,
                ),
            )
        )


def tokens(text: str) -> Tokens:
    # Every step is one C-level pass over all the words (a split, slices, maps): no Python
    # code runs per word, which made this the costliest function of the core.
    parts = _WORD.split(text)  # gap, word, gap, word, ..., gap
    if len(parts) == 1:
        return Tokens([], [], [], [])
    if "’s" in text or "'s" in text:
        _split_possessives(parts)
    bounds = list(accumulate(map(len, parts)))  # where each part ends
    gaps = parts[2::2]
    if "\xa0" in text:  # a no-break space is a space to every rule («СВ\xa0— Вадимом»)
        gaps = [gap.replace("\xa0", " ") for gap in gaps]
    return Tokens(parts[1::2], bounds[:-1:2], bounds[1::2], gaps)


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


# The bounds of the extractors' memos of single words: an article's words mostly come back
# in the next ones, and longer "words" (URLs, runs of letters) rarely do.
WORDS_REMEMBERED = 1 << 16
LONGEST_WORD_REMEMBERED = 40


def word_memo(function: Callable[[str], V]) -> Memo[V]:
    """``Memo`` of a function of one word, within the word memos' bounds."""
    return Memo(function, limit=WORDS_REMEMBERED, longest=LONGEST_WORD_REMEMBERED)


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


def is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"
