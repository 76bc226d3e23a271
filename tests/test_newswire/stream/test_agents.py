"""The agents' held table writes: read-your-writes inside a batch, applied as the event that
made them (``acting_for``: Faust routes a table write by its current event)."""

from __future__ import annotations

from typing import Any, cast

import faust
from faust.types import EventT

from newswire.stages.held import HeldWrites
from newswire.stream.engine.context import acting_for


class _Event:
    def __init__(self, name: str) -> None:
        self.name = name


def _event(name: str) -> EventT[bytes]:
    """A stand-in for Faust's event: HeldWrites only keeps it and makes it current."""
    return cast("EventT[bytes]", _Event(name))


class _Table(dict[str, Any]):
    """Records which event Faust would see as current for each write (its partition)."""

    def __init__(self) -> None:
        super().__init__()
        self.writers: list[tuple[str, str | None]] = []

    def __setitem__(self, key: str, value: Any) -> None:
        self.writers.append((key, getattr(faust.current_event(), "name", None)))
        super().__setitem__(key, value)

    def pop(self, key: str, default: Any = None) -> Any:
        self.writers.append((key, getattr(faust.current_event(), "name", None)))
        return super().pop(key, default)


def test_reads_see_held_writes_and_nothing_reaches_the_table_before_apply() -> None:
    table, first, second = _Table(), _event("first"), _event("second")
    table["kept"] = 0
    table.writers.clear()
    held: HeldWrites[EventT[bytes]] = HeldWrites(table, acting_for)
    held.set(first, "a", 1)
    held.set(second, "a", 2)
    held.delete(second, "kept")
    assert held.get(first, "a") == 2
    assert held.get(first, "kept") is None
    assert held.get(first, "other") is None
    assert dict(table) == {"kept": 0}
    held.apply()
    assert dict(table) == {"a": 2}
    assert table.writers == [("a", "second"), ("kept", "second")]
    assert len(held) == 0


def test_acting_for_restores_the_previous_current_event() -> None:
    outer, inner = _event("outer"), _event("inner")
    with acting_for(outer):
        with acting_for(inner):
            assert faust.current_event() is inner
        assert faust.current_event() is outer
    assert faust.current_event() is None


def test_a_discarded_event_leaves_none_of_its_writes() -> None:
    table, ok, failed = _Table(), _event("ok"), _event("failed")
    held: HeldWrites[EventT[bytes]] = HeldWrites(table, acting_for)
    held.set(ok, "a", 1)
    held.keep()
    held.set(failed, "a", 99)
    held.set(failed, "b", 2)
    assert held.get(failed, "a") == 99  # the event sees its own writes while it runs
    held.discard()
    assert held.get(ok, "a") == 1
    assert held.get(ok, "b") is None
    held.apply()
    assert dict(table) == {"a": 1}
