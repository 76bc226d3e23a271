"""Dedup quality and state cost on a generated corpus with known repeats, revisions and
syndicated copies: precision and recall per kind (bench/results/dedup.json), and the JSON
bytes of dedup state per article kept.

    python -m bench.dedup_quality [--articles N] [--seeds S ...]
"""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any
from zoneinfo import ZoneInfo

from bench.common import write
from newswire import jsonio
from newswire.core.events import build_event
from newswire.core.models import ArticleEvent
from newswire.core.reassembly import iter_chunks
from newswire.settings import Settings
from newswire.stages.pipeline import InProcess
from newswire_dev.corpus import articles, parse_bytes
from newswire_dev.generate import generate
from newswire_dev.truth import score


def run(n: int, seed: int, settings: Settings) -> dict[str, object]:
    """The decisions `newswire parse` makes (``stages.pipeline``) for each occurrence of the
    corpus, scored against what the generator wrote."""
    corpus = generate(n, seed=seed, repeat_rate=0.1, revision_rate=0.05, near_dup_rate=0.05)
    data = corpus.text.encode()
    stages = InProcess(settings)
    published = [
        ArticleEvent.model_validate_json(record.value)
        for record in stages.feed(iter_chunks(io.BytesIO(data), "bench", settings.chunk_size))
        if record.topic != settings.topic_dlq
    ]
    # Each occurrence gives one event (new, revision, near) or none (an exact repeat), in
    # order: the stages hand each article on before the next is read.
    zone, waiting = ZoneInfo(settings.source_timezone), iter(published)
    upcoming = next(waiting, None)
    predicted: list[tuple[str, str | None]] = []
    for article in articles(parse_bytes(data)):
        identity = build_event(article, zone).article_id
        if upcoming is None or upcoming.article_id != identity:
            predicted.append(("exact", None))
            continue
        near_of = upcoming.near_duplicate_of
        kind = "revision" if upcoming.revision > 1 else "near" if near_of else "new"
        predicted.append((kind, near_of))
        upcoming = next(waiting, None)
    tables = stages.tables
    kept = len(tables["articles"]) or 1
    return {
        "seed": seed,
        "occurrences": n,
        "truth_counts": corpus.truth()["counts"],
        "scores": score(predicted, corpus.truth()["occurrences"]),
        "state_bytes_per_article": {
            "record": round(_json_bytes(tables["articles"]) / kept),
            "near_duplicate_index": round(_json_bytes(tables["near-entries"]) / kept),
        },
    }


def _json_bytes(table: dict[str, Any]) -> int:
    """Bytes of JSON the table's records take (32 more for each key)."""
    return sum(len(jsonio.dumps(value)) + 32 for value in table.values())


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
