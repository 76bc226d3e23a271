"""The compact near-duplicate index decides exactly as the plain one it replaced (dict entries,
band-key strings, list buckets), kept here as the reference."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from newswire.core.dedup import (
    MAX_BUCKET_ENTRIES,
    BucketEntry,
    NearDecision,
    NearIndex,
    NearKey,
    RetentionWindow,
    pack_signature,
    utc_text,
)
from newswire.core.similarity import SIGNATURE_SIZE, band_keys
from tests.test_newswire.core.dedup_reference import decide_near

T0 = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass
class PlainIndex:
    """The first ``NearIndex``: each entry a dict, shared by its 16 list buckets."""

    retention_days: int
    entries: dict[str, BucketEntry] = field(default_factory=dict)
    window: RetentionWindow = field(init=False)
    buckets: dict[str, list[BucketEntry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.window = RetentionWindow(self.retention_days)

    def decide(self, key: NearKey, threshold: float, position: int) -> NearDecision:
        return decide_near(key, lambda band: self.buckets.get(band, ()), threshold, position)

    def advance(self, published_at: datetime) -> list[str]:
        forgotten = self.window.advance(published_at)
        for article_id in forgotten:
            self._remove(self.entries.pop(article_id))
        return forgotten

    def add(self, entry: BucketEntry) -> None:
        previous = self.entries.get(entry["id"])
        if previous is not None:
            self._remove(previous)
        self.entries[entry["id"]] = entry
        self.window.track(entry["id"], entry["published_at"])
        for key in entry["keys"]:
            bucket = self.buckets.setdefault(key, [])
            bucket.append(entry)
            if len(bucket) > MAX_BUCKET_ENTRIES:
                bucket.sort(key=lambda e: e["seq"])
                del bucket[0]

    def _remove(self, entry: BucketEntry) -> None:
        self.window.untrack(entry["id"], entry["published_at"])
        for key in entry["keys"]:
            kept = [e for e in self.buckets.get(key, ()) if e["id"] != entry["id"]]
            if kept:
                self.buckets[key] = kept
            else:
                self.buckets.pop(key, None)


def _odd(keys: list[str], rng: random.Random) -> list[str]:
    """Band keys no ``band_keys`` makes (another version's, say): kept as text, still found."""
    choice = rng.randrange(3)
    if choice == 0:
        return [key.upper() for key in keys]
    if choice == 1:
        return list(reversed(keys))
    return [*keys[:-1], "odd-key"]


def _keys(rng: random.Random, count: int) -> list[tuple[NearKey, datetime]]:
    families = [[rng.getrandbits(58) for _ in range(SIGNATURE_SIZE)] for _ in range(3)]
    out = []
    newest = T0
    for _ in range(count):
        sig = list(rng.choice(families))
        for index in rng.sample(range(SIGNATURE_SIZE), rng.choice((0, 4, 12, 40))):
            sig[index] = rng.getrandbits(58)
        keys = band_keys(tuple(sig))
        if rng.random() < 0.1:
            keys = _odd(keys, rng)
        newest += timedelta(hours=rng.choice((0, 1, 2, 3)))
        when = newest - timedelta(days=rng.choice((0, 0, 0, 0, 3, 30)))  # some come late
        article_id = f"{rng.randrange(count):032x}"  # some ids come back: replays
        packed = pack_signature(tuple(sig))
        out.append((NearKey(article_id, utc_text(when), 1, packed, tuple(keys)), when))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_the_compact_index_decides_and_stores_as_the_plain_one(seed: int) -> None:
    rng = random.Random(seed)
    compact, plain = NearIndex(retention_days=20), PlainIndex(retention_days=20)
    position, largest_bucket, near = 0, 0, 0
    for step, (key, when) in enumerate(_keys(rng, 400)):
        position += rng.choice((1, 1, 1, 0, -3))  # replays come back at earlier positions
        assert compact.advance(when) == plain.advance(when)
        decision = compact.decide(key, 0.7, position)
        assert decision == plain.decide(key, 0.7, position)
        near += decision.original is not None
        compact.add(decision.entry)
        plain.add(decision.entry)
        if step % 25 == 0:
            assert compact.entries == plain.entries
            largest_bucket = max(largest_bucket, *map(len, plain.buckets.values()))
    assert compact.entries == plain.entries
    assert near > 50
    assert largest_bucket == MAX_BUCKET_ENTRIES  # full buckets were trimmed
    assert len(compact.entries) < 200  # some were forgotten
