"""Faust's consumer with a repaired drain loop and commit offsets: a committed offset never
passes input that was not processed.

Faust's drain loop (``Consumer._drain_messages``) hands each fetched message to the streams
and notes its offset as read; a message more than one offset further makes a "gap" that counts
as done (offsets absent from the log: compaction, transaction markers). Around a rebalance or a
seek this bookkeeping lost input:

- A message whose hand-over a revocation cut short, or that the revocation then emptied from
  the streams' buffers, was still noted as read, after the revocation had reset the
  partition's notes. After the next assignment the messages re-fetched below it were dropped
  as seen before.
- Messages of a batch fetched before a seek to the committed offsets, handed over after it,
  made a gap from the committed offset to theirs: what the seek fetched again was dropped as
  read while the gap counted it as done.
- The commit offset (``_new_offset``) allows one missing offset at the head, so a committed
  offset whose message was dropped this way was committed past and its message lost
  (faust-streaming#606); with more missing, the partition never committed again. Fault tests
  saw both: a 16 KiB chunk (seven articles) lost after SIGKILLs, a restart that stalled.
- Faust's recovery resumes the stream partitions, then seeks them to their committed offsets
  (``perform_seek``), reading these partition after partition from the broker, a round trip
  each; the streams run meanwhile, and commit every ``commit_interval``. A commit made then
  was undone in Faust's books: once the seek had read them all, it set each partition's
  committed offset to what it had read, older than that commit. Acknowledgements below the
  commit had been dropped as committed already, so the books' head offset was never
  acknowledged and the partition never committed again until the worker's next restart (the
  broker holding the commit, the books the offset before it). A probe saw it in 2 of 45
  restarts onto waiting input.

Here the consumer's thread, where aiokafka seeks, rebalances and fetches, marks every reset
of a partition's position (a seek, a revocation) and tags every fetch with the resets before
it returned, so their order is exact. A message fetched before its partition's last reset is
not handed over: the reset fetches it again. A hand-over that a reset overtook, or that a
revocation stopped, is not noted as read. The read offset is the next offset expected, set by
the seek itself; only a message past it makes a gap, exactly as wide as the offsets the fetch
skipped. A commit never passes a head offset that was neither processed nor skipped by a
fetch. The committed offsets a seek read replace the books' only where no commit (or
revocation) changed them while the seek went on: a commit during the seek is newer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any, cast

from faust.transport.consumer import CONSUMER_FETCHING
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP
from mode import Service, ServiceT


class FetchedRecords(dict[TP, list[Any]]):
    """One fetch's records, with the consumer's count of resets when the fetch returned."""

    resets: int = 0


class OffsetKeepingConsumer(faust_aiokafka.Consumer):
    """Faust's aiokafka consumer whose read offsets, gaps and commit offsets follow only what
    the streams were handed since each partition's last reset (see the module's docstring).
    Its thread (``ResetMarkingThread``) marks the resets and the fetches, in the order they
    happen there."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.resets = 0  # how many resets so far (written in the consumer's thread only)
        self.reset_at: dict[TP, int] = {}  # each partition's last reset (``resets`` then)
        self._fetched_at = 0  # ``resets`` when the batch being handed over was fetched
        super().__init__(*args, **kwargs)

    def mark_reset(self, tps: Iterable[TP], offset: int | None = None) -> None:
        """The positions of ``tps`` moved (to ``offset``, when known): whatever a batch fetched
        before holds of them is fetched again. Called in the consumer's thread."""
        self.resets += 1
        for tp in tps:
            key = TP(tp.topic, tp.partition)
            self.reset_at[key] = self.resets
            if offset is not None:
                self._read_offset[key] = offset

    def _reset_since_fetch(self, tp: TP) -> bool:
        return self.reset_at.get(tp, 0) > self._fetched_at

    async def _getmany(self, active_partitions: set[TP] | None, timeout: float) -> Any:  # noqa: ASYNC109 - Faust's signature
        """One fetch, tagged. Records of a partition Faust paused while the fetch waited
        (Faust's getmany would drop them, aiokafka's position having passed them) are taken
        out, and their partition seeked back to them: they come again once it is resumed."""
        fetched = await super()._getmany(active_partitions, timeout)
        self._fetched_at = getattr(fetched, "resets", self.resets)
        if active_partitions is None:
            return fetched
        taken = self._get_active_partitions() | self._buffered_partitions
        back = {tp: rows[0].offset for tp, rows in fetched.items() if rows and tp not in taken}
        if not back:
            return fetched
        try:
            await self.seek_wait(back)
        except Exception as exc:  # revoked meanwhile: the next assignment fetches them
            self.log.warning("could not seek back to records dropped: %r", exc)
        return {tp: rows for tp, rows in fetched.items() if tp not in back}

    async def perform_seek(self) -> None:
        """Faust's, but the read offsets are set where the seek happens, in the consumer's
        thread (``mark_reset``): set here, after it, they could undo what was handed since.
        And a committed offset the seek read does not replace one a commit set while the seek
        went on: the commit's is newer (see the module's docstring)."""
        book = self._committed_offset
        before = {tp: book.get(tp) for tp in book}
        committed = await self.seek_to_committed()
        for tp, offset in committed.items():
            key = TP(tp.topic, tp.partition)
            if offset is None or book.get(key) != before.get(key):
                continue  # never committed; or committed (or revoked) while the seek went on
            book[key] = offset or None

    def _new_offset(self, tp: TP) -> int | None:
        """Faust's commit offset, but never past a head offset that is neither acknowledged
        nor a gap (Faust allows one)."""
        acked = self._acked[tp]
        committed = self._committed_offset[tp]
        if acked and committed is not None:
            done = [min(acked), *(gap.begin for gap in self._gap[tp].overlap(0, max(acked)))]
            if min(done) > committed:
                return None
        return super()._new_offset(tp)

    def _add_skipped(self, tp: TP, start: int, end: int) -> None:
        """The fetch went from offset ``start`` to ``end``: the offsets between are not in the
        log (compacted away, transaction markers) and count as done."""
        committed = self._committed_offset[tp]
        start = start if committed is None else max(start, committed)
        if start < end:
            gaps = self._gap[tp]
            gaps.addi(start, end)
            gaps.merge_overlaps()

    async def _drain_messages(self, fetcher: ServiceT) -> None:  # noqa: PLR0912 - Faust's loop
        """Faust's ``Consumer._drain_messages`` (faust-streaming 0.15), with resets, the read
        offset as the next offset expected, and gaps only where a fetch skipped offsets."""
        getmany, read_offset = self.getmany, self._read_offset
        consumer_should_stop = self._stopped.is_set
        fetcher_should_stop = cast("Service", fetcher)._stopped.is_set  # noqa: SLF001 - as Faust's loop
        acks_enabled_for = self.app.topics.acks_enabled_for
        commit_every = self._commit_every
        since_yield = 0
        try:
            while not (consumer_should_stop() or fetcher_should_stop()):
                self.diag.set_flag(CONSUMER_FETCHING)
                batch: Any = getmany(timeout=1.0)
                await asyncio.sleep(0)  # getmany may return at once, again and again
                if self.should_stop:
                    continue
                async for tp, message in batch:
                    since_yield += 1
                    if since_yield > 100:
                        await asyncio.sleep(0)
                        since_yield = 0
                    if commit_every is not None and self._n_acked >= commit_every:
                        self._n_acked = 0
                        await self.commit()
                    offset = message.offset
                    expected = read_offset.get(tp)  # (no default inserted: the thread writes too)
                    if self._reset_since_fetch(tp) or (expected is not None and offset < expected):
                        continue  # fetched again after the reset, or handed over already
                    if expected is not None and offset > expected and acks_enabled_for(tp.topic):
                        self._add_skipped(tp, expected, offset)
                    handing = self.callback(message)
                    handed = await self.wait_first(handing, self.suspend_flow.wait())
                    if handing not in handed.done:
                        break  # flow suspended (a revocation) or stopping: the rest comes again
                    if self.flow_active and not self._reset_since_fetch(tp):
                        read_offset[tp] = offset + 1  # (a revocation stops the flow, then empties)
                self.diag.unset_flag(CONSUMER_FETCHING)
        except self.consumer_stopped_errors:
            if self.transport.app.should_stop:
                self.log.info("Broker stopped consumer, shutting down...")
                return
            raise
        except asyncio.CancelledError:
            if self.transport.app.should_stop:
                self.log.info("Consumer shutting down for user cancel.")
                return
            raise
        except Exception as exc:
            self.log.exception("Drain messages raised: %r", exc)
            raise
        finally:
            self.diag.unset_flag(CONSUMER_FETCHING)


