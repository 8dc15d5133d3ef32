"""What happened on the timeline: the user's own actions (a job fair, a new profile photo)
and the app's (a post published; later, a collaboration delivered)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

MAX_NOTE = 200


class ActionKind(StrEnum):
    USER = "user"
    POST = "post"
    COLLABORATION = "collaboration"


@dataclass(frozen=True, slots=True)
class TimelineAction:
    kind: ActionKind
    day: date  # local day
    note: str
    id: int | None = None  # the stored row (user actions), the delivery (posts)
    account_id: int | None = None  # None: not tied to one account
    at: datetime | None = None  # the moment, where known (a post's publishing time)


def action_problem(day: date | None, note: str) -> str | None:
    """A stable code for what is wrong with a new action, or None."""
    if day is None:
        return "action.no_day"
    if not note.strip():
        return "action.no_note"
    if len(note.strip()) > MAX_NOTE:
        return "action.note_too_long"
    return None


class ActionError(ValueError):
    """An action that cannot be kept; ``code`` names what is wrong."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
