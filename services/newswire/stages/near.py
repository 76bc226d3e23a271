"""The third stage: near-duplicate marking, then publication to the output topic.

Table ``near-entries``: one near-duplicate entry per article (``core.dedup.BucketEntry``) and
the stage's watermark. Memory rebuilt from it: the near-duplicate index (entries and band-key
buckets), which forgets entries NEWSWIRE_DEDUP_RETENTION_DAYS behind the newest. One
partition: its offsets are one total order, the same on every replay, so the "earlier" of two
similar articles is decided alike wherever and whenever they are read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from newswire.core.dedup import NEWEST_KEY, NearIndex, NearKey, near_step
from newswire.core.events import event_to_json
from newswire.core.models import SCHEMA_VERSION, SourceRef
from newswire.errors import InputError
from newswire.settings import Settings
from newswire.stages.identity import NEAR_KEY, Handover, decoded
from newswire.stages.letters import Letters
from newswire.stages.message import Counters, Message, Outgoing, State, forwarded, header
from newswire.stages.message import produced_at as produced_at_of
from newswire.topology import Topology

log = logging.getLogger(__name__)
CONTENT_TYPE = ("content-type", b"application/json")
SCHEMA_VERSION_HEADER = ("nw-schema-version", str(SCHEMA_VERSION).encode())


class NearDuplicates:
    """Enriched events in (topic ``near``, one partition), published events out (the output
    topic, keyed by article id)."""

    def __init__(
        self,
        settings: Settings,
        topology: Topology,
        counters: Counters,
        table: Callable[[], Iterable[tuple[str, Any]]],
    ) -> None:
        self._settings = settings
        self._articles = topology.articles.name
        self._counters = counters
        self._letters = Letters(settings, topology, counters)
        self._table = table
        self._index: NearIndex | None = None

    def forget(self) -> None:
        self._index = None

    def handle(self, message: Message, state: State) -> list[Outgoing]:
        """Decides on the ``nw-near`` header alone and publishes the enriched event; it is
        decoded only to mark a near duplicate (a few percent), so this one-partition stage
        costs little per article."""
        key = self._near_key(message)
        index = self._near()
        # One partition: the offset is a total order, the same on every replay.
        step = near_step(index, key, self._settings.near_duplicate_threshold, message.offset)
        state.on_keep(partial(step.apply, index))  # once its outputs are made
        for article_id in step.forgotten:
            state.delete(article_id)
        if step.entry is not None:
            state.set(key.article_id, step.entry)
        if step.kind != "revision":
            state.set(NEWEST_KEY, step.newest)
        value = message.value or b""
        source: SourceRef | None = None
        if step.near_duplicate_of is not None:  # the only change that can make it larger
            self._counters.duplicate("near")
            marked = decoded(message).model_copy(
                update={"near_duplicate_of": step.near_duplicate_of}
            )
            value, source = event_to_json(marked), marked.source
        record = Outgoing(
            self._articles,
            message.key,
            value,
            (*forwarded(message.headers), CONTENT_TYPE, SCHEMA_VERSION_HEADER),
            partial(self._counters.published, produced_at_of(message.headers)),
        )
        return [self._letters.bounded(message, record, source)]

    def _near_key(self, message: Message) -> NearKey:
        """The ``nw-near`` header, or (a message without one: our bug) the event's own."""
        if isinstance(message.payload, Handover):
            return message.payload.near_key
        value = header(message.headers, NEAR_KEY)
        if value is not None:
            try:
                return NearKey.from_json(value)
            except (InputError, ValueError, TypeError):
                log.warning("near: unreadable %s header at offset %d", NEAR_KEY, message.offset)
        return NearKey.of(decoded(message))

    def _near(self) -> NearIndex:
        if self._index is None:
            days = self._settings.dedup_retention_days
            self._index = NearIndex.restore(days, self._table())
        return self._index
