"""Organisations: runs of capitalised words around an organisation head (``Ministry of
Transport of Kazakhstan``, ``Shanghai Cooperation Organisation``), acronyms (``BRICS``), and
names introduced as companies (``the Chinese company Hunan Junxin Environmental Protection``,
``companies such as Toyota, Hitachi``), and teams named by their town in results and fixtures
(``Kent 108-3``, ``v Durham``, ``BALTIMORE AT SEATTLE``).

An acronym is a word in capitals that is no place, currency or role (CEO), and, in a line in
capitals (a headline, a table's heading: ``SOCCER - JAPAN BEAT SYRIA``), no English word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from functools import lru_cache
from itertools import compress

from newswire.core.models import Organization
from newswire.enrich import cyrillic_organizations
from newswire.enrich.document import (
    ORGANIZATION_TOKENS,
    ORGANIZATIONS,
    Document,
    Findings,
    MentionOf,
)
from newswire.enrich.gazetteer import Gazetteer, Place
from newswire.enrich.lexicon import ORG_HEADS, ROLE_ACRONYMS, ROLE_HEADS, ROLE_MODIFIERS
from newswire.enrich.text import Memo, Tokens, is_cyrillic, word_memo

_MAX_ORG_WORDS = 12
_NAME = r"[A-Z][\w&\-]*(?: [A-Z][\w&\-]*)*"
_COMPANY_LIST = re.compile(
    rf"\bcompan(?:y|ies)(?: such as| including| like)? ((?:{_NAME})(?:(?:, | and |, and ){_NAME})*)"
)
_LIST_SEPARATOR = re.compile(r", and |, | and ")


def _phrase_tokens(toks: Tokens, i: int) -> tuple[int, int]:
    """Indexes of the capitalised phrase around token i, through "of", "for", "and", "the"."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    count = len(texts)
    first = i
    # An English organisation name inside Cyrillic text ends where the Cyrillic words begin
    # ("Премьер-министр Олжас Бектенов Жапонияның Mitsubishi Corporation").
    script = is_cyrillic(texts[i])
    while first > 0 and gaps[first - 1] == " ":
        previous = texts[first - 1]
        if (
            capitals[first - 1]
            and is_cyrillic(previous) == script
            and previous.lower() not in ROLE_HEADS
            and previous.lower() not in (ROLE_MODIFIERS)
        ):
            first -= 1
        else:
            break
    last = i
    # Inside a role ("President of the Chamber of Commerce Rashid Lindqvist") the capitalised
    # words right after the name are the person's: only "of ..." continues the organisation.
    in_role = _inside_role(toks, first)
    while last + 1 < count and last - first < _MAX_ORG_WORDS:
        following = texts[last + 1]
        if gaps[last] != " ":
            break
        if is_cyrillic(following) != script:
            break
        # (A word after a single space never starts a sentence.)
        if capitals[last + 1] and not in_role:
            last += 1
            continue
        # "of Transport", "for Peace", "and Sports" (not "and the Ministry": a second name).
        joiner = following.lower()
        if (
            joiner in ("of", "for", "and")
            and last + 2 < count
            and capitals[last + 2]
            and gaps[last + 1] == " "
        ):
            last += 2
            continue
        if (
            joiner == "of"
            and last + 2 < count
            and texts[last + 2].lower() == "the"
            and last + 3 < count
            and capitals[last + 3]
        ):
            last += 3
            continue
        break
    if texts[first].lower() == "the":
        first += 1
    return first, last


def _inside_role(toks: Tokens, first: int) -> bool:
    """The organisation is the object of a role: "President of the European Council"."""
    texts = toks.texts
    k = first - 1
    while k >= 0 and texts[k].lower() in ("the", "of"):
        k -= 1
    return 0 <= k < first - 1 and texts[k].lower() in ROLE_HEADS


def _may_be_head_or_acronym(word: str) -> bool:
    return word.lower() in ORG_HEADS or word.isupper()


_candidate_word = word_memo(_may_be_head_or_acronym)


