"""A fuzz run over mutated dumps, bounded in time: whatever the bytes, the whole core (chunks,
reassembly, parsing, dedup, enrichment) gives valid events and known reasons, never a crash.

Mutations of the generated sample in the repository (never a fixed list of cases): flipped
and deleted bytes, cut and repeated ranges, CRLF, a BOM, binary junk, huge lines, invalid
UTF-8, headers without titles, and concatenated sections. Each run is seeded and prints its
seed on failure, so a failure replays.
"""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

import orjson

from newswire.core.events import event_to_json
from newswire.core.models import ArticleEvent
from newswire.core.reasons import REJECT_REASONS, SKIP_REASONS
from newswire.core.reassembly import iter_chunks
from newswire.settings import Settings
from newswire.stages.pipeline import InProcess

SAMPLE_DUMP = Path(__file__).resolve().parents[2] / "examples" / "sample-dump.txt"
# Dumps keep coming for this long (at least _MIN_DUMPS of them): a slower machine runs fewer.
_BUDGET_SECONDS = 8.0
_MIN_DUMPS = 10


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(out) + 1)
        kind = rng.randrange(9)
        if kind == 0 and out:  # flip bytes
            for _ in range(rng.randint(1, 20)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif kind == 1:  # delete a range
            del out[at : at + rng.randint(1, 5000)]
        elif kind == 2:  # repeat a range
            out[at:at] = out[at : at + rng.randint(1, 20000)]
        elif kind == 3:
            out = bytearray(bytes(out).replace(b"\n", b"\r\n"))
        elif kind == 4:
            out[0:0] = b"\xef\xbb\xbf"
        elif kind == 5:  # binary junk
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 3000)))
        elif kind == 6:  # a huge line
            out[at:at] = b"x" * rng.randint(10_000, 700_000) + b"\n"
        elif kind == 7:  # headers without a title, a stray section marker
            out[at:at] = b"\n01.07.2025, 10:00 5\n02.07.2025, 11:00 6\n date 2025-07-03 "
        else:  # invalid UTF-8 in the middle of a word
            out[at:at] = b"\xc3\x28\xa0\xa1\xe2\x82"
    return bytes(out[: rng.randint(len(out) // 2, len(out))] if rng.random() < 0.3 else out)


def test_mutated_dumps_give_valid_events_and_known_reasons() -> None:
    original = SAMPLE_DUMP.read_bytes()
    settings = Settings(max_article_bytes=256 * 1024)
    started = time.monotonic()
    dumps = events = 0
    while dumps < _MIN_DUMPS or time.monotonic() - started < _BUDGET_SECONDS:
        seed = dumps
        rng = random.Random(seed)
        data = _mutate(original, rng)
        stages = InProcess(settings)
        chunks = iter_chunks(io.BytesIO(data), "fuzz", rng.choice([7, 100, 4096, 65536]))
        for record in stages.feed(chunks):
            wire = orjson.loads(record.value)
            if record.topic == settings.topic_dlq:
                assert wire["reason"] in REJECT_REASONS, seed
                continue
            event = ArticleEvent.model_validate(wire)
            assert orjson.loads(event_to_json(event)) == wire, seed
            events += 1
        assert set(stages.stats.skips) <= set(SKIP_REASONS), seed
        dumps += 1
    assert events > 0
    print(f"{dumps} mutated dumps, {events} events, {time.monotonic() - started:.1f}s")