class ResetMarkingThread(faust_aiokafka.AIOKafkaConsumerThread):
    """Faust's consumer thread, marking on its ``OffsetKeepingConsumer`` every seek and
    revocation as it happens, and every fetch with the resets before it returned: all three
    happen in this thread, so their order is exact."""

    async def on_start(self) -> None:
        await super().on_start()
        fetcher = self._consumer._fetcher  # type: ignore[union-attr]  # noqa: SLF001 - aiokafka's seeks all go through it
        seek_to = fetcher.seek_to
        keeper = cast("OffsetKeepingConsumer", self.consumer)

        def seek_to_marking(tp: Any, offset: int) -> None:
            seek_to(tp, offset)
            keeper.mark_reset((tp,), offset)

        fetcher.seek_to = seek_to_marking

    async def on_partitions_revoked(self, revoked: set[TP]) -> None:
        cast("OffsetKeepingConsumer", self.consumer).mark_reset(revoked)
        await super().on_partitions_revoked(revoked)

    async def _fetch_records(
        self,
        consumer: Any,
        active_partitions: set[TP],
        timeout: float | None = None,  # noqa: ASYNC109 - Faust's signature
        max_records: int | None = None,
    ) -> FetchedRecords:
        """Faust's fetch, of the partitions active when it was asked for (Faust hands over its
        live set: emptied while the fetch waits, aiokafka would read it as every partition),
        tagged with the resets before it returned."""
        keeper = cast("OffsetKeepingConsumer", self.consumer)
        if active_partitions is not None:
            active_partitions = set(active_partitions)
            if not active_partitions:
                return FetchedRecords()
        fetched = await super()._fetch_records(
            consumer, active_partitions, timeout=timeout, max_records=max_records
        )
        records = FetchedRecords(fetched)
        records.resets = keeper.resets
        return records
