"""Ideas and the month plan: a board of undated ideas, planning one onto the calendar as a
draft post (undoable), and the month at a glance with its gaps."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.composer import Composer
from somestudio.app.planning import Planner, PlanningError
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Attachment, Draft
from somestudio.domain.month_plan import MonthPlan, PlannedItem, month_plan
from somestudio.domain.timeplan import LocalTimeError, to_utc
from somestudio.domain.utc import utc_now
from somestudio.store import deliveries as delivery_rows
from somestudio.store import ideas as idea_rows
from somestudio.store.database import transaction
from somestudio.store.ideas import IdeaRow

__all__ = ["IdeaBoard", "IdeaRow", "month_overview"]


def idea_text(idea: IdeaRow) -> str:
    """The post an idea becomes: its text, and its link after it unless already in it."""
    text = idea.text.strip()
    link = idea.link.strip()
    if link and link not in text:
        text = f"{text}\n\n{link}" if text else link
    return text


class IdeaBoard:
    def __init__(self, workspace: Workspace, planner: Planner | None = None) -> None:
        self.workspace = workspace
        self.planner = planner

    def ideas(self) -> list[IdeaRow]:
        return idea_rows.on_board(self.workspace.connection())

    def add(self, text: str, link: str = "", image_path: str = "") -> int:
        if not text.strip() and not link.strip() and not image_path.strip():
            raise ValueError("an idea needs some text, a link or an image")
        conn = self.workspace.writable_connection()
        with transaction(conn):
            return idea_rows.add(conn, text.strip(), link.strip(), image_path.strip())

    def update(self, idea_id: int, text: str, link: str = "", image_path: str = "") -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            idea_rows.update(conn, idea_id, text.strip(), link.strip(), image_path.strip())

    def delete(self, idea_id: int) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            idea_rows.delete(conn, idea_id)

    def plan(self, idea_id: int, wall: datetime, zone: str, account_ids: Sequence[int]) -> int:
        """A draft post from the idea at ``wall`` (local, naive) in ``zone`` for the accounts;
        the idea leaves the board. Raises LocalTimeError for a time the clocks skip or
        repeat, PlanningError when the idea or the accounts are gone."""
        idea = idea_rows.get(self.workspace.connection(), idea_id)
        if idea is None:
            raise PlanningError(f"idea {idea_id} no longer exists")
        if not account_ids:
            raise PlanningError("choose at least one account")
        at = to_utc(wall, zone)
        composer = Composer(self.workspace)
        attachments: tuple[Attachment, ...] = ()
        if idea.image_path and Path(idea.image_path).is_file():
            attachments = (Attachment(idea.image_path),)
        post_id = composer.save(
            Draft(
                base_text=idea_text(idea), account_ids=tuple(account_ids), attachments=attachments
            )
        )
        assert post_id is not None
        conn = self.workspace.writable_connection()
        with transaction(conn):
            now = utc_now()
            for row in delivery_rows.of_post(conn, post_id):
                delivery_rows.move_draft(conn, row.id, at, zone, now)
            idea_rows.mark_used(conn, idea_id, post_id)
        return post_id

    def unplan(self, idea_id: int) -> None:
        """Undo ``plan``: the draft it made is deleted and the idea is back on the board."""
        idea = idea_rows.get(self.workspace.connection(), idea_id)
        if idea is None or idea.post_id is None:
            return
        planner = self.planner or Planner(self.workspace)
        with contextlib.suppress(PlanningError):  # already deleted by hand
            planner.delete_post(idea.post_id)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            idea_rows.mark_used(conn, idea_id, None)


def month_overview(
    studio: Studio, year: int, month: int, zone: ZoneInfo, *, today: date | None = None
) -> MonthPlan:
    """Each account's posts per week of the month (drafts with a time included, and
    counted as such); weeks over before ``today`` are no gaps."""
    first = date(year, month, 1)
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(first + timedelta(days=31), time(0), zone)
    items = [
        PlannedItem(
            e.account_id,
            e.scheduled_at.astimezone(zone).date(),
            e.labels,
            draft=e.state is DeliveryState.DRAFT,
        )
        for e in studio.entries_between(start, end)
    ]
    return month_plan(year, month, [a.id for a in studio.accounts()], items, today=today)


__all__ += ["LocalTimeError", "idea_text"]