def _candidates(toks: Tokens) -> list[int]:
    """Indexes of the tokens that may be an organisation's head or an acronym: the loop that
    judges them visits these few only (found by a lookup a word, no Python code a word)."""
    return list(compress(range(len(toks)), map(_candidate_word.__getitem__, toks.texts)))


def organizations(
    text: str,
    toks: Tokens,
    gazetteer: Gazetteer,
    mention: MentionOf | None = None,
    *,
    language: str | None = None,
) -> tuple[list[Organization], set[int]]:
    """Organisations in order of mention, and the indexes of the tokens their names cover.
    ``mention``: the provenance of a span of ``text``; given, each carries its mentions."""
    names: dict[str, list[tuple[int, int]]] = {}
    covered: set[int] = set()
    lines: dict[int, bool] = {}  # a line's start -> whether it is in capitals
    texts, starts, ends, capitals = toks.texts, toks.starts, toks.ends, toks.capitals
    for i in _candidates(toks):
        word = texts[i]
        lower = word.lower()
        if lower in ORG_HEADS and capitals[i]:
            first, last = _phrase_tokens(toks, i)
            if last > first or texts[first].lower() != lower:  # a head alone is no name
                span = (starts[first], ends[last])
                names.setdefault(text[span[0] : span[1]], []).append(span)
                covered.update(range(first, last + 1))
        elif _acronym(word, gazetteer) and not _shouted_word(
            word, starts[i], text, gazetteer, lines
        ):
            names.setdefault(word, []).append((starts[i], ends[i]))
            covered.add(i)
    _teams(text, toks, gazetteer, names, covered)
    covered |= cyrillic_organizations.organizations(text, toks, language, names, gazetteer)
    if "compan" in text:  # the company lists' pattern is costly: most texts have none
        _company_lists(text, toks, names, covered)
    kept = outermost(names)
    if mention is None:
        return [Organization(name=n) for n in kept], covered
    return [  # validated: pydantic's core (Rust) costs less than model_construct (Python)
        Organization(name=name, mentions=[mention(*span) for span in names[name]]) for name in kept
    ], covered


def _acronym(word: str, gazetteer: Gazetteer) -> bool:
    return (
        word.isupper()
        and 2 <= len(word) <= _LONGEST_ACRONYM
        and word.isalpha()
        and word not in ROLE_ACRONYMS
        and gazetteer.place(word) is None
        and word not in gazetteer.currency_codes
    )


_LONGEST_ACRONYM = 12
_WORD_IN_CAPITALS = re.compile(r"\b[^\W\d_]{2,}\b")
_SHOUTED_SHARE = 0.6  # of a line's words in capitals: a headline or a heading
_ENGLISH_WORD_ZIPF = 3.0  # "BEAT", "LATEST", "CRICKET"; not "UEFA", "OSCE"


def _shouted_word(
    word: str, start: int, text: str, gazetteer: Gazetteer, lines: dict[int, bool]
) -> bool:
    """An English word in a line in capitals: a headline's or a heading's word
    ("SOCCER - JAPAN BEAT SYRIA", "W L PCT GB"), no acronym."""
    if gazetteer.frequency(word.lower()) < _ENGLISH_WORD_ZIPF:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    shouted = lines.get(line_start)
    if shouted is None:
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        words = _WORD_IN_CAPITALS.findall(line)
        shouted = sum(map(str.isupper, words)) >= _SHOUTED_SHARE * len(words)
        lines[line_start] = shouted
    return shouted


# A team's town: before a score ("Kent 108-3", "CALIFORNIA 14"), either side of "v", before
# "AT" in a fixture list (the venue is after it). Not a dateline's year ("CHICAGO 1996-08-31").
_SCORE = re.compile(r" \d{1,3}(?![\d:.,])")
_VERSUS = frozenset({"v", "vs"})
_VISITING = frozenset({"v", "vs", "AT"})
_TEAM_KINDS = frozenset({"city", "region", "capital"})


