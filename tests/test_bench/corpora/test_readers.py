"""The readers on small made-up corpus files: titles, bodies, offsets, roles and splits."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpora import CORPORA_DIR_ENV, Document, Unavailable, load
from bench.corpora.kaznerd import SENTENCES
from tests.test_bench.support import tagged, write_iob

NEREL_TEXT = (
    "\n"  # a file may begin with an empty line before its title
    "Министр Иван Петров посетил Омск\n"
    "\n"
    "  Министр финансов Иван Петров прибыл в Омск.  \n"
    "\n"
    "Фонд Петра Сидорова выделил 5 млн рублей.\n"
)


def _brat(text: str, entities: list[tuple[str, str, str]]) -> str:
    """``T`` lines for each (id, label, surface), at the surface's first free occurrence."""
    lines, taken = [], set()
    for tid, label, surface in entities:
        start = text.find(surface)
        while start in taken:
            start = text.find(surface, start + 1)
        taken.add(start)
        lines.append(f"{tid}\t{label} {start} {start + len(surface)}\t{surface}")
    return "\n".join(lines) + "\n"


def _check_offsets(documents: list[Document]) -> None:
    for document in documents:
        for span in document.spans:
            assert document.text(span.field)[span.start : span.end] == span.text


@pytest.fixture
def corpora(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CORPORA_DIR_ENV, str(tmp_path))
    return tmp_path


def test_nerel_title_body_spans_relations_and_names(corpora: Path) -> None:
    folder = corpora / "nerel-v1.1" / "dev"
    folder.mkdir(parents=True)
    (folder / "1_text.txt").write_text(NEREL_TEXT, encoding="utf-8")
    ann = _brat(NEREL_TEXT, [
        ("T1", "PERSON", "Иван Петров"), ("T2", "CITY", "Омск"), ("T3", "PROFESSION", "Министр"),
        ("T4", "PERSON", "Иван Петров"), ("T5", "PROFESSION", "Министр финансов"),
        ("T6", "ORGANIZATION", "Фонд Петра Сидорова"), ("T7", "PERSON", "Петра Сидорова"),
        ("T8", "MONEY", "5 млн рублей"),
    ])  # fmt: skip
    first = NEREL_TEXT.find("Министр финансов")
    ann += f"T9\tPROFESSION {first} {first + 7};{first + 8} {first + 16}\tМинистр финансов\n"
    ann += "R1\tWORKS_AS Arg1:T4 Arg2:T5\nR2\tWORKPLACE Arg1:T4 Arg2:T2\n"
    ann += "N1\tReference T4 Wikidata:Q1\tИван Петров\n"
    (folder / "1_text.ann").write_text(ann, encoding="utf-8")
    [document] = load("nerel", "dev")
    assert document.title == "Министр Иван Петров посетил Омск"
    assert document.body == (
        "Министр финансов Иван Петров прибыл в Омск.\nФонд Петра Сидорова выделил 5 млн рублей."
    )
    _check_offsets([document])
    fields = {s.id: s.field for s in document.spans}
    assert fields["T1"] == fields["T2"] == fields["T3"] == "title"
    assert fields["T4"] == fields["T8"] == "body"
    spans = {s.id: s for s in document.spans}
    assert spans["T4"].norm == "Иван Петров"
    assert spans["T9"].discontinuous
    assert spans["T9"].text == "Министр финансов"
    assert [(r.label, r.arg1, r.arg2) for r in document.relations] == [("WORKS_AS", "T4", "T5")]


def _kaznerd_sentences(count: int) -> list[list[tuple[str, str]]]:
    """Made-up sentences, numbered: every eighth opens a pseudo-article."""
    return [
        tagged(f"Президент/B-POSITION Тоқаев/B-PERSON {i}-інші « Астана/B-GPE » сапарында .")
        if i % SENTENCES == 0
        else tagged(f"Бұл {i}-інші сөйлем , деді Ержан/B-PERSON Бек/I-PERSON , әкім/B-POSITION .")
        for i in range(count)
    ]


def test_kaznerd_pseudo_articles_of_eight_sentences(corpora: Path) -> None:
    write_iob(corpora / "kaznerd" / "IOB2_valid.txt", _kaznerd_sentences(2 * SENTENCES + 3))
    documents = load("kaznerd", "dev") + load("kaznerd", "test")
    assert sorted(d.name for d in documents) == ["kaznerd-0000", "kaznerd-0001", "kaznerd-0002"]
    _check_offsets(documents)
    first = next(d for d in documents if d.name == "kaznerd-0000")
    assert first.title == "Президент Тоқаев 0-інші «Астана» сапарында."
    assert first.body.split("\n")[0] == first.title
    assert len(first.body.split("\n")) == SENTENCES
    assert {s.field for s in first.spans if s.label == "GPE"} == {"title", "body"}
    assert first.note == "IOB2_valid.txt sentences 1-8"
    last = next(d for d in documents if d.name == "kaznerd-0002")
    assert len(last.body.split("\n")) == 3


def test_kaznerd_roles_pair_a_position_beside_its_person(corpora: Path) -> None:
    write_iob(corpora / "kaznerd" / "IOB2_valid.txt", _kaznerd_sentences(2))
    [document] = load("kaznerd", "dev") + load("kaznerd", "test")
    spans = {s.id: s for s in document.spans}
    pairs = {
        (spans[r.arg1].text, spans[r.arg2].text, spans[r.arg1].field) for r in document.relations
    }
    # Before the name, and after it behind a comma; never in the title (a copy).
    assert pairs == {("Тоқаев", "Президент", "body"), ("Ержан Бек", "әкім", "body")}


def test_conllpp_one_document_per_docstart_headline_as_title(corpora: Path) -> None:
    sentences = [
        [("-DOCSTART-", "O")],
        tagged("SOCCER - ZEBRA/B-ORG WIN ."),
        tagged("OSLO/B-LOC 1996-08-30"),
        tagged('" We/O won , " said Anna/B-PER Berg/I-PER .'),
        [("-DOCSTART-", "O")],
        tagged("MARKETS - QUIET DAY ."),
        tagged("Shares in Zebra/B-ORG Corp/I-ORG rose ."),
    ]
    write_iob(corpora / "conllpp" / "conllpp_dev.txt", sentences, columns=4)
    documents = sorted(load("conllpp", "dev") + load("conllpp", "test"), key=lambda d: d.name)
    assert [d.title for d in documents] == ["SOCCER - ZEBRA WIN.", "MARKETS - QUIET DAY."]
    assert documents[0].body == 'OSLO 1996-08-30\n"We won," said Anna Berg.'
    _check_offsets(documents)
    assert [s.text for s in documents[0].spans] == ["ZEBRA", "OSLO", "Anna Berg"]


def test_splits_are_deterministic_and_disjoint(corpora: Path) -> None:
    write_iob(corpora / "kaznerd" / "IOB2_valid.txt", _kaznerd_sentences(40 * SENTENCES))
    dev, test = load("kaznerd", "dev"), load("kaznerd", "test")
    assert {d.name for d in dev}.isdisjoint(d.name for d in test)
    assert len(dev) + len(test) == 40
    assert [d.name for d in load("kaznerd", "test")] == [d.name for d in test]


def test_an_absent_corpus_is_unavailable_with_its_reason(corpora: Path) -> None:
    with pytest.raises(Unavailable, match=r"nerel-v1\.1 is absent"):
        load("nerel", "test")
