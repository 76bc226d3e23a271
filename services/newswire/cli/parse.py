"""`newswire parse FILE...`: the whole core in one process, no broker; JSONL on stdout."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack, closing
from typing import Any, BinaryIO, TypeVar

from newswire.cli.report import summary_line
from newswire.cli.sources import STDIN, source_ids
from newswire.core.models import Chunk, DeadLetter
from newswire.core.reassembly import iter_chunks
from newswire.errors import InputError, UsageError
from newswire.settings import Settings, chunk_size_error
from newswire.stages.pipeline import InProcess
from newswire.topology import Topology


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "parse",
        help="parse dump files (or - for stdin) into article events, one JSON per line",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="dump file, or - for stdin")
    parser.add_argument(
        "--chunk-size",
        type=positive_int,
        default=None,
        help="bytes per chunk fed to reassembly (default: settings)",
    )
    parser.set_defaults(handler=_parse)


def at_least(minimum: int) -> Callable[[str], int]:
    """argparse type: a whole number of at least ``minimum`` (usage error, exit 2, otherwise)."""

    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value

    return whole_number


positive_int = at_least(1)


def _open_all(stack: ExitStack, names: list[str]) -> list[tuple[str, BinaryIO]]:
    """Open every input before reading any, so a typo fails fast and prints nothing."""
    opened = []
    for name, source_id in zip(names, source_ids(names), strict=True):
        if name == STDIN:
            opened.append((source_id, sys.stdin.buffer))
            continue
        try:
            opened.append((source_id, stack.enter_context(open(name, "rb"))))  # noqa: SIM115
        except OSError as exc:
            raise InputError(f"cannot read {name}: {exc.strerror}", reason="unreadable") from exc
    return opened


def _chunks(sources: list[tuple[str, BinaryIO]], chunk_size: int) -> Iterator[Chunk]:
    for source_id, stream in sources:
        try:
            yield from iter_chunks(stream, source_id, chunk_size)
        except OSError as exc:
            raise InputError(f"error reading {source_id}: {exc}", reason="unreadable") from exc


YOUNG_COLLECTION_AFTER = 20_000
T = TypeVar("T")


def collector_tuned_for_run(chunks: Iterator[T]) -> Generator[T, None, None]:
    """The chunks, with what is alive before the first and before the second kept out of the
    cyclic garbage collector's walks for the run (``gc.freeze``): the modules and models, then
    what the first articles loaded (gazetteer, dictionaries, language models, memos). They
    live as long as the run anyway, and every full collection walked them all again: half of
    the collector's time, 0.17 s in 6,000 articles. Thawed when the run ends.

    The young generation is collected after ``YOUNG_COLLECTION_AFTER`` allocations instead of
    700: an article's enrichment makes tens of thousands of short-lived objects, almost none
    in cycles, and each young collection walked them again (about 5 % of the run's CPU, for a
    few MB more between collections).

    Close it when the run ends (``contextlib.closing``), however it ends: the collector is
    restored then. A process that froze objects of its own before keeps them frozen, and the
    run freezes nothing (thawing would thaw theirs)."""
    thresholds = gc.get_threshold()
    freezing = gc.get_freeze_count() == 0
    gc.set_threshold(YOUNG_COLLECTION_AFTER, *thresholds[1:])
    try:
        for index, chunk in enumerate(chunks):
            if freezing and index <= 1:  # before the first and once it is through every stage
                gc.freeze()
            yield chunk
    finally:
        if freezing:
            gc.unfreeze()
        gc.set_threshold(*thresholds)


def _parse(args: argparse.Namespace, settings: Settings) -> int:
    chunk_size = settings.chunk_size if args.chunk_size is None else args.chunk_size
    problem = chunk_size_error(chunk_size, settings.max_message_bytes, "--chunk-size")
    if problem:  # the same bound as the stream's, and before a chunk is allocated
        raise UsageError(problem)
    # The stream's stages, in this process (``stages.pipeline``): what they publish is what
    # the stream would, byte for byte.
    stages = InProcess(settings)
    dlq = Topology.from_settings(settings).dlq.name
    out = sys.stdout.buffer
    with ExitStack() as stack:
        chunks = stack.enter_context(
            closing(collector_tuned_for_run(_chunks(_open_all(stack, args.files), chunk_size)))
        )
        for record in stages.feed(chunks):
            if record.topic != dlq:
                out.write(record.value + b"\n")
            elif isinstance(record.payload, DeadLetter):
                letter = record.payload
                where = f"{letter.source_id}@{letter.source_offset}"
                print(f"rejected [{letter.reason}] {where}: {letter.message}", file=sys.stderr)
    out.flush()
    stats = stages.stats
    summary = summary_line(
        chunks=stats.chunks,
        articles_parsed=stats.articles_parsed,
        events=stats.events,
        duplicates=stats.duplicates,
        rejected=stats.rejections,
        skipped=stats.skips,
    )
    print(summary, file=sys.stderr)
    return 0
