"""The near-duplicate index's memory layout: band keys packed as integers and bytes, entries
held as slotted objects, buckets holding their one member without a tuple
(``bench/near_memory.py`` measures what it costs)."""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from newswire.core.dedup.entries import BucketEntry

_BAND_KEY = re.compile(r"([0-9]{2})-([0-9a-f]{16})")  # what ``similarity.band_keys`` makes


_BAND_PREFIXES = [f"{band:02d}-" for band in range(100)]


_BAND_BITS = [band << 64 for band in range(100)]


_DIGEST_BYTES = 8


_DIGEST_HEX = 2 * _DIGEST_BYTES


_BandBucket = int | str


def _bucket_of(band_key: str) -> _BandBucket:
    """The in-memory bucket of a band key: (band << 64) | digest, an int of 36 bytes where the
    20-character string takes 69; any other text (never made by ``band_keys``) stays itself."""
    match = _BAND_KEY.fullmatch(band_key)
    if match is None:
        return band_key
    return _BAND_BITS[int(match[1])] | int(match[2], 16)


def _packed_buckets(keys: bytes | tuple[str, ...]) -> list[_BandBucket]:
    if isinstance(keys, tuple):
        return [_bucket_of(key) for key in keys]
    digests = struct.unpack(f">{len(keys) // _DIGEST_BYTES}Q", keys)
    return [band | digest for band, digest in zip(_BAND_BITS, digests, strict=False)]


def _pack_keys(keys: Sequence[str]) -> bytes | tuple[str, ...]:
    """Band keys in band order ("00-<16 hex>", "01-...") as 8 bytes each: 128 bytes for the
    16 keys of an article instead of about 1.3 KB of strings. Anything else is kept as it is
    (the round trip decides, so no text is ever changed)."""
    try:
        packed = bytes.fromhex("".join([key[3:] for key in keys]))
    except ValueError:
        return tuple(keys)
    whole = len(packed) % _DIGEST_BYTES == 0
    return packed if whole and _unpack_keys(packed) == list(keys) else tuple(keys)


def _unpack_keys(keys: bytes | tuple[str, ...]) -> list[str]:
    if isinstance(keys, tuple):
        return list(keys)
    hexed = keys.hex()
    starts = range(0, len(hexed), _DIGEST_HEX)
    return [
        band + hexed[i : i + _DIGEST_HEX] for band, i in zip(_BAND_PREFIXES, starts, strict=False)
    ]


@dataclass(slots=True)
class _Stored:
    """A ``BucketEntry`` as the index holds it in memory: its band keys packed, no dict."""

    id: str
    published_at: str
    root: str
    sig: str
    seq: int
    keys: bytes | tuple[str, ...]  # ``_pack_keys``
    retained_at: str | None = None  # ``BucketEntry``'s, for an implausible time only

    @classmethod
    def of(cls, entry: BucketEntry, packed_keys: bytes | tuple[str, ...] | None = None) -> _Stored:
        """``packed_keys``: ``_pack_keys(entry["keys"])`` when the caller has it already."""
        return cls(
            entry["id"],
            entry["published_at"],
            entry["root"],
            entry["sig"],
            entry["seq"],
            _pack_keys(entry["keys"]) if packed_keys is None else packed_keys,
            entry.get("retained_at"),
        )

    def entry(self) -> BucketEntry:
        made: BucketEntry = {
            "id": self.id,
            "published_at": self.published_at,
            "root": self.root,
            "sig": self.sig,
            "seq": self.seq,
            "keys": _unpack_keys(self.keys),
        }
        if self.retained_at is not None:
            made["retained_at"] = self.retained_at
        return made

    @property
    def kept_by(self) -> str:
        """The data time it is kept by (``retained_at``)."""
        return self.published_at if self.retained_at is None else self.retained_at

    def buckets(self) -> list[_BandBucket]:
        """The buckets it is found in: none for an implausible time, never an original."""
        return _packed_buckets(self.keys) if self.retained_at is None else []


_publication_then_root = attrgetter("published_at", "root")  # choose_original's order


# A bucket's members in the order they were added (a single one without a tuple: most
# buckets hold one article).
_Members = _Stored | tuple[_Stored, ...]


def _members(value: _Members | None) -> tuple[_Stored, ...]:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _bucket_value(members: tuple[_Stored, ...]) -> _Members:
    return members[0] if len(members) == 1 else members
