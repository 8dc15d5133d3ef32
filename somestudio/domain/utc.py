"""UTC instants as stored text: 'YYYY-MM-DDTHH:MM:SSZ' sorts and compares as text."""

from __future__ import annotations

from datetime import UTC, datetime


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
