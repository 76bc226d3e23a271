"""Helpers of the benchmark tests: synthetic corpus files, and the real corpora's markers.

The real corpora live outside the repository (``../shared/data`` from its root, or the
directory ``BENCH_CORPORA_DIR`` names); tests that read them are marked ``requires_corpus``
and skip with the reason when they are absent. Every other test writes small files of its own
(text made up for the test, never corpus text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpora import CORPORA, available


def requires_corpus(name: str) -> pytest.MarkDecorator:
    reason = available(CORPORA[name])
    return pytest.mark.skipif(reason is not None, reason=str(reason))


def write_iob(path: Path, sentences: list[list[tuple[str, str]]], columns: int = 2) -> Path:
    """A token-per-line file: ``TOKEN TAG`` (or ``TOKEN POS CHUNK TAG`` for 4 columns);
    a sentence ``[("-DOCSTART-", "O")]`` starts a document."""
    lines = []
    for sentence in sentences:
        for token, tag in sentence:
            middle = " X X" if columns == 4 else ""
            lines.append(f"{token}{middle} {tag}")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def tagged(text: str) -> list[tuple[str, str]]:
    """``"Президент/B-POSITION Тоқаев/B-PERSON сөйледі ."`` -> tokens and tags (O by default)."""
    out = []
    for item in text.split():
        token, _, tag = item.partition("/")
        out.append((token, tag or "O"))
    return out
