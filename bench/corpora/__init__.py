"""Public annotated news corpora as documents for measuring enrichment (``bench.enrich_real``).

The corpora live outside the repository, in ``../shared/data`` from its root (read its
README.md), or in the directory ``BENCH_CORPORA_DIR`` names. (Not a ``NEWSWIRE_`` variable:
that prefix is the service's settings', and the tests hide it.) Their text is never copied into
the repository. A corpus that is absent is skipped with its reason (``Unavailable``).

| corpus | language | documents | splits |
| --- | --- | --- | --- |
| ``nerel`` | ru | NEREL 1.1 Wikinews articles (brat) | its own: ``dev`` 94, ``test`` 93 |
| ``kaznerd`` | kk | KazNERD validation sentences in pseudo-articles of 8 | by hash (``split.py``) |
| ``conllpp`` | en | CoNLL++ development data, one document per ``-DOCSTART-`` | by hash |
| ``gum`` | en | GUM's news genre (Wikinews), optional: ``BENCH_GUM_DIR`` | by hash |

Each reader says how it builds title and body (``nerel.py``, ``kaznerd.py``, ``conllpp.py``,
``gum.py``); ``model.py`` what a document holds. ``python -m bench.corpora`` prints what is
there, and ``--dump OUT --corpus nerel-test`` writes documents as a dump (``dump.py``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from bench.corpora import conllpp, gum, kaznerd, nerel
from bench.corpora.model import Document, Field, Kind, Relation, Span

CORPORA_DIR_ENV = "BENCH_CORPORA_DIR"
ROOT = Path(__file__).resolve().parents[2]


class Unavailable(Exception):
    """A corpus's files are not there; the message says what is missing and how to get it."""


class Corpus(Protocol):
    """A reader module: ``nerel``, ``kaznerd``, ``conllpp``, ``gum``."""

    NAME: str
    LANGUAGE: str
    SPLITS: tuple[str, ...]
    KINDS: Mapping[str, Kind]  # corpus label -> what it is scored as
    COUNTRY_LABELS: frozenset[str]  # labels whose spans may name a country
    OBTAIN: str  # where it is expected and how to get it

    def path(self, corpora: Path) -> Path:
        """Its directory, given the shared corpora directory (``corpora_dir()``)."""

    def read(self, corpora: Path, split: str) -> list[Document]: ...


def corpora_dir() -> Path:
    return Path(os.environ.get(CORPORA_DIR_ENV) or ROOT.parent / "shared" / "data")


CORPORA: dict[str, Corpus] = {c.NAME: c for c in (nerel, kaznerd, conllpp, gum)}


def available(corpus: Corpus) -> str | None:
    """None when the corpus can be read, else why not."""
    where = corpus.path(corpora_dir())
    if not where.exists():
        # Relative to the repository: the message goes into results files, which hold no
        # absolute path of the machine they were made on.
        shown = os.path.relpath(where, ROOT) if where.is_absolute() else str(where)
        return f"{corpus.NAME}: {shown} is absent ({corpus.OBTAIN})"
    return None


def load(name: str, split: str) -> list[Document]:
    """The documents of one corpus split; ``Unavailable`` when its files are absent."""
    corpus = CORPORA[name]
    if split not in corpus.SPLITS:
        raise ValueError(f"{name} has splits {', '.join(corpus.SPLITS)}, not {split!r}")
    reason = available(corpus)
    if reason is not None:
        raise Unavailable(reason)
    return corpus.read(corpora_dir(), split)


def parse_selection(text: str) -> tuple[str, str]:
    """``nerel-test`` -> (``nerel``, ``test``)."""
    name, _, split = text.rpartition("-")
    if name not in CORPORA:
        known = ", ".join(f"{c}-{s}" for c in CORPORA for s in CORPORA[c].SPLITS)
        raise ValueError(f"unknown corpus {text!r} (known: {known})")
    return name, split


__all__ = [
    "CORPORA",
    "CORPORA_DIR_ENV",
    "Corpus",
    "Document",
    "Field",
    "Kind",
    "Relation",
    "Span",
    "Unavailable",
    "available",
    "corpora_dir",
    "load",
    "parse_selection",
]
