"""The near-duplicate decision of one article at its position in the stage's total order.

One partition carries the stage: its offsets are one total order, the same on every replay,
so "earlier" is decided alike wherever and whenever articles are read (entries record the
position they were added at; only smaller positions count). An article decided before keeps
its decision (a replay, or a copy re-sent at a later position); an article is never a near
duplicate of itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from newswire.core.dedup.entries import BucketEntry
from newswire.core.dedup.near_index import NearIndex
from newswire.core.dedup.wire import NearKey


@dataclass(frozen=True, slots=True)
class NearStep:
    """What the near-duplicate stage does with one event that passed identity: decided by
    ``near_step`` without changing the index, applied to it (``apply``) once the event's
    outputs are made, so a handler that raises in between leaves no trace in it."""

    kind: Literal["new", "near", "revision"]
    near_duplicate_of: str | None  # the root it is a near duplicate of, for ``near``
    entry: BucketEntry | None  # stored under the article id; None: nothing to store
    forgotten: list[str]  # article ids whose entries fell out of the window
    newest: str | None = None  # the index's watermark after the event
    # What the index adds: the entry and its packed band keys (None: nothing new).
    added: tuple[BucketEntry, bytes | tuple[str, ...] | None] | None = None

    def apply(self, index: NearIndex) -> None:
        """Move ``index`` as the decision said."""
        if self.kind == "revision":
            return
        index.advance_to(self.newest)
        if self.added is not None:
            index.add(*self.added)


def near_step(index: NearIndex, key: NearKey, threshold: float, position: int) -> NearStep:
    """The near-duplicate decision for an article (``key``) at ``position`` in the stage's
    total order; changes nothing (``NearStep.apply`` does). A revision passes undecided: it
    keeps the place of its article among the others. Works on the key alone, never on the
    body, so the stage that must run on one partition stays cheap (``bench/near_ceiling.py``).
    """
    if key.revision > 1:
        return NearStep("revision", None, None, [])
    published_at = datetime.fromisoformat(key.published_at)
    newest = index.newest if key.implausible else index.moved_to(published_at)
    forgotten = index.forgotten_at(newest)
    entry = index.decided(key.article_id, newest)
    added: tuple[BucketEntry, bytes | tuple[str, ...] | None] | None = None
    if entry is not None and entry["sig"] == key.sig:
        # Decided before: a replay, or a copy an earlier stage sent again after a crash, at a
        # later position, where the articles that took this one as their root would make it
        # a near duplicate of itself. The first decision stands: re-emissions are identical.
        # (Its entry is written again: the first write may have gone with a failed batch.)
        root: str | None = entry["root"]
    else:
        decision = index.decide(key, threshold, position, newest)
        root = decision.original["root"] if decision.original is not None else None
        entry = None
        if key.implausible:  # kept (a replay decides alike), by the index's data time
            entry = {**decision.entry, "retained_at": newest or ""}
            added = (entry, None)
        elif not index.is_stale_at(published_at, newest):
            entry = decision.entry
            added = (entry, decision.packed_keys)
    # Its own root: a new article, or one matched (its entry forgotten) through its near
    # duplicates. Never a near duplicate of itself.
    if root == key.article_id:
        root = None
    return NearStep("near" if root else "new", root, entry, forgotten, newest, added)
