"""The ceiling the one-partition near-duplicate stage puts on the cluster: its decision
(``core.dedup.near_step``) alone, on one core, over the keys the identity stage computes.

Every new article and revision of the whole cluster passes this stage on one partition, so
its articles/s is the most any number of workers can reach. The MinHash (``NearKey.of``) is
computed upstream, where partitions spread it; its cost is measured too. The corpus is
generated (near-duplicates included); passes over it, each on a fresh index, repeat until at
least --min-seconds have been timed; bench/results/near.json.

    python -m bench.near_ceiling [--articles N] [--min-seconds S]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from zoneinfo import ZoneInfo

from bench.common import write
from newswire.core.dedup import NearIndex, NearKey, NearStep, near_step
from newswire.core.events import build_event
from newswire_dev.corpus import articles, parse_bytes
from newswire_dev.generate import generate

_THRESHOLD = 0.7


def _applied(step: NearStep, index: NearIndex) -> NearStep:
    step.apply(index)  # what the near stage does once the event's outputs are made
    return step


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--min-seconds", type=float, default=10.0)
    args = parser.parse_args()
    corpus = generate(args.articles, seed=5, repeat_rate=0, revision_rate=0, near_dup_rate=0.05)
    zone = ZoneInfo("Asia/Almaty")
    events = [build_event(a, zone) for a in articles(parse_bytes(corpus.text.encode()))]

    started = time.perf_counter()
    keys = [NearKey.of(e) for e in events]
    key_seconds = time.perf_counter() - started

    passes: list[float] = []
    near = 0
    while sum(passes) < args.min_seconds:
        index = NearIndex(retention_days=90)
        started = time.perf_counter()
        near = sum(
            _applied(near_step(index, key, _THRESHOLD, position), index).kind == "near"
            for position, key in enumerate(keys)
        )
        passes.append(time.perf_counter() - started)
    rates = [len(keys) / seconds for seconds in passes]
    result = {
        "articles": len(keys),
        "near_duplicates_found": near,
        "passes": len(passes),
        "near_step_articles_per_s": {
            "median": round(statistics.median(rates)),
            "spread": round(max(rates) - min(rates)),
        },
        "near_key_us_per_article": round(key_seconds / len(keys) * 1e6, 1),
        "note": (
            "one core, the decision alone (no Kafka, no Faust): the upper bound on the "
            "cluster's articles/s that the one-partition stage imposes"
        ),
    }
    write("near.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