@lru_cache(maxsize=4)
def _may_begin_town(gazetteer: Gazetteer) -> Memo[bool]:
    """Whether a capitalised word is a town or begins a place's name: the few words the
    team rule looks at (a lookup a word)."""

    def begins(word: str) -> bool:  # Latin script: the agencies' results tables
        if is_cyrillic(word):
            return False
        return word.lower() in gazetteer.first_words or _is_town(gazetteer.place(word))

    return word_memo(begins)


def _is_town(place: Place | None) -> bool:
    return place is not None and place.kind in _TEAM_KINDS


def _teams(
    text: str,
    toks: Tokens,
    gazetteer: Gazetteer,
    names: dict[str, list[tuple[int, int]]],
    covered: set[int],
) -> None:
    """Towns named as teams, added to ``names`` and their tokens to ``covered``."""
    texts, gaps, starts, ends = toks.texts, toks.gaps_after, toks.starts, toks.ends
    capitalised = toks.capitalised_at
    begins = map(_may_begin_town(gazetteer).__getitem__, map(texts.__getitem__, capitalised))
    for i in compress(capitalised, begins):
        versus = i > 0 and gaps[i - 1] == " " and texts[i - 1] in _VERSUS
        if not (versus or _scored_or_visiting(toks, i) or _scored_or_visiting(toks, i + 1)):
            continue  # no team, whatever town ends at i or i + 1: most are not looked up
        last = _town_end(text, toks, i, gazetteer)
        if last is None or not covered.isdisjoint(range(i, last + 1)):
            continue
        if versus or _scored_or_visiting(toks, last):
            name = text[starts[i] : ends[last]]
            names.setdefault(name, []).append((starts[i], ends[last]))
            covered.update(range(i, last + 1))


def _scored_or_visiting(toks: Tokens, last: int) -> bool:
    """A score follows token ``last`` ("Kent 108-3"), or "v" or "AT" after a space."""
    texts, gaps = toks.texts, toks.gaps_after
    if last >= len(texts):
        return False
    return _SCORE.match(gaps[last]) is not None or (
        last + 1 < len(texts) and gaps[last] == " " and texts[last + 1] in _VISITING
    )


def _town_end(text: str, toks: Tokens, i: int, gazetteer: Gazetteer) -> int | None:
    """The last token of the town of one or two words from token ``i`` (NEW YORK, Kent)."""
    starts, ends = toks.starts, toks.ends
    if (
        i + 1 < len(toks)
        and toks.gaps_after[i] == " "
        and toks.capitals[i + 1]
        and _is_town(gazetteer.place(text[starts[i] : ends[i + 1]]))
    ):
        return i + 1
    return i if _is_town(gazetteer.place(toks.texts[i])) else None


def _company_lists(
    text: str, toks: Tokens, names: dict[str, list[tuple[int, int]]], covered: set[int]
) -> None:
    """Names introduced as companies ("companies such as Toyota, Hitachi"), added to
    ``names`` and their tokens to ``covered``."""
    starts = {start: i for i, start in enumerate(toks.starts)}
    for match in _COMPANY_LIST.finditer(text):
        offset = match.start(1)
        for name in _LIST_SEPARATOR.split(match.group(1)):
            position = text.index(name, offset)
            offset = position + len(name)
            if name and name.lower() not in ("others", "the"):
                names.setdefault(name, []).append((position, offset))
                first_token = starts.get(position)
                if first_token is not None:
                    covered.update(_ending_by(toks, first_token, offset))


def _ending_by(toks: Tokens, first: int, offset: int) -> range:
    """The tokens from ``first`` on that end by ``offset`` (tokens end in increasing order)."""
    return range(first, bisect_right(toks.ends, offset, first))


def outermost(names: Collection[str]) -> list[str]:
    """The names not inside a longer one found too ("Bank" in "World Bank"), in order."""
    kept: list[str] = []
    for name in names:
        for other in names:
            if name != other and name in other:
                break
        else:
            kept.append(name)
    return kept


def extract(doc: Document) -> Findings:
    """Organisations, claiming the tokens of their names."""
    found, covered = organizations(
        doc.text, doc.tokens, doc.gazetteer, doc.mention, language=doc.language
    )
    return Findings().found(ORGANIZATIONS, found).claiming(ORGANIZATION_TOKENS, covered)
