"""NEREL 1.1 (Russian Wikinews, brat standoff): ``dev/`` and ``test/`` as the corpus splits them.

``NAME.txt``: the first line is the title (the first non-empty one: a few files begin
with an empty line), the rest the body (paragraphs with blank lines
between, dropped here as the dump parser drops them). ``NAME.ann``: ``T`` lines are entities
(character offsets into the ``.txt``; a discontinuous one, ``a b;c d``, is taken from its first
start to its last end), ``R`` lines relations (``WORKS_AS`` person -> profession is kept), ``N``
lines Wikidata links whose name (nominative) is kept as ``Span.norm``.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from bench.corpora.model import Document, Field, Kind, Relation, Span

NAME = "nerel"
LANGUAGE = "ru"
SPLITS = ("dev", "test")
KINDS: dict[str, Kind] = {
    "PERSON": "person",
    "CITY": "place",
    "COUNTRY": "place",
    "STATE_OR_PROVINCE": "place",
    "LOCATION": "place",
    "ORGANIZATION": "organization",
    "MONEY": "money",
    "PROFESSION": "role",
    "NATIONALITY": "demonym",
    "FACILITY": "facility",
    "DISTRICT": "district",
    "AWARD": "work",
    "WORK_OF_ART": "work",
    "LAW": "work",
    "PRODUCT": "work",
}
COUNTRY_LABELS = frozenset(["COUNTRY"])
RELATIONS = frozenset(["WORKS_AS"])

OBTAIN = (
    "one of the shared corpora: ../shared/data from the repository's root, or BENCH_CORPORA_DIR; "
    "see its README.md"
)


def path(corpora: Path) -> Path:
    return corpora / "nerel-v1.1"


class _Layout:
    """Where each character of the ``.txt`` went: the title line, or a body paragraph."""

    def __init__(self, raw: str) -> None:
        # The title is the first line; a few files begin with an empty line before it.
        lead = len(raw) - len(raw.lstrip())
        lead = raw.rfind("\n", 0, lead) + 1  # the title line's own indentation stays
        first, _, rest = raw[lead:].partition("\n")
        self.title = first.strip()
        self.title_at = lead + len(first) - len(first.lstrip())
        self.body_from = lead + len(first) + 1
        paragraphs: list[str] = []
        self.raw_starts: list[int] = []  # where each paragraph begins in the .txt
        self.body_starts: list[int] = []  # and in the body
        position, length = self.body_from, 0
        for line in rest.split("\n"):
            stripped = line.strip()
            if stripped:
                self.raw_starts.append(position + len(line) - len(line.lstrip()))
                self.body_starts.append(length + len(paragraphs))  # one "\n" per paragraph
                length += len(stripped)
                paragraphs.append(stripped)
            position += len(line) + 1
        self.body = "\n".join(paragraphs)

    def place(self, offset: int, *, end: bool) -> tuple[Field, int]:
        if offset < self.body_from:
            return "title", min(max(offset - self.title_at, 0), len(self.title))
        # An end offset belongs to the paragraph it closes, a start to the one it opens.
        k = bisect_right(self.raw_starts, offset - 1 if end else offset) - 1
        k = max(k, 0)
        return "body", self.body_starts[k] + offset - self.raw_starts[k]


def _document(txt: Path, split: str) -> Document:
    raw = txt.read_text(encoding="utf-8")
    layout = _Layout(raw)
    lines = txt.with_suffix(".ann").read_text(encoding="utf-8").splitlines()
    norms: dict[str, str] = {}
    for line in lines:
        if line.startswith("N"):
            _, reference, name = line.split("\t")
            norms[reference.split()[1]] = name
    spans: list[Span] = []
    relations: list[Relation] = []
    for line in lines:
        if line.startswith("T"):
            tid, middle, _surface = line.split("\t")
            label, _, offsets = middle.partition(" ")
            fragments = [tuple(map(int, f.split())) for f in offsets.split(";")]
            where, start = layout.place(fragments[0][0], end=False)
            where_end, end = layout.place(fragments[-1][1], end=True)
            if where_end != where:
                continue  # never happens in 1.1: no entity crosses the title line
            text = layout.title if where == "title" else layout.body
            spans.append(
                Span(
                    id=tid,
                    label=label,
                    field=where,
                    start=start,
                    end=end,
                    text=text[start:end],
                    norm=norms.get(tid),
                    discontinuous=len(fragments) > 1,
                )
            )
        elif line.startswith("R"):
            _, middle = line.split("\t")[:2]
            label, arg1, arg2 = middle.split()
            if label in RELATIONS:
                relations.append(Relation(label, arg1.split(":")[1], arg2.split(":")[1]))
    return Document(
        corpus=NAME,
        split=split,
        name=txt.stem,
        language=LANGUAGE,
        title=layout.title,
        body=layout.body,
        spans=tuple(spans),
        relations=tuple(relations),
    )


def read(corpora: Path, split: str) -> list[Document]:
    folder = path(corpora) / split
    return [_document(txt, split) for txt in sorted(folder.glob("*.txt"))]
