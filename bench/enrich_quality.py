"""Enrichment quality and speed.

- quality, on hand-annotated articles written for the tests (``newswire_dev.heldout``: an
  English development and blind set; Russian and Kazakh development, blind, late (tuned on
  after a first blind measurement) and fresh blind sets): regression figures; the figures on
  text nobody here wrote come from ``bench/enrich_real.py``. Figures: precision and
  recall of persons (by name in dictionary form; and name plus role) and of countries; the
  share of persons with a role whose role is found; the share of attributions (and known
  publishers) found; the share of quote speakers and of amounts of money found;
- speed: enrich() alone over the articles of a generated corpus, articles/s and MB/s of body
  text on one core, median of --repeat runs.
Writes bench/results/enrich.json and prints the quality figures side by side.

    python -m bench.enrich_quality [--articles N] [--repeat K]

Text nobody here wrote is measured by ``bench/enrich_real.py`` (``make bench-quality``): the
same enrichment on public annotated news corpora (NEREL, KazNERD, CoNLL++), per type at the
article and mention level, with an error analysis for the extractors' developers.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from bench.common import summary, write
from newswire.core.events import build_event
from newswire.enrich import enrich
from newswire_dev.corpus import articles, enriched, parse_bytes
from newswire_dev.generate import generate
from newswire_dev.heldout import EN_BLIND as BLIND
from newswire_dev.heldout import EN_DEVELOPMENT as ARTICLES
from newswire_dev.heldout import (
    RU_KK_BLIND,
    RU_KK_DEVELOPMENT,
    RU_KK_FRESH_BLIND,
    RU_KK_LATE,
    HeldOut,
)


def _pr(found: int, right: int, expected: int) -> dict[str, float]:
    return {
        "precision": round(right / found, 4) if found else 1.0,
        "recall": round(right / expected, 4) if expected else 1.0,
        "found": found,
        "right": right,
        "expected": expected,
    }


def _share(right: int, expected: int) -> float:
    return round(right / expected, 4) if expected else 1.0


def _matched(got: Sequence[Hashable], want: Sequence[Hashable]) -> int:
    return sum((Counter(got) & Counter(want)).values())


def quality(held_out: list[HeldOut]) -> dict[str, Any]:  # figure: P/R dict, share or count
    counts = {"persons": [0, 0, 0], "persons_with_role": [0, 0, 0], "countries": [0, 0, 0]}
    shares = {key: [0, 0] for key in ("roles", "attribution", "publisher", "speakers", "money")}
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
        roles = {p.name: (p.role or "").casefold() for p in event.entities.persons}
        for name, role in article.persons.items():
            if role is not None:
                shares["roles"][0] += roles.get(name) == role.casefold()
                shares["roles"][1] += 1
        if article.attribution is not None:
            shares["attribution"][0] += event.attribution == article.attribution
            shares["attribution"][1] += 1
        if article.publisher is not None:
            shares["publisher"][0] += event.publisher == article.publisher
            shares["publisher"][1] += 1
        shares["speakers"][0] += _matched([q.speaker for q in event.quotes], article.speakers)
        shares["speakers"][1] += len(article.speakers)
        money = [(m.amount, m.currency) for m in event.money]
        shares["money"][0] += _matched(money, article.money)
        shares["money"][1] += len(article.money)
    return (
        {key: _pr(*values) for key, values in counts.items()}
        | {
            "roles_found": _share(*shares["roles"]),
            "attribution": _share(*shares["attribution"]),
            "publisher": _share(*shares["publisher"]),
            "quote_speakers": _share(*shares["speakers"]),
            "money": _share(*shares["money"]),
        }
        | {"articles": len(held_out)}
    )


def _table(sets: dict[str, dict[str, Any]]) -> str:
    """The quality figures of every set side by side, one row per figure."""
    rows = [("figure", *sets)]
    for figure in ("persons", "persons_with_role", "countries"):
        rows.append(
            (
                f"{figure} P / R",
                *(
                    f"{r[figure]['precision']:.2f} / {r[figure]['recall']:.2f}"
                    for r in sets.values()
                ),
            )
        )
    for figure in ("roles_found", "attribution", "publisher", "quote_speakers", "money"):
        rows.append((figure, *(f"{r[figure]:.2f}" for r in sets.values())))
    rows.append(("articles", *(str(r["articles"]) for r in sets.values())))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    )


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
    sets = {
        "en development": quality(ARTICLES),
        "en blind": quality(BLIND),
        "ru+kk development": quality(RU_KK_DEVELOPMENT),
        "ru+kk blind": quality(RU_KK_BLIND),
        "ru+kk late (tuned)": quality(RU_KK_LATE),
        "ru+kk fresh blind": quality(RU_KK_FRESH_BLIND),
    }
    print(_table(sets))
    result = {
        "quality_development_set": sets["en development"],
        "quality_blind_set": sets["en blind"],
        "quality_ru_kk_development_set": sets["ru+kk development"],
        "quality_ru_kk_blind_set": sets["ru+kk blind"],
        "quality_ru_kk_late_set": sets["ru+kk late (tuned)"],
        "quality_ru_kk_fresh_blind_set": sets["ru+kk fresh blind"],
        "speed": speed(args.articles, args.repeat),
    }
    print(f"articles/s: {result['speed']['articles_per_s']}")
    write("enrich.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
