"""The plan as an iCalendar (.ics) file: every dated post as an event with its text in the
description, for all accounts or one; optionally kept up to date in a chosen folder so a
calendar app can subscribe to it. A post going to several accounts at the same moment with
the same text, in the same state, is one event naming them all (six posts to three
accounts made eighteen events: a new user's finding); an account with its own time, text
or outcome has an event of its own.

The file is rewritten atomically (a new file renamed over the old) and only when its
content changed: each event's stamp is its post's last change, not the time of writing, so
an unchanged plan gives the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from somestudio import APP_ID, __version__
from somestudio.app.atomic_files import write_bytes_atomically
from somestudio.app.export_targets import refuse_inside_data_folder
from somestudio.app.workspace import Workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import Account
from somestudio.domain.timeplan import zone_for
from somestudio.domain.utc import parse_utc
from somestudio.store import accounts as account_rows
from somestudio.store import planning_options
from somestudio.store.database import transaction
from somestudio.store.plan_rows import PlannedDelivery, PlannedPost, planned_posts

FEED_KEY = "calendar_feed"
FEED_FILE = "somestudio.ics"
EVENT_LENGTH = timedelta(minutes=15)
_SUMMARY_CHARS = 60
_STATUS = {
    DeliveryState.DRAFT: "TENTATIVE",
    DeliveryState.SCHEDULED: "CONFIRMED",
    DeliveryState.PUBLISHING: "CONFIRMED",
    DeliveryState.PUBLISHED: "CONFIRMED",
    DeliveryState.FAILED: "CANCELLED",
    DeliveryState.NEEDS_ATTENTION: "TENTATIVE",
    DeliveryState.MISSED: "CANCELLED",
}
_MARK = {
    DeliveryState.DRAFT: "✎ ",
    DeliveryState.PUBLISHED: "✓ ",
    DeliveryState.FAILED: "✕ ",
    DeliveryState.NEEDS_ATTENTION: "! ",
    DeliveryState.MISSED: "⊘ ",
}


@dataclass(frozen=True, slots=True)
class FeedSettings:
    folder: Path
    account_id: int | None = None  # None: every account

    @property
    def path(self) -> Path:
        return self.folder / FEED_FILE


def calendar_bytes(workspace: Workspace, *, account_id: int | None = None) -> bytes:
    """Every dated delivery (published ones too: the calendar shows what went out)."""
    conn = workspace.connection()
    accounts = {a.id: a for a in account_rows.list_accounts(conn)}
    posts = planned_posts(conn, account_id=account_id, include_sent=True)
    return build_calendar(posts, accounts, account_id=account_id)


def build_calendar(
    posts: Sequence[PlannedPost], accounts: dict[int, Account], *, account_id: int | None = None
) -> bytes:
    # Imported here: a tenth of a second and 80 modules the window would otherwise load at
    # every start (with the engine), for a feed most people never turn on.
    from icalendar import Calendar, Event  # noqa: PLC0415

    calendar = Calendar()
    calendar.add("prodid", f"-//Some Studio//{APP_ID} {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = "Some Studio"
    if account_id is not None and account_id in accounts:
        name += f" · {accounts[account_id].label}"
    calendar.add("x-wr-calname", name)
    for post in posts:
        stamp = parse_utc(post.updated_at)
        for delivery, going in _together(post, accounts):
            if delivery.scheduled_at is None or not delivery.time_zone:
                continue  # (not in a group: for the type checker)
            start, end = _span(delivery.scheduled_at, delivery.time_zone)
            first_line = delivery.text.strip().splitlines()[0] if delivery.text.strip() else ""
            if len(first_line) > _SUMMARY_CHARS:
                first_line = first_line[: _SUMMARY_CHARS - 1] + "…"
            event = Event()
            # The first delivery's id: a post to one account keeps the id it always had.
            event.add("uid", f"{APP_ID}-delivery-{delivery.id}@{APP_ID}.local")
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("dtend", end)
            event.add("summary", f"{_MARK.get(delivery.state, '')}{_names(going)}: {first_line}")
            description = delivery.text
            if post.media:
                description += "\n\n" + "\n".join(path for path, _ in post.media)
            if len(going) > 1:  # each account on its own line
                description += "\n\n" + "\n".join(_name(a) for a in going)
            event.add("description", description)
            event.add("status", _STATUS[delivery.state])
            if post.labels:
                event.add("categories", list(post.labels))
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _together(
    post: PlannedPost, accounts: dict[int, Account]
) -> list[tuple[PlannedDelivery, list[Account]]]:
    """The post's dated deliveries grouped by moment, zone, text and state, each group as its
    first delivery and its accounts (in the deliveries' order), the groups in the order of
    their first delivery."""
    groups: dict[tuple[object, ...], tuple[PlannedDelivery, list[Account]]] = {}
    for delivery in sorted(post.deliveries, key=lambda d: d.id):
        account = accounts.get(delivery.account_id)
        if delivery.scheduled_at is None or not delivery.time_zone or account is None:
            continue
        key = (delivery.scheduled_at, delivery.time_zone, delivery.text, delivery.state)
        groups.setdefault(key, (delivery, []))[1].append(account)
    return list(groups.values())


def _name(account: Account) -> str:
    return f"{account.network.display_name} · {account.label}"


def _names(going: Sequence[Account]) -> str:
    """One account by network and name; several by their networks ("X, Mastodon"), or by
    network and name when a network comes twice."""
    networks = [a.network.display_name for a in going]
    if len(going) == 1 or len(set(networks)) < len(networks):
        return ", ".join(_name(a) for a in going)
    return ", ".join(networks)


class CalendarFeed:
    """The subscribed .ics file: where it is kept, and keeping it current."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def settings(self) -> FeedSettings | None:
        raw = planning_options.get(self.workspace.connection(), FEED_KEY)
        if not isinstance(raw, dict) or not raw.get("folder"):
            return None
        account = raw.get("account_id")
        return FeedSettings(Path(str(raw["folder"])), account if isinstance(account, int) else None)

    def configure(self, folder: Path | None, account_id: int | None = None) -> Path | None:
        """Keep the feed in ``folder`` (None: stop keeping it); writes it at once."""
        conn = self.workspace.writable_connection()
        with transaction(conn):
            if folder is None:
                planning_options.delete(conn, FEED_KEY)
            else:
                if not folder.is_dir():
                    raise NotADirectoryError(f"{folder} is not a folder")
                refuse_inside_data_folder(folder / FEED_FILE, self.workspace.home)
                value = {"folder": str(folder), "account_id": account_id}
                planning_options.put(conn, FEED_KEY, value)
        return None if folder is None else self.refresh()

    def refresh(self) -> Path | None:
        """Rewrite the feed when the plan changed; its path (None when there is no feed)."""
        settings = self.settings()
        if settings is None:
            return None
        path = settings.path
        refuse_inside_data_folder(path, self.workspace.home)  # also a feed kept from before
        data = calendar_bytes(self.workspace, account_id=settings.account_id)
        with contextlib.suppress(OSError):  # no file yet, or an unreadable one: write it
            if hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(data).digest():
                return path
        write_bytes_atomically(path, data)
        return path


def _span(at: datetime, zone: str) -> tuple[datetime, datetime]:
    """The event's start in its zone and its end; at the very end of what Python's dates can
    hold (a time written before times were bounded) the event is shown in UTC and has no
    length, rather than breaking the whole export."""
    try:
        start = at.astimezone(zone_for(zone))
    except OverflowError:
        start = at
    try:
        return start, start + EVENT_LENGTH
    except OverflowError:
        return start, start


def count_events(data: bytes) -> int:
    """Events in an iCalendar file: lines that are exactly BEGIN:VEVENT (a description that
    mentions it is escaped or folded, never a line of its own)."""
    return sum(1 for line in data.splitlines() if line == b"BEGIN:VEVENT")


def export_ics(workspace: Workspace, target: Path, *, account_id: int | None = None) -> int:
    """Write the calendar to ``target``; the number of events."""
    refuse_inside_data_folder(target, workspace.home)
    data = calendar_bytes(workspace, account_id=account_id)
    write_bytes_atomically(target, data)
    return count_events(data)
