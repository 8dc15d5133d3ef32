"""The window's one clock reaches its pages and dialogs: a window whose clock reads a day
years away shows that day's month, period and defaults everywhere, never the computer's
date (the Plan page, the Metrics period, the Schedule dialog and a new collaboration went
by the computer's own clock, whatever the window was given)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.ui.collab.collab_dialog import CollabDialog
from somestudio.ui.collab.page import CollabPage
from somestudio.ui.metrics.entry_dialog import EntryDialog
from somestudio.ui.metrics.report_dialog import ReportDialog
from somestudio.ui.planning.plan_page import PlanPage
from somestudio.ui.schedule_dialog import ScheduleDialog
from tests.conftest import demo_folder

from .conftest import HELSINKI, MakeWindow, running_clock

FAR = datetime(2031, 5, 14, 12, 0, tzinfo=HELSINKI)  # a Wednesday noon, years from the tests
FAR_DAY = QDate(2031, 5, 14)


def test_every_page_and_dialog_goes_by_the_windows_clock(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    clock = running_clock(FAR)
    window = make_window(demo_folder(tmp_path, FAR.date()), now=clock)
    window.attach_planner(Planner(window._studio.workspace, now=clock))
    window.show()
    qtbot.waitExposed(window)

    window.show_page("plan")  # the month plan opens on the window's month
    plan = window.page("plan")
    assert isinstance(plan, PlanPage)
    assert plan.month.title.text() == "May 2031"

    window.show_page("metrics")  # the period ends on the window's day
    metrics = window.metrics
    assert metrics.filters.preset.currentText() == "Last 30 days"
    assert (metrics.filters.first.date(), metrics.filters.last.date()) == (
        QDate(2031, 4, 15),
        FAR_DAY,
    )
    metrics.report_button.click()  # the last full month before the window's day
    report = metrics.findChild(ReportDialog)
    assert report is not None and report.month.currentText() == "April 2031"
    report.reject()
    metrics.enter_button.click()  # numbers entered as of the window's time, in its zone
    entry = metrics.findChild(EntryDialog)
    assert entry is not None
    assert (entry.when.date(), entry.when.time().hour()) == (FAR_DAY, 12)
    entry.reject()

    window.new_post()  # the next whole hour but one of the window's day; its year unsaid
    compose = window.compose
    compose.editor.setPlainText("Toukokuun tarjous")
    compose.accounts.item(0).setCheckState(Qt.CheckState.Checked)
    compose.schedule_button.click()
    schedule = window.findChild(ScheduleDialog)
    assert schedule is not None and schedule.isVisible()
    assert schedule.day.date() == FAR_DAY and schedule.at.time().hour() == 13
    assert schedule.summary.text().startswith("Goes out Wed 14/05 13:00")
    assert "2031" not in schedule.summary.text()
    schedule.reject()

    window.show_page("collab")  # a new collaboration is agreed today, paid in two weeks
    collab = window.page("collab")
    assert isinstance(collab, CollabPage)
    collab.new_button.click()
    dialog = collab.dialog
    assert isinstance(dialog, CollabDialog)
    assert (dialog.agreed.date(), dialog.due.date()) == (FAR_DAY, FAR_DAY.addDays(14))
    dialog.reject()
