"""What a collaboration asks of the creator today: a post due soon (or late), a payment
overdue. Pure: the day is passed in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from somestudio.domain.collab.records import Collaboration
from somestudio.domain.collab.states import CollabState

DUE_SOON = timedelta(days=3)
_OWES_POSTS = (CollabState.OFFERED, CollabState.AGREED)


class ReminderKind(StrEnum):
    POST_DUE = "post_due"  # due within DUE_SOON
    POST_LATE = "post_late"  # its day has passed and it is not out
    PAYMENT_OVERDUE = "payment_overdue"


@dataclass(frozen=True, slots=True, order=True)
class CollabReminder:
    day: date  # when it is (was) due
    kind: ReminderKind
    collab_id: int
    partner: str
    network: str = ""  # of a post
    post_id: int | None = None


def collab_reminders(collabs: Iterable[Collaboration], today: date) -> list[CollabReminder]:
    found: list[CollabReminder] = []
    for collab in collabs:
        name = collab.partner.company
        if collab.state in _OWES_POSTS:
            for item in collab.deliverables:
                if item.published or item.due - today > DUE_SOON:
                    continue
                kind = ReminderKind.POST_LATE if item.due < today else ReminderKind.POST_DUE
                found.append(
                    CollabReminder(item.due, kind, collab.id, name, item.network, item.post_id)
                )
        due = collab.payment_due
        if collab.state is CollabState.INVOICED and due is not None and due < today:
            found.append(CollabReminder(due, ReminderKind.PAYMENT_OVERDUE, collab.id, name))
    return sorted(found)
