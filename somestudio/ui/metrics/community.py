"""The Metrics page's Community tab: replies received and answered per week, the median
time to a first answer, and what has waited for an answer longer than a day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.studio import Studio
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.inbox.community import CommunityNumbers
from somestudio.domain.utc import utc_now
from somestudio.ui.qtdates import day_month
from somestudio.ui.theme import SPACE, TYPE

WEEKS = 8


def duration_text(span: timedelta | None) -> str:
    """“45 min”, “3 h 20 min”, “2 d 4 h”; “–” when nothing was answered."""
    if span is None:
        return "–"
    minutes = max(0, round(span.total_seconds() / 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return (
            QCoreApplication.translate("Community", "%1 d %2 h")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    if hours:
        return (
            QCoreApplication.translate("Community", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )
    return QCoreApplication.translate("Community", "%1 min").replace("%1", str(minutes))


class CommunitySection(QWidget):
    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CommunitySection")
        self._studio = studio
        self._zone = zone
        self._now = now or utc_now
        self.numbers: CommunityNumbers | None = None
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE.xl)
        names = {
            "received": self.tr("Replies received"),
            "answered": self.tr("Answered"),
            "median": self.tr("Median time to first answer"),
            "waiting": self.tr("Unanswered after 24 h"),
        }
        for column, (key, name) in enumerate(names.items()):
            value = QLabel("–")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * TYPE.title)
            font.setBold(True)
            value.setFont(font)
            value.setObjectName(f"Community_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(name)
            caption.setWordWrap(True)
            grid.addWidget(value, 0, column)
            grid.addWidget(caption, 1, column)
            self.values[key] = value
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("CommunityWeeks")
        self.table.setAccessibleName(self.tr("Replies per week"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Week starting"), self.tr("Received"), self.tr("Answered")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr(
                "From the inbox, the last %1 weeks, for the networks and accounts chosen "
                "above (a label does not apply): replies, mentions, quotes and comments; "
                "answered means your answer went out from Some Studio. An entry marked done "
                "without an answer does not count as unanswered."
            ).replace("%1", str(WEEKS))
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def reload(self, flt: MetricsFilter | None = None) -> None:
        """The numbers of the networks and accounts the page's filters name (all: None)."""
        numbers = self._studio.community(self._now(), self._zone, WEEKS, flt)
        self.numbers = numbers
        self.values["received"].setText(str(numbers.received))
        self.values["answered"].setText(str(numbers.answered))
        self.values["median"].setText(duration_text(numbers.median_first_answer))
        self.values["waiting"].setText(str(numbers.unanswered_over_day))
        locale = QLocale()
        self.table.setRowCount(len(numbers.weeks))
        for row, week in enumerate(reversed(numbers.weeks)):  # this week first
            cells = (day_month(week.monday, locale), str(week.received), str(week.answered))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)


def add_community_tab(
    tabs: QTabWidget, studio: Studio, zone: ZoneInfo, now: Callable[[], datetime] = utc_now
) -> CommunitySection:
    """The tab on the Metrics page (kept apart from the page's own loading); ``now``: the
    window's clock."""
    section = CommunitySection(studio, zone, now)
    tabs.addTab(section, QCoreApplication.translate("Community", "Community"))
    return section
