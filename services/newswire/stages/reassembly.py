"""The first stage: chunks of a source back into articles, each parsed into its event.

Table ``sources``: per source id, the run being read and its past runs
(``core.reassembly.SourceState``), with the data time of its last chunk; per input partition,
a watermark. Memory rebuilt from it: each partition's window of sources by day, which forgets
a source NEWSWIRE_SOURCE_IDLE_DAYS after its last chunk (``core.source_retention``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from newswire.core.dedup import RetentionWindow, utc_text
from newswire.core.envelope import decode_chunk
from newswire.core.events import build_event, event_to_json
from newswire.core.models import ParsedArticle, Rejection, Skip
from newswire.core.publication_time import from_epoch
from newswire.core.reassembly import SourceReassembler, SourceState
from newswire.core.source_retention import SOURCES_WATERMARK_PREFIX, source_step
from newswire.errors import InputError
from newswire.settings import Settings
from newswire.stages.letters import Letters, reject_reason
from newswire.stages.message import Counters, Message, Outgoing, State, forwarded
from newswire.topology import Topology


class Reassembly:
    """Chunks in (topic ``raw-chunks``, keyed by source id), article events out (topic
    ``parsed``, keyed by article id), rejections to the dead-letter topic."""

    def __init__(
        self,
        settings: Settings,
        topology: Topology,
        counters: Counters,
        table: Callable[[], Iterable[tuple[str, Any]]],
    ) -> None:
        self._settings = settings
        self._parsed = topology.parsed.name
        self._counters = counters
        self._letters = Letters(settings, topology, counters)
        self._table = table  # the table's items, to rebuild the windows from
        self._windows: dict[int, RetentionWindow] | None = None

    def forget(self) -> None:
        """Drop the memory derived from the table (after a rebalance): rebuilt when needed."""
        self._windows = None

    def handle(self, message: Message, state: State) -> list[Outgoing]:
        self._counters.chunk_received()
        try:
            chunk = decode_chunk(message.key, message.value, message.headers)
        except InputError as exc:
            letter = self._letters.rejected(
                message, reject_reason(exc), str(exc), original=message.value
            )
            return [letter]
        received_at = from_epoch(message.timestamp)  # when the chunk reached Kafka
        idle = self._window(message.partition)
        saved: SourceState | None = state.get(chunk.source_id)
        received = utc_text(received_at) if received_at is not None else None
        kept = source_step(idle, chunk.source_id, saved.get("seen") if saved else None, received)
        state.on_keep(partial(kept.apply, idle))
        for source_id in kept.forgotten:
            state.delete(source_id)
        self._counters.sources_forgotten(len(kept.forgotten))
        if kept.forgot_itself:
            saved = None
        limit = self._settings.max_article_bytes
        source = (
            SourceReassembler.from_dict(saved, max_article_bytes=limit)
            if saved
            else SourceReassembler(chunk.source_id, max_article_bytes=limit)
        )
        out: list[Outgoing] = []
        headers = forwarded(message.headers)
        zone, bounds = self._settings.zone, self._settings.time_bounds
        for item in source.feed(chunk):
            if isinstance(item, ParsedArticle):
                self._counters.article_parsed()
                built = build_event(item, zone, received_at=received_at, bounds=bounds)
                record = Outgoing(
                    self._parsed, built.article_id.encode(), event_to_json(built), headers,
                    payload=built,
                )  # fmt: skip
                out.append(self._letters.bounded(message, record, built.source))
            elif isinstance(item, Rejection):
                out.append(self._letters.rejected(
                    message, item.reason, item.message, source_id=item.source_id,
                    source_offset=item.offset, excerpt=item.excerpt,
                ))  # fmt: skip
            elif isinstance(item, Skip):
                self._counters.skipped(item.reason)
        if not chunk.data:
            out.append(self._letters.rejected(
                message, "empty_chunk", f"chunk {chunk.seq} of run {chunk.run_id} has no bytes",
                source_id=chunk.source_id, source_offset=chunk.offset,
            ))  # fmt: skip
        stored = source.to_dict()
        stored["seen"], stored["partition"] = kept.seen, message.partition
        state.set(chunk.source_id, stored)
        state.set(f"{SOURCES_WATERMARK_PREFIX}{message.partition}", kept.newest)
        return out

    def _window(self, partition: int) -> RetentionWindow:
        windows = self._windows
        if windows is None:
            windows = self._windows = self._restore()
        window = windows.get(partition)
        if window is None:
            window = windows[partition] = RetentionWindow(self._settings.source_idle_days)
        return window

    def _restore(self) -> dict[int, RetentionWindow]:
        """Each input partition's window over the sources the table holds (a state saved
        before sources were kept by data time has no ``seen``: kept until its source's next
        chunk)."""
        days = self._settings.source_idle_days
        windows: dict[int, RetentionWindow] = {}
        for key, value in self._table():
            if key.startswith(SOURCES_WATERMARK_PREFIX):
                partition = int(key.removeprefix(SOURCES_WATERMARK_PREFIX))
                windows.setdefault(partition, RetentionWindow(days)).newest = value
            elif "seen" in value and "partition" in value:
                window = windows.setdefault(value["partition"], RetentionWindow(days))
                window.track(key, value["seen"])
        return windows
