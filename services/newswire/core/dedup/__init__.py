"""Deduplication: exact repeats, revisions and near duplicates, as decisions over plain state.

The package holds, one module each: ``identity`` (new, exact, revision, stale: the identity
stage's decision over an article's record), ``entries`` and ``near`` (near duplicates: what is
stored per article, how two are compared, the decision at a position of the one-partition
stage), ``near_index`` and ``buckets`` (the index that finds candidates, and its memory
layout), ``retention`` (windows of data time that bound all of it), ``wire`` (the ``nw-near``
header the identity stage sends the near stage).

Keying across workers (``newswire.stages`` keeps this state in Faust tables): parsed events are
repartitioned by ``article_id``, so the same article read from two dumps on two workers meets
one record on one partition: one event. New articles and revisions then go on through a topic
of one partition, so every event of an article keeps its order and every pair of similar
articles meets in one total order (its offsets): a replay decides alike. That stage does not
scale out: its rate on one core is the cluster's ceiling (``bench/near_ceiling.py``).

Bounded state: records and entries are kept ``NEWSWIRE_DEDUP_RETENTION_DAYS`` of data time
(publication time, per partition); a record keeps an article's latest ``MAX_REVISIONS_KEPT``
bodies, a bucket its latest ``MAX_BUCKET_ENTRIES`` articles. Each decision is a function of
the input and the state (``identity_step`` and ``near_step`` decide without changing the
window or the index; the stage applies the step once its outputs are made), so a crash
between publishing and writing state re-emits the same event, byte for byte.
"""

from newswire.core.dedup.entries import (
    MAX_BUCKET_ENTRIES,
    NEWEST_KEY,
    BucketEntry,
    NearCandidate,
    NearDecision,
)
from newswire.core.dedup.identity import (
    MAX_REVISIONS_KEPT,
    WATERMARK_PREFIX,
    ArticleRecord,
    IdentityDecision,
    IdentityStep,
    body_fingerprint,
    decide_identity,
    identity_step,
)
from newswire.core.dedup.near import NearStep, near_step
from newswire.core.dedup.near_index import NearIndex
from newswire.core.dedup.retention import IMPLAUSIBLE, RetentionWindow, retained_at, utc_text
from newswire.core.dedup.wire import NearKey, pack_signature

__all__ = [
    "IMPLAUSIBLE",
    "MAX_BUCKET_ENTRIES",
    "MAX_REVISIONS_KEPT",
    "NEWEST_KEY",
    "WATERMARK_PREFIX",
    "ArticleRecord",
    "BucketEntry",
    "IdentityDecision",
    "IdentityStep",
    "NearCandidate",
    "NearDecision",
    "NearIndex",
    "NearKey",
    "NearStep",
    "RetentionWindow",
    "body_fingerprint",
    "decide_identity",
    "identity_step",
    "near_step",
    "pack_signature",
    "retained_at",
    "utc_text",
]
