"""Near-duplicate similarity: MinHash signatures over word shingles, banded for LSH.

Why MinHash and not SimHash: syndicated copies differ by a retitled headline, an added
attribution line or a few edited words; MinHash estimates the Jaccard similarity of shingle
sets directly, so the threshold in settings is a number an operator can read ("80% of word
triples shared"), and LSH banding turns "similar" into "shares a bucket key", which is what
lets a partitioned pipeline route candidates to the same place (see ``dedup``).

Cost: one-permutation hashing (one 64-bit hash per shingle, the minimum kept per bin, empty
bins filled from the next non-empty one) is linear in the body and needs no random
permutations; word hashes are blake2b, so signatures are the same on every worker and run.
Signatures and band keys are stored in changelogs and compared across workers and versions:
they must never change (``tests/test_newswire/core/test_similarity.py`` pins them).
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from collections.abc import Sequence

from newswire.core.identity import chunk_words, folded_chunks

SHINGLE_WORDS = 3
SIGNATURE_SIZE = 64
BANDS = 16
ROWS = SIGNATURE_SIZE // BANDS  # 4 rows a band: candidate curve's midpoint near Jaccard 0.5
_MASK = (1 << 64) - 1
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)
_EMPTY = _MASK
_BIN_BITS = SIGNATURE_SIZE.bit_length() - 1  # a power of two: bin = low bits, rest = the others
_BIN_OF = SIGNATURE_SIZE - 1
_UNSET = _EMPTY << _BIN_BITS  # above every 64-bit shingle hash; shifted, it is _EMPTY
_BAND_HASH = hashlib.blake2b(digest_size=8, person=b"nw-band")
_BAND_PREFIXES = [f"{band:02d}-" for band in range(BANDS)]
_BAND_TEXT = ("(" + ", ".join(["%d"] * ROWS) + ")").encode()  # repr() of a tuple of ROWS ints
_CACHED_CHUNKS = 1 << 16

Signature = tuple[int, ...]
# The words of a text as three "lanes": for each shingle position k, the products
# (x * _MIX[k]) mod 2**64 of its word hashes x, packed as native 64-bit integers. Packed, the
# XOR of a whole text's shingles is three int.from_bytes and two big-int XORs (in C), not a
# Python operation per word.
_Lanes = tuple[bytes, bytes, bytes]
_LANE_BYTES = 8
_ORDER = sys.byteorder  # the order array("Q") and memoryview.cast("Q") use


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _lanes(hashes: list[int]) -> _Lanes:
    a, b, c = _MIX
    return (
        array("Q", [(x * a) & _MASK for x in hashes]).tobytes(),
        array("Q", [(x * b) & _MASK for x in hashes]).tobytes(),
        array("Q", [(x * c) & _MASK for x in hashes]).tobytes(),
    )


class _ChunkLanes(dict[str, _Lanes]):
    """Memo: a whitespace-separated chunk of folded text -> the lanes of its words.

    Keyed by chunk, not word, so the per-word normalising and hashing run once per distinct
    chunk ("said," and "said" are two keys) and a body's lookups stay in C (``map``). Emptied
    when full: a bound on memory that changes no result.
    """

    def __missing__(self, chunk: str) -> _Lanes:
        if len(self) >= _CACHED_CHUNKS:
            self.clear()
        lanes = self[chunk] = _lanes([_word_hash(word) for word in chunk_words(chunk)])
        return lanes


_CHUNK_LANES = _ChunkLanes()


def _text_lanes(text: str) -> _Lanes:
    """The lanes of the words of ``normalise_text(text)``, in order."""
    chunks = folded_chunks(text)
    if not chunks:
        return b"", b"", b""
    a, b, c = map(b"".join, zip(*map(_CHUNK_LANES.__getitem__, chunks), strict=True))
    return a, b, c


def _shingle_values(text: str) -> Sequence[int]:
    """The 64-bit hash of each word triple, repeats included; one value for 1-2 words."""
    a, b, c = _text_lanes(text)
    words = len(a) // _LANE_BYTES
    if words < SHINGLE_WORDS:
        hashes = [_word_hash(w) for chunk in folded_chunks(text) for w in chunk_words(chunk)]
        return [(sum(hashes) * _MIX[0]) & _MASK] if hashes else []
    # (x*a ^ y*b ^ z*c) mod 2**64 is the XOR of the products taken mod 2**64 each, and an
    # XOR of packed lanes is the lanes' XORs: shift b by one word and c by two, XOR at once.
    width = len(a) - 2 * _LANE_BYTES
    mixed = (
        int.from_bytes(a[:width], _ORDER)
        ^ int.from_bytes(b[_LANE_BYTES : _LANE_BYTES + width], _ORDER)
        ^ int.from_bytes(c[2 * _LANE_BYTES :], _ORDER)
    )
    return memoryview(mixed.to_bytes(width, _ORDER)).cast("Q")


def shingle_hashes(text: str) -> set[int]:
    """64-bit hashes of the word triples of the normalised text (one per distinct shingle)."""
    return set(_shingle_values(text))


def signature(text: str) -> Signature:
    """One-permutation MinHash with densification; empty text gives an all-empty signature."""
    # Within a bin (the low bits), the smallest hash has the smallest rest (the high bits):
    # keep whole hashes, shift once at the end. Repeated shingles cannot change a minimum.
    smallest = [_UNSET] * SIGNATURE_SIZE
    for value in _shingle_values(text):
        index = value & _BIN_OF
        if value < smallest[index]:  # noqa: PLR1730 - cheaper than min() in this hot loop
            smallest[index] = value
    bins = [v >> _BIN_BITS for v in smallest]  # an unset bin shifts to _EMPTY
    if _EMPTY not in bins or all(v == _EMPTY for v in bins):
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
    """One bucket key a band; two texts that share any key are near-duplicate candidates.

    The key hashes ``repr()`` of the band's rows (how it was first defined), written with
    ``%d`` and a copied hash state, which is the same bytes at half the cost."""
    if not sig or sig[0] == _EMPTY:
        return []
    keys = []
    for band, prefix in enumerate(_BAND_PREFIXES):
        digest = _BAND_HASH.copy()
        digest.update(_BAND_TEXT % sig[band * ROWS : (band + 1) * ROWS])
        keys.append(prefix + digest.hexdigest())
    return keys
