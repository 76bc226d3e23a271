"""Sources the reassembly stage keeps, forgotten once idle: the bound of its table.

The reassembly stage keeps one state per source id (the run being read, and the chunk counts
of its last runs). Sites come and go: a state is kept for ``idle_days`` after its source's
last chunk, in the data time of its input partition (the Kafka timestamps of the chunks,
never the wall clock, so a replay forgets alike), then deleted. Kafka bounds how far ahead of
the broker's clock a producer may date a record (``message.timestamp.after.max.ms``), so one
producer cannot make a partition forget its sources early.

What a source returning after that sees: a new run starts from scratch, as always; a run that
had stopped mid-file has lost its unfinished line and article draft, so its next chunk is a
gap (``chunk_gap``) and reading resumes at the next line; chunks of its forgotten past runs
are read again as new runs, and the identity stage finds their articles to be exact repeats
(while they are within the dedup retention).
"""

from __future__ import annotations

from dataclasses import dataclass

from newswire.core.dedup import RetentionWindow

DEFAULT_IDLE_DAYS = 30
# + input partition: its watermark in the sources table (a source id has no control character).
SOURCES_WATERMARK_PREFIX = "\x00newest/"


@dataclass(frozen=True, slots=True)
class SourceStep:
    """What one chunk does to its partition's sources: decided by ``source_step`` without
    changing the window, applied (``apply``) once the chunk's outputs are made."""

    source_id: str
    seen: str  # the data time the source is kept by now
    previously: str | None  # the data time it was kept by, if its state was kept
    newest: str | None  # the partition's watermark after the chunk
    forgotten: list[str]  # sources idle too long: their states are deleted

    @property
    def forgot_itself(self) -> bool:
        """The chunk's own source was idle too long: its saved state does not count."""
        return self.source_id in self.forgotten

    def apply(self, window: RetentionWindow) -> None:
        window.advance_to(self.newest)
        if self.previously is not None:
            window.untrack(self.source_id, self.previously)
        window.track(self.source_id, self.seen)


def source_step(
    window: RetentionWindow, source_id: str, previously: str | None, received: str | None
) -> SourceStep:
    """The sources a chunk of ``source_id`` received at ``received`` (``utc_text`` of its
    Kafka timestamp; None: unknown, the partition's time) makes forget. ``previously``: the
    data time its saved state was kept by."""
    newest = window.newest if received is None else max(received, window.newest or received)
    seen = received or newest or ""
    return SourceStep(source_id, seen, previously, newest, window.forgotten_at(newest))
