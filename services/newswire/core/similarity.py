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

from newswire.core.identity import folded_words, nfkc_chunks

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
# Every band's text in one formatting, NUL between them (no repr() of ints holds a NUL).
_BANDS_TEXT = b"\0".join([_BAND_TEXT] * BANDS)
_CACHED_CHUNKS = 1 << 16

Signature = tuple[int, ...]
# Each word of a text as its three products (x * _MIX[k]) mod 2**64, k = 0, 1, 2, of its hash
# x, packed side by side as native 64-bit integers (24 bytes a word). Packed, the XOR of a
# whole text's shingles is three int.from_bytes and two big-int XORs (in C), not a Python
# operation per word.
_LANE_BYTES = 8
_WORD_BYTES = SHINGLE_WORDS * _LANE_BYTES
# Shingle k is x_k*a ^ x_(k+1)*b ^ x_(k+2)*c: from word k's first product, word k+1's second
# lies one word and one lane further on, word k+2's third two words and two lanes.
_SECOND_AT = _WORD_BYTES + _LANE_BYTES
_THIRD_AT = 2 * (_WORD_BYTES + _LANE_BYTES)
_ORDER = sys.byteorder  # the order array("Q") and memoryview.cast("Q") use


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


class _ChunkProducts(dict[str, bytes]):
    """Memo: a whitespace-separated chunk of NFKC text -> the products of its words.

    Keyed by chunk, not word, so the per-word folding and hashing run once per distinct
    chunk ("Said," and "said" are two keys) and a body's lookups stay in C (``map``). Emptied
    when full: a bound on memory that changes no result.
    """

    def __missing__(self, chunk: str) -> bytes:
        if len(self) >= _CACHED_CHUNKS:
            self.clear()
        hashes = map(_word_hash, folded_words(chunk))
        products = self[chunk] = array(
            "Q", [(x * m) & _MASK for x in hashes for m in _MIX]
        ).tobytes()
        return products


_CHUNK_PRODUCTS = _ChunkProducts()


def _text_products(text: str) -> bytes:
    """The products of the words of ``normalise_text(text)``, in order."""
    return b"".join(map(_CHUNK_PRODUCTS.__getitem__, nfkc_chunks(text)))


def _shingle_values(text: str) -> Sequence[int]:
    """The 64-bit hash of each word triple, repeats included; one value for 1-2 words."""
    products = _text_products(text)
    words = len(products) // _WORD_BYTES
    if words < SHINGLE_WORDS:
        hashes = [_word_hash(w) for chunk in nfkc_chunks(text) for w in folded_words(chunk)]
        return [(sum(hashes) * _MIX[0]) & _MASK] if hashes else []
    # (x*a ^ y*b ^ z*c) mod 2**64 is the XOR of the products taken mod 2**64 each, and the XOR
    # of whole packed texts is the XOR of each 64-bit slot: offset the text by one word and a
    # lane, then by two and two, XOR at once and read every third slot. The other slots mix
    # unrelated products and are skipped.
    width = len(products) - _THIRD_AT
    mixed = (
        int.from_bytes(products[:width], _ORDER)
        ^ int.from_bytes(products[_SECOND_AT : _SECOND_AT + width], _ORDER)
        ^ int.from_bytes(products[_THIRD_AT:], _ORDER)
    )
    return memoryview(mixed.to_bytes(width, _ORDER)).cast("Q")[::SHINGLE_WORDS]


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
    ``%d`` (all bands in one formatting) and a copied hash state: the same bytes, for less."""
    if not sig or sig[0] == _EMPTY:
        return []
    keys = []
    for prefix, text in zip(_BAND_PREFIXES, (_BANDS_TEXT % sig).split(b"\0"), strict=True):
        digest = _BAND_HASH.copy()
        digest.update(text)
        keys.append(prefix + digest.hexdigest())
    return keys
