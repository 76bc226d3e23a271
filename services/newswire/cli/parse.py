"""`newswire parse FILE...`: the whole core in one process, no broker; JSONL on stdout."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any, BinaryIO

from newswire.cli.report import summary_line
from newswire.cli.sources import STDIN, source_ids
from newswire.core.events import event_to_json
from newswire.core.models import Chunk, Rejection
from newswire.core.reassembly import iter_chunks, reassemble
from newswire.errors import InputError, UsageError
from newswire.pipeline import ArticleStages, RunStats
from newswire.settings import Settings, chunk_size_error


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


def _chunks(
    sources: list[tuple[str, BinaryIO]], chunk_size: int, stats: RunStats
) -> Iterator[Chunk]:
    for source_id, stream in sources:
        try:
            for chunk in iter_chunks(stream, source_id, chunk_size):
                stats.chunks += 1
                yield chunk
        except OSError as exc:
            raise InputError(f"error reading {source_id}: {exc}", reason="unreadable") from exc


def _parse(args: argparse.Namespace, settings: Settings) -> int:
    chunk_size = settings.chunk_size if args.chunk_size is None else args.chunk_size
    problem = chunk_size_error(chunk_size, settings.max_message_bytes, "--chunk-size")
    if problem:  # the same bound as the stream's, and before a chunk is allocated
        raise UsageError(problem)
    stages = ArticleStages(settings)
    out = sys.stdout.buffer
    with ExitStack() as stack:
        chunks = _chunks(_open_all(stack, args.files), chunk_size, stages.stats)
        for item in reassemble(chunks, max_article_bytes=settings.max_article_bytes):
            if isinstance(item, Rejection):
                print(
                    f"rejected [{item.reason}] {item.source_id}@{item.offset}: {item.message}",
                    file=sys.stderr,
                )
            for event in stages.handle(item):
                out.write(event_to_json(event) + b"\n")
    out.flush()
    stats = stages.stats
    summary = summary_line(
        chunks=stats.chunks,
        articles_parsed=stats.articles_parsed,
        events=stats.events,
        duplicates=stats.duplicates,
        rejected=stats.rejected,
        skipped=stats.skipped,
    )
    print(summary, file=sys.stderr)
    return 0
