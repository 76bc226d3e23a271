"""The near-duplicate index: one entry per article (what the stage's table stores), and the
band-key buckets that find candidates, derived from the entries and held in memory only
(rebuilt from the table after an assignment). Storing each article once instead of once per
band is 1 state write per article instead of 17."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newswire.core.dedup.buckets import (
    _BandBucket,
    _bucket_value,
    _Members,
    _members,
    _pack_keys,
    _packed_buckets,
    _publication_then_root,
    _Stored,
)
from newswire.core.dedup.entries import (
    MAX_BUCKET_ENTRIES,
    NEWEST_KEY,
    BucketEntry,
    NearDecision,
    _near_decision,
    _similar_to,
)
from newswire.core.dedup.retention import RetentionWindow
from newswire.core.dedup.wire import NearKey


class _Entries(Mapping[str, BucketEntry]):
    """``NearIndex.entries``: each stored entry, made again as the ``BucketEntry`` it was."""

    __slots__ = ("_stored",)

    def __init__(self, stored: dict[str, _Stored]) -> None:
        self._stored = stored

    def __getitem__(self, article_id: str) -> BucketEntry:
        return self._stored[article_id].entry()

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._stored

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)


@dataclass
class NearIndex:
    """Near-duplicate state: one entry per article (``entries``, what a table stores under the
    article id, with ``NEWEST_KEY`` for the watermark) and the band-key buckets that find
    candidates, derived from the entries and held in memory only. Storing each article once
    instead of once per band is 1 state write per article instead of 17.

    Retention is by data time (``RetentionWindow``). Buckets keep the ``MAX_BUCKET_ENTRIES``
    latest entries (by position).

    Memory (``bench/near_memory.py``): entries are held as ``_Stored`` (band keys packed in
    bytes), buckets are keyed by int and hold their one member without a list.
    """

    retention_days: int
    _stored: dict[str, _Stored] = field(default_factory=dict)
    _window: RetentionWindow = field(init=False)
    _buckets: dict[_BandBucket, _Members] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._window = RetentionWindow(self.retention_days)

    @property
    def entries(self) -> Mapping[str, BucketEntry]:
        """What a table stores under each article id (made on access: a read-only view)."""
        return _Entries(self._stored)

    @property
    def newest(self) -> str | None:
        return self._window.newest

    @classmethod
    def restore(cls, retention_days: int, stored: Iterable[tuple[str, Any]]) -> NearIndex:
        """The index over what a table holds (``entries`` items plus the watermark)."""
        index = cls(retention_days)
        saved = []
        for key, value in stored:
            if key == NEWEST_KEY:
                index._window.newest = value
            else:
                saved.append(value)
        for entry in sorted(saved, key=lambda e: e["seq"]):
            index.add(entry)
        return index

    def decide(
        self, key: NearKey, threshold: float, position: int, newest: str | None = None
    ) -> NearDecision:
        """``decide_near`` over the buckets, making only the chosen entry again in full.
        ``newest``: the watermark the decision is made at (entries it forgets do not count).

        ``choose_original`` on the stored entries as they are (no dict made for each
        candidate): the same matches in the same order, so the same choice."""
        packed_keys = _pack_keys(key.keys)
        kept_from = self._kept_from(newest)
        candidates = [
            stored
            for bucket in _packed_buckets(packed_keys)
            for stored in _members(self._buckets.get(bucket))
            if stored.seq < position and stored.id != key.article_id
            and stored.kept_by[:10] >= kept_from
        ]  # fmt: skip
        is_similar = _similar_to(key.sig, threshold)
        matches = {stored.id: stored for stored in candidates if is_similar(stored.sig)}
        original = None
        if matches:
            chosen = min(matches.values(), key=_publication_then_root)
            original = self._stored[chosen.id].entry()
        return _near_decision(key, original, position, packed_keys)

    def decided(self, article_id: str, newest: str | None = None) -> BucketEntry | None:
        """The entry stored for ``article_id``, if the index holds one (and keeps it with the
        watermark at ``newest``, when given)."""
        stored = self._stored.get(article_id)
        if stored is None or stored.kept_by[:10] < self._kept_from(newest):
            return None
        return stored.entry()

    def _kept_from(self, newest: str | None) -> str:
        """The first day kept with the watermark at ``newest`` ("" for all: None, or now)."""
        if newest is None or newest == self._window.newest:
            return ""
        return (self._window.cutoff_at(newest) or "")[:10]

    def cutoff(self) -> str | None:
        return self._window.cutoff()

    def moved_to(self, published_at: datetime) -> str | None:
        return self._window.moved_to(published_at)

    def forgotten_at(self, newest: str | None) -> list[str]:
        return self._window.forgotten_at(newest)

    def advance(self, published_at: datetime) -> list[str]:
        """Move the watermark to ``published_at`` if later; the ids it made forget."""
        return self.advance_to(self.moved_to(published_at))

    def advance_to(self, newest: str | None) -> list[str]:
        forgotten = self._window.advance_to(newest)
        for article_id in forgotten:
            self._remove(self._stored.pop(article_id))
        return forgotten

    def is_stale(self, published_at: datetime) -> bool:
        return self._window.is_stale(published_at)

    def is_stale_at(self, published_at: datetime, newest: str | None) -> bool:
        return self._window.is_stale_at(published_at, newest)

    def add(self, entry: BucketEntry, packed_keys: bytes | tuple[str, ...] | None = None) -> None:
        """Store ``entry`` (again, on a replay: it replaces the same article's entry).
        ``packed_keys``: those of the ``NearDecision`` that made ``entry``, if at hand."""
        previous = self._stored.get(entry["id"])
        if previous is not None:
            self._remove(previous)
        stored = self._stored[entry["id"]] = _Stored.of(entry, packed_keys)
        self._window.track(stored.id, stored.kept_by)
        for bucket in stored.buckets():
            before = self._buckets.get(bucket)
            if before is None:  # most buckets: one article
                self._buckets[bucket] = stored
                continue
            members = (*_members(before), stored)
            if len(members) > MAX_BUCKET_ENTRIES:
                members = tuple(sorted(members, key=lambda m: m.seq)[1:])
            self._buckets[bucket] = members

    def _remove(self, stored: _Stored) -> None:
        self._window.untrack(stored.id, stored.kept_by)
        for bucket in stored.buckets():
            kept = tuple(m for m in _members(self._buckets.get(bucket)) if m.id != stored.id)
            if kept:
                self._buckets[bucket] = _bucket_value(kept)
            else:
                self._buckets.pop(bucket, None)
