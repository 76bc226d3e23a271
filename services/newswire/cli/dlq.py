"""`newswire dlq stats|show|redrive`: what went to the dead-letter topic, and sending the
articles among it through the pipeline again once the cause is fixed.

Every sub-command reads the topic as it is when it starts and selects letters by
``--reason``, ``--source`` (each may be repeated) and ``--since``/``--until`` (the time a
letter was written). ``redrive`` publishes the article of each selected letter that carries
one as a new run of its source (``kafka.deadletters``); repeating it is harmless, since the
identity stage finds an article it has published to be an exact repeat.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from newswire import jsonio
from newswire.errors import InputError
from newswire.kafka.deadletters import (
    Letter,
    Selection,
    instant,
    read_letters,
    redrive_plan,
    select,
)
from newswire.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "dlq", help="count, show and re-drive dead letters (input newswire could not use)"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, help_text, handler in (
        ("stats", "count the selected letters by reason and source", _stats),
        ("show", "print the selected letters", _show),
        ("redrive", "publish the articles of the selected letters again", _redrive),
    ):
        action = actions.add_parser(name, help=help_text)
        _selection_arguments(action)
        action.set_defaults(handler=handler)
        if name == "show":
            action.add_argument("--limit", type=_count, default=None, help="at most this many")
        if name == "redrive":
            action.add_argument(
                "--dry-run",
                action="store_true",
                help="say what would be published, publish nothing",
            )


def _time(text: str) -> float:
    """argparse type: ``kafka.deadletters.instant``, its error as a usage error (exit 2)."""
    try:
        return instant(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _count(text: str) -> int:
    """argparse type: a number of letters, 0 or more."""
    try:
        count = int(text)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"not a count: {text!r} (0 or more)")
    return count


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reason", action="append", default=[], help="only this reason")
    parser.add_argument("--source", action="append", default=[], help="only this source id")
    parser.add_argument("--since", type=_time, default=None, help="written at or after (ISO 8601)")
    parser.add_argument("--until", type=_time, default=None, help="written before (ISO 8601)")
    parser.add_argument("--topic", default=None, help="default: NEWSWIRE_TOPIC_DLQ")
    parser.add_argument("--json", action="store_true", help="JSON for scripts")


def _selected(args: argparse.Namespace, settings: Settings) -> list[Letter]:
    selection = Selection(frozenset(args.reason), frozenset(args.source), args.since, args.until)
    return select(asyncio.run(read_letters(settings, args.topic)), selection)


def _when(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


def _stats(args: argparse.Namespace, settings: Settings) -> int:
    letters = _selected(args, settings)
    reasons = Counter(item.letter.reason for item in letters)
    sources = Counter(item.letter.source_id or "" for item in letters)
    times = [item.letter.rejected_at for item in letters]
    summary = {
        "letters": len(letters),
        "by_reason": dict(reasons.most_common()),
        "by_source": dict(sources.most_common()),
        "first": _when(min(times)) if times else None,
        "last": _when(max(times)) if times else None,
    }
    if args.json:
        sys.stdout.buffer.write(jsonio.dumps(summary) + b"\n")
        return 0
    print(
        f"{len(letters)} letters" + (f", {summary['first']} to {summary['last']}" if times else "")
    )
    for title, counts in (("by reason", reasons), ("by source", sources)):
        if counts:
            print(f"{title}:")
            for name, count in counts.most_common():
                print(f"  {count:>8}  {name or '(none)'}")
    return 0


def _show(args: argparse.Namespace, settings: Settings) -> int:
    letters = _selected(args, settings)[: args.limit]
    for item in letters:
        letter = item.letter
        if args.json:
            sys.stdout.buffer.write(jsonio.dumps(letter.model_dump(mode="json")) + b"\n")
            continue
        offset = "-" if letter.source_offset is None else letter.source_offset
        where = f"{letter.source_id or '-'}@{offset}"
        print(f"{_when(letter.rejected_at)}  {letter.reason:<20} {where}  {letter.message[:160]}")
    return 0


def _redrive(args: argparse.Namespace, settings: Settings) -> int:
    letters = _selected(args, settings)
    plan = redrive_plan(letters, settings)
    chunks = 0
    if plan.sources and not args.dry_run:
        from newswire.kafka.produce import produce_files  # noqa: PLC0415 - aiokafka: see cli

        chunks = asyncio.run(produce_files(settings, plan.sources, settings.chunk_size))
    result = {
        "letters": len(letters),
        "articles": plan.articles,
        "sources": len(plan.sources),
        "chunks": chunks,
        "not_redriven": plan.refused,
        "dry_run": bool(args.dry_run),
    }
    if args.json:
        sys.stdout.buffer.write(jsonio.dumps(result) + b"\n")
        return 0
    verb = "would publish" if args.dry_run else "published"
    print(
        f"{len(letters)} letters selected: {verb} {plan.articles} articles again, as a new run "
        f"of each of {len(plan.sources)} sources, to {settings.topic_raw_chunks}"
    )
    for why, count in plan.refused.items():
        print(f"  {count} not re-driven: {why}")
    return 0
