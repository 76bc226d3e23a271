"""`newswire parse`: JSONL on stdout, diagnostics on stderr, exit codes that mean something."""

from __future__ import annotations

import gc
import io
import sys
from contextlib import closing
from pathlib import Path

import orjson
import pytest

from newswire.cli import main, parse
from tests.support import SAMPLE, requires_sample, sample_bytes


def _run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, list, str]:
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    events = [orjson.loads(line) for line in captured.out.splitlines()]
    return code, events, captured.err.decode()


@requires_sample
def test_parse_prints_one_event_per_article_of_the_sample(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, events, err = _run(capsysbinary, "parse", str(SAMPLE))
    assert code == 0
    assert len(events) == 9
    assert events[0]["published_at"] == "2025-07-14T12:31:00+05:00"
    assert events[0]["source"] == {"id": SAMPLE.name, "offset": 0}  # the name, not the path
    assert len({e["article_id"] for e in events}) == 9
    assert "articles_parsed=9" in err


@requires_sample
def test_chunk_size_does_not_change_the_output(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    _, whole, _ = _run(capsysbinary, "parse", str(SAMPLE))
    _, tiny, err = _run(capsysbinary, "parse", "--chunk-size", "5", str(SAMPLE))
    assert tiny == whole
    assert f"chunks={-(-SAMPLE.stat().st_size // 5)}" in err


@requires_sample
def test_stdin_is_read_with_a_dash(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_stdin = io.TextIOWrapper(io.BytesIO(sample_bytes()))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    code, events, _ = _run(capsysbinary, "parse", "-")
    assert code == 0
    assert len(events) == 9
    assert events[0]["source"]["id"] == "stdin"


def test_rejections_are_reported_on_stderr_and_are_not_fatal(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    dump = tmp_path / "bad.txt"
    dump.write_bytes(b"01.07.2025, 10:00 7\n02.07.2025, 10:00 7\nTitle\nBody\n")
    code, events, err = _run(capsysbinary, "parse", str(dump))
    assert code == 0
    assert [e["title"] for e in events] == ["Title"]
    assert "rejected [missing_title] bad.txt@0" in err
    assert "rejected=missing_title:1" in err


@requires_sample
def test_an_unreadable_file_fails_fast_with_a_clear_message(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    code, events, err = _run(capsysbinary, "parse", str(SAMPLE), str(tmp_path / "missing.txt"))
    assert code == 1
    assert events == []
    assert "cannot read" in err
    assert "missing.txt" in err


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_a_bad_chunk_size_is_a_usage_error(
    capsysbinary: pytest.CaptureFixture[bytes], value: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "--chunk-size", value, str(SAMPLE)])
    captured = capsysbinary.readouterr()
    assert exit_info.value.code == 2
    assert captured.out == b""
    assert b"--chunk-size" in captured.err


TWO_SECTIONS = """\
 date 2025-08-01 30.07.2025, 09:15 120
Wind farm opens near Ekibastuz
The new wind farm near Ekibastuz will deliver 50 megawatts, Kazinform News Agency reports.
Construction took two years and cost 80 billion tenge.
31.07.2025, 18:40 75
Rail freight to China grows
Freight volumes on the Dostyk crossing rose by 12 percent in July.
The operator plans a second track by 2027.
29.07.2025, 11:00 300
Astana hosts water forum
Delegates from 30 countries discussed regional water management.
 date 2025-08-02 30.07.2025, 09:15 410
Wind farm opens near Ekibastuz
The new wind farm near Ekibastuz will deliver 50 megawatts, Kazinform News Agency reports.
Construction took  two years and cost 80 billion tenge.
31.07.2025, 18:40 160
Rail freight to China grows
Freight volumes on the Dostyk crossing rose by 14 percent in July, the operator corrected.
The operator plans a second track by 2027.
01.08.2025, 08:05 20
Grain harvest starts in the north
Farmers in Kostanay Region began harvesting spring wheat.
29.07.2025, 11:00 520
Astana hosts water forum
Delegates from 30 countries discussed regional water management.
"""


def test_a_re_scraped_dump_gives_new_articles_once_and_the_revision_once(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    dump = tmp_path / "two-days.txt"
    dump.write_text(TWO_SECTIONS, encoding="utf-8")
    code, events, err = _run(capsysbinary, "parse", "--chunk-size", "64", str(dump))
    assert code == 0
    got = [(e["title"], e["revision"], e["dump_date"]) for e in events]
    assert got == [
        ("Wind farm opens near Ekibastuz", 1, "2025-08-01"),
        ("Rail freight to China grows", 1, "2025-08-01"),
        ("Astana hosts water forum", 1, "2025-08-01"),
        ("Rail freight to China grows", 2, "2025-08-02"),
        ("Grain harvest starts in the north", 1, "2025-08-02"),
    ]
    assert events[0]["article_id"] != events[1]["article_id"]
    assert events[3]["article_id"] == events[1]["article_id"]
    assert "14 percent" in events[3]["body"]
    assert " duplicates=exact:2,revision:1 rejected=none skipped=none" in err


def test_the_collector_is_tuned_for_the_run_and_restored_after() -> None:
    """During the run the young generation is collected less often and what lived before the
    second chunk is frozen; once the run is closed (even when it stopped early) the collector
    is as it was, and a process's own frozen objects stay frozen."""
    gc.unfreeze()
    before = gc.get_threshold()
    seen: list[tuple[int, int]] = []
    kept = [[index] for index in range(1000)]  # containers alive before the second chunk
    with closing(parse.collector_tuned_for_run(iter(["first", "second", "third"]))) as chunks:
        for _ in chunks:
            seen.append((gc.get_threshold()[0], gc.get_freeze_count()))
    assert all(young == parse.YOUNG_COLLECTION_AFTER > before[0] for young, _ in seen)
    assert seen[1][1] >= len(kept)
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)

    with closing(parse.collector_tuned_for_run(iter(["first", "second"]))) as stopped:
        next(stopped)  # a run that raised after its first chunk
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0

    gc.freeze()  # the process's own
    frozen = gc.get_freeze_count()
    try:
        with closing(parse.collector_tuned_for_run(iter(["first", "second"]))) as chunks:
            counts = [gc.get_freeze_count() for _ in chunks]
        # Neither more frozen nor thawed (a frozen object may still be freed meanwhile).
        assert all(frozen - 100 <= count <= frozen for count in [*counts, gc.get_freeze_count()])
    finally:
        gc.unfreeze()
