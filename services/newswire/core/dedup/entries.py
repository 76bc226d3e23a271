"""What the near-duplicate stage stores per article, and how two articles are compared.

``near``: a new article whose body's estimated Jaccard similarity (8-bit MinHash over word
triples, ``core.similarity``) to an article seen before is at least the threshold: published
(it is a distinct article) with ``near_duplicate_of`` = the earliest published of those
articles' roots (ties: the smaller root id).
"""

from __future__ import annotations

import binascii
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from newswire.core.dedup.wire import NearKey
from newswire.core.similarity import SIGNATURE_SIZE

NEWEST_KEY = "~newest"  # the key under which a stored NearIndex keeps its watermark


MAX_BUCKET_ENTRIES = 32


_BBIT_CHANCE = 1 / 256  # two unrelated 8-bit minima agree by chance this often


class NearCandidate(TypedDict):
    """An article as near-duplicate detection compares it."""

    id: str  # article id
    published_at: str  # ``utc_text``
    root: str  # the earliest article it is a near duplicate of (itself when none)
    sig: str  # ``pack_signature``


class BucketEntry(NearCandidate):
    """What the near-duplicate stage stores per article id (``NearIndex.entries``)."""

    seq: int  # its position in the stage's total order
    keys: list[str]  # its band keys: the buckets it is found in
    # Only for an article with an implausible time: kept by this data time (as in
    # ``ArticleRecord``), in no bucket, so it is never another article's original.
    retained_at: NotRequired[str]


def _signature_bins(packed: str) -> bytes:
    """The bins of a ``pack_signature`` (``base64.b64decode`` without its Python wrapper)."""
    return binascii.a2b_base64(packed)


def _bins_similarity(a: bytes, b: bytes) -> float:
    if len(a) != len(b):
        raise ValueError(f"signatures of {len(a)} and {len(b)} bins")
    # Equal bins XOR to a zero byte: one XOR of the whole signatures as integers, in C.
    same = (int.from_bytes(a, "little") ^ int.from_bytes(b, "little")).to_bytes(len(a), "little")
    agree = same.count(0) / SIGNATURE_SIZE
    return max(0.0, (agree - _BBIT_CHANCE) / (1 - _BBIT_CHANCE))


def _similar_to(packed: str, threshold: float) -> Callable[[str], bool]:
    """Whether a packed signature is similar enough to ``packed``. The answer for each
    signature is kept: an article found in several buckets is compared once."""
    bins = _signature_bins(packed)
    similar: dict[str, bool] = {}

    def is_similar(sig: str) -> bool:
        known = similar.get(sig)
        if known is None:
            known = similar[sig] = _bins_similarity(_signature_bins(sig), bins) >= threshold
        return known

    return is_similar


def new_bucket_entry(key: NearKey, original: NearCandidate | None) -> NearCandidate:
    return {
        "id": key.article_id,
        "published_at": key.published_at,
        "root": original["root"] if original else key.article_id,
        "sig": key.sig,
    }


@dataclass(frozen=True, slots=True)
class NearDecision:
    original: BucketEntry | None  # the earliest similar article seen before, if any
    entry: BucketEntry  # what NearIndex.add stores once the event is published
    # The entry's band keys as ``NearIndex`` packs them, when it decided: ``add`` takes them
    # as they are instead of packing the same keys again.
    packed_keys: bytes | tuple[str, ...] | None = field(default=None, compare=False, repr=False)


def _near_decision(
    key: NearKey,
    original: BucketEntry | None,
    position: int,
    packed_keys: bytes | tuple[str, ...] | None = None,
) -> NearDecision:
    made = new_bucket_entry(key, original)
    entry: BucketEntry = {
        "id": made["id"],
        "published_at": made["published_at"],
        "root": made["root"],
        "sig": made["sig"],
        "seq": position,
        "keys": list(key.keys),
    }
    return NearDecision(original, entry, packed_keys)
