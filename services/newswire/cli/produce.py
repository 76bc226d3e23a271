"""`newswire produce FILE...`: publish files as ordered chunks keyed by source id."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from newswire.cli.parse import positive_int
from newswire.cli.sources import source_ids
from newswire.errors import InputError, UsageError
from newswire.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("produce", help="publish dump files to the input topic")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="dump files to publish")
    parser.add_argument(
        "--chunk-size",
        type=positive_int,
        default=None,
        help="bytes per chunk (default: NEWSWIRE_CHUNK_SIZE)",
    )
    parser.add_argument(
        "--source-id",
        default=None,
        help="source id (one file only; default: the file's name). Each produce is a new run "
        "of its source id, so reusing one is safe",
    )
    parser.set_defaults(handler=_produce)


def _produce(args: argparse.Namespace, settings: Settings) -> int:
    from newswire.kafka.produce import check_chunk_size, produce_files  # noqa: PLC0415 - see cli

    if args.source_id and len(args.files) > 1:
        raise UsageError("--source-id names one file's chunks; give one FILE")
    chunk_size = args.chunk_size or settings.chunk_size
    check_chunk_size(settings, chunk_size, "--chunk-size" if args.chunk_size else None)
    ids = [args.source_id] if args.source_id else source_ids(args.files)
    sources = list(zip(ids, args.files, strict=True))
    for _, path in sources:
        if not path.is_file():
            raise InputError(f"cannot read {path}: not a file", reason="unreadable")
    total = asyncio.run(produce_files(settings, sources, chunk_size, progress=sys.stderr.isatty()))
    print(f"produced {total} chunks to {settings.topic_raw_chunks}", file=sys.stderr)
    return 0
