"""Faust's current event, set for a block: Faust routes a table write (its changelog
partition and its RocksDB partition store) by the event it sees as current."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from faust.streams import _current_event  # the context variable behind faust.current_event()
from faust.types import EventT


@contextmanager
def acting_for(event: EventT[bytes]) -> Iterator[None]:
    """Run the block with ``event`` as Faust's current event: Faust routes a table write (its
    changelog partition and its RocksDB partition store) by the current event, which
    ``take_events`` does not set in the agent's own task."""
    token = _current_event.set(weakref.ref(event))
    try:
        yield
    finally:
        _current_event.reset(token)
