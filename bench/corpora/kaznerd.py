"""KazNERD (Kazakh TV-news sentences, IOB2, validation file) as pseudo-articles.

The file has no documents: consecutive sentences are grouped into pseudo-articles of
``SENTENCES`` (8; the last may be shorter). The title is the group's first sentence and the
body all its sentences, one a line, the first included (as a lead repeats a headline):
enrichment reads the body, so no sentence is only in the title. Gold spans are given in both
fields; a title span is a copy of one in the body's first line. The sentences of a group are
not about one subject (the file's order is not the broadcasts'), and the file holds many
sentences twice, numbers once in words and once in digits; both stay, as published.

Roles: KazNERD has no relations. A ``POSITION`` is the role of a ``PERSON`` of the same
sentence when it stands right before the name (``Президент Қасым-Жомарт Тоқаев``) or right
after it, or after it and a comma (``Тоқаев, Президент``): ``WORKS_AS`` relations are made for
those pairs in the body, nothing else is paired.
"""

from __future__ import annotations

from pathlib import Path

from bench.corpora.iob import Builder, Placed, Sentence, read_columns
from bench.corpora.model import Document, Kind, Relation
from bench.corpora.split import split_of

NAME = "kaznerd"
LANGUAGE = "kk"
SPLITS = ("dev", "test")
SENTENCES = 8
FILE = "IOB2_valid.txt"
KINDS: dict[str, Kind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOCATION": "place",
    "ORGANISATION": "organization",
    "MONEY": "money",
    "POSITION": "role",
    "NORP": "demonym",
    "FACILITY": "facility",
    "ART": "work",
    "LAW": "work",
    "PRODUCT": "work",
    "PROJECT": "work",
}
COUNTRY_LABELS = frozenset(["GPE"])  # the GPEs that name a country (by the country table)

OBTAIN = (
    "one of the shared corpora: ../shared/data from the repository's root, or BENCH_CORPORA_DIR; "
    "see its README.md"
)


def path(corpora: Path) -> Path:
    return corpora / "kaznerd"


def role_pairs(placed: list[Placed], sentence: Sentence) -> list[tuple[str, str]]:
    """(person span id, position span id) of one sentence, by the module's adjacency rule."""
    persons = [p for p in placed if p.span.label == "PERSON"]
    positions = [p for p in placed if p.span.label == "POSITION"]
    pairs = []
    for role in positions:
        for person in persons:
            before = role.token.last + 1 == person.token.first
            after = person.token.last + 1 == role.token.first
            apposition = (
                person.token.last + 2 == role.token.first
                and sentence.tokens[person.token.last + 1] == ","
            )
            if before or after or apposition:
                pairs.append((person.span.id, role.span.id))
    return pairs


def _document(index: int, first: int, group: list[Sentence]) -> Document:
    builder = Builder()
    builder.add(group[0], "title")
    relations = []
    for sentence in group:
        placed = builder.add(sentence, "body")
        relations += [Relation("WORKS_AS", a, b) for a, b in role_pairs(placed, sentence)]
    tokens = [t for s in group for t in s.tokens]
    return Document(
        corpus=NAME,
        split=split_of(NAME, tokens),
        name=f"kaznerd-{index:04d}",
        language=LANGUAGE,
        title=builder.text("title"),
        body=builder.text("body"),
        spans=builder.spans(),
        relations=tuple(relations),
        note=f"{FILE} sentences {first + 1}-{first + len(group)}",
    )


def read(corpora: Path, split: str) -> list[Document]:
    with (path(corpora) / FILE).open(encoding="utf-8") as lines:
        sentences = [s for s in read_columns(lines) if s is not None]
    documents = (
        _document(k // SENTENCES, k, sentences[k : k + SENTENCES])
        for k in range(0, len(sentences), SENTENCES)
    )
    return [d for d in documents if d.split == split]
