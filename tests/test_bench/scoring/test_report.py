"""The error report: counted by class, grouped by key, in context; an index of counts."""

from __future__ import annotations

from pathlib import Path

from bench.scoring.report import index, write
from bench.scoring.tally import Error


def _error(cls: str, key: str, surface: str, document: str, side: str = "fn") -> Error:
    return Error("persons", side, cls, key, surface, document, "", "body", 0, 4,  # type: ignore[arg-type]
                 f"[[{surface}]] said")  # fmt: skip


def test_errors_are_counted_by_class_and_grouped_by_key(tmp_path: Path) -> None:
    errors = [
        _error("single_word", "berg", "Berg", "a"),
        _error("single_word", "berg", "Berg's", "b"),
        _error("single_word", "lee", "Lee", "a"),
        _error("not_annotated", "zebra", "Zebra", "a", side="fp"),
    ]
    folder = write(tmp_path, "demo-test", errors, {"persons": "Precision 0.5, recall 0.25."})
    text = (folder / "persons.md").read_text(encoding="utf-8")
    assert "| missed | single_word | 3 |" in text
    assert "| wrong | not_annotated | 1 |" in text
    assert "- **berg** ×2 in 2 articles: Berg, Berg's" in text
    assert text.index("**berg**") < text.index("**lee**")
    assert "[[Berg]] said" in text
    rows = (folder / "errors.tsv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + len(errors)
    assert (folder / "places.md").exists()
    summary = index(tmp_path, {"demo-test": errors}).read_text(encoding="utf-8")
    assert "| persons | missed | single_word | 3 |" in summary
