"""Default source ids: the file's name, never the producer's directory layout."""

from __future__ import annotations

from pathlib import Path

from newswire.cli.sources import default_source_id, source_ids


def test_the_default_source_id_is_the_file_name_not_the_path(tmp_path: Path) -> None:
    path = tmp_path / "dumps" / "kz-news.txt"
    assert default_source_id(path) == "kz-news.txt"
    assert default_source_id(str(path)) == "kz-news.txt"
    assert default_source_id("kz-news.txt") == "kz-news.txt"
    assert str(tmp_path) not in default_source_id(path)
    assert default_source_id("-") == "stdin"


def test_the_same_name_twice_is_two_sources() -> None:
    assert source_ids(["a/x.txt", "b/x.txt", "y.txt", "x.txt"]) == [
        "x.txt", "x.txt#2", "y.txt", "x.txt#3",
    ]  # fmt: skip
