"""MinHash signatures and band keys never drift: they are stored in changelogs and compared
across workers and versions, so the same text must give the same values as ever."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.core.identity import normalise_text
from newswire.core.similarity import (
    SIGNATURE_SIZE,
    band_keys,
    shingle_hashes,
    signature,
    similarity,
)

_MASK = (1 << 64) - 1
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)

# Computed by the first implementation (the reference below): digests of the whole signature
# and of the 16 band keys, and the first band key in full.
PINNED = {
    "The Ministry of Finance said on Tuesday that inflation slowed to 8.4%, down from 9.1% in "
    "May; analysts in Astana had expected $1.2bn in new bonds.": (
        "e63f61af78226f4f",
        "d979b5dc4cfe5d36",
        "00-727ea4a29dfddb4d",
    ),
    "«Мы ожидаем роста экспорта», — заявил министр Эммануэлю Макрону в Париже 14 июля.": (
        "b67008420528b40c",
        "3542dc907fc040a7",
        "00-321b0d05b2aca4ff",
    ),
    "Астанада өткен жиында Қазақстан үкіметі жаңа бағдарламаны ұсынды.": (
        "27e38d390fefa3d8",
        "73729aa8ae4a4c87",
        "00-5f4ed51fefb289bc",
    ),
    "Cafe\u0301\u00a0opens — ﬁne ½ price_list №5 ĲSSEL straße…": (
        "c22d4145d7c45069",
        "0f962ec46ae4c0de",
        "00-e376df7a13dce5e3",
    ),
    "Hello, world!": ("b1f9a21e1e800e54", "53947e8bc3f4f000", "00-108873862f10edaf"),
    "one two three four five": ("52417386936d6a9e", "9f78941a05ce7503", "00-02295a8caac5829b"),
}


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def _reference_shingles(text: str) -> set[int]:
    """The first implementation's shingles: a hash of each word triple (of the words, under
    three of them)."""

    def word_hash(word: str) -> int:
        digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
        return int.from_bytes(digest, "little")

    words = [word_hash(w) for w in normalise_text(text).split()]
    if len(words) < 3:
        return {(sum(words) * _MIX[0]) & _MASK} if words else set()
    a, b, c = _MIX
    return {
        ((x * a) ^ (y * b) ^ (z * c)) & _MASK
        for x, y, z in zip(words, words[1:], words[2:], strict=False)
    }


def _reference_signature(text: str) -> tuple[int, ...]:
    """The first implementation, kept as the definition the fast one must match."""
    bins = [_MASK] * SIGNATURE_SIZE
    for value in _reference_shingles(text):
        index, rest = value % SIGNATURE_SIZE, value // SIGNATURE_SIZE
        bins[index] = min(bins[index], rest)
    if all(v == _MASK for v in bins):
        return tuple(bins)
    filled = list(bins)
    for i in range(SIGNATURE_SIZE):
        j = i
        while bins[j] == _MASK:
            j = (j + 1) % SIGNATURE_SIZE
        filled[i] = bins[j]
    return tuple(filled)


def _reference_band_keys(sig: tuple[int, ...]) -> list[str]:
    if sig[0] == _MASK:
        return []
    keys = []
    for band in range(16):
        rows = sig[band * 4 : (band + 1) * 4]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=8, person=b"nw-band")
        keys.append(f"{band:02d}-{digest.hexdigest()}")
    return keys


@pytest.mark.parametrize("text", list(PINNED))
def test_signatures_and_band_keys_are_the_pinned_ones(text: str) -> None:
    sig = signature(text)
    keys = band_keys(sig)
    assert (_digest(sig), _digest(keys), keys[0]) == PINNED[text]
    assert len(keys) == 16


def test_text_without_words_has_an_empty_signature_and_no_band_key() -> None:
    sig = signature(" ... — ")
    assert sig == (_MASK,) * SIGNATURE_SIZE
    assert band_keys(sig) == []
    assert similarity(sig, sig) == 0.0


_WORDS = st.sampled_from(["astana", "Astana,", "bank", "банк", "«банк»", "—", "x", "9.1%", "ﬁ"])


@settings(max_examples=300)
@given(st.lists(_WORDS, max_size=40).map(" ".join) | st.text(max_size=60))
def test_the_signature_is_the_reference_one(text: str) -> None:
    sig = signature(text)
    assert sig == _reference_signature(text)
    assert band_keys(sig) == _reference_band_keys(sig)


@given(st.lists(_WORDS, max_size=12).map(" ".join))
def test_shingle_hashes_are_distinct_values_of_word_triples(text: str) -> None:
    words = len(normalise_text(text).split())
    hashes = shingle_hashes(text)
    assert hashes == _reference_shingles(text)  # an empty set passed the bounds alone
    assert len(hashes) <= max(words - 2, 1 if words else 0)
    assert all(0 <= h <= _MASK for h in hashes)
