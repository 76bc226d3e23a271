"""Deduplication decisions as pure functions over plain state.

Kinds
-----
- ``new``: an ``article_id`` never seen: published as revision 1.
- ``exact``: the ``article_id`` is known and the body (NFKC, whitespace collapsed) equals one of
  its known revisions (the latest ``MAX_REVISIONS_KEPT``): not published; the view count in
  state becomes the highest seen.
- ``revision``: the ``article_id`` is known and the body differs materially from every known
  revision: published with ``revision`` = the record's revision plus one (the number of
  distinct bodies seen, unless a body forgotten past ``MAX_REVISIONS_KEPT`` came back).
- ``near``: a new ``article_id`` whose body's estimated Jaccard similarity (MinHash over word
  triples, ``similarity``) to an article already seen is at least ``near_threshold``: published
  (it is a distinct article) with ``near_duplicate_of`` = the earliest published of those
  articles (following their own ``near_duplicate_of``), ties broken by id.

Replays are harmless: a replayed body matches a known revision fingerprint, so it is ``exact``
and never produces a second event for the same (``article_id``, ``revision``). A crash between
publishing and writing state re-emits the same event, byte for byte, because every decision is
a function of the state and the input order within a key. Reverting to an earlier body counts
as ``exact`` while it is one of the latest ``MAX_REVISIONS_KEPT``, as a revision after that.

Keying across workers (the Faust pipeline, ``newswire.stream.app``, keeps this state in tables)
-------------------------------------------------------------------------------------------
1. Parsed events are repartitioned by ``article_id`` (topic ``<app>.parsed``); the
   ``articles`` table, co-partitioned with it, holds one ``ArticleRecord`` per id. The same
   article arriving from two dump files on two workers meets the same record on one partition:
   one event.
2. New articles and revisions go on through a topic of ONE partition (``<app>.near``), so
   every event of an article takes the same path and keeps its order (revisions pass through
   that stage undecided). Its agent owns the ``near-entries`` table: one ``NearIndex`` entry per
   article, keyed by its id; the band-key buckets are derived from the entries in memory and
   rebuilt from the table after every assignment. One partition is one total order: every
   candidate pair meets in the same place whichever workers parsed them, and the message
   offset orders "earlier" deterministically, so a replay after a crash decides alike (entries
   record the offset they were added at; only entries with a smaller offset count).
   The cost is that this stage does not scale out: one worker runs it, so its rate on one
   core is the cluster's ceiling (``bench/near_ceiling.py`` measures it). Scaling it out is
   the LSH route the band keys were made for: send one message per band key to a topic keyed
   by band key, answer with that bucket's entries, and gather the 16 answers by
   ``article_id`` before ``choose_original``; not built yet.
   ``DedupStore`` runs the same functions and the same ``NearIndex`` in one process for
   ``newswire parse``.

One decision path
-----------------
``identity_step`` and ``near_step`` are the per-event decisions. The stream calls the first in
its identity agent and the second in its near-duplicate agent; ``DedupStore`` (``newswire
parse``) calls both in the same order, over the same state, kept per partition of the article
id exactly as the stream keeps it (``partition_for``). So both decide alike, window included.

Bounded state
-------------
Retention is by publication time, driven by the data (never the wall clock, so replays decide
alike). Each partition of identity records has a watermark, the newest publication it has
seen; records published on a day before (watermark - ``retention_days``) are forgotten. The
near-duplicate index does the same with its own watermark. Buckets keep at most
``MAX_BUCKET_ENTRIES`` (the latest).

An article older than its partition's window (``stale``) is never published: its record may
have been forgotten, so it cannot be told from a repeat or a revision, and publishing it as
revision 1 again could give one (``article_id``, ``revision``) two contents. It goes to the
dead-letter topic with reason ``beyond_retention`` (source and offset, so an operator can
raise the retention and replay it). The watermark only moves forward, so a stale decision is
final and the same on every replay.
Stored cost per article (measured by ``bench/dedup_quality.py``): one identity record of about
150 bytes of JSON plus one near-duplicate entry of about 630 bytes (id, publication time, root,
8-bit MinHash of 64 bins, its 16 band keys). Storing the entry once rather than in each of its
16 buckets took the near stage from 17 state writes an article to 1, and its state from
3.9 KB to 0.6 KB an article.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import attrgetter
from typing import Any, Literal, NotRequired, TypedDict, TypeVar

from newswire import jsonio
from newswire.core.identity import nfkc_chunks
from newswire.core.models import ArticleEvent
from newswire.core.partitioning import partition_for
from newswire.core.similarity import SIGNATURE_SIZE, Signature, band_keys, signature

DedupKind = Literal["new", "exact", "revision", "near"]
StepKind = Literal["new", "exact", "revision", "near", "stale"]


class ArticleRecord(TypedDict):
    """What the identity stage stores per article id (a plain JSON value in a Faust table)."""

    revision: int  # revisions published (distinct bodies, while none was forgotten)
    bodies: list[str]  # their fingerprints (``body_fingerprint``), the latest kept
    views: int | None  # the highest view count seen
    published_at: str  # ``utc_text`` of the first publication
    # Only for an article with an implausible time: the data time it is kept by (its
    # partition's watermark when it came; "" when the partition had none yet).
    retained_at: NotRequired[str]


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


_Candidate = TypeVar("_Candidate", bound=NearCandidate)
IMPLAUSIBLE = "implausible_date"  # the flag of an article whose time moves no window
NEWEST_KEY = "~newest"  # the key under which a stored NearIndex keeps its watermark
WATERMARK_PREFIX = "~newest/"  # + partition: an identity partition's watermark in its table

MAX_REVISIONS_KEPT = 32
MAX_BUCKET_ENTRIES = 32
_BBIT_CHANCE = 1 / 256  # two unrelated 8-bit minima agree by chance this often
_LOW_BYTE = 0xFF


def utc_text(moment: datetime) -> str:
    """A sortable text of an instant (UTC), so state compares alike whatever the zone."""
    # Asked about 3 times of each event's instant in a row: the last answer is kept (one
    # tuple, replaced whole, so a reader never sees half of it).
    global _LAST_UTC_TEXT  # noqa: PLW0603 - a one-entry memo
    last = _LAST_UTC_TEXT
    if last[0] is moment:
        return last[1]
    try:
        text = moment.astimezone(UTC).isoformat()
    except OverflowError:  # the first hours of year 1 east of UTC: the earliest instant
        text = datetime.min.replace(tzinfo=UTC).isoformat()
    _LAST_UTC_TEXT = (moment, text)
    return text


_LAST_UTC_TEXT: tuple[datetime | None, str] = (None, "")


def body_fingerprint(body: str) -> str:
    """Identity of a body up to whitespace and Unicode form (not case or punctuation)."""
    canonical = " ".join(nfkc_chunks(body))  # the chunks the MinHash of the body reads next
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
        fresh: ArticleRecord = {
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
    updated: ArticleRecord = {**record, "revision": revision, "bodies": kept, "views": views}
    return IdentityDecision("revision", revision, updated)


def pack_signature(sig: Signature) -> str:
    """8-bit MinHash: the low byte of each bin, base64 (88 characters for 64 bins)."""
    return base64.b64encode(bytes(map(_LOW_BYTE.__and__, sig))).decode("ascii")


def packed_similarity(left: str, right: str) -> float:
    """Jaccard estimate from two 8-bit signatures, corrected for chance agreement."""
    return _bins_similarity(_signature_bins(left), _signature_bins(right))


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


def choose_original(
    entries: Iterable[_Candidate], packed: str, threshold: float
) -> _Candidate | None:
    """The earliest-published article similar enough to ``packed`` (ties: smallest id)."""
    is_similar = _similar_to(packed, threshold)
    matches = {e["id"]: e for e in entries if is_similar(e["sig"])}
    if not matches:
        return None
    return min(matches.values(), key=lambda e: (e["published_at"], e["root"]))


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


@dataclass(frozen=True, slots=True)
class NearKey:
    """What near-duplicate detection needs of an article. The MinHash is the costly part
    (``bench/near_ceiling.py`` times it): it is computed where the work spreads over partitions (the
    identity stage) and travels with the event, so the one-partition stage only looks up."""

    article_id: str
    published_at: str  # ``utc_text``
    revision: int
    sig: str  # ``pack_signature``; empty for a revision (never compared)
    keys: tuple[str, ...]  # band keys; empty for a revision
    implausible: bool = False  # flagged ``implausible_date``: moves no window

    @classmethod
    def of(cls, event: ArticleEvent) -> NearKey:
        published = utc_text(event.published_at)
        implausible = IMPLAUSIBLE in event.flags
        if event.revision > 1:
            return cls(event.article_id, published, event.revision, "", (), implausible)
        sig = signature(event.body)
        keys = tuple(band_keys(sig))
        return cls(event.article_id, published, 1, pack_signature(sig), keys, implausible)

    def to_json(self) -> bytes:
        fields: list[object] = [
            self.article_id, self.published_at, self.revision, self.sig, list(self.keys)
        ]  # fmt: skip
        if self.implausible:  # a sixth field only then: other headers keep their bytes
            fields.append(1)
        return jsonio.dumps(fields)

    @classmethod
    def from_json(cls, data: bytes) -> NearKey:
        article_id, published_at, revision, sig, keys, *rest = jsonio.loads(data)
        return cls(
            str(article_id), str(published_at), int(revision), str(sig), tuple(keys),
            bool(rest and rest[0]),
        )  # fmt: skip


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


def decide_near(
    key: NearKey,
    bucket: Callable[[str], Iterable[BucketEntry]],
    threshold: float,
    position: int,
) -> NearDecision:
    """Near-duplicate decision for a new article at ``position`` in the one total order.

    Only entries added at an earlier position count, so replaying the same input over state
    that already holds later articles decides exactly as the first time.
    """
    candidates = [
        entry
        for band in key.keys
        for entry in bucket(band)
        if entry["seq"] < position and entry["id"] != key.article_id
    ]
    return _near_decision(key, choose_original(candidates, key.sig, threshold), position)


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


@dataclass
class RetentionWindow:
    """A data-time watermark (the newest publication seen) and the keys stored per UTC day,
    so that the days falling out of the window can be forgotten in one sweep."""

    retention_days: int
    newest: str | None = None
    _by_day: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # (newest, its cutoff): asked of every article, it changes only when the watermark moves
    _cutoff_of: tuple[str, str] | None = field(default=None, compare=False, repr=False)

    def cutoff(self) -> str | None:
        """Publications before this instant are outside the window."""
        return self.cutoff_at(self.newest)

    def cutoff_at(self, newest: str | None) -> str | None:
        """The cutoff the window would have with the watermark at ``newest``."""
        if newest is None:
            return None
        if self._cutoff_of is None or self._cutoff_of[0] != newest:
            moment = datetime.fromisoformat(newest) - timedelta(days=self.retention_days)
            self._cutoff_of = (newest, utc_text(moment))
        return self._cutoff_of[1]

    def moved_to(self, published_at: datetime) -> str | None:
        """The watermark once ``published_at`` is seen (changes nothing)."""
        moment = utc_text(published_at)
        newest = self.newest
        return moment if newest is None or moment > newest else newest

    def forgotten_at(self, newest: str | None) -> list[str]:
        """The keys that moving the watermark to ``newest`` forgets (changes nothing)."""
        if newest is None or newest == self.newest:
            return []
        before_day = (self.cutoff_at(newest) or "")[:10]
        return [
            key for day in sorted(d for d in self._by_day if d < before_day)
            for key in sorted(self._by_day[day])
        ]  # fmt: skip

    def advance(self, published_at: datetime) -> list[str]:
        """Move the watermark to ``published_at`` if later; the keys it made forget."""
        return self.advance_to(self.moved_to(published_at))

    def advance_to(self, newest: str | None) -> list[str]:
        """Move the watermark to ``newest`` (``moved_to``); the keys it made forget."""
        forgotten = self.forgotten_at(newest)
        if newest is None or newest == self.newest:
            return forgotten
        self.newest = newest
        before_day = (self.cutoff() or "")[:10]
        for day in [d for d in self._by_day if d < before_day]:
            del self._by_day[day]
        return forgotten

    def is_stale(self, published_at: datetime) -> bool:
        return self.is_stale_at(published_at, self.newest)

    def is_stale_at(self, published_at: datetime, newest: str | None) -> bool:
        """Whether ``published_at`` is outside the window with the watermark at ``newest``."""
        cutoff = self.cutoff_at(newest)
        return cutoff is not None and utc_text(published_at) < cutoff

    def track(self, key: str, published_at: str) -> None:
        self._by_day[published_at[:10]].add(key)

    def untrack(self, key: str, published_at: str) -> None:
        self._by_day.get(published_at[:10], set()).discard(key)

    def __len__(self) -> int:
        return sum(len(keys) for keys in self._by_day.values())


@dataclass(frozen=True, slots=True)
class IdentityStep:
    """What the identity stage does with one event: decided by ``identity_step`` without
    changing the window, applied to it (``apply``) once the event's outputs are made. A
    handler that raises in between leaves the window as if the event never came."""

    kind: Literal["new", "exact", "revision", "stale"]
    event: ArticleEvent | None  # passed on to near-duplicate detection; None: nothing
    record: ArticleRecord | None  # stored under the article id; None: nothing to store
    forgotten: list[str]  # article ids whose records fell out of the window
    newest: str | None = None  # the window's watermark after the event
    track: tuple[str, str] | None = None  # (article id, data time) the window now keeps

    def apply(self, window: RetentionWindow) -> None:
        """Move ``window`` as the decision said (its ``forgotten`` are dropped)."""
        window.advance_to(self.newest)
        if self.track is not None:
            window.track(*self.track)


def identity_step(
    window: RetentionWindow, record: ArticleRecord | None, event: ArticleEvent
) -> IdentityStep:
    """The identity decision for ``event`` in its partition (``window``, and its record or
    None). Changes nothing: the caller stores and deletes, then applies the step to the
    window. An article flagged ``implausible_date`` moves no window and is never stale: its
    record is kept by the data time of its arrival (``retained_at``)."""
    implausible = IMPLAUSIBLE in event.flags
    newest = window.newest if implausible else window.moved_to(event.published_at)
    forgotten = window.forgotten_at(newest)
    if not implausible and window.is_stale_at(event.published_at, newest):
        return IdentityStep("stale", None, None, forgotten, newest)
    decision = decide_identity(record, event)
    stored, track = decision.record, None
    if record is None:
        if implausible:
            stored = {**stored, "retained_at": newest or ""}
        track = (event.article_id, retained_at(stored))
    if decision.kind == "exact":
        return IdentityStep("exact", None, stored, forgotten, newest, track)
    if decision.kind == "revision":
        revised = event.model_copy(update={"revision": decision.revision})
        return IdentityStep("revision", revised, stored, forgotten, newest, track)
    return IdentityStep("new", event, stored, forgotten, newest, track)


def retained_at(stored: ArticleRecord | BucketEntry) -> str:
    """The data time a stored record or entry is kept by: its publication's, unless its time
    was implausible."""
    return stored.get("retained_at", stored["published_at"])


@dataclass(frozen=True, slots=True)
class NearStep:
    """What the near-duplicate stage does with one event that passed identity: decided by
    ``near_step`` without changing the index, applied to it (``apply``) once the event's
    outputs are made, so a handler that raises in between leaves no trace in it."""

    kind: Literal["new", "near", "revision"]
    near_duplicate_of: str | None  # the root it is a near duplicate of, for ``near``
    entry: BucketEntry | None  # stored under the article id; None: nothing to store
    forgotten: list[str]  # article ids whose entries fell out of the window
    newest: str | None = None  # the index's watermark after the event
    # What the index adds: the entry and its packed band keys (None: nothing new).
    added: tuple[BucketEntry, bytes | tuple[str, ...] | None] | None = None

    def apply(self, index: NearIndex) -> None:
        """Move ``index`` as the decision said."""
        if self.kind == "revision":
            return
        index.advance_to(self.newest)
        if self.added is not None:
            index.add(*self.added)


def near_step(index: NearIndex, key: NearKey, threshold: float, position: int) -> NearStep:
    """The near-duplicate decision for an article (``key``) at ``position`` in the stage's
    total order; changes nothing (``NearStep.apply`` does). A revision passes undecided: it
    keeps the place of its article among the others. Works on the key alone, never on the
    body, so the stage that must run on one partition stays cheap (``bench/near_ceiling.py``).
    """
    if key.revision > 1:
        return NearStep("revision", None, None, [])
    published_at = datetime.fromisoformat(key.published_at)
    newest = index.newest if key.implausible else index.moved_to(published_at)
    forgotten = index.forgotten_at(newest)
    entry = index.decided(key.article_id, newest)
    added: tuple[BucketEntry, bytes | tuple[str, ...] | None] | None = None
    if entry is not None and entry["sig"] == key.sig:
        # Decided before: a replay, or a copy an earlier stage sent again after a crash, at a
        # later position, where the articles that took this one as their root would make it
        # a near duplicate of itself. The first decision stands: re-emissions are identical.
        # (Its entry is written again: the first write may have gone with a failed batch.)
        root: str | None = entry["root"]
    else:
        decision = index.decide(key, threshold, position, newest)
        root = decision.original["root"] if decision.original is not None else None
        entry = None
        if key.implausible:  # kept (a replay decides alike), by the index's data time
            entry = {**decision.entry, "retained_at": newest or ""}
            added = (entry, None)
        elif not index.is_stale_at(published_at, newest):
            entry = decision.entry
            added = (entry, decision.packed_keys)
    # Its own root: a new article, or one matched (its entry forgotten) through its near
    # duplicates. Never a near duplicate of itself.
    if root == key.article_id:
        root = None
    return NearStep("near" if root else "new", root, entry, forgotten, newest, added)


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


@dataclass(frozen=True, slots=True)
class DedupOutcome:
    kind: StepKind
    event: ArticleEvent | None  # what to publish; None for an exact repeat or a stale article


@dataclass
class DedupStore:
    """The whole decision in one process: ``identity_step`` then ``near_step``, over the same
    plain state the stream's tables hold, identity records kept per partition of the article
    id as in the stream (``partitions`` is the article topics' partition count)."""

    near_threshold: float = 0.7
    retention_days: int = 90
    partitions: int = 1
    records: dict[str, ArticleRecord] = field(default_factory=dict)
    near: NearIndex = field(init=False)
    _windows: dict[int, RetentionWindow] = field(default_factory=dict)
    _position: int = 0  # this store's total order of new articles (the stream's: an offset)

    def __post_init__(self) -> None:
        self.near = NearIndex(self.retention_days)

    def process(self, event: ArticleEvent) -> DedupOutcome:
        partition = partition_for(event.article_id.encode(), self.partitions)
        window = self._windows.setdefault(partition, RetentionWindow(self.retention_days))
        step = identity_step(window, self.records.get(event.article_id), event)
        step.apply(window)
        for article_id in step.forgotten:
            self.records.pop(article_id, None)
        if step.record is not None:
            self.records[event.article_id] = step.record
        if step.event is None:
            return DedupOutcome(step.kind, None)
        self._position += 1
        near = near_step(self.near, NearKey.of(step.event), self.near_threshold, self._position)
        near.apply(self.near)
        published = step.event
        if near.near_duplicate_of is not None:
            published = published.model_copy(update={"near_duplicate_of": near.near_duplicate_of})
        return DedupOutcome(step.kind if step.kind == "revision" else near.kind, published)

    def state_size(self) -> Mapping[str, int]:
        """Bytes of JSON the state would take in tables (for the retention cost figure)."""
        return {
            "records": sum(len(jsonio.dumps(r)) + 32 for r in self.records.values()),
            "near": sum(len(jsonio.dumps(e)) + 32 for e in self.near.entries.values()),
            "articles": len(self.records),
        }
