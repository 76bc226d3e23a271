"""Whether an article's publication time is plausible: the one check ``newswire parse`` and
the stream share (``build_event`` applies it).

Data time drives retention (``core.dedup``): a partition's window follows the newest
publication it has seen. One header with a mistyped year (``14.07.2099``) would move that
window decades ahead and make every genuine article of the partition stale. So a time that
cannot be true never moves a window:

- later than the end of its dump's day (the ``date`` marker, in the source's zone), or than
  the moment its chunk reached newswire (the Kafka record's timestamp; ``newswire parse``:
  the moment the run started), by more than ``future_tolerance``;
- or earlier than ``earliest``.

Such an article is still published, with its time as written and the flag
``implausible_date``; ``core.dedup`` keeps its state by the data time it arrived at, not by
its own, and never lets it move a window or become another article's near-duplicate
original. So no other article's fate depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_FUTURE_TOLERANCE = timedelta(hours=24)
DEFAULT_EARLIEST = date(1990, 1, 1)


@dataclass(frozen=True, slots=True)
class TimeBounds:
    """What a plausible publication time is (settings ``NEWSWIRE_FUTURE_TOLERANCE_HOURS``
    and ``NEWSWIRE_EARLIEST_PUBLICATION``)."""

    future_tolerance: timedelta = DEFAULT_FUTURE_TOLERANCE
    earliest: date = DEFAULT_EARLIEST

    def problem(
        self,
        published_at: datetime,
        *,
        dump_date: date | None,
        received_at: datetime | None,
        zone: ZoneInfo,
    ) -> str | None:
        """Why ``published_at`` cannot be the article's publication time, or None."""
        if published_at < datetime.combine(self.earliest, time(), zone):
            return f"published {published_at.isoformat()}, before {self.earliest.isoformat()}"
        if dump_date is not None:
            latest = _later(datetime.combine(dump_date, time(), zone), _DAY + self.future_tolerance)
            if published_at > latest:
                return (
                    f"published {published_at.isoformat()}, after its dump's date "
                    f"{dump_date.isoformat()} (tolerance {self.future_tolerance})"
                )
        if received_at is not None and published_at > _later(received_at, self.future_tolerance):
            return (
                f"published {published_at.isoformat()}, after it was received "
                f"({received_at.astimezone(UTC).isoformat()}, tolerance {self.future_tolerance})"
            )
        return None


_DAY = timedelta(days=1)


def _later(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta``, or the last representable instant past the calendar's end."""
    try:
        return moment + delta
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


def from_epoch(seconds: float | None) -> datetime | None:
    """A Kafka record timestamp (epoch seconds; None, not positive or past the year 9999, as
    a producer's CreateTime may be: unknown) as an instant."""
    if seconds is None or seconds <= 0:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
