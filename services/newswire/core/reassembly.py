"""Chunks of one source, in order, back into lines and articles.

(Longer than the project's 300 lines on purpose: a run's state machine, the runs of a source
and the cutting of a stream into chunks are one protocol, kept in one place.)

A chunk may end anywhere: inside a header, a line or a multi-byte UTF-8 character. Lines are
split on the byte ``\\n`` (which never occurs inside a multi-byte UTF-8 sequence) and decoded
whole, so a split character is reassembled before it is decoded. The state kept between
chunks is the unfinished line (at most ``max_article_bytes``) plus the parser's article draft:
a small plain value (``to_dict``) that a Faust table stores and a restart restores.

Sequence numbers make one run exact (a run is one producer's pass over one file):

- a chunk already consumed (``seq`` below the next expected) is skipped: ``duplicate_chunk``;
- a missing chunk (``seq`` above the next expected, or an offset that does not continue the
  previous chunk) is never glued over: the article being read is rejected with reason
  ``chunk_gap``, the partial line is dropped, and reading resumes at the next line boundary.

Runs make a source id reusable (``SourceReassembler``): chunks of a run id not seen before
start a new run from scratch. The run it replaces is closed: an article it left unfinished
(its producer died mid-file) is rejected as ``unfinished_run``. A finished or replaced run is
remembered only by how many chunks it had (``MAX_PAST_RUNS`` of them), so its replayed chunks
are skipped as ``duplicate_chunk`` while state stays bounded. A chunk of a replaced run that
it never had before (two producers interleaving under one source id) is rejected as
``superseded_run``: the source id names one producer at a time.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import BinaryIO, NotRequired, TypedDict

from newswire.core.models import Chunk, ParseOutput, Rejection, Skip
from newswire.core.parse import ArticleParser, ParserState
from newswire.errors import InputError


class ReassemblerState(TypedDict):
    """``Reassembler.to_dict``: one run of one source as a plain JSON-able value."""

    source_id: str
    run_id: str
    next_seq: int  # the sequence number expected next
    next_offset: int  # the byte offset expected next
    tail: str  # base64 of the bytes of the line not yet ended by a newline
    tail_offset: int  # source offset where that line starts
    tail_overflow: bool  # the line outgrew the bound: the rest of it is dropped
    resync: bool  # after a gap: bytes up to the next newline are dropped
    finished: bool
    produced: int  # articles and rejections the run gave so far (none at all: no_articles)
    parser: ParserState


class SourceState(TypedDict):
    """``SourceReassembler.to_dict``: what the stream's reassembly table stores per source."""

    source_id: str
    current: ReassemblerState | None  # the run being read
    past: list[list[str | int]]  # [run id, chunks it had] of past runs, oldest first
    # Kept by the stream (``core.source_retention``): the data time of its last chunk, and
    # its input partition.
    seen: NotRequired[str]
    partition: NotRequired[int]


