"""IOB tags to spans, and sentences to a title and a body with exact offsets."""

from __future__ import annotations

from bench.corpora.iob import Builder, Sentence, TokenSpan, read_columns, token_spans
from tests.test_bench.support import tagged


def _sentence(text: str) -> Sentence:
    pairs = tagged(text)
    return Sentence(tuple(t for t, _ in pairs), tuple(g for _, g in pairs))


def test_iob2_and_stray_inside_tags_make_spans() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O"]
    assert token_spans(tags) == [
        TokenSpan("PER", 0, 1),
        TokenSpan("LOC", 3, 4),
        TokenSpan("LOC", 5, 5),
        TokenSpan("ORG", 6, 6),
    ]


def test_a_span_may_end_the_sentence() -> None:
    assert token_spans(["O", "B-GPE", "I-GPE"]) == [TokenSpan("GPE", 1, 2)]


def test_columns_give_sentences_and_document_starts() -> None:
    lines = ["-DOCSTART- -X- -X- O", "", "A X X B-PER", "b X X O", "", "C X X O", ""]
    read = list(read_columns(lines))
    assert read == [None, Sentence(("A", "b"), ("B-PER", "O")), Sentence(("C",), ("O",))]


def test_the_builder_keeps_every_span_on_its_text() -> None:
    builder = Builder()
    builder.add(_sentence("ZEBRA/B-ORG WINS IN « Oslo/B-LOC » ."), "title")
    builder.add(_sentence("Anna/B-PER Berg/I-PER , of ( Zebra/B-ORG ) , spoke ."), "body")
    builder.add(_sentence("She left Oslo/B-LOC ."), "body")
    title, body = builder.text("title"), builder.text("body")
    assert title == "ZEBRA WINS IN «Oslo»."
    assert body == "Anna Berg, of (Zebra), spoke.\nShe left Oslo."
    spans = builder.spans()
    assert [(s.field, s.label, s.text) for s in spans] == [
        ("title", "ORG", "ZEBRA"),
        ("title", "LOC", "Oslo"),
        ("body", "PER", "Anna Berg"),
        ("body", "ORG", "Zebra"),
        ("body", "LOC", "Oslo"),
    ]
    for span in spans:
        assert (title if span.field == "title" else body)[span.start : span.end] == span.text
    assert len({s.id for s in spans}) == len(spans)
