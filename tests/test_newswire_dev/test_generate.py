"""The corpus generator is deterministic, parseable, and its truth adds up."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import orjson
import pytest

from newswire.cli import main
from newswire.core.events import build_event
from newswire.enrich import enrich
from newswire_dev.generate import generate
from tests.support import articles, parse_bytes, rejections


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    assert generate(50, seed=5).text == generate(50, seed=5).text
    assert generate(50, seed=5).text != generate(50, seed=6).text


def test_every_generated_occurrence_parses_cleanly_into_its_sections() -> None:
    corpus = generate(
        400, seed=9, sections=4, repeat_rate=0.2, revision_rate=0.1, near_dup_rate=0.1
    )
    outputs = parse_bytes(corpus.text.encode(), chunk_size=997)
    found = articles(outputs)
    assert rejections(outputs) == []
    assert len(found) == 400
    assert len({a.dump_date for a in found}) == 4
    assert any("қ" in a.title or "ә" in "".join(a.paragraphs) for a in found)  # some Kazakh
    counts = corpus.truth()["counts"]
    assert sum(counts.values()) == 400
    for kind, rate in (("exact", 0.2), ("revision", 0.1), ("near", 0.1)):
        assert abs(counts[kind] / 400 - rate) < 0.06


def test_rates_above_one_in_total_are_refused() -> None:
    with pytest.raises(ValueError, match="at most 1"):
        generate(10, repeat_rate=0.6, revision_rate=0.5)


def test_generate_command_writes_dump_and_truth(tmp_path: Path) -> None:
    out = tmp_path / "dump.txt"
    assert main(["generate", "--articles", "30", "--seed", "2", "--out", str(out)]) == 0
    truth = orjson.loads((tmp_path / "dump.txt.truth.json").read_bytes())
    assert len(truth["occurrences"]) == 30
    assert out.read_text(encoding="utf-8") == generate(30, seed=2).text


def test_the_bundled_sample_is_what_its_command_writes() -> None:
    sample = Path(__file__).resolve().parents[2] / "examples" / "sample-dump.txt"
    assert sample.read_text(encoding="utf-8") == generate(240, seed=7).text


def test_russian_and_kazakh_articles_carry_the_agencies_patterns() -> None:
    corpus = generate(200, seed=4, repeat_rate=0, revision_rate=0, near_dup_rate=0)
    events = [
        enrich(build_event(a, ZoneInfo("Asia/Almaty")))
        for a in articles(parse_bytes(corpus.text.encode()))
    ]
    cyrillic = [e for e in events if e.language in ("ru", "kk")]
    assert {e.language for e in cyrillic} == {"ru", "kk"}
    for event in cyrillic:  # two people with roles, one declined; a publisher; a dash quote
        assert sum(p.role is not None for p in event.entities.persons) >= 2, event.body
        assert event.publisher is not None, event.body
        # The dash quote (others, "Министрдің айтуынша, ...", may name no one person).
        dashed = [q for q in event.quotes if " – " in event.body[q.mentions[0].end :][:6]]
        assert dashed, event.body
        assert dashed[-1].speaker in {p.name for p in event.entities.persons}
