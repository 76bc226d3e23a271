"""The real-corpora benchmark's figures, table and skipping."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from bench import enrich_real
from bench.corpora import CORPORA_DIR_ENV
from bench.scoring.article import Result
from bench.scoring.tally import Tally
from tests.test_bench.support import requires_corpus


def test_figures_and_table_of_a_result() -> None:
    result = Result()
    result.tallies["persons"] += Tally(gold=10, predicted=5, found=4, right=4, wrong=1)
    result.counts["persons_full_gold"] = 8
    result.counts["persons_full_found"] = 4
    figures = enrich_real.figures(result, 3)
    persons = figures["article_level"]["persons"]
    assert (persons["precision"], persons["recall"], persons["full_name_recall"]) == (0.8, 0.4, 0.5)
    assert figures["article_level"]["places"]["precision"] is None
    assert figures["mention_level"].startswith("not available")
    table = enrich_real.table({"demo-test": figures})
    assert "0.80/0.40" in table
    assert "n/a" in table


def test_absent_corpora_are_skipped_with_their_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(CORPORA_DIR_ENV, str(tmp_path / "nothing"))
    monkeypatch.setattr(sys, "argv", ["enrich_real", "--no-speed", "--corpus", "nerel-test"])
    assert enrich_real.main() == 0
    assert "nerel-test: skipped: nerel:" in capsys.readouterr().out


@requires_corpus("nerel")
def test_one_real_split_is_scored_and_timed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    written: dict[str, dict[str, Any]] = {}
    monkeypatch.setattr(enrich_real, "write", written.setdefault)
    # Every split but NEREL's test absent: the run is the whole selection, so it writes.
    monkeypatch.setattr(enrich_real, "selections", lambda wanted: [("nerel", "test")])
    argv = ["enrich_real", "--repeat", "1", "--errors", str(tmp_path)]
    monkeypatch.setattr(sys, "argv", argv)
    assert enrich_real.main() == 0
    assert "nerel-test" in capsys.readouterr().out
    assert (tmp_path / "nerel-test" / "persons.md").exists()
    split = written["enrich_real.json"]["corpora"]["nerel-test"]
    assert split["articles"] == split["speed"]["enrich"]["articles"] == 93
    assert split["speed"]["parse"]["articles"] == 93
    # Figures only: no corpus text goes into the results file.
    text = json.dumps(written["enrich_real.json"], ensure_ascii=False)
    assert not any(word in text for word in ("Путин", "Москв", "президент"))
