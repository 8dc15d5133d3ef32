"""Publish-by-hand reminders: the posts waiting for the user to publish them themselves.

At the due time the engine holds such a delivery in needs_attention (its latest attempt is
the reminder). The window lists them with the text for that channel, the media, and a way
to say it is done, with the link to the live post if the user has one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from somestudio.app.planning import Planner, PlanningError
from somestudio.app.publish_gate import disclosure_partner
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network
from somestudio.store import deliveries as delivery_rows
from somestudio.store import posts as post_rows

THREAD_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Reminder:
    delivery_id: int
    post_id: int
    network: Network
    account_label: str
    due_at: datetime  # aware, UTC
    text: str  # exactly what to publish on this channel (a thread: its posts in turn)
    media_paths: tuple[str, ...]
    parts: tuple[str, ...] = ()  # a thread's posts, each published after the one before
    paid: bool = False  # a paid collaboration's post: the network's own label is set by hand

    @property
    def media_folder(self) -> Path | None:
        return Path(self.media_paths[0]).parent if self.media_paths else None


class Reminders:
    def __init__(self, workspace: Workspace, planner: Planner | None = None) -> None:
        self.workspace = workspace
        self.planner = planner

    def count(self) -> int:
        return post_rows.count_waiting_by_hand(self.workspace.connection())

    def due(self) -> list[Reminder]:
        """Every delivery waiting to be published by hand, earliest first."""
        conn = self.workspace.connection()
        return self._reminders(conn, post_rows.waiting_by_hand(conn))

    def upcoming(self, until: datetime) -> list[Reminder]:
        """Deliveries scheduled to accounts published by hand, due before ``until``, earliest
        first: what the user will publish next (only the ones already due were listed)."""
        conn = self.workspace.connection()
        return self._reminders(conn, post_rows.upcoming_by_hand(conn, until))

    def _reminders(self, conn: sqlite3.Connection, delivery_ids: list[int]) -> list[Reminder]:
        found: list[Reminder] = []
        for delivery_id in delivery_ids:
            outgoing = delivery_rows.load_outgoing(conn, int(delivery_id))
            if outgoing is None:  # pragma: no cover - the row was just read
                continue
            found.append(
                Reminder(
                    delivery_id=outgoing.delivery_id,
                    post_id=outgoing.post_id,
                    network=outgoing.account.network,
                    account_label=outgoing.account.label,
                    due_at=outgoing.scheduled_at,
                    text=THREAD_SEPARATOR.join(outgoing.parts),
                    media_paths=tuple(m.path for m in outgoing.media),
                    parts=tuple(outgoing.parts),
                    paid=disclosure_partner(self.workspace, outgoing.post_id) is not None,
                )
            )
        return found

    def mark_published(self, delivery_id: int, link: str = "") -> None:
        """The user published it; ``link`` (optional) is the live post's address."""
        if self.planner is None:
            raise PlanningError("the scheduler is still starting; try again")
        self.planner.confirm_published_by_hand(delivery_id, check_link(link) or None)


def check_link(link: str) -> str:
    """A link to a live post as typed, trimmed; '' for none. Only web addresses are kept."""
    link = link.strip()
    if link and not link.lower().startswith(("https://", "http://")):
        raise PlanningError("a link to the post starts with https:// (or http://)")
    if any(c.isspace() for c in link):
        raise PlanningError("a link to the post starts with https:// (or http://)")
    return link
