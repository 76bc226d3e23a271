"""Tokens back into natural text, keeping where every token went.

KazNERD and CoNLL++ give one token a line, punctuation split off (``« Атырау »``, ``U.S. ,``).
The extractors read text as a reader writes it, so the tokens are joined back:

- no space before ``, . : ; ) ] } ! ? % » ” ’ … ...`` nor before English clitics (``'s``,
  ``n't``, ``'ve``...), nor before a token that begins with ``%`` (Kazakh ``%-ке``) or is a
  hyphenated suffix (``» -ға`` -> ``»-ға``);
- no space after ``( [ { « “ ‘``, nor after a currency symbol before a number (``$ 5`` ->
  ``$5``, ``C$``, ``US$``);
- a comma between a number and one or two digits is a decimal comma (KazNERD's ``5 , 3``
  -> ``5,3``);
- ``/`` joins its neighbours (``N / A`` -> ``N/A``, ``км / сағ``);
- straight quotes ``"`` pair up in a sentence, opening then closing. With an odd number, the
  first closes a quotation begun in an earlier sentence when it ends the sentence or follows
  ``, . ! ?`` (``cheat , " said Hill``), else it opens; the rest alternate. A bare ``'``
  after a word ending in s is a possessive (``players '``), before a number an elision
  (``' 91``), else a quote like ``"``;
- dashes and hyphens standing alone (``-``, ``--``, ``—``, ``–``) keep a space on each side
  (``CRICKET - LEICESTERSHIRE``); hyphenated words are single tokens already.

``detokenise`` returns the text and each token's ``(start, end)`` in it: a gold span over
tokens i..j is ``text[starts[i]:ends[j]]``.
"""

from __future__ import annotations

from collections.abc import Sequence

_NO_SPACE_BEFORE = frozenset(
    [",", ".", ":", ";", ")", "]", "}", "!", "?", "%", "»", "”", "’", "…", "...", ".."]
)
_CLITICS = frozenset(["'s", "'m", "'re", "'ve", "'ll", "'d", "n't"])
_NO_SPACE_AFTER = frozenset(["(", "[", "{", "«", "“", "‘"])
_JOINERS = frozenset(["/"])
_CLOSING_CONTEXT = frozenset([",", ".", "!", "?"])
_QUOTES = frozenset(['"', "'"])


def _is_clitic(piece: str) -> bool:
    return piece.lower() in _CLITICS


def _decimal_comma(tokens: Sequence[str], i: int) -> bool:
    """``5 , 3`` is 5,3: a comma between a number and one or two digits (KazNERD splits
    decimal commas off; a list of years, ``1994 , 1995``, keeps its space)."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    return tokens[i - 1].isdigit() and following.isdigit() and len(following) <= 2


def _apostrophe(tokens: Sequence[str], i: int) -> str | None:
    """A bare ``'`` that is no quote: "possessive" after a word ending in s (``players '``),
    "elision" before a number (``' 91``)."""
    if tokens[i] != "'":
        return None
    if i > 0 and tokens[i - 1][-1:] in ("s", "S"):
        return "possessive"
    if i + 1 < len(tokens) and tokens[i + 1][:1].isdigit():
        return "elision"
    return None


def _lone_quote_closes(tokens: Sequence[str], i: int) -> bool:
    """Whether the first straight quote of a sentence with an odd number of them closes a
    quotation begun in an earlier sentence: it does at the end of the sentence or after
    ``, . ! ?`` (``cheat , " said Hill``), not at its start or after ``:``."""
    if i == 0:
        return False
    return i == len(tokens) - 1 or tokens[i - 1] in _CLOSING_CONTEXT


def _quote_roles(tokens: Sequence[str], mark: str) -> dict[int, bool]:
    """For each straight quote ``mark``: True where it closes. In pairs, in order; with an
    odd number, the first is placed by ``_lone_quote_closes`` and the rest alternate."""
    where = [i for i, piece in enumerate(tokens) if piece == mark and not _apostrophe(tokens, i)]
    closes = bool(where) and len(where) % 2 == 1 and _lone_quote_closes(tokens, where[0])
    roles = {}
    for i in where:
        roles[i] = closes
        closes = not closes
    return roles


def _glue(tokens: Sequence[str]) -> list[tuple[bool, bool]]:
    """For every token: (no space before it, no space after it)."""
    out: list[tuple[bool, bool]] = []
    roles = _quote_roles(tokens, '"') | _quote_roles(tokens, "'")
    for i, piece in enumerate(tokens):
        before = (
            piece in _NO_SPACE_BEFORE
            or _is_clitic(piece)
            or piece.startswith("%")
            or (piece[:1] == "-" and piece[1:2].isalpha())  # a case suffix: «КОВИД-19»-ға
        )
        after = piece in _NO_SPACE_AFTER
        if piece in _JOINERS:
            before = after = True
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if piece == "," and _decimal_comma(tokens, i):
            before = after = True
        if piece.endswith("$") and following[:1].isdigit():
            after = True
        apostrophe = _apostrophe(tokens, i)
        if apostrophe == "possessive":
            before = True  # "the players' union"
        elif apostrophe == "elision":
            after = True  # "'91"
        elif piece in _QUOTES:
            before, after = (True, False) if roles[i] else (False, True)
        out.append((before, after))
    return out


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The text of one sentence's tokens, and each token's (start, end) in it."""
    glue = _glue(tokens)
    parts: list[str] = []
    positions: list[tuple[int, int]] = []
    length = 0
    for i, piece in enumerate(tokens):
        if i > 0 and not glue[i][0] and not glue[i - 1][1]:
            parts.append(" ")
            length += 1
        positions.append((length, length + len(piece)))
        parts.append(piece)
        length += len(piece)
    return "".join(parts), positions
