"""Documents as a dump: what `newswire parse` reads back is each title and body exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpora import ROOT, Document
from bench.corpora.dump import DumpError, dump_text, header, write_dump
from newswire.core.parse import parse_header
from newswire_dev.corpus import articles, parse_bytes

DOCUMENTS = [
    Document("x", "test", f"doc-{i}", "en", f"Title number {i}", f"First line {i}.\nSecond line.")
    for i in range(30)
] + [Document("x", "test", "no-body", "en", "A title alone", "")]


def test_the_dump_parses_back_to_the_same_titles_and_bodies() -> None:
    parsed = articles(parse_bytes(dump_text(DOCUMENTS).encode()))
    assert [a.title for a in parsed] == [d.title for d in DOCUMENTS]
    assert ["\n".join(a.paragraphs) for a in parsed] == [d.body for d in DOCUMENTS]


def test_headers_are_distinct_plausible_times_of_2025() -> None:
    headers = [parse_header(header(i)) for i in range(3000)]
    times = [h.local_time for h in headers if h is not None and h.local_time is not None]
    assert len(set(times)) == 3000
    assert {t.year for t in times} == {2025}


def test_a_line_that_reads_as_a_header_is_refused() -> None:
    bad = Document("x", "test", "bad", "en", "Title", "fine\n01.02.2025, 10:00 5")
    with pytest.raises(DumpError, match="reads as a dump header"):
        dump_text([bad])


def test_a_dump_is_never_written_into_the_repository(tmp_path: Path) -> None:
    with pytest.raises(DumpError, match="inside the repository"):
        write_dump(DOCUMENTS, ROOT / "bench" / "results" / "dump.txt", ROOT)
    assert write_dump(DOCUMENTS, tmp_path / "dump.txt", ROOT) == len(DOCUMENTS)
