"""Token-per-line corpora (KazNERD, CoNLL++): IOB tags to spans, sentences to a document.

Tags are read leniently: ``B-X`` starts an entity, ``I-X`` continues one of type X and starts
one when none of that type is open (IOB1 files, or a stray ``I-``), ``O`` ends it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from bench.corpora.detok import detokenise
from bench.corpora.model import Field, Span


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """An entity of one sentence, by token indexes (``last`` included)."""

    label: str
    first: int
    last: int


def token_spans(tags: Sequence[str]) -> list[TokenSpan]:
    spans: list[TokenSpan] = []
    label: str | None = None
    first = 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.append(TokenSpan(label, first, i - 1))
            label = None
        if prefix in ("B", "I") and not continues:
            label, first = kind, i
    return spans


def read_columns(lines: Iterable[str], tag_column: int = -1) -> Iterator[Sentence | None]:
    """Sentences of a token-per-line file (blank line between sentences); ``None`` where a
    ``-DOCSTART-`` line starts a new document."""
    tokens: list[str] = []
    tags: list[str] = []
    for line in lines:
        columns = line.split()
        if columns and columns[0] == "-DOCSTART-":
            if tokens:
                yield Sentence(tuple(tokens), tuple(tags))
                tokens, tags = [], []
            yield None
            continue
        if not columns:
            if tokens:
                yield Sentence(tuple(tokens), tuple(tags))
                tokens, tags = [], []
            continue
        tokens.append(columns[0])
        tags.append(columns[tag_column] if len(columns) > 1 else "O")
    if tokens:
        yield Sentence(tuple(tokens), tuple(tags))


@dataclass
class Placed:
    """A sentence's entity as placed in the built document."""

    span: Span
    sentence: int  # index of the sentence in its field
    token: TokenSpan


@dataclass
class Builder:
    """Sentences in, title and body out: the title one line, the body one sentence a line,
    with every entity's offsets in the text built."""

    placed: list[Placed] = field(default_factory=list)
    _texts: dict[Field, list[str]] = field(default_factory=lambda: {"title": [], "body": []})
    _lengths: dict[Field, int] = field(default_factory=lambda: {"title": 0, "body": 0})
    _counts: dict[Field, int] = field(default_factory=lambda: {"title": 0, "body": 0})

    def add(self, sentence: Sentence, where: Field) -> list[Placed]:
        text, positions = detokenise(sentence.tokens)
        lines = self._texts[where]
        if where == "title" and lines:
            lines.append(" ")  # a headline of several sentences stays one line
            self._lengths[where] += 1
        elif where == "body" and lines:
            lines.append("\n")
            self._lengths[where] += 1
        offset = self._lengths[where]
        lines.append(text)
        self._lengths[where] += len(text)
        index = self._counts[where]
        self._counts[where] += 1
        added: list[Placed] = []
        for token in token_spans(sentence.tags):
            start = offset + positions[token.first][0]
            end = offset + positions[token.last][1]
            span = Span(
                id=f"T{len(self.placed) + len(added) + 1}",
                label=token.label,
                field=where,
                start=start,
                end=end,
                text=text[start - offset : end - offset],
            )
            added.append(Placed(span, index, token))
        self.placed.extend(added)
        return added

    def text(self, where: Field) -> str:
        return "".join(self._texts[where])

    def spans(self) -> tuple[Span, ...]:
        return tuple(p.span for p in self.placed)
