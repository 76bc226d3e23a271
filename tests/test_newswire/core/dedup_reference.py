"""A plain model of the near-duplicate decision (dicts of entries, buckets as lists), that the
compact ``NearIndex`` must decide exactly as (``test_near_index``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from newswire.core.dedup import BucketEntry, NearCandidate, NearDecision, NearKey
from newswire.core.dedup.entries import _near_decision, _similar_to

_Candidate = TypeVar("_Candidate", bound=NearCandidate)


def choose_original(
    entries: Iterable[_Candidate], packed: str, threshold: float
) -> _Candidate | None:
    """The earliest-published article similar enough to ``packed`` (ties: the smaller root,
    then the first found)."""
    is_similar = _similar_to(packed, threshold)
    matches = {e["id"]: e for e in entries if is_similar(e["sig"])}
    if not matches:
        return None
    return min(matches.values(), key=lambda e: (e["published_at"], e["root"]))


def decide_near(
    key: NearKey,
    bucket: Callable[[str], Iterable[BucketEntry]],
    threshold: float,
    position: int,
) -> NearDecision:
    """Near-duplicate decision for a new article at ``position`` in the one total order.

    Only entries added at an earlier position count, so replaying the same input over state
    that already holds later articles decides exactly as the first time.
    """
    candidates = [
        entry
        for band in key.keys
        for entry in bucket(band)
        if entry["seq"] < position and entry["id"] != key.article_id
    ]
    return _near_decision(key, choose_original(candidates, key.sig, threshold), position)
