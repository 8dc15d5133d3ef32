"""UTC instants as stored text: 'YYYY-MM-DDTHH:MM:SSZ' sorts and compares as text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo


def utc_text(moment: datetime) -> str:
    """Format an aware datetime as stored UTC text (whole seconds)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a naive datetime has no defined instant; attach a time zone first")
    # Not strftime: it imports ``time`` at each call, through PySide6's import hook once Qt
    # is loaded (a burst of 1,000 posts writes 8,000 of these).
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def parse_utc(text: str) -> datetime:
    """Parse stored UTC text back into an aware datetime."""
    if not text.endswith("Z"):
        raise ValueError(f"not a stored UTC time: {text!r}")
    # fromisoformat is C code; strptime costs far more for a calendar month of rows.
    return datetime.fromisoformat(text)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def utc_offsets(
    zone: tzinfo, start: datetime, end: datetime, step: timedelta = timedelta(hours=6)
) -> list[tuple[datetime | None, int]]:
    """A zone's offsets from UTC (whole seconds) from ``start`` to ``end``, as
    ``[(None, first offset), (the instant it changes, the new offset), ...]``: what
    ``astimezone(zone)`` adds to a UTC instant, for reading local times of many instants at
    once. Looked at every ``step`` (zones change their offset months apart), each change
    found to the second."""

    def offset(moment: datetime) -> int:
        found = moment.astimezone(zone).utcoffset()
        assert found is not None  # an aware zone
        return int(found.total_seconds())

    start = start.astimezone(UTC).replace(microsecond=0)
    changes: list[tuple[datetime | None, int]] = [(None, offset(start))]
    low = start
    while low < end:
        high = min(low + step, end)
        if offset(high) != changes[-1][1]:
            before, after = low, high  # offset(before) is the last one; find the first after
            while after - before > timedelta(seconds=1):
                middle = before + (after - before) // 2
                middle = middle.replace(microsecond=0)
                if offset(middle) == changes[-1][1]:
                    before = middle
                else:
                    after = middle
            changes.append((after, offset(after)))
        low = high
    return changes
