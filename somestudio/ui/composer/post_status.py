"""Above an opened post: where it stands on each account (state, local time and zone) and,
for one that failed or waits for the user, the stored reason."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.delivery_status import DeliveryStatus
from somestudio.domain.findings import Severity
from somestudio.ui.composer.findings_list import Entry, Place
from somestudio.ui.failure_text import reason_text
from somestudio.ui.network_names import network_name
from somestudio.ui.states import state_name
from somestudio.ui.when_text import when_text

S = DeliveryState
_NEEDS_A_LOOK = (S.FAILED, S.NEEDS_ATTENTION, S.MISSED)


def account_name(status: DeliveryStatus) -> str:
    return f"{network_name(status.network)} · {status.account_label}"


def status_line(status: DeliveryStatus, now: datetime) -> str:
    """ "X · kahvila: Scheduled — Thu 3/12 12:00 (Helsinki)" (the year too when it is not
    the one ``now``, the window's clock, is in)."""
    line = f"{account_name(status)}: {state_name(status.state)}"
    if status.scheduled_at is not None:
        line += " — " + when_text(status.scheduled_at, status.time_zone or "UTC", now=now)
    return line


def status_text(statuses: list[DeliveryStatus], now: datetime) -> str:
    """One line per account; empty for a post that is an undated draft everywhere."""
    if all(s.state is S.DRAFT and s.scheduled_at is None for s in statuses):
        return ""
    return "\n".join(status_line(s, now) for s in statuses)


def locked(statuses: list[DeliveryStatus]) -> bool:
    """Whether the accounts of the post are fixed (it has a time or went out somewhere)."""
    return any(s.state is not S.DRAFT or s.scheduled_at is not None for s in statuses)


def failure_entries(statuses: list[DeliveryStatus]) -> list[Entry]:
    """A findings-list line per account that failed or waits for the user, with the stored
    reason (shown before the text checks, which may find nothing wrong)."""
    entries = []
    for status in statuses:
        if status.state not in _NEEDS_A_LOOK:
            continue
        reason = reason_text(status.reason) or QCoreApplication.translate(
            "PostStatus", "no reason was recorded"
        )
        message = (
            QCoreApplication.translate("PostStatus", "%1: %2 — %3")
            .replace("%1", account_name(status))
            .replace("%2", state_name(status.state))
            .replace("%3", reason)
        )
        entries.append(Entry(Severity.ERROR, message, Place("status", status.account_id), reason))
    for status in statuses:  # the post is out; its first comment is not
        if status.comment_state not in ("failed", "needs_attention"):
            continue
        reason = reason_text(status.comment_error) or QCoreApplication.translate(
            "PostStatus", "no reason was recorded"
        )
        message = (
            QCoreApplication.translate("PostStatus", "%1: first comment not posted — %2")
            .replace("%1", account_name(status))
            .replace("%2", reason)
        )
        place = Place("status", status.account_id)
        entries.append(Entry(Severity.WARNING, message, place, reason))
    return entries
