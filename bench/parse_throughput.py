"""Micro-benchmark: the parser and `newswire parse`'s whole code path, against the cheapest
possible Python pass over the same file.

Generates a multi-megabyte dump with our generator, then times, in this one process:
- ``floor``: read the file and split it into articles with one regular expression;
- ``parse``: chunks -> reassembly -> parse -> typed events (identity, zone, word count);
- ``core``: all of `newswire parse` (parse, dedup, enrichment, JSON lines), minus stdout.
Each is run --repeat times; medians and spread go to bench/results/parse.json.

    python -m bench.parse_throughput [--articles N] [--repeat K]
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import summary, write
from newswire.core.events import build_event
from newswire.core.models import ParsedArticle
from newswire.core.reassembly import iter_chunks, reassemble
from newswire.settings import Settings
from newswire.stages.pipeline import InProcess
from newswire_dev.generate import generate

_FLOOR_SPLIT = re.compile(
    rb"^(?: date \d{4}-\d{2}-\d{2} )?\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \d+$", re.MULTILINE
)


def floor_pass(path: Path, _: Settings) -> int:
    return len(_FLOOR_SPLIT.split(path.read_bytes())) - 1


def parse_pass(path: Path, settings: Settings) -> int:
    count = 0
    with path.open("rb") as stream:
        chunks = iter_chunks(stream, path.name, settings.chunk_size)
        for item in reassemble(chunks, max_article_bytes=settings.max_article_bytes):
            if isinstance(item, ParsedArticle):
                build_event(item, settings.zone)
                count += 1
    return count


def core_pass(path: Path, settings: Settings) -> int:
    stages = InProcess(settings)  # what `newswire parse` runs
    sink = io.BytesIO()
    with path.open("rb") as stream:
        for record in stages.feed(iter_chunks(stream, path.name, settings.chunk_size)):
            sink.write(record.value + b"\n")
    return stages.stats.articles_parsed


PHASES: dict[str, Callable[[Path, Settings], int]] = {
    "floor": floor_pass,
    "parse": parse_pass,
    "core": core_pass,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    runs: dict[str, list[float]] = {name: [] for name in PHASES}
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.txt"
        path.write_text(generate(args.articles, seed=42).text, encoding="utf-8")
        megabytes = path.stat().st_size / 1e6
        for _ in range(args.repeat):
            for name, phase in PHASES.items():
                start = time.perf_counter()
                counts[name] = phase(path, settings)
                runs[name].append(time.perf_counter() - start)
    if len(set(counts.values())) != 1:
        print(f"article counts differ: {counts}", file=sys.stderr)
        return 1
    result: dict[str, object] = {"corpus_mb": round(megabytes, 2), "articles": counts["core"],
                                 "repeat": args.repeat}  # fmt: skip
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        result[name] = {
            **summary(seconds),
            "mb_per_s": round(megabytes / median, 2),
            "articles_per_s": round(counts[name] / median, 1),
        }
    floor = statistics.median(runs["floor"])
    result["parse_to_floor_ratio"] = round(floor / statistics.median(runs["parse"]), 4)
    result["core_to_floor_ratio"] = round(floor / statistics.median(runs["core"]), 4)
    write("parse.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
