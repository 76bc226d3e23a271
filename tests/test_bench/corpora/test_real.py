"""The readers on the real corpora (outside the repository; skipped when absent): every gold
span slices its surface out of the text built, the splits are stable and disjoint, and the
documents survive the dump exactly."""

from __future__ import annotations

import functools

import pytest

from bench.corpora import CORPORA, Document, load
from bench.corpora.dump import dump_text
from newswire_dev.corpus import articles, parse_bytes
from tests.test_bench.support import requires_corpus

SHARED = ("nerel", "kaznerd", "conllpp")


@functools.cache
def _documents(name: str) -> dict[str, list[Document]]:
    return {split: load(name, split) for split in CORPORA[name].SPLITS}


def _marked(names: tuple[str, ...]) -> list[object]:
    return [pytest.param(n, marks=requires_corpus(n)) for n in names]


@pytest.mark.parametrize("name", _marked(SHARED))
def test_every_gold_span_slices_its_surface(name: str) -> None:
    for documents in _documents(name).values():
        assert documents
        for document in documents:
            for span in document.spans:
                assert document.text(span.field)[span.start : span.end] == span.text
                assert span.text == span.text.strip() or span.label not in CORPORA[name].KINDS


@pytest.mark.parametrize("name", _marked(SHARED))
def test_the_splits_are_disjoint_and_stable(name: str) -> None:
    first = _documents(name)
    again = {split: load(name, split) for split in CORPORA[name].SPLITS}
    names = {split: [d.name for d in docs] for split, docs in first.items()}
    assert names == {split: [d.name for d in docs] for split, docs in again.items()}
    assert set(names["dev"]).isdisjoint(names["test"])
    assert min(len(n) for n in names.values()) > 0.4 * sum(len(n) for n in names.values())


@requires_corpus("nerel")
def test_nerel_has_its_published_split_sizes() -> None:
    assert {s: len(d) for s, d in _documents("nerel").items()} == {"dev": 94, "test": 93}


@pytest.mark.parametrize("name", _marked(SHARED))
def test_the_documents_survive_the_dump_exactly(name: str) -> None:
    documents = [d for docs in _documents(name).values() for d in docs]
    parsed = articles(parse_bytes(dump_text(documents).encode()))
    assert [(a.title, "\n".join(a.paragraphs)) for a in parsed] == [
        (d.title, d.body) for d in documents
    ]
