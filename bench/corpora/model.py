"""What every corpus reader returns: documents with a title, a body and gold annotation.

Offsets are Python ``str`` indexes into the document's ``title`` or ``body`` (``field``), the
same texts an ``ArticleEvent`` built from the document carries, so a predicted mention's
``(field, start, end)`` compares with a gold one directly. The body is paragraphs joined by
``"\\n"``, each stripped and non-empty: what ``newswire parse`` makes of the document's dump
(``bench.corpora.dump``), so the offsets hold for events parsed from it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Field = Literal["title", "body"]

# What a corpus label is scored as. ``person``, ``place``, ``organization``, ``money`` and
# ``role`` are scored; the others only excuse predictions (a predicted country that a demonym
# names is no false positive) or decide nesting (a person inside an organisation's name).
Kind = Literal[
    "person",
    "place",
    "organization",
    "money",
    "role",
    "demonym",  # NEREL NATIONALITY, KazNERD NORP, CoNLL MISC (demonyms and other names)
    "facility",
    "district",
    "work",  # names of things named after people: awards, works, laws, products, projects
]


@dataclass(frozen=True, slots=True)
class Span:
    """One gold annotation: its corpus label, where it is and the text there."""

    id: str  # unique in its document (NEREL's T-ids; T1, T2, ... elsewhere)
    label: str  # the corpus's own label: PERSON, GPE, LOC, ...
    field: Field
    start: int
    end: int
    text: str  # exactly ``getattr(document, field)[start:end]``
    # NEREL's Wikidata-linked name (nominative: "США", "Барак Обама") where given, else None.
    norm: str | None = None
    # The entity a mention is of, where the corpus says (GUM: its Wikipedia name, "Donald
    # Trump" for "the President"): persons are keyed by it.
    entity: str | None = None
    # A discontinuous brat annotation (NEREL, rare): the span runs from its first fragment's
    # start to its last fragment's end, text between included.
    discontinuous: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    label: str  # WORKS_AS: arg1 a person, arg2 their role
    arg1: str  # Span.id
    arg2: str


@dataclass(frozen=True, slots=True)
class Document:
    corpus: str  # nerel, kaznerd, conllpp, gum
    split: str  # dev or test
    name: str  # the file stem or a stable index: how error reports name it
    language: str  # ISO 639-1 of the text
    title: str
    body: str
    spans: tuple[Span, ...] = ()
    relations: tuple[Relation, ...] = ()
    note: str = ""  # where in the source it comes from (KazNERD: its sentences)

    def text(self, field: Field) -> str:
        return self.title if field == "title" else self.body