class Reassembler:
    """Per-source state machine: ``feed(chunk)`` returns what the chunk completed."""

    __slots__ = (
        "finished",
        "next_offset",
        "next_seq",
        "parser",
        "produced",
        "resync",
        "run_id",
        "source_id",
        "tail",
        "tail_offset",
        "tail_overflow",
    )

    def __init__(self, source_id: str, run_id: str, *, max_article_bytes: int) -> None:
        self.source_id = source_id
        self.run_id = run_id
        self.next_seq = 0
        self.next_offset = 0
        self.tail = bytearray()  # bytes of the line not yet ended by a newline
        self.tail_offset = 0  # source offset where that line starts
        self.tail_overflow = False  # the line outgrew the bound: drop the rest of it
        self.resync = False  # after a gap: drop bytes up to the next newline
        self.finished = False
        self.produced = 0  # articles and rejections this run gave before the current chunk
        self.parser = ArticleParser(source_id, max_article_bytes=max_article_bytes)

    @property
    def max_line_bytes(self) -> int:
        return self.parser.max_article_bytes

    def feed(self, chunk: Chunk) -> list[ParseOutput]:
        if (chunk.source_id, chunk.run_id) != (self.source_id, self.run_id):
            raise InputError(
                f"chunk of source {chunk.source_id!r} run {chunk.run_id!r} fed to the "
                f"reassembler of {self.source_id!r} run {self.run_id!r}",
                reason="wrong_source",
            )
        out: list[ParseOutput] = []
        if chunk.seq < self.next_seq or self.finished:
            out.append(
                Skip(reason="duplicate_chunk", source_id=self.source_id, offset=chunk.offset)
            )
            return out
        if chunk.seq > self.next_seq or chunk.offset != self.next_offset:
            self._on_gap(chunk, out)
        self._consume(chunk.data, chunk.offset, out)
        self.next_seq = chunk.seq + 1
        self.next_offset = chunk.offset + len(chunk.data)
        if chunk.last:
            self._finish(out)
        self.produced += sum(1 for item in out if not isinstance(item, Skip))
        return out

    def _on_gap(self, chunk: Chunk, out: list[ParseOutput]) -> None:
        message = (
            f"expected chunk {self.next_seq} at byte {self.next_offset}, "
            f"got chunk {chunk.seq} at byte {chunk.offset}"
        )
        had_draft = self.parser.to_dict()["draft"] is not None
        self.parser.abandon(out, reason="chunk_gap", message=message)
        if not had_draft:
            out.append(
                Rejection(
                    reason="chunk_gap",
                    source_id=self.source_id,
                    offset=self.next_offset,
                    message=message,
                )
            )
        self.tail = bytearray()
        self.tail_overflow = False
        self.resync = True

    def close_unfinished(self, out: list[ParseOutput], successor: str) -> None:
        """This run will get no more chunks (``successor`` replaced it): reject what it left
        half read."""
        if self.finished:
            return
        message = (
            f"run {self.run_id} of this source ended after chunk {self.next_seq - 1} without "
            f"its last chunk; run {successor} replaced it"
        )
        self.parser.abandon(out, reason="unfinished_run", message=message)
        self.tail = bytearray()
        self.finished = True

    def _consume(self, data: bytes, offset: int, out: list[ParseOutput]) -> None:
        *lines, unfinished = data.split(b"\n")
        if not lines:  # no newline: the chunk only continues the unfinished line
            if not self.resync:  # (after a gap, bytes up to a newline are dropped)
                self._extend_tail(unfinished)
            return
        position, start = offset, 0
        if self.resync or self.tail or self.tail_overflow:  # the first line is special
            first = lines[0]
            if self.resync:
                self.resync = False
            else:
                self._extend_tail(first)
                line = bytes(self.tail)
                self.tail = bytearray()
                self.tail_overflow = False
                self.parser.feed_line(line, self.tail_offset, out)
            position, start = position + len(first) + 1, 1
        # The other lines are whole in this chunk: the loop does only what each line needs.
        feed_line, limit = self.parser.feed_line, self.max_line_bytes
        for line in islice(lines, start, None):
            feed_line(line if len(line) <= limit else _cap(line, limit), position, out)
            position += len(line) + 1
        self.tail_offset = position
        self._extend_tail(unfinished)

    def _extend_tail(self, piece: bytes) -> None:
        if self.tail_overflow:
            return
        room = self.max_line_bytes - len(self.tail)
        if len(piece) <= room:
            self.tail += piece  # bytearray: amortised constant time, linear overall
            return
        self.tail_overflow = True
        self.tail += piece[: room + 1]
        del self.tail[_boundary(self.tail, self.max_line_bytes) :]

    def _finish(self, out: list[ParseOutput]) -> None:
        if self.tail and not self.resync:
            self.parser.feed_line(bytes(self.tail), self.tail_offset, out)
        self.tail = bytearray()
        self.parser.finish(out)
        self.finished = True
        gave = self.produced + sum(1 for item in out if not isinstance(item, Skip))
        if gave == 0 and self.next_offset > 0:  # bytes, yet not one article nor rejection
            out.append(
                Rejection(
                    reason="no_articles",
                    source_id=self.source_id,
                    offset=0,
                    message=f"run {self.run_id} ended after {self.next_offset} bytes without "
                    "an article (binary or not a dump?)",
                )
            )

    def to_dict(self) -> ReassemblerState:
        """A plain JSON-able value for a Faust table (bytes as base64)."""
        return {
            "source_id": self.source_id,
            "run_id": self.run_id,
            "next_seq": self.next_seq,
            "next_offset": self.next_offset,
            "tail": base64.b64encode(self.tail).decode("ascii"),
            "tail_offset": self.tail_offset,
            "tail_overflow": self.tail_overflow,
            "resync": self.resync,
            "finished": self.finished,
            "produced": self.produced,
            "parser": self.parser.to_dict(),
        }

    @classmethod
    def from_dict(cls, state: ReassemblerState, *, max_article_bytes: int) -> Reassembler:
        source_id = state["source_id"]
        reassembler = cls(source_id, state["run_id"], max_article_bytes=max_article_bytes)
        reassembler.next_seq = state["next_seq"]
        reassembler.next_offset = state["next_offset"]
        reassembler.tail = bytearray(base64.b64decode(state["tail"]))
        reassembler.tail_offset = state["tail_offset"]
        reassembler.tail_overflow = state["tail_overflow"]
        reassembler.resync = state["resync"]
        reassembler.finished = state["finished"]
        reassembler.produced = state["produced"]
        reassembler.parser = ArticleParser.from_dict(
            source_id, state["parser"], max_article_bytes=max_article_bytes
        )
        return reassembler


