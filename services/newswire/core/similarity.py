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
from collections.abc import Iterable
from itertools import chain
from operator import xor

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
_UNSET = 1 << 64  # above every 64-bit shingle hash
_BAND_HASH = hashlib.blake2b(digest_size=8, person=b"nw-band")
_BAND_PREFIXES = [f"{band:02d}-" for band in range(BANDS)]
_BAND_TEXT = ("(" + ", ".join(["%d"] * ROWS) + ")").encode()  # repr() of a tuple of ROWS ints
_CACHED_CHUNKS = 1 << 16

Signature = tuple[int, ...]
# A word's hash x and its three shingle-position products (x * _MIX[k]) mod 2**64.
_WordParts = tuple[int, int, int, int]


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _word_parts(word: str) -> _WordParts:
    x = _word_hash(word)
    a, b, c = _MIX
    return (x * a) & _MASK, (x * b) & _MASK, (x * c) & _MASK, x


class _ChunkParts(dict[str, tuple[_WordParts, ...]]):
    """Memo: a whitespace-separated chunk of folded text -> the parts of its words.

    Keyed by chunk, not word, so the per-word normalising and hashing run once per distinct
    chunk ("said," and "said" are two keys) and a body's lookups stay in C (``map``). Emptied
    when full: a bound on memory that changes no result.
    """

    def __missing__(self, chunk: str) -> tuple[_WordParts, ...]:
        if len(self) >= _CACHED_CHUNKS:
            self.clear()
        parts = self[chunk] = tuple(_word_parts(word) for word in chunk_words(chunk))
        return parts


_CHUNK_PARTS = _ChunkParts()


def _text_parts(text: str) -> list[_WordParts]:
    """The parts of the words of ``normalise_text(text)``, in order."""
    return list(chain.from_iterable(map(_CHUNK_PARTS.__getitem__, folded_chunks(text))))


def _shingle_values(text: str) -> Iterable[int]:
    """The 64-bit hash of each word triple, repeats included; one value for 1-2 words."""
    parts = _text_parts(text)
    if len(parts) < SHINGLE_WORDS:
        return [(sum(p[3] for p in parts) * _MIX[0]) & _MASK] if parts else []
    # (x*a ^ y*b ^ z*c) mod 2**64 is the XOR of the products taken mod 2**64 each.
    a, b, c, _ = zip(*parts, strict=True)
    return map(xor, map(xor, a, b[1:]), c[2:])


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
    bins = [_EMPTY if v == _UNSET else v >> _BIN_BITS for v in smallest]
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
