"""The worker's warm-up and its freezing of long-lived objects (stream.warmup)."""

from __future__ import annotations

import gc
from importlib import resources

from newswire.enrich import language
from newswire.settings import Settings
from newswire.stream.warmup import WARM_UP_DUMP, Freezer, freeze_long_lived, warm_up
from newswire_dev.generate import generate


def test_the_shipped_dump_is_40_generated_articles_and_all_but_repeats_are_published() -> None:
    corpus = generate(40, seed=0)
    shipped = resources.files("newswire.stream").joinpath("data", WARM_UP_DUMP).read_text()
    assert shipped == corpus.text  # what the warm-up docstring says it is
    repeats = sum(1 for o in corpus.occurrences if o["kind"] == "exact")
    assert repeats > 0
    assert {o["language"] for o in corpus.occurrences} == {"en", "ru", "kk"}
    assert warm_up(Settings()) == 40 - repeats


def test_the_warm_up_loads_what_the_first_articles_would() -> None:
    language._detector.cache_clear()  # noqa: SLF001 - the lazily built language detector
    language.language_of_sample.cache_clear()  # its memo would spare the detector
    warm_up(Settings())
    assert language._detector.cache_info().currsize == 1  # noqa: SLF001


def _tracked(objects: list[list[int]]) -> int:
    """How many of ``objects`` a collection still walks (frozen ones it does not list)."""
    ids = {id(o) for o in objects}
    return sum(id(o) in ids for o in gc.get_objects())


def test_freezing_keeps_what_is_alive_out_of_later_collections() -> None:
    kept = [[n] for n in range(10)]  # containers: tracked by the collector (object() is not)
    assert _tracked(kept) == len(kept)
    try:
        freeze_long_lived()
        assert _tracked(kept) == 0
    finally:
        gc.unfreeze()
    assert _tracked(kept) == len(kept)


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.now = 0.0

    def freezer(self, thaw_every: float = 100.0) -> Freezer:
        return Freezer(
            thaw_every,
            freeze=lambda: self.calls.append("freeze"),
            unfreeze=lambda: self.calls.append("unfreeze"),
            clock=lambda: self.now,
        )


def test_nothing_is_frozen_without_a_full_collection() -> None:
    recorder = _Recorder()
    freezer = recorder.freezer()
    freezer.on_collection("stop", {"generation": 0, "collected": 0, "uncollectable": 0})
    freezer.on_collection("stop", {"generation": 1, "collected": 0, "uncollectable": 0})
    freezer.on_collection("start", {"generation": 2, "collected": 0, "uncollectable": 0})
    freezer.between_batches()
    assert recorder.calls == []


def test_what_survived_a_full_collection_is_frozen_once_between_batches() -> None:
    recorder = _Recorder()
    freezer = recorder.freezer()
    freezer.on_collection("stop", {"generation": 2, "collected": 5, "uncollectable": 0})
    assert recorder.calls == []  # never inside the collector
    freezer.between_batches()
    freezer.between_batches()
    assert recorder.calls == ["freeze"]


def test_once_per_interval_everything_is_thawed_instead() -> None:
    recorder = _Recorder()
    freezer = recorder.freezer(thaw_every=100.0)
    full = {"generation": 2, "collected": 0, "uncollectable": 0}
    for now in (50.0, 120.0, 150.0, 230.0):
        recorder.now = now
        freezer.on_collection("stop", full)
        freezer.between_batches()
    assert recorder.calls == ["freeze", "unfreeze", "freeze", "unfreeze"]


def test_an_installed_freezer_hears_real_collections() -> None:
    recorder = _Recorder()
    freezer = recorder.freezer()
    freezer.install()
    try:
        gc.collect()
    finally:
        freezer.uninstall()
    freezer.between_batches()
    assert recorder.calls == ["freeze"]
    assert freezer.on_collection not in gc.callbacks
