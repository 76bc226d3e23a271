"""The held-out split of corpora that come without one (KazNERD, CoNLL++ development data).

A document goes to ``test`` (held out: the reported figure) or ``dev`` (to develop on) by a
hash of its raw tokens: the first 8 hex digits of SHA-256 of ``"<corpus>\\n"`` and its tokens
joined by single spaces, odd -> test, even -> dev. About half each; the same whatever order
the documents come in and whatever the detokeniser makes of them (its rules may change without
moving a document across the split); identical documents land together (no leak between the
halves). A split by position (first half / second half) would not do: both files are ordered
(CoNLL++ by day and desk, sports results together), so the halves would differ in kind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

DEV = "dev"
TEST = "test"


def split_of(corpus: str, tokens: Iterable[str]) -> str:
    key = corpus + "\n" + " ".join(tokens)
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return TEST if int(digest[:8], 16) % 2 else DEV
