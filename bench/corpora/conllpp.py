"""CoNLL++ development data (Reuters 1996, ``TOKEN POS CHUNK TAG``), one document per
``-DOCSTART-``: its first sentence is the title (the headline, often in capitals), the others
the body, one sentence a line (the dateline, ``LONDON 1996-08-30``, is the body's first line;
results tables stay one row a line). Labels PER, LOC, ORG, MISC; no relations, no money."""

from __future__ import annotations

from pathlib import Path

from bench.corpora.iob import Builder, Sentence, read_columns
from bench.corpora.model import Document, Kind
from bench.corpora.split import split_of

NAME = "conllpp"
LANGUAGE = "en"
SPLITS = ("dev", "test")
FILE = "conllpp_dev.txt"
KINDS: dict[str, Kind] = {
    "PER": "person",
    "LOC": "place",
    "ORG": "organization",
    "MISC": "demonym",  # nationalities (German, West Indian) among events and other names
}
COUNTRY_LABELS = frozenset(["LOC"])  # the LOCs that name a country (by the country table)

OBTAIN = (
    "one of the shared corpora: ../shared/data from the repository's root, or BENCH_CORPORA_DIR; "
    "see its README.md"
)


def path(corpora: Path) -> Path:
    return corpora / "conllpp"


def documents(sentences: list[Sentence | None]) -> list[list[Sentence]]:
    """The sentences of each document (``None`` separates them)."""
    out: list[list[Sentence]] = []
    for sentence in sentences:
        if sentence is None:
            out.append([])
        elif out:
            out[-1].append(sentence)
        else:
            out.append([sentence])
    return [d for d in out if d]


def build(name: str, corpus: str, language: str, group: list[Sentence], note: str) -> Document:
    builder = Builder()
    builder.add(group[0], "title")
    for sentence in group[1:]:
        builder.add(sentence, "body")
    return Document(
        corpus=corpus,
        split=split_of(corpus, [t for s in group for t in s.tokens]),
        name=name,
        language=language,
        title=builder.text("title"),
        body=builder.text("body"),
        spans=builder.spans(),
        note=note,
    )


def read(corpora: Path, split: str) -> list[Document]:
    with (path(corpora) / FILE).open(encoding="utf-8") as lines:
        groups = documents(list(read_columns(lines)))
    built = (
        build(f"conllpp-{i:03d}", NAME, LANGUAGE, group, f"{FILE} document {i + 1}")
        for i, group in enumerate(groups)
    )
    return [d for d in built if d.split == split]
