"""UTC instants as stored text: 'YYYY-MM-DDTHH:MM:SSZ' sorts and compares as text."""

from __future__ import annotations

from datetime import UTC, datetime

_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def utc_text(moment: datetime) -> str:
    """Format an aware datetime as stored UTC text (whole seconds)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a naive datetime has no defined instant; attach a time zone first")
    return moment.astimezone(UTC).strftime(_FORMAT)


def parse_utc(text: str) -> datetime:
    """Parse stored UTC text back into an aware datetime."""
    if not text.endswith("Z"):
        raise ValueError(f"not a stored UTC time: {text!r}")
    # fromisoformat is C code; strptime costs far more for a calendar month of rows.
    return datetime.fromisoformat(text)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
