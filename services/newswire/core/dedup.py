"""Deduplication decisions as pure functions over plain state.

Kinds
-----
- ``new``: an ``article_id`` never seen: published as revision 1.
- ``exact``: the ``article_id`` is known and the body (NFKC, whitespace collapsed) equals one of
  its known revisions: not published; the view count in state becomes the highest seen.
- ``revision``: the ``article_id`` is known and the body differs materially from every known
  revision: published with ``revision`` = number of distinct bodies seen.
- ``near``: a new ``article_id`` whose body's estimated Jaccard similarity (MinHash over word
  triples, ``similarity``) to an article already seen is at least ``near_threshold``: published
  (it is a distinct article) with ``near_duplicate_of`` = the earliest published of those
  articles (following their own ``near_duplicate_of``), ties broken by id.

Replays are harmless: a replayed body matches a known revision fingerprint, so it is ``exact``
and never produces a second event for the same (``article_id``, ``revision``). A crash between
publishing and writing state re-emits the same event, byte for byte, because every decision is
a function of the state and the input order within a key. Reverting to an earlier body counts
as ``exact`` (it is a known revision).

Keying across workers (the Faust pipeline, ``newswire.stream.app``, keeps this state in tables)
-------------------------------------------------------------------------------------------
1. Parsed events are repartitioned by ``article_id`` (topic ``<app>.parsed``); the
   ``articles`` table, co-partitioned with it, holds one ``ArticleRecord`` per id. The same
   article arriving from two dump files on two workers meets the same record on one partition:
   one event.
2. Only ``new`` articles go on to near-duplicate detection, through a topic of ONE partition
   (``<app>.near``) whose agent owns the ``near-buckets`` table. One partition is one total
   order: every candidate pair meets in the same place whichever workers parsed them, and the
   message offset orders "earlier" deterministically, so a replay after a crash decides alike
   (entries record the offset they were added at; only entries with a smaller offset count).
   The cost is that this stage does not scale out: one worker runs it (about 1 ms an article).
   Scaling it out is the LSH route the band keys were made for: send one message per band key
   to a topic keyed by band key, answer with that bucket's entries, and gather the 16 answers
   by ``article_id`` before ``choose_original``; not built yet.
   ``DedupStore`` runs the same functions in one process for ``newswire parse``.

Bounded state
-------------
Retention is by publication time, driven by the data (never the wall clock, so replays decide
alike): an article published more than ``retention_days`` before the newest one seen is
forgotten, record and bucket entries alike. Buckets also keep at most ``MAX_BUCKET_ENTRIES``
(the most recent). An article that arrives already older than the window is still decided
against what state remains, published if new, flagged ``beyond_retention``, and not stored.
Cost per article (measured by ``bench/dedup_quality.py``): one record of about 150 bytes of JSON
plus 16 bucket entries, about 3.9 KB in all (id, publication time, root, 8-bit MinHash of 64
bins, each repeated in the 16 buckets).

In the streaming pipeline, bucket entries are dropped by the same data-time window when their
bucket is next written (and each bucket holds at most 32); ``articles`` records are not yet
evicted there (Faust tables need a windowed table or an explicit sweep for that): the stream's
identity state grows by about 150 bytes per distinct article until that lands.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from newswire import jsonio
from newswire.core.models import ArticleEvent
from newswire.core.similarity import SIGNATURE_SIZE, Signature, band_keys, signature

DedupKind = Literal["new", "exact", "revision", "near"]
ArticleRecord = dict[str, Any]  # {"revision", "bodies", "views", "published_at"}
BucketEntry = dict[str, Any]  # {"id", "published_at", "root", "sig", "seq"}

MAX_REVISIONS_KEPT = 32
MAX_BUCKET_ENTRIES = 32
_BBIT_CHANCE = 1 / 256  # two unrelated 8-bit minima agree by chance this often


def utc_text(moment: datetime) -> str:
    """A sortable text of an instant (UTC), so state compares alike whatever the zone."""
    return moment.astimezone(UTC).isoformat()


def body_fingerprint(body: str) -> str:
    """Identity of a body up to whitespace and Unicode form (not case or punctuation)."""
    canonical = " ".join(unicodedata.normalize("NFKC", body).split())
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class IdentityDecision:
    kind: Literal["new", "exact", "revision"]
    revision: int
    record: ArticleRecord  # the state to write after the event (if any) is published


def decide_identity(record: ArticleRecord | None, event: ArticleEvent) -> IdentityDecision:
    """Exact repeat, revision or new article, from the article's record (or None)."""
    fingerprint = body_fingerprint(event.body)
    if record is None:
        fresh = {
            "revision": 1,
            "bodies": [fingerprint],
            "views": event.views,
            "published_at": utc_text(event.published_at),
        }
        return IdentityDecision("new", 1, fresh)
    views = max((v for v in (record["views"], event.views) if v is not None), default=None)
    bodies: list[str] = record["bodies"]
    if fingerprint in bodies:
        return IdentityDecision("exact", record["revision"], {**record, "views": views})
    revision = record["revision"] + 1
    kept = [*bodies, fingerprint][-MAX_REVISIONS_KEPT:]
    updated = {**record, "revision": revision, "bodies": kept, "views": views}
    return IdentityDecision("revision", revision, updated)


def pack_signature(sig: Signature) -> str:
    """8-bit MinHash: the low byte of each bin, base64 (88 characters for 64 bins)."""
    return base64.b64encode(bytes(v & 0xFF for v in sig)).decode("ascii")


