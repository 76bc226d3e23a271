"""Enrichment quality and speed.

- quality: precision and recall of persons (by name; and name plus role) and of countries on
  the held-out articles in tests/test_newswire/enrich/heldout.py: ARTICLES (written by us and
  used while developing the extractors) and BLIND (written afterwards, never tuned on);
- speed: enrich() alone over the articles of a generated corpus, articles/s and MB/s of body
  text on one core, median of --repeat runs.
Writes bench/results/enrich.json.

    python -m bench.enrich_quality [--articles N] [--repeat K]
"""

from __future__ import annotations

import argparse
import sys
import time
from zoneinfo import ZoneInfo

from bench.common import summary, write
from newswire.core.events import build_event
from newswire.core.generate import generate
from newswire.enrich import enrich
from tests.support import articles, parse_bytes
from tests.test_newswire.enrich.heldout import ARTICLES, BLIND, HeldOut
from tests.test_newswire.enrich.support import enriched


def _pr(found: int, right: int, expected: int) -> dict[str, float]:
    return {
        "precision": round(right / found, 4) if found else 1.0,
        "recall": round(right / expected, 4) if expected else 1.0,
        "found": found,
        "right": right,
        "expected": expected,
    }


def quality(held_out: list[HeldOut]) -> dict[str, object]:
    counts = {"persons": [0, 0, 0], "persons_with_role": [0, 0, 0], "countries": [0, 0, 0]}
    for article in held_out:
        event = enriched(article.title, article.body)
        got_names = {p.name for p in event.entities.persons}
        got_roles = {(p.name, p.role) for p in event.entities.persons}
        for key, got, want in (
            ("persons", got_names, set(article.persons)),
            ("persons_with_role", got_roles, set(article.persons.items())),
            ("countries", set(event.countries), article.countries),
        ):
            counts[key][0] += len(got)
            counts[key][1] += len(got & want)
            counts[key][2] += len(want)
    return {key: _pr(*values) for key, values in counts.items()} | {"articles": len(held_out)}


def speed(n: int, repeat: int) -> dict[str, object]:
    zone = ZoneInfo("Asia/Almaty")
    corpus = generate(n, seed=5, repeat_rate=0.0, revision_rate=0.0, near_dup_rate=0.0)
    events = [build_event(a, zone) for a in articles(parse_bytes(corpus.text.encode()))]
    megabytes = sum(len(e.body.encode()) for e in events) / 1e6
    enrich(events[0])  # load the gazetteer and the language model outside the timing
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        detected = [enrich(event).language for event in events]
        runs.append(time.perf_counter() - start)
    stats = summary(runs)
    written = [o["language"] for o in corpus.occurrences]
    right = sum(got == want for got, want in zip(detected, written, strict=True))
    return {
        "articles": len(events),
        "body_mb": round(megabytes, 2),
        **stats,
        "articles_per_s": round(len(events) / stats["median_seconds"], 1),
        "mb_per_s": round(megabytes / stats["median_seconds"], 2),
        "language_accuracy": round(right / len(events), 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    write(
        "enrich.json",
        {
            "quality_development_set": quality(ARTICLES),
            "quality_blind_set": quality(BLIND),
            "speed": speed(args.articles, args.repeat),
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
