"""Organisations: runs of capitalised words around an organisation head (``Ministry of
Transport of Kazakhstan``, ``Shanghai Cooperation Organisation``), acronyms (``BRICS``), and
names introduced as companies (``the Chinese company Hunan Junxin Environmental Protection``,
``companies such as Toyota, Hitachi``)."""

from __future__ import annotations

import re
from itertools import compress

from newswire.core.models import Organization
from newswire.enrich.document import ORGANIZATION_TOKENS, ORGANIZATIONS, Document, Findings
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import ORG_HEADS, ROLE_ACRONYMS, ROLE_HEADS, ROLE_MODIFIERS
from newswire.enrich.text import Memo, Token, Tokens, is_cyrillic

_MAX_ORG_WORDS = 12
_NAME = r"[A-Z][\w&\-]*(?: [A-Z][\w&\-]*)*"
_COMPANY_LIST = re.compile(
    rf"\bcompan(?:y|ies)(?: such as| including| like)? ((?:{_NAME})(?:(?:, | and |, and ){_NAME})*)"
)
_LIST_SEPARATOR = re.compile(r", and |, | and ")


def _phrase_tokens(toks: Tokens, i: int) -> tuple[int, int]:
    """Indexes of the capitalised phrase around token i, through "of", "for", "and", "the"."""
    first = i
    # An English organisation name inside Cyrillic text ends where the Cyrillic words begin
    # ("Премьер-министр Олжас Бектенов Жапонияның Mitsubishi Corporation").
    script = is_cyrillic(toks[i].text)
    gaps = toks.gaps_after
    while first > 0 and gaps[first - 1] == " ":
        previous = toks[first - 1]
        if (
            previous.capitalised
            and is_cyrillic(previous.text) == script
            and previous.lower not in ROLE_HEADS
            and previous.lower not in (ROLE_MODIFIERS)
        ):
            first -= 1
        else:
            break
    last = i
    # Inside a role ("President of the Chamber of Commerce Rashid Lindqvist") the capitalised
    # words right after the name are the person's: only "of ..." continues the organisation.
    in_role = _inside_role(toks, first)
    while last + 1 < len(toks) and last - first < _MAX_ORG_WORDS:
        following = toks[last + 1]
        if gaps[last] != " ":
            break
        if is_cyrillic(following.text) != script:
            break
        if following.capitalised and not following.sentence_start and not in_role:
            last += 1
            continue
        # "of Transport", "for Peace", "and Sports" (not "and the Ministry": a second name).
        after = toks[last + 2] if last + 2 < len(toks) else None
        if (
            following.lower in ("of", "for", "and")
            and after is not None
            and after.capitalised
            and gaps[last + 1] == " "
        ):
            last += 2
            continue
        if following.lower == "of" and after is not None and after.lower == "the":
            beyond = toks[last + 3] if last + 3 < len(toks) else None
            if beyond is not None and beyond.capitalised:
                last += 3
                continue
        break
    if toks[first].lower == "the":
        first += 1
    return first, last


def _inside_role(toks: list[Token], first: int) -> bool:
    """The organisation is the object of a role: "President of the European Council"."""
    k = first - 1
    while k >= 0 and toks[k].lower in ("the", "of"):
        k -= 1
    return 0 <= k < first - 1 and toks[k].lower in ROLE_HEADS


def _may_be_head_or_acronym(word: str) -> bool:
    return word.lower() in ORG_HEADS or word.isupper()


_candidate_word = Memo(_may_be_head_or_acronym, limit=1 << 16, longest=40)


def _candidates(toks: Tokens) -> list[int]:
    """Indexes of the tokens that may be an organisation's head or an acronym: the loop that
    judges them visits these few only (found by a lookup a word, no Python code a word)."""
    return list(compress(range(len(toks)), map(_candidate_word.__getitem__, toks.texts)))


def organizations(
    text: str, toks: Tokens, gazetteer: Gazetteer
) -> tuple[list[Organization], set[int]]:
    """Organisations in order of mention, and the indexes of the tokens their names cover."""
    names: dict[str, None] = {}
    covered: set[int] = set()
    for i in _candidates(toks):
        token = toks[i]
        if token.lower in ORG_HEADS and token.capitalised:
            first, last = _phrase_tokens(toks, i)
            if last > first or toks[first].lower != token.lower:  # a head alone is no name
                names.setdefault(text[toks[first].start : toks[last].end], None)
                covered.update(range(first, last + 1))
        elif (
            token.text.isupper()
            and 2 <= len(token.text) <= 12
            and token.text.isalpha()
            and token.text not in ROLE_ACRONYMS
            and gazetteer.place(token.text) is None
            and token.text not in gazetteer.currency_codes
        ):
            names.setdefault(token.text, None)
            covered.add(i)
    if "compan" in text:  # the company lists' pattern is costly: most texts have none
        _company_lists(text, toks, names, covered)
    return [Organization(name=n) for n in outermost(names)], covered


def _company_lists(text: str, toks: list[Token], names: dict[str, None], covered: set[int]) -> None:
    """Names introduced as companies ("companies such as Toyota, Hitachi"), added to
    ``names`` and their tokens to ``covered``."""
    starts = {t.start: i for i, t in enumerate(toks)}
    for match in _COMPANY_LIST.finditer(text):
        offset = match.start(1)
        for name in _LIST_SEPARATOR.split(match.group(1)):
            position = text.index(name, offset)
            offset = position + len(name)
            if name and name.lower() not in ("others", "the"):
                names.setdefault(name, None)
                first_token = starts.get(position)
                if first_token is not None:
                    covered.update(_ending_by(toks, first_token, offset))


def _ending_by(toks: list[Token], first: int, offset: int) -> range:
    """The tokens from ``first`` on that end by ``offset`` (tokens end in increasing order)."""
    last = first
    while last < len(toks) and toks[last].end <= offset:
        last += 1
    return range(first, last)


def outermost(names: dict[str, None]) -> list[str]:
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
    found, covered = organizations(doc.body, doc.tokens, doc.gazetteer)
    return Findings().found(ORGANIZATIONS, found).claiming(ORGANIZATION_TOKENS, covered)
