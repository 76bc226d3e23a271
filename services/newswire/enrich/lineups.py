"""People in line-ups and scorecards of English sports news, where names stand without a
role, a title or a speech verb.

The rules kept here:

- a line-up is a list of names, separated by commas, "and", or a note in brackets ("Ian
  Healy (captain), Michael Bevan, ..."); in a list of three items or more of which a third
  (and two at least) are people already found (named, or a surname of a person named in
  full), every other item shaped like a name is a person too ("Given, Breen, Staunton");
- in a cricket scorecard (a text with a batsman "not out") the fielder and the bowler
  follow "c", "st" and "b" ("c Vaas b Chandana 56", "lbw b Dharmasena 13"): the word after
  one of them is a person when a score or another of them follows it.

An item shaped like a name: one to four capitalised words joined by spaces (particles
inside), each a possible name word, none of an organisation's name, no place, no club.
Nothing here runs a Python step per token: lists are walked from the names already found,
scorecard marks found by one lookup a token.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import compress
from typing import NamedTuple

from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import CLUB_WORDS, NAME_PARTICLES, NOT_SURNAMES
from newswire.enrich.text import Mention, Tokens

_LIST_GAPS = frozenset({", ", ",\n", "; ", ";\n"})
_AND_GAPS = frozenset({" ", ", "})
_MAX_ITEM_WORDS = 4
_MAX_ITEMS = 40
_MIN_PEOPLE = 2
_PEOPLE_SHARE = 3  # at least one item in three is a person already found
_SCORE_MARKS = frozenset({"b", "c", "st"})  # bowled, caught, stumped
_NOT_OUT = "not out"

Span = tuple[int, int]


class Judge(NamedTuple):
    """What the line-up rules ask of a word: a possible name word (``name_word``), not of an
    organisation's name (``taken``), and of a phrase: not a place (``gazetteer``)."""

    name_word: Callable[[str], bool]
    gazetteer: Gazetteer
    taken: set[int]


def members(
    text: str, toks: Tokens, found: list[Mention], judge: Judge, *, recurring: bool
) -> list[Mention]:
    """Mentions of people in line-ups around the people ``found`` and in scorecards, not
    overlapping those found (``recurring``: their surnames stand alone too somewhere)."""
    surnames = {m.name.rsplit(maxsplit=1)[-1] for m in found if m.first < m.last}
    starts = [(m.first, m.last) for m in found if _may_be_listed(toks, m.first, m.last)]
    if recurring and surnames:
        starts = sorted({*starts, *_surnames_listed(toks, surnames)})
    # A batting scorecard has its unbeaten batsman: one search for a long needle is cheap
    # (a search for " b " cost more than all the rest here: spaces are everywhere).
    scorecard = _NOT_OUT in text
    if not starts and not scorecard:
        return []  # most articles: no person stands by a list's separator
    covered = {i for m in found for i in range(m.first, m.last + 1)}
    spans: list[Span] = []
    seen: set[int] = set()
    for first, last in starts:
        if first in seen:
            continue
        items = _list_around(toks, first, last)
        seen.update(range(items[0][0], items[-1][1] + 1))
        if _a_line_up(toks, items, covered, surnames):
            spans += [s for s in items if covered.isdisjoint(range(s[0], s[1] + 1))]
    if scorecard:
        spans += [(i, i) for i in _scorecard_names(toks) if i not in covered]
    out: list[Mention] = []
    for first, last in sorted(set(spans)):
        if _shaped_like_a_name(toks, first, last, judge):
            name = text[toks.starts[first] : toks.ends[last]]
            out.append(Mention(first, last, name, None))
            covered.update(range(first, last + 1))
    return out


def _surnames_listed(toks: Tokens, surnames: set[str]) -> list[Span]:
    """The surnames of people found standing alone by a list's separator (found by one
    lookup a capitalised word)."""
    texts, capitalised = toks.texts, toks.capitalised_at
    alone = compress(capitalised, map(surnames.__contains__, map(texts.__getitem__, capitalised)))
    return [(i, i) for i in alone if _may_be_listed(toks, i, i)]


def _may_be_listed(toks: Tokens, first: int, last: int) -> bool:
    """A separator of a list stands right after the words or before them: what most
    names in prose lack, told without walking the run ("Bevan, Healy"; "Bevan and")."""
    gaps, texts = toks.gaps_after, toks.texts
    after = gaps[last]
    if after in _LIST_GAPS or after[:2] == " (":
        return True
    if last + 1 < len(texts) and texts[last + 1] == "and" and after in _AND_GAPS:
        return True
    if first == 0:
        return False
    before = gaps[first - 1]
    return before in _LIST_GAPS or before[:1] == ")" or texts[first - 1] in ("and", "&")


