"""`newswire generate`: a synthetic dump plus its ground truth (for demos, tests, benchmarks)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newswire import jsonio
from newswire.cli.parse import at_least, positive_int
from newswire.errors import InputError, UsageError
from newswire.settings import Settings
from newswire_dev.generate import generate


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a rate is between 0 and 1, not {value}")
    return value


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "generate", help="write a synthetic dump and its ground truth (FILE.truth.json)"
    )
    parser.add_argument(
        "--articles", type=at_least(0), required=True, help="article occurrences (0 or more)"
    )
    parser.add_argument("--repeat-rate", type=_rate, default=0.1, help="share of exact repeats")
    parser.add_argument("--revision-rate", type=_rate, default=0.03, help="share of revisions")
    parser.add_argument(
        "--near-dup-rate",
        type=_rate,
        default=0.03,
        help="share of syndicated near-duplicate copies",
    )
    parser.add_argument(
        "--sections", type=positive_int, default=3, help="dump sections (days); default 3"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="random seed: the same seed writes the same dump"
    )
    parser.add_argument("--out", type=Path, required=True, help="where to write the dump")
    parser.add_argument(
        "--truth", type=Path, default=None, help="ground-truth JSON (default: OUT.truth.json)"
    )
    parser.set_defaults(handler=_generate)


def _generate(args: argparse.Namespace, settings: Settings) -> int:
    try:
        corpus = generate(
            args.articles,
            repeat_rate=args.repeat_rate,
            revision_rate=args.revision_rate,
            near_dup_rate=args.near_dup_rate,
            seed=args.seed,
            sections=args.sections,
            zone=settings.zone,
        )
    except ValueError as exc:  # rates that add up to more than 1: a usage error too
        raise UsageError(str(exc)) from exc
    truth_path = args.truth or args.out.with_name(args.out.name + ".truth.json")
    try:
        args.out.write_text(corpus.text, encoding="utf-8")
        truth_path.write_bytes(jsonio.dumps(corpus.truth()) + b"\n")
    except OSError as exc:
        message = f"cannot write {exc.filename}: {exc.strerror}"
        raise InputError(message, reason="unwritable") from exc
    counts = ", ".join(f"{k}={v}" for k, v in sorted(corpus.truth()["counts"].items()))
    print(
        f"wrote {args.out} ({len(corpus.text.encode()):,} bytes; {counts}) and {truth_path}",
        file=sys.stderr,
    )
    return 0
