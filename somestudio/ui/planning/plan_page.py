"""The Plan page: the month at a glance with its gaps, the ideas board, campaigns (labels
with colours) and the guidelines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from somestudio.app.ideas import IdeaBoard
from somestudio.app.plan_library import PlanLibrary
from somestudio.app.studio import Studio
from somestudio.domain.utc import utc_now
from somestudio.ui.planning.campaigns_view import CampaignsView
from somestudio.ui.planning.guidelines_view import GuidelinesView
from somestudio.ui.planning.ideas_view import IdeasView
from somestudio.ui.planning.month_plan_view import MonthPlanView
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme.titles import page_title


class PlanPage(QWidget):
    changed = Signal()
    plan_requested = Signal(int, object)  # an idea's id and a naive wall time

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``now``: the window's clock (the month shown first, the day an idea is offered)."""
        super().__init__(parent)
        self.setObjectName("PlanPage")
        # Every tab reads the database on this worker, never on the GUI thread: the month of
        # a large folder alone is thousands of rows.
        self.tasks = tasks or Tasks(self)
        library = PlanLibrary(studio.workspace)
        self.board = IdeaBoard(studio.workspace)
        self.month = MonthPlanView(studio, zone, tasks=self.tasks, now=now)

        def today() -> date:
            return now().astimezone(zone).date()

        self.ideas = IdeasView(self.board, tasks=self.tasks, today=today)
        # (the window plans it, as a drop on the calendar: ``PlanningMenu.plan_idea``)
        self.ideas.plan_requested.connect(self.plan_requested)
        self.campaigns = CampaignsView(library, tasks=self.tasks)
        self.guidelines = GuidelinesView(library, tasks=self.tasks)
        self.campaigns.changed.connect(self._changed)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("PlanTabs")
        self.tabs.addTab(self.month, self.tr("Month plan"))
        self.tabs.addTab(self.ideas, self.tr("Ideas"))
        self.tabs.addTab(self.campaigns, self.tr("Campaigns"))
        self.tabs.addTab(self.guidelines, self.tr("Guidelines"))
        title = page_title(QLabel(self.tr("Plan")))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def reload(self) -> None:
        self.month.reload()
        self.ideas.reload()
        self.campaigns.reload()

    def _changed(self) -> None:
        self.month.reload()
        self.changed.emit()
