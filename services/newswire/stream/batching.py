"""State writes held back until the output they depend on is acknowledged, for agents that
take their input in batches.

Why batches: a stateful agent may write "seen" only after the broker has acknowledged what it
sent for that input; waiting for one acknowledgement per message caps an agent at one
round trip per message. A batch sends everything first, waits for all acknowledgements once,
then writes its state.

Why the event context: Faust routes a table write (the changelog partition, and the RocksDB
partition store) by the *current event*, which ``take_events()`` does not set in the agent's
own task. Every read and write here runs as the event it belongs to, so state stays
co-partitioned with the input exactly as in a plain ``async for event in stream``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from faust.streams import _current_event  # the context variable behind faust.current_event()
from faust.types import EventT, TableT


@contextmanager
def acting_for(event: EventT[bytes]) -> Iterator[None]:
    """Run the block with ``event`` as Faust's current event."""
    token = _current_event.set(weakref.ref(event))
    try:
        yield
    finally:
        _current_event.reset(token)


_DELETED = object()
T = TypeVar("T")


class HeldWrites:
    """Writes to one table, held until :meth:`apply`. Reads see held values first, so each
    decision in a batch sees the ones before it, as if they had been written one by one.

    Writes of the event being handled stay apart until :meth:`keep` (the handler returned)
    or :meth:`discard` (it raised), so a failed event leaves no half of its state behind. The
    same holds for the memory a stage derives from its table (``on_keep``)."""

    def __init__(self, table: TableT[Any, Any] | None) -> None:
        self._table = table
        self._held: dict[Any, tuple[EventT[bytes], Any]] = {}
        self._pending: dict[Any, tuple[EventT[bytes], Any]] = {}
        self._on_keep: list[Callable[[], None]] = []

    def get(self, event: EventT[bytes], key: Any) -> Any:
        held = self._pending.get(key) or self._held.get(key)
        if held is not None:
            return None if held[1] is _DELETED else held[1]
        if self._table is None:
            return None
        with acting_for(event):
            return self._table.get(key)

    def set(self, event: EventT[bytes], key: Any, value: Any) -> None:
        """Hold ``value``; the last write of a key in a batch is the one applied."""
        self._pending[key] = (event, value)

    def delete(self, event: EventT[bytes], key: Any) -> None:
        self._pending[key] = (event, _DELETED)

    def on_keep(self, change: Callable[[], None]) -> None:
        """Run ``change`` (to memory derived from the table) when the current event's writes
        are kept; never if it fails. The next event's decisions see it."""
        self._on_keep.append(change)

    def keep(self) -> None:
        """The current event's writes join the batch's, its memory changes are made."""
        self._held.update(self._pending)
        self._pending.clear()
        changes, self._on_keep = self._on_keep, []
        for change in changes:
            change()

    def discard(self) -> None:
        """The current event failed: forget its writes and its memory changes."""
        self._pending.clear()
        self._on_keep.clear()

    def apply(self) -> None:
        """Write what is held, each key as the event that last set it. Call after every
        output of the batch is acknowledged."""
        self.keep()
        table = self._table
        if table is None:
            if self._held:
                raise RuntimeError("writes held for a stage without a table")
            return
        for key, (event, value) in self._held.items():
            with acting_for(event):
                if value is _DELETED:
                    table.pop(key, None)
                else:
                    table[key] = value
        self._held.clear()

    def __len__(self) -> int:
        return len(self._held)


def handle_each(
    events: Iterable[EventT[bytes]],
    handle: Callable[[EventT[bytes], HeldWrites], list[T]],
    state: HeldWrites,
    failed: Callable[[EventT[bytes], Exception], T],
) -> list[T]:
    """Every event of a batch through ``handle``, in order. An event whose handler raises
    gives ``failed``'s record (its dead letter) instead, and leaves no trace in ``state`` or
    in the memory derived from it: the events after it are decided as if it never came."""
    out: list[T] = []
    for event in events:
        try:
            made = handle(event, state)
        except Exception as exc:  # a bug or bad internal data: dead-letter it, go on
            state.discard()
            out.append(failed(event, exc))
        else:
            state.keep()
            out.extend(made)
    return out
