"""The window's planning actions: import posts from CSV, export the plan as CSV or as a
calendar (.ics), keep a calendar feed in a folder, and plan an idea dropped on the calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from somestudio.app.studio import Studio
from somestudio.domain.timeplan import LocalTimeError
from somestudio.domain.utc import utc_now
from somestudio.ui.file_folders import DOCUMENTS, as_kind, start_in
from somestudio.ui.network_names import network_name
from somestudio.ui.storage_text import storage_text

if TYPE_CHECKING:
    from somestudio.app.calendar_feed import CalendarFeed
    from somestudio.app.planning import Planner

Report = Callable[[str], None]


class PlanningMenu(QObject):
    changed = Signal()

    def __init__(
        self,
        window: QWidget,
        studio: Studio,
        zone: ZoneInfo,
        report: Report,
        menu: QMenu,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``now``: the window's clock (what an import finds already passed)."""
        super().__init__(window)
        self._window = window
        self._studio = studio
        self._zone = zone
        self._now = now
        self._report = report
        self.planner: Planner | None = None
        self.undo_stack: QUndoStack | None = None
        self._calendar_feed: CalendarFeed | None = None
        for text, slot in (
            (self.tr("&Import posts from CSV…"), self.open_import),
            (self.tr("&Export plan as CSV…"), self.choose_csv_export),
            (self.tr("Export &calendar (.ics)…"), self.choose_ics_export),
            (self.tr("Keep a calendar &feed in a folder…"), self.choose_feed_folder),
        ):
            action = QAction(text, window)
            # Not the slot itself: ``triggered`` passes its "checked" flag, which
            # ``open_import`` took for a file's path.
            action.triggered.connect(lambda _checked=False, chosen=slot: chosen())
            menu.addAction(action)

    @property
    def _feed(self) -> CalendarFeed:
        # Built on first use: the menu is made with the window, the feed (and icalendar) later.
        if self._calendar_feed is None:
            from somestudio.app.calendar_feed import CalendarFeed  # noqa: PLC0415

            self._calendar_feed = CalendarFeed(self._studio.workspace)
        return self._calendar_feed

    # -- import
    def open_import(self, path: Path | None = None) -> QWidget:
        from somestudio.ui.planning.import_dialog import ImportDialog  # noqa: PLC0415

        dialog = ImportDialog(self._studio, self.planner, self._zone, self._window, now=self._now)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        if path is not None:
            dialog.load(path)
        return dialog

    def _imported(self, count: int) -> None:
        self._report(self.tr("%n posts imported.", "", count))
        self.data_changed()

    # -- exports
    def choose_csv_export(self) -> None:
        self._save_dialog(self.tr("Export plan as CSV"), "somestudio.csv", self.export_csv)

    def choose_ics_export(self) -> None:
        self._save_dialog(self.tr("Export calendar"), "somestudio.ics", self.export_ics)

    def export_csv(self, path: Path) -> None:
        from somestudio.app.csv_export import export_csv  # noqa: PLC0415

        try:
            # ";" between cells where the language writes 12,5: a spreadsheet in Finnish
            # splits the columns on it (the import finds either).
            delimiter = ";" if QLocale().decimalPoint() == "," else ","
            count = export_csv(self._studio.workspace, path, delimiter=delimiter)
        except OSError as exc:
            self._report(
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", storage_text(exc))
            )
            return
        # Where it went, too ("6 rows written." left the user looking: a new user's finding)
        self._report(self.tr("%n rows written to %1.", "", count).replace("%1", str(path)))

    def export_ics(self, path: Path) -> None:
        from somestudio.app.calendar_feed import export_ics  # noqa: PLC0415

        try:
            count = export_ics(self._studio.workspace, path)
        except OSError as exc:
            self._report(
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", storage_text(exc))
            )
            return
        self._report(self.tr("%n events written to %1.", "", count).replace("%1", str(path)))

    def choose_feed_folder(self) -> None:
        dialog = QFileDialog(self._window, self.tr("Folder for the calendar feed"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda name: self.set_feed_folder(Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def set_feed_folder(self, folder: Path | None) -> None:
        try:
            path = self._feed.configure(folder)
        except OSError as exc:
            self._report(storage_text(exc))
            return
        if path is not None:
            self._report(self.tr("The calendar feed is kept in %1.").replace("%1", str(path)))

    def refresh_feed(self) -> None:
        """Keep the calendar feed current (a no-op when there is none)."""
        try:
            self._feed.refresh()
        except OSError as exc:
            self._report(self.tr("Could not update the calendar feed: %1").replace("%1", str(exc)))

    def data_changed(self) -> None:
        """This menu changed the plan: the window reloads (and refreshes the feed)."""
        self.changed.emit()

    # -- ideas dropped on the calendar
    def plan_idea(self, idea_id: int, wall: datetime, account_ids: list[int] | None = None) -> None:
        """Make the idea a draft at ``wall``; asks which account when there are several."""
        accounts = self._studio.accounts()
        if not accounts:
            self._report(self.tr("Add an account first, on the Accounts page."))
            return
        if account_ids is None and len(accounts) > 1:
            names = [f"{network_name(a.network)} · {a.label}" for a in accounts]
            dialog = QInputDialog(self._window)
            dialog.setWindowTitle(self.tr("Plan the idea"))
            dialog.setLabelText(self.tr("Which account is the draft for?"))
            dialog.setComboBoxItems(names)
            dialog.textValueSelected.connect(
                lambda name: self.plan_idea(idea_id, wall, [accounts[names.index(name)].id])
            )
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return
        from somestudio.app.ideas import IdeaBoard  # noqa: PLC0415

        chosen = account_ids or [accounts[0].id]
        board = IdeaBoard(self._studio.workspace, self.planner)

        def do() -> None:
            board.plan(idea_id, wall, self._zone.key, chosen)
            self.data_changed()

        def undo() -> None:
            board.unplan(idea_id)
            self.data_changed()

        command = _Command(self.tr("Plan idea"), do, undo, self._report)
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def _save_dialog(self, title: str, name: str, then: Callable[[Path], None]) -> None:
        dialog = QFileDialog(self._window, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        start_in(dialog, DOCUMENTS)  # the last folder chosen, else Documents
        dialog.selectFile(name)
        suffix = Path(name).suffix.lstrip(".")  # the kind the name suggested
        dialog.fileSelected.connect(lambda chosen: then(as_kind(chosen, suffix)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class _Command(QUndoCommand):
    def __init__(
        self, text: str, do: Callable[[], None], undo: Callable[[], None], report: Report
    ) -> None:
        super().__init__(text)
        self._do, self._undo, self._report = do, undo, report

    def redo(self) -> None:
        from somestudio.app.planning import PlanningError  # noqa: PLC0415

        try:
            self._do()
        except (PlanningError, LocalTimeError) as exc:
            self.setObsolete(True)  # nothing happened: nothing to undo
            self._report(str(exc))

    def undo(self) -> None:
        from somestudio.app.planning import PlanningError  # noqa: PLC0415

        try:
            self._undo()
        except PlanningError as exc:
            self._report(str(exc))
