"""The second stage: exact repeats and revisions of an article, then enrichment of what is
published; the near-duplicate key computed here travels on in a header.

Table ``articles``: per article id, its identity record (``core.dedup.ArticleRecord``); per
partition, a watermark. Memory rebuilt from it: each partition's retention window (the records
by day of data time), which forgets records NEWSWIRE_DEDUP_RETENTION_DAYS behind the newest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, NamedTuple

from pydantic import ValidationError

from newswire import jsonio
from newswire.core.dedup import (
    WATERMARK_PREFIX,
    NearKey,
    RetentionWindow,
    identity_step,
    retained_at,
)
from newswire.core.events import event_to_json
from newswire.core.models import ArticleEvent
from newswire.core.partitioning import partition_for
from newswire.enrich import enrich
from newswire.errors import InputError
from newswire.settings import Settings
from newswire.stages.letters import Letters
from newswire.stages.message import Counters, Message, Outgoing, State, forwarded
from newswire.topology import Topology

NEAR_KEY = "nw-near"  # internal header: what near-duplicate detection needs (core.dedup.NearKey)


class Handover(NamedTuple):
    """What the identity stage hands the near stage in one process (``newswire parse``):
    what the header and the value carry, not encoded and decoded again."""

    near_key: NearKey
    event: ArticleEvent


class InternalMessageError(InputError):
    """A message between two of our own stages that does not decode: a bug, not input."""

    reason = "bad_internal_message"


def decoded(message: Message) -> ArticleEvent:
    """An internal message's event: handed over in the process, or decoded from its bytes
    (our own, so a failure is a bug)."""
    payload = message.payload
    if isinstance(payload, ArticleEvent):
        return payload
    if isinstance(payload, Handover):
        return payload.event
    try:
        return ArticleEvent.model_validate(jsonio.loads(message.value or b""))
    except (InputError, ValidationError) as exc:
        raise InternalMessageError(f"undecodable message on {message.topic}: {exc}") from exc


class Identity:
    """Parsed events in (topic ``parsed``, keyed and partitioned by article id), the events to
    publish, enriched, out (topic ``near``, one partition)."""

    def __init__(
        self,
        settings: Settings,
        topology: Topology,
        counters: Counters,
        table: Callable[[], Iterable[tuple[str, Any]]],
    ) -> None:
        self._settings = settings
        self._near = topology.near.name
        self._counters = counters
        self._letters = Letters(settings, topology, counters)
        self._table = table
        self._windows: dict[int, RetentionWindow] | None = None

    def forget(self) -> None:
        self._windows = None

    def handle(self, message: Message, state: State) -> list[Outgoing]:
        article = decoded(message)
        window = self._window(message.partition)
        step = identity_step(window, state.get(article.article_id), article)
        passed_on = None if step.event is None else self._enriched(message, article, step.event)
        if passed_on is not None and passed_on.topic != self._near:
            # Too large to pass on: a dead letter, and no trace of the article (no record, no
            # move of the window), so that a re-drive once the limit is raised is news again.
            return [passed_on]
        state.on_keep(partial(step.apply, window))  # once its outputs are made
        for article_id in step.forgotten:
            state.delete(article_id)
        if step.record is not None:
            state.set(article.article_id, step.record)
        state.set(f"{WATERMARK_PREFIX}{message.partition}", step.newest)
        if step.kind == "stale":
            return [self._letters.rejected(
                message, "beyond_retention",
                f"published {article.published_at.isoformat()}, before the retention window "
                f"of its partition (newest {step.newest}, {window.retention_days} days)",
                source_id=article.source.id, source_offset=article.source.offset,
            )]  # fmt: skip
        if step.kind in ("exact", "revision"):
            self._counters.duplicate(step.kind)
        return [] if passed_on is None else [passed_on]

    def _enriched(self, message: Message, article: ArticleEvent, event: ArticleEvent) -> Outgoing:
        """The enriched event for the near stage, or a ``too_large`` letter in its place."""
        # Enrichment runs here, spread over the partitions, on what survives the identity
        # check; the near stage then publishes, so an article costs three hops, not four.
        started = time.perf_counter()
        enriched = enrich(event)
        self._counters.enriched(time.perf_counter() - started)
        # The MinHash is computed here too, and travels in a header: the near stage, which one
        # partition must carry, only looks it up.
        near_key = NearKey.of(event)
        headers = (*forwarded(message.headers), (NEAR_KEY, near_key.to_json()))
        record = Outgoing(
            self._near, message.key, event_to_json(enriched), headers,
            payload=Handover(near_key, enriched),
        )  # fmt: skip
        return self._letters.bounded(message, record, article.source)

    def _window(self, partition: int) -> RetentionWindow:
        windows = self._windows
        if windows is None:
            windows = self._windows = self._restore()
        window = windows.get(partition)
        if window is None:
            window = windows[partition] = RetentionWindow(self._settings.dedup_retention_days)
        return window

    def _restore(self) -> dict[int, RetentionWindow]:
        """Each partition's window over the records the table holds."""
        days, partitions = self._settings.dedup_retention_days, self._settings.article_partitions
        windows: dict[int, RetentionWindow] = {}
        for key, value in self._table():
            if key.startswith(WATERMARK_PREFIX):
                partition = int(key.removeprefix(WATERMARK_PREFIX))
                windows.setdefault(partition, RetentionWindow(days)).newest = value
            else:
                partition = partition_for(key.encode(), partitions)
                windows.setdefault(partition, RetentionWindow(days)).track(key, retained_at(value))
        return windows
