"""Dedup quality and state cost on a generated corpus with known repeats, revisions and
syndicated copies: precision and recall per kind (bench/results/dedup.json), and the JSON
bytes of dedup state per article kept.

    python -m bench.dedup_quality [--articles N] [--seeds S ...]
"""

from __future__ import annotations

import argparse
import sys
from zoneinfo import ZoneInfo

from bench.common import write
from newswire.core.dedup import DedupStore
from newswire.core.events import build_event
from newswire.devtools.corpus import articles, parse_bytes
from newswire.devtools.generate import generate
from newswire.devtools.truth import score
from newswire.settings import Settings


def run(n: int, seed: int, settings: Settings) -> dict[str, object]:
    corpus = generate(n, seed=seed, repeat_rate=0.1, revision_rate=0.05, near_dup_rate=0.05)
    store = DedupStore(
        near_threshold=settings.near_duplicate_threshold,
        retention_days=settings.dedup_retention_days,
    )
    predicted = []
    for article in articles(parse_bytes(corpus.text.encode())):
        outcome = store.process(build_event(article, ZoneInfo(settings.source_timezone)))
        near_of = outcome.event.near_duplicate_of if outcome.event else None
        predicted.append((outcome.kind, near_of))
    size = store.state_size()
    kept = size["articles"] or 1
    return {
        "seed": seed,
        "occurrences": n,
        "truth_counts": corpus.truth()["counts"],
        "scores": score(predicted, corpus.truth()["occurrences"]),
        "state_bytes_per_article": {
            "record": round(size["records"] / kept),
            "near_duplicate_index": round(size["near"] / kept),
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    settings = Settings()
    runs = [run(args.articles, seed, settings) for seed in args.seeds]
    write("dedup.json", {"threshold": settings.near_duplicate_threshold, "runs": runs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
