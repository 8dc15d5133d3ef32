"""What the user can do to a draft from the Drafts list, on the window's undo stack:
delete it, or schedule it by dropping it on the calendar. An account whose text has an
error is never scheduled: the user is told which and why, and it stays a draft."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from somestudio.app.draft_shelf import DraftShelf, DropOutcome, ShelfError
from somestudio.app.planning import PlanningError
from somestudio.domain.timeplan import LocalTimeError, to_utc
from somestudio.ui.error_text import error_text
from somestudio.ui.i18n import ui_language
from somestudio.ui.prompts import Prompts
from somestudio.ui.qtdates import short_date_time


class _Change(QUndoCommand):
    """``do``/``undo`` call the shelf; a refusal reaches the user and leaves nothing to undo."""

    def __init__(
        self,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        report: Callable[[BaseException], None],
    ) -> None:
        super().__init__(text)
        self._do, self._undo, self._report = do, undo, report

    def redo(self) -> None:
        try:
            self._do()
        except (PlanningError, LocalTimeError) as exc:
            self.setObsolete(True)
            self._report(exc)

    def undo(self) -> None:
        try:
            self._undo()
        except (PlanningError, LocalTimeError) as exc:
            self._report(exc)


class DraftActions(QObject):
    changed = Signal()  # data changed: the lists and the calendar reload
    placed = Signal(int, object)  # post id, its time (aware, UTC): on the calendar now

    def __init__(
        self,
        shelf: DraftShelf,
        undo_stack: QUndoStack,
        prompts: Callable[[], Prompts],  # the window's, looked up when needed (tests replace it)
        zone: ZoneInfo,
        *,
        notify: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._shelf = shelf
        self._undo = undo_stack
        self._prompts = prompts
        self._zone = zone
        self._notify = notify

    def delete(self, post_id: int) -> None:
        def do() -> None:
            self._shelf.delete(post_id)
            self._notify(self.tr("Draft deleted. Undo (Ctrl+Z) brings it back."))

        self._push(self.tr("Delete draft"), do, lambda: self._shelf.restore(post_id))

    def drop(self, post_id: int, wall: datetime) -> None:
        """Schedule the draft at ``wall`` (naive, in the window's zone)."""
        zone = self._zone.key
        try:
            at = to_utc(wall, zone)
        except LocalTimeError as exc:
            self._report(exc)
            return
        when = short_date_time(QLocale(), wall)
        done: list[DropOutcome] = []

        def do() -> None:
            outcome = self._shelf.schedule(post_id, at, zone, ui_language())
            done[:] = [outcome]
            self._tell(outcome, when)
            self.placed.emit(post_id, at)

        def undo() -> None:
            if done:
                self._shelf.unschedule(done[0].delivery_ids)

        self._push(self.tr("Schedule draft for %1").replace("%1", when), do, undo)

    # -- private
    def _tell(self, outcome: DropOutcome, when: str) -> None:
        if outcome.scheduled:
            self._notify(
                self.tr("Scheduled for %1 on %n accounts.", "", len(outcome.scheduled)).replace(
                    "%1", when
                )
            )
        if not outcome.held:
            return
        lines = [f"• {p.account}: {p.message}" for p in outcome.blocking]
        if outcome.scheduled:
            lead = self.tr(
                "Not scheduled for every account. The text has errors for these, so they "
                "stay drafts at %1 until you fix them:"
            )
        else:
            lead = self.tr(
                "Nothing was scheduled: the text has errors for every account it goes to. "
                "It stays a draft at %1; open it to fix:"
            )
        self._prompts().inform(
            self.tr("Errors block scheduling"), "\n".join([lead.replace("%1", when), *lines])
        )

    def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        def done() -> None:
            try:
                do()
            finally:
                self.changed.emit()

        def undone() -> None:
            try:
                undo()
            finally:
                self.changed.emit()

        self._undo.push(_Change(text, done, undone, self._report))

    def _report(self, exc: BaseException) -> None:
        self._prompts().inform(self.tr("That did not work"), self._words(exc))

    def _words(self, exc: BaseException) -> str:
        if isinstance(exc, ShelfError):
            known = {
                "past": self.tr("That time has already passed. Drop the draft on a later time."),
                "starting": self.tr("The scheduler is still starting; try again in a moment."),
                "gone": self.tr("That draft no longer exists."),
                "no_accounts": self.tr(
                    "This draft has no account to go to. Open it, tick an account, then "
                    "drop it again."
                ),
                "published": self.tr(
                    "Part of it was published meanwhile; that part stays as it is."
                ),
            }
            return known.get(exc.code, str(exc))
        return error_text(exc)
