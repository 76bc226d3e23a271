"""Identity decisions: new, an exact repeat, or a revision of an article already seen.

- ``new``: an ``article_id`` never seen: published as revision 1.
- ``exact``: the id is known and the body (NFKC, whitespace collapsed) equals one of its latest
  ``MAX_REVISIONS_KEPT`` bodies: not published; the view count kept is the highest seen.
- ``revision``: the id is known and the body differs from every kept body: published with
  ``revision`` = the record's revision plus one.
- ``stale``: older than its partition's retention window: never published (its record may be
  gone, and revision 1 again could give one (``article_id``, ``revision``) two contents); it
  goes to the dead-letter topic as ``beyond_retention``.

A replayed body matches a kept fingerprint, so it is ``exact``: a crash between publishing and
writing state re-emits the same event, never a second revision.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal, NotRequired, TypedDict

from newswire.core.dedup.retention import IMPLAUSIBLE, RetentionWindow, retained_at, utc_text
from newswire.core.identity import nfkc_chunks
from newswire.core.models import ArticleEvent

MAX_REVISIONS_KEPT = 32


WATERMARK_PREFIX = "~newest/"  # + partition: an identity partition's watermark in its table


class ArticleRecord(TypedDict):
    """What the identity stage stores per article id (a plain JSON value in a Faust table)."""

    revision: int  # revisions published (distinct bodies, while none was forgotten)
    bodies: list[str]  # their fingerprints (``body_fingerprint``), the latest kept
    views: int | None  # the highest view count seen
    published_at: str  # ``utc_text`` of the first publication
    # Only for an article with an implausible time: the data time it is kept by (its
    # partition's watermark when it came; "" when the partition had none yet).
    retained_at: NotRequired[str]


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