def packed_similarity(left: str, right: str) -> float:
    """Jaccard estimate from two 8-bit signatures, corrected for chance agreement."""
    a, b = base64.b64decode(left), base64.b64decode(right)
    agree = sum(1 for x, y in zip(a, b, strict=True) if x == y) / SIGNATURE_SIZE
    return max(0.0, (agree - _BBIT_CHANCE) / (1 - _BBIT_CHANCE))


def choose_original(
    entries: Iterable[BucketEntry], packed: str, threshold: float
) -> BucketEntry | None:
    """The earliest-published article similar enough to ``packed`` (ties: smallest id)."""
    matches = {e["id"]: e for e in entries if packed_similarity(e["sig"], packed) >= threshold}
    if not matches:
        return None
    return min(matches.values(), key=lambda e: (e["published_at"], e["root"]))


def new_bucket_entry(event: ArticleEvent, packed: str, original: BucketEntry | None) -> BucketEntry:
    return {
        "id": event.article_id,
        "published_at": utc_text(event.published_at),
        "root": original["root"] if original else event.article_id,
        "sig": packed,
    }


def add_to_bucket(
    entries: list[BucketEntry], entry: BucketEntry, cutoff: str | None
) -> list[BucketEntry]:
    """The bucket with ``entry`` added (once), entries older than ``cutoff`` dropped, bounded."""
    kept = [
        e
        for e in entries
        if e["id"] != entry["id"] and (cutoff is None or e["published_at"] >= cutoff)
    ]
    kept.append(entry)
    return kept[-MAX_BUCKET_ENTRIES:]


@dataclass(frozen=True, slots=True)
class NearDecision:
    original: BucketEntry | None  # the earliest similar article seen before, if any
    keys: list[str]  # the buckets the article belongs to
    entry: BucketEntry  # what to add to each of them once the event is published


def decide_near(
    event: ArticleEvent,
    bucket: Callable[[str], Iterable[BucketEntry]],
    threshold: float,
    position: int,
) -> NearDecision:
    """Near-duplicate decision for a new article at ``position`` in the one total order.

    Only entries added at an earlier position count, so replaying the same input over state
    that already holds later articles decides exactly as the first time.
    """
    sig = signature(event.body)
    packed, keys = pack_signature(sig), band_keys(sig)
    candidates = [
        entry
        for key in keys
        for entry in bucket(key)
        if entry["seq"] < position and entry["id"] != event.article_id
    ]
    original = choose_original(candidates, packed, threshold)
    entry = {**new_bucket_entry(event, packed, original), "seq": position}
    return NearDecision(original, keys, entry)


@dataclass(frozen=True, slots=True)
class DedupOutcome:
    kind: DedupKind
    event: ArticleEvent | None  # what to publish; None for an exact repeat


@dataclass
class DedupStore:
    """The whole decision in one process, over the same plain state the tables hold."""

    near_threshold: float = 0.7
    retention_days: int = 90
    records: dict[str, ArticleRecord] = field(default_factory=dict)
    buckets: dict[str, list[BucketEntry]] = field(default_factory=dict)
    _newest: datetime | None = None
    _position: int = 0  # this store's total order of new articles (the stream's: an offset)
    # UTC day -> (article id, its band keys): what to forget when the day leaves the window.
    _by_day: dict[str, list[tuple[str, list[str]]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def process(self, event: ArticleEvent) -> DedupOutcome:
        cutoff = self._advance(event.published_at)
        stale = cutoff is not None and event.published_at < cutoff
        decision = decide_identity(self.records.get(event.article_id), event)
        if decision.kind == "exact":
            if not stale:
                self.records[event.article_id] = decision.record
            return DedupOutcome("exact", None)
        flags = [*event.flags, "beyond_retention"] if stale else event.flags
        if decision.kind == "revision":
            published = event.model_copy(update={"revision": decision.revision, "flags": flags})
            if not stale:
                self.records[event.article_id] = decision.record
            return DedupOutcome("revision", published)
        self._position += 1
        near = decide_near(
            event, lambda key: self.buckets.get(key, ()), self.near_threshold, self._position
        )
        original = near.original
        update: dict[str, Any] = {"flags": flags}
        if original is not None:
            update["near_duplicate_of"] = original["root"]
        published = event.model_copy(update=update)
        if not stale:
            cutoff_text = utc_text(cutoff) if cutoff else None
            for key in near.keys:
                self.buckets[key] = add_to_bucket(
                    self.buckets.get(key, []), near.entry, cutoff_text
                )
            self.records[event.article_id] = decision.record
            day = utc_text(event.published_at)[:10]
            self._by_day[day].append((event.article_id, near.keys))
        return DedupOutcome("near" if original else "new", published)

    def _advance(self, published_at: datetime) -> datetime | None:
        """Move the data-time watermark and forget records that fell out of the window."""
        if self._newest is None or published_at > self._newest:
            self._newest = published_at
            self._evict(utc_text(published_at - timedelta(days=self.retention_days))[:10])
        return self._newest - timedelta(days=self.retention_days)

    def _evict(self, before_day: str) -> None:
        for day in [d for d in self._by_day if d < before_day]:
            for article_id, keys in self._by_day.pop(day):
                self.records.pop(article_id, None)
                for key in keys:
                    kept = [e for e in self.buckets.get(key, ()) if e["id"] != article_id]
                    if kept:
                        self.buckets[key] = kept
                    else:
                        self.buckets.pop(key, None)

    def state_size(self) -> Mapping[str, int]:
        """Bytes of JSON the state would take in tables (for the retention cost figure)."""
        return {
            "records": sum(len(jsonio.dumps(r)) + 32 for r in self.records.values()),
            "buckets": sum(len(jsonio.dumps(b)) + 19 for b in self.buckets.values()),
            "articles": len(self.records),
        }
