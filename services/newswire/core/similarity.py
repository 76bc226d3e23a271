"""Near-duplicate similarity: MinHash signatures over word shingles, banded for LSH.

Why MinHash and not SimHash: syndicated copies differ by a retitled headline, an added
attribution line or a few edited words; MinHash estimates the Jaccard similarity of shingle
sets directly, so the threshold in settings is a number an operator can read ("80% of word
triples shared"), and LSH banding turns "similar" into "shares a bucket key", which is what
lets a partitioned pipeline route candidates to the same place (see ``dedup``).

Cost: one-permutation hashing (one 64-bit hash per shingle, the minimum kept per bin, empty
bins filled from the next non-empty one) is linear in the body and needs no random
permutations; word hashes are blake2b, so signatures are the same on every worker and run.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from newswire.core.identity import normalise_text

SHINGLE_WORDS = 3
SIGNATURE_SIZE = 64
BANDS = 16
ROWS = SIGNATURE_SIZE // BANDS  # 4 rows a band: candidate curve's midpoint near Jaccard 0.5
_MASK = (1 << 64) - 1
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)
_EMPTY = _MASK

Signature = tuple[int, ...]


@lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def shingle_hashes(text: str) -> set[int]:
    """64-bit hashes of the word triples of the normalised text (one per distinct shingle)."""
    words = [_word_hash(w) for w in normalise_text(text).split()]
    if len(words) < SHINGLE_WORDS:
        return {(sum(words) * _MIX[0]) & _MASK} if words else set()
    a, b, c = _MIX
    return {
        ((x * a) ^ (y * b) ^ (z * c)) & _MASK
        for x, y, z in zip(words, words[1:], words[2:], strict=False)
    }


def signature(text: str) -> Signature:
    """One-permutation MinHash with densification; empty text gives an all-empty signature."""
    bins = [_EMPTY] * SIGNATURE_SIZE
    for value in shingle_hashes(text):
        index = value % SIGNATURE_SIZE
        rest = value // SIGNATURE_SIZE
        if rest < bins[index]:  # noqa: PLR1730 - cheaper than a min() call in this hot loop
            bins[index] = rest
    if all(v == _EMPTY for v in bins):
        return tuple(bins)
    # Densify: an empty bin borrows the next non-empty bin's value (rotation), so that
    # short texts still compare bin by bin.
    filled = list(bins)
    for i in range(SIGNATURE_SIZE):
        j = i
        while bins[j] == _EMPTY:
            j = (j + 1) % SIGNATURE_SIZE
        filled[i] = bins[j]
    return tuple(filled)


def similarity(left: Signature, right: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    if not left or left[0] == _EMPTY or right[0] == _EMPTY:
        return 0.0
    same = sum(1 for a, b in zip(left, right, strict=True) if a == b)
    return same / SIGNATURE_SIZE


def band_keys(sig: Signature) -> list[str]:
    """One bucket key a band; two texts that share any key are near-duplicate candidates."""
    if not sig or sig[0] == _EMPTY:
        return []
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=8, person=b"nw-band")
        keys.append(f"{band:02d}-{digest.hexdigest()}")
    return keys
