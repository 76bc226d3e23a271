"""Retention by data time: a watermark (the newest publication seen) and the keys stored by
UTC day, so the days that fall out of the window are forgotten in one sweep.

Data time, never the wall clock, so replays decide alike. An article whose time is
implausible (``core.publication_time``, flag ``implausible_date``) moves no window: its state
is kept by the data time it arrived at (``retained_at``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newswire.core.dedup.entries import BucketEntry
    from newswire.core.dedup.identity import ArticleRecord


def utc_text(moment: datetime) -> str:
    """A sortable text of an instant (UTC), so state compares alike whatever the zone."""
    # Asked about 3 times of each event's instant in a row: the last answer is kept (one
    # tuple, replaced whole, so a reader never sees half of it).
    global _LAST_UTC_TEXT  # noqa: PLW0603 - a one-entry memo
    last = _LAST_UTC_TEXT
    if last[0] is moment:
        return last[1]
    try:
        text = moment.astimezone(UTC).isoformat()
    except OverflowError:  # the first hours of year 1 east of UTC: the earliest instant
        text = datetime.min.replace(tzinfo=UTC).isoformat()
    _LAST_UTC_TEXT = (moment, text)
    return text


_LAST_UTC_TEXT: tuple[datetime | None, str] = (None, "")


@dataclass
class RetentionWindow:
    """A data-time watermark (the newest publication seen) and the keys stored per UTC day,
    so that the days falling out of the window can be forgotten in one sweep."""

    retention_days: int
    newest: str | None = None
    _by_day: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # (newest, its cutoff): asked of every article, it changes only when the watermark moves
    _cutoff_of: tuple[str, str] | None = field(default=None, compare=False, repr=False)
    # No day held is before this one (None: none held): most moves of the watermark forget
    # nothing, and this says so without looking at every day.
    _oldest_day: str | None = field(default=None, compare=False, repr=False)

    def cutoff(self) -> str | None:
        """Publications before this instant are outside the window."""
        return self.cutoff_at(self.newest)

    def cutoff_at(self, newest: str | None) -> str | None:
        """The cutoff the window would have with the watermark at ``newest``."""
        if newest is None:
            return None
        if self._cutoff_of is None or self._cutoff_of[0] != newest:
            moment = datetime.fromisoformat(newest) - timedelta(days=self.retention_days)
            self._cutoff_of = (newest, utc_text(moment))
        return self._cutoff_of[1]

    def moved_to(self, published_at: datetime) -> str | None:
        """The watermark once ``published_at`` is seen (changes nothing)."""
        moment = utc_text(published_at)
        newest = self.newest
        return moment if newest is None or moment > newest else newest

    def forgotten_at(self, newest: str | None) -> list[str]:
        """The keys that moving the watermark to ``newest`` forgets (changes nothing)."""
        if newest is None or newest == self.newest:
            return []
        before_day = (self.cutoff_at(newest) or "")[:10]
        if self._oldest_day is None or self._oldest_day >= before_day:
            return []
        return [
            key for day in sorted(d for d in self._by_day if d < before_day)
            for key in sorted(self._by_day[day])
        ]  # fmt: skip

    def advance(self, published_at: datetime) -> list[str]:
        """Move the watermark to ``published_at`` if later; the keys it made forget."""
        return self.advance_to(self.moved_to(published_at))

    def advance_to(self, newest: str | None) -> list[str]:
        """Move the watermark to ``newest`` (``moved_to``); the keys it made forget."""
        forgotten = self.forgotten_at(newest)
        if newest is None or newest == self.newest:
            return forgotten
        self.newest = newest
        before_day = (self.cutoff() or "")[:10]
        if self._oldest_day is not None and self._oldest_day < before_day:
            for day in [d for d in self._by_day if d < before_day]:
                del self._by_day[day]
            self._oldest_day = min(self._by_day, default=None)
        return forgotten

    def is_stale(self, published_at: datetime) -> bool:
        return self.is_stale_at(published_at, self.newest)

    def is_stale_at(self, published_at: datetime, newest: str | None) -> bool:
        """Whether ``published_at`` is outside the window with the watermark at ``newest``."""
        cutoff = self.cutoff_at(newest)
        return cutoff is not None and utc_text(published_at) < cutoff

    def track(self, key: str, published_at: str) -> None:
        day = published_at[:10]
        self._by_day[day].add(key)
        if self._oldest_day is None or day < self._oldest_day:
            self._oldest_day = day

    def untrack(self, key: str, published_at: str) -> None:
        self._by_day.get(published_at[:10], set()).discard(key)

    def __len__(self) -> int:
        return sum(len(keys) for keys in self._by_day.values())


IMPLAUSIBLE = "implausible_date"  # the flag of an article whose time moves no window


def retained_at(stored: ArticleRecord | BucketEntry) -> str:
    """The data time a stored record or entry is kept by: its publication's, unless its time
    was implausible."""
    return stored.get("retained_at", stored["published_at"])