MAX_PAST_RUNS = 64


class SourceReassembler:
    """Every run of one source: the run being read, and the chunk counts of past runs."""

    __slots__ = ("current", "max_article_bytes", "past", "source_id")

    def __init__(self, source_id: str, *, max_article_bytes: int) -> None:
        self.source_id = source_id
        self.max_article_bytes = max_article_bytes
        self.current: Reassembler | None = None
        self.past: dict[str, int] = {}  # run id -> chunks it had, oldest first

    def feed(self, chunk: Chunk) -> list[ParseOutput]:
        if chunk.source_id != self.source_id:
            raise InputError(
                f"chunk of source {chunk.source_id!r} fed to the reassembler of {self.source_id!r}",
                reason="wrong_source",
            )
        current = self.current
        out: list[ParseOutput] = []
        if current is None or current.run_id != chunk.run_id:
            ended = self.past.get(chunk.run_id)
            if ended is not None:
                return [self._late(chunk, ended)]
            if current is not None:
                current.close_unfinished(out, chunk.run_id)
                self._remember(current)
            current = self.current = Reassembler(
                self.source_id, chunk.run_id, max_article_bytes=self.max_article_bytes
            )
        out.extend(current.feed(chunk))
        if current.finished:
            self._remember(current)
            self.current = None
        return out

    def _late(self, chunk: Chunk, ended: int) -> ParseOutput:
        """A chunk of a run that is over: a replay, or content the run never delivered."""
        if chunk.seq < ended:
            return Skip(reason="duplicate_chunk", source_id=self.source_id, offset=chunk.offset)
        return Rejection(
            reason="superseded_run",
            source_id=self.source_id,
            offset=chunk.offset,
            message=(
                f"chunk {chunk.seq} of run {chunk.run_id} arrived after a later run of this "
                "source started (one producer per source id at a time)"
            ),
        )

    def _remember(self, run: Reassembler) -> None:
        self.past.pop(run.run_id, None)
        self.past[run.run_id] = run.next_seq
        while len(self.past) > MAX_PAST_RUNS:
            del self.past[next(iter(self.past))]

    def to_dict(self) -> SourceState:
        return {
            "source_id": self.source_id,
            "current": self.current.to_dict() if self.current is not None else None,
            "past": [[run_id, chunks] for run_id, chunks in self.past.items()],
        }

    @classmethod
    def from_dict(cls, state: SourceState, *, max_article_bytes: int) -> SourceReassembler:
        source = cls(state["source_id"], max_article_bytes=max_article_bytes)
        current = state["current"]
        if current is not None:
            source.current = Reassembler.from_dict(current, max_article_bytes=max_article_bytes)
        source.past = {str(run_id): int(chunks) for run_id, chunks in state["past"]}
        return source


def _boundary(line: bytes | bytearray, limit: int) -> int:
    """The largest cut at most ``limit`` that does not split a UTF-8 character."""
    if len(line) <= limit:
        return len(line)
    end = limit
    while end > 0 and (line[end] & 0xC0) == 0x80:  # a continuation byte: step back
        end -= 1
    return end


def _cap(line: bytes, limit: int) -> bytes:
    return line[: _boundary(line, limit)]


def new_run_id() -> str:
    return uuid.uuid4().hex


def iter_chunks(
    stream: BinaryIO,
    source_id: str,
    chunk_size: int,
    *,
    run_id: str | None = None,
    produced_at: float | None = None,
) -> Iterator[Chunk]:
    """Cut a byte stream into ordered chunks with bounded memory; the last one says so. Each
    call is a new run of ``source_id`` unless ``run_id`` is given."""
    if chunk_size < 1:
        raise InputError(f"chunk size must be positive, not {chunk_size}", reason="bad_argument")
    run_id = run_id or new_run_id()
    seq = offset = 0
    pending = stream.read(chunk_size)
    while True:
        following = stream.read(chunk_size) if pending else b""
        yield Chunk(
            source_id=source_id,
            run_id=run_id,
            seq=seq,
            offset=offset,
            data=pending,
            last=not following,
            produced_at=produced_at,
        )
        if not following:
            return
        seq += 1
        offset += len(pending)
        pending = following


def reassemble(chunks: Iterable[Chunk], *, max_article_bytes: int) -> Iterator[ParseOutput]:
    """Everything the chunks of any number of sources yield, sources kept apart by id."""
    states: dict[str, SourceReassembler] = {}
    for chunk in chunks:
        state = states.get(chunk.source_id)
        if state is None:
            state = states[chunk.source_id] = SourceReassembler(
                chunk.source_id, max_article_bytes=max_article_bytes
            )
        yield from state.feed(chunk)
