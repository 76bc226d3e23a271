"""State writes held back until the output they depend on is acknowledged, and the loop that
hands a batch's messages to a stage one by one: what the stream's agents and `newswire parse`
share.

Why batches: a stateful stage may write "seen" only after the broker acknowledged what it sent
for that input; waiting for one acknowledgement per message caps a stage at one round trip per
message. A batch sends everything first, waits for all acknowledgements once, then writes its
state (``HeldWrites.apply``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Generic, TypeVar

from newswire.stages.message import Message, Outgoing, State

E = TypeVar("E")  # what a message travels with: the stream's Faust event, or the message
_DELETED = object()


class HeldWrites(Generic[E]):
    """Writes to one table, held until :meth:`apply`. Reads see held values first, so each
    decision in a batch sees the ones before it, as if they had been written one by one.

    Writes of the message being handled stay apart until :meth:`keep` (the handler returned)
    or :meth:`discard` (it raised), so a failed message leaves no half of its state behind.
    The same holds for the memory a stage derives from its table (``on_keep``).

    ``acting_as(context)``: the block in which a read or write of that message's key runs
    (Faust routes a table write by the *current event*, which the stream sets there)."""

    def __init__(
        self,
        table: MutableMapping[Any, Any] | None,
        acting_as: Callable[[E], AbstractContextManager[Any]] | None = None,
    ) -> None:
        self._table = table
        self._acting_as = acting_as
        self._held: dict[Any, tuple[E, Any]] = {}
        self._pending: dict[Any, tuple[E, Any]] = {}
        self._on_keep: list[Callable[[], None]] = []

    def view(self, context: E) -> State:
        """The table as the handling of one message sees it (``stages.State``)."""
        return _View(self, context)

    def get(self, context: E, key: Any) -> Any:
        held = self._pending.get(key) or self._held.get(key)
        if held is not None:
            return None if held[1] is _DELETED else held[1]
        if self._table is None:
            return None
        with self._as(context):
            return self._table.get(key)

    def set(self, context: E, key: Any, value: Any) -> None:
        """Hold ``value``; the last write of a key in a batch is the one applied."""
        self._pending[key] = (context, value)

    def delete(self, context: E, key: Any) -> None:
        self._pending[key] = (context, _DELETED)

    def on_keep(self, change: Callable[[], None]) -> None:
        """Run ``change`` (to memory derived from the table) when the current message's writes
        are kept; never if it fails. The next message's decisions see it."""
        self._on_keep.append(change)

    def keep(self) -> None:
        """The current message's writes join the batch's, its memory changes are made."""
        self._held.update(self._pending)
        self._pending.clear()
        changes, self._on_keep = self._on_keep, []
        for change in changes:
            change()

    def discard(self) -> None:
        """The current message failed: forget its writes and its memory changes."""
        self._pending.clear()
        self._on_keep.clear()

    def apply(self) -> None:
        """Write what is held, each key as the message that last set it. Call after every
        output of the batch is acknowledged."""
        self.keep()
        table = self._table
        if table is None:
            if self._held:
                raise RuntimeError("writes held for a stage without a table")
            return
        for key, (context, value) in self._held.items():
            with self._as(context):
                if value is _DELETED:
                    table.pop(key, None)
                else:
                    table[key] = value
        self._held.clear()

    def _as(self, context: E) -> AbstractContextManager[Any]:
        return nullcontext() if self._acting_as is None else self._acting_as(context)

    def __len__(self) -> int:
        return len(self._held)


class _View(Generic[E]):
    __slots__ = ("_context", "_held")

    def __init__(self, held: HeldWrites[E], context: E) -> None:
        self._held = held
        self._context = context

    def get(self, key: str) -> Any:
        return self._held.get(self._context, key)

    def set(self, key: str, value: Any) -> None:
        self._held.set(self._context, key, value)

    def delete(self, key: str) -> None:
        self._held.delete(self._context, key)

    def on_keep(self, change: Callable[[], None]) -> None:
        self._held.on_keep(change)


def handle_each(
    items: Iterable[E],
    message_of: Callable[[E], Message],
    handle: Callable[[Message, State], list[Outgoing]],
    state: HeldWrites[E],
    failed: Callable[[Message, Exception], Outgoing],
) -> list[Outgoing]:
    """Every message of a batch through ``handle``, in order. A message whose handling raises
    gives ``failed``'s record (its dead letter) instead, and leaves no trace in ``state`` or in
    the memory derived from it: the messages after it are decided as if it never came."""
    out: list[Outgoing] = []
    for item in items:
        message = message_of(item)
        try:
            made = handle(message, state.view(item))
        except Exception as exc:  # a bug or bad internal data: dead-letter it, go on
            state.discard()
            out.append(failed(message, exc))
        else:
            state.keep()
            out.extend(made)
    return out
