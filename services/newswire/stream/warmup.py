"""A worker's warm-up before it takes partitions: the stages' code run once over a small dump
shipped with the package (``data/warm-up.txt``, 40 generated articles in English, Russian and
Kazakh, repeats and revisions among them), then everything alive frozen out of the garbage
collector's reach; and, while it runs, what survives each full collection frozen too
(``Freezer``).

Why (issue 14, end-to-end p99 at half speed): a fresh worker paid for lazy loading (the
language models, the morphology dictionaries, the enrichment memos) on its first articles, its
first chunk costing several times a warm one; at half speed a chunk arrives every ~130 ms, so
the next chunks queued behind it and the run's first seconds held most of its slowest events.
And every full collection of the cyclic garbage collector walked all of the worker's objects,
most of them the modules, models and gazetteers loaded once: 70 to 200 ms with the event loop
stopped, every few seconds. Frozen (``gc.freeze``), they are never walked again; they stay
alive for the process's life anyway, and reference counting still frees any that is dropped.
The tables and the memos then grow with the articles (long-lived too): ``Freezer`` freezes
what survived each full collection, so the next one walks only what came since.

The warm-up is pure: nothing is produced, no table is written, and the memos it fills give the
same results as empty ones (they only remember pure functions' answers).
"""

from __future__ import annotations

import gc
import io
import time
from collections.abc import Callable
from importlib import resources
from typing import Any

from newswire.core.reassembly import iter_chunks
from newswire.settings import Settings
from newswire.stages.pipeline import InProcess

WARM_UP_DUMP = "warm-up.txt"
_SOURCE = "newswire-warm-up"


def warm_up(settings: Settings) -> int:
    """Run the stages over the warm-up dump in this process, as `newswire parse` does
    (reassembly, parse, dedup, enrichment, the wire form between stages); how many events
    they published (exact repeats are not)."""
    text = resources.files("newswire.stream").joinpath("data", WARM_UP_DUMP).read_bytes()
    stages = InProcess(settings)
    for _ in stages.feed(iter_chunks(io.BytesIO(text), _SOURCE, settings.chunk_size)):
        pass
    return stages.stats.events


def freeze_long_lived() -> None:
    """Collect what is garbage now, then keep every object still alive out of all later
    collections (``gc.freeze``): a full collection walks only what was made since."""
    gc.collect()
    gc.freeze()


# A frozen object that later becomes part of an unreachable cycle is never collected: once in
# this many seconds, everything is thawed instead, and the next full collection walks (and
# frees) all of it.
THAW_EVERY_SECONDS = 3600.0
_OLDEST_GENERATION = 2  # a collection of it is a full one


class Freezer:
    """Freezes what survived the latest full collection, when the worker is between two
    batches (``between_batches``); once per ``thaw_every`` seconds it thaws everything
    instead. Installed with ``install``; until then it does nothing."""

    def __init__(
        self,
        thaw_every: float = THAW_EVERY_SECONDS,
        *,
        freeze: Callable[[], None] = gc.freeze,
        unfreeze: Callable[[], None] = gc.unfreeze,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._thaw_every = thaw_every
        self._freeze, self._unfreeze, self._clock = freeze, unfreeze, clock
        self._thawed_at = clock()
        self._collected = False  # a full collection ran since the last freeze

    def install(self) -> None:
        gc.callbacks.append(self.on_collection)

    def uninstall(self) -> None:
        if self.on_collection in gc.callbacks:
            gc.callbacks.remove(self.on_collection)

    def on_collection(self, phase: str, info: dict[str, Any]) -> None:
        """``gc.callbacks`` hook: note a full collection; freezing waits for a quiet moment
        rather than running inside the collector."""
        if phase == "stop" and info["generation"] == _OLDEST_GENERATION:
            self._collected = True

    def between_batches(self) -> None:
        if not self._collected:
            return
        self._collected = False
        now = self._clock()
        if now - self._thawed_at >= self._thaw_every:
            self._thawed_at = now
            self._unfreeze()
        else:
            self._freeze()
