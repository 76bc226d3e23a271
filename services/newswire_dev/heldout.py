"""Held-out articles written for the tests in the dumps' style, with what a reader finds in
them: regression sets for the extractors (the figures that count come from public corpora,
``bench/enrich_real.py``). One JSON Lines file a set in ``data/heldout/``:

- ``en-development`` (used while writing the English extractors), ``en-blind`` (never tuned on);
- ``ru-kk-development`` (used while writing the Russian and Kazakh extractors), ``ru-kk-blind``
  (written before them, never tuned on), ``ru-kk-late`` (written after them, then tuned on),
  ``ru-kk-fresh-blind`` (written before that tuning, never tuned on).

Each line: ``title``, ``body``, ``language``, ``persons`` (name in dictionary form -> role or
null), ``countries``, ``attribution``, ``publisher``, ``money`` ([amount, currency]),
``speakers``, ``organizations``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources


@dataclass(frozen=True)
class HeldOut:
    title: str
    body: str
    language: str
    persons: dict[str, str | None]  # name -> role (None: no role given)
    countries: set[str]
    attribution: str | None = None
    publisher: str | None = None  # the canonical publisher of a known attribution
    money: list[tuple[float, str]] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    organizations: set[str] = field(default_factory=set)


def load(name: str) -> list[HeldOut]:
    """The articles of one set (``en-blind``, ...)."""
    text = resources.files("newswire_dev").joinpath("data", "heldout", f"{name}.jsonl").read_text()
    articles = []
    for line in text.splitlines():
        raw = json.loads(line)
        articles.append(
            HeldOut(
                title=raw["title"],
                body=raw["body"],
                language=raw["language"],
                persons=raw["persons"],
                countries=set(raw["countries"]),
                attribution=raw["attribution"],
                publisher=raw["publisher"],
                money=[(float(amount), str(currency)) for amount, currency in raw["money"]],
                speakers=raw["speakers"],
                organizations=set(raw["organizations"]),
            )
        )
    return articles


EN_DEVELOPMENT = load("en-development")
EN_BLIND = load("en-blind")
RU_KK_DEVELOPMENT = load("ru-kk-development")
RU_KK_BLIND = load("ru-kk-blind")
RU_KK_LATE = load("ru-kk-late")
RU_KK_FRESH_BLIND = load("ru-kk-fresh-blind")
