"""`newswire parse`: JSONL on stdout, diagnostics on stderr, exit codes that mean something."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import orjson
import pytest

from newswire.cli import main
from tests.support import SAMPLE


def _run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, list, str]:
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    events = [orjson.loads(line) for line in captured.out.splitlines()]
    return code, events, captured.err.decode()


def test_parse_prints_one_event_per_article_of_the_sample(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, events, err = _run(capsysbinary, "parse", str(SAMPLE))
    assert code == 0
    assert len(events) == 9
    assert events[0]["published_at"] == "2025-07-14T12:31:00+05:00"
    assert events[0]["source"] == {"id": str(SAMPLE), "offset": 0}
    assert len({e["article_id"] for e in events}) == 9
    assert "articles_parsed=9" in err


def test_chunk_size_does_not_change_the_output(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    _, whole, _ = _run(capsysbinary, "parse", str(SAMPLE))
    _, tiny, err = _run(capsysbinary, "parse", "--chunk-size", "5", str(SAMPLE))
    assert tiny == whole
    assert f"chunks={-(-SAMPLE.stat().st_size // 5)}" in err


def test_stdin_is_read_with_a_dash(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_stdin = io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes()))
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
    assert f"rejected [missing_title] {dump}@0" in err
    assert "missing_title=1" in err


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
