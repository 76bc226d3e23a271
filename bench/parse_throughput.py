"""Micro-benchmark: `newswire parse`'s code path against the cheapest possible Python pass.

Generates a multi-megabyte dump with our generator, then times, in this one process:
- ``floor``: read the file and split it into articles with one regular expression;
- ``core``: chunks -> reassembly -> parse -> events -> dedup -> JSON lines (what
  `newswire parse` does, minus writing to stdout), with the default chunk size.
Each is run --repeat times; medians and spread go to bench/results/parse.json.

    python -m bench.parse_throughput [--articles N] [--repeat K]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newswire import jsonio
from newswire.core.events import event_to_json
from newswire.core.generate import generate
from newswire.core.pipeline import ArticleStages
from newswire.core.reassembly import iter_chunks, reassemble
from newswire.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results"
_FLOOR_SPLIT = re.compile(
    rb"^(?: date \d{4}-\d{2}-\d{2} )?\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \d+$", re.MULTILINE
)


def floor_pass(path: Path) -> int:
    data = path.read_bytes()
    return len(_FLOOR_SPLIT.split(data)) - 1


def core_pass(path: Path, settings: Settings) -> int:
    stages = ArticleStages(settings)
    sink = io.BytesIO()
    with path.open("rb") as stream:
        chunks = iter_chunks(stream, path.name, settings.chunk_size)
        for item in reassemble(chunks, max_article_bytes=settings.max_article_bytes):
            for event in stages.handle(item):
                sink.write(event_to_json(event) + b"\n")
    return stages.stats.articles_parsed


def timed(func, *args) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    count = func(*args)
    return time.perf_counter() - start, count


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.txt"
        path.write_text(generate(args.articles, seed=42).text, encoding="utf-8")
        megabytes = path.stat().st_size / 1e6
        runs: dict[str, list[float]] = {"floor": [], "core": []}
        counts = {}
        for _ in range(args.repeat):
            for name, func, extra in (("floor", floor_pass, ()), ("core", core_pass, (settings,))):
                seconds, counts[name] = timed(func, path, *extra)
                runs[name].append(seconds)
    if counts["floor"] != counts["core"]:
        print(f"article counts differ: {counts}", file=sys.stderr)
        return 1
    result: dict[str, object] = {
        "machine": machine(),
        "corpus_mb": round(megabytes, 2),
        "articles": counts["core"],
        "repeat": args.repeat,
    }
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        result[name] = {
            "median_seconds": round(median, 4),
            "spread_seconds": round(max(seconds) - min(seconds), 4),
            "mb_per_s": round(megabytes / median, 2),
            "articles_per_s": round(counts[name] / median, 1),
        }
    result["core_to_floor_ratio"] = round(
        statistics.median(runs["floor"]) / statistics.median(runs["core"]), 4
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "parse.json").write_bytes(jsonio.dumps(result) + b"\n")
    print(jsonio.dumps(result).decode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