def _a_line_up(toks: Tokens, items: list[Span], covered: set[int], surnames: set[str]) -> bool:
    if len(items) < _PEOPLE_SHARE:
        return False
    people = sum(
        1
        for first, last in items
        if not covered.isdisjoint(range(first, last + 1))
        or (first == last and toks.texts[first] in surnames)
    )
    return people >= _MIN_PEOPLE and people * _PEOPLE_SHARE >= len(items)


def _list_around(toks: Tokens, first: int, last: int) -> list[Span]:
    """The items of the list the words ``first..last`` stand in, in order (the item around
    them alone when they stand in no list)."""
    here = (_run_start(toks, first), _run_end(toks, last))
    before: list[Span] = []
    k = here[0]
    while len(before) < _MAX_ITEMS:
        end = _item_before(toks, k)
        if end is None:
            break
        k = _run_start(toks, end)
        before.append((k, end))
    after: list[Span] = []
    k = here[1]
    while len(after) < _MAX_ITEMS:
        start = _item_after(toks, k)
        if start is None:
            break
        k = _run_end(toks, start)
        after.append((start, k))
    return [*reversed(before), here, *after]


def _run_start(toks: Tokens, i: int) -> int:
    """The first word of the run of capitalised words (particles inside) ending at i."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    start = i
    while i - start < _MAX_ITEM_WORDS and start > 0 and gaps[start - 1] == " ":
        previous = start - 1
        if capitals[previous] or (
            texts[previous].lower() in NAME_PARTICLES and previous > 0 and capitals[previous - 1]
        ):
            start = previous
        else:
            break
    return start


def _run_end(toks: Tokens, i: int) -> int:
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    end = i
    while end - i < _MAX_ITEM_WORDS and end + 1 < len(texts) and gaps[end] == " ":
        following = end + 1
        if capitals[following] or (
            texts[following].lower() in NAME_PARTICLES
            and following + 1 < len(texts)
            and capitals[following + 1]
        ):
            end = following
        else:
            break
    return end


def _item_before(toks: Tokens, start: int) -> int | None:
    """The last word of the list's item before the one starting at ``start``, if any."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    k = start - 1
    if k < 0:
        return None
    if gaps[k] in _LIST_GAPS and capitals[k]:
        return k
    if texts[k] == "and" and gaps[k] == " " and k > 0 and gaps[k - 1] in _AND_GAPS:
        return k - 1 if capitals[k - 1] else None
    # A note in brackets after the item: "Ian Healy (captain), Michael Bevan"
    if _bracket_note(toks, k - 1) and capitals[k - 1]:
        return k - 1
    return None


def _item_after(toks: Tokens, end: int) -> int | None:
    """The first word of the list's item after the one ending at ``end``, if any."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    k = end + 1
    if k >= len(texts):
        return None
    if gaps[end] in _LIST_GAPS and capitals[k]:
        return k
    if gaps[end] in _AND_GAPS and texts[k] == "and" and gaps[k] == " ":
        return k + 1 if k + 1 < len(texts) and capitals[k + 1] else None
    if _bracket_note(toks, end) and k + 1 < len(texts) and capitals[k + 1]:
        return k + 1
    return None


def _bracket_note(toks: Tokens, end: int) -> bool:
    """After token ``end``: a one-word note in brackets, then a comma ("(captain), ")."""
    gaps = toks.gaps_after
    return (
        0 <= end < len(gaps) - 1
        and gaps[end] == " ("
        and not toks.capitals[end + 1]
        and gaps[end + 1] in ("), ", "),\n")
    )


def _scorecard_names(toks: Tokens) -> Iterator[int]:
    """Fielders and bowlers of a cricket scorecard: "c Vaas b Chandana 56"."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    count = len(texts)
    for i in compress(range(count), map(_SCORE_MARKS.__contains__, texts)):
        k = i + 1
        if k >= count or gaps[i] != " " or not capitals[k]:
            continue
        gap = gaps[k]
        scored = gap[:1] == " " and gap[1:2].isdigit()
        if scored or (gap == " " and k + 1 < count and texts[k + 1] in _SCORE_MARKS):
            yield k


def _shaped_like_a_name(toks: Tokens, first: int, last: int, judge: Judge) -> bool:
    texts = toks.texts
    words = [w for w in texts[first : last + 1] if w.lower() not in NAME_PARTICLES]
    if not words or not judge.taken.isdisjoint(range(first, last + 1)):
        return False
    if words[-1].lower() in NOT_SURNAMES or any(w.lower() in CLUB_WORDS for w in words):
        return False
    if not all(map(judge.name_word, words)):
        return False
    place = judge.gazetteer.place
    return place(" ".join(texts[first : last + 1])) is None and not any(
        place(w) is not None for w in words
    )
