"""Scheduling a saved post: a local date and time in an IANA zone, optionally repeating.

A wall time that does not exist (spring forward) or happens twice (fall back) in the chosen
zone is shown as a problem to resolve, with the possible instants to pick from: never a
silent shift.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.planning import Planner, PlanningError
from somestudio.domain.recurrence import MonthlyRule, Rule, WeeklyRule, expand
from somestudio.domain.timeplan import (
    AmbiguousLocalTimeError,
    LocalTimeError,
    NonexistentLocalTimeError,
    UnknownZoneError,
    to_utc,
)
from somestudio.ui.error_text import error_text
from somestudio.ui.qtdates import qdate, qtime, short_date_time, short_time


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class ScheduleDialog(QDialog):
    scheduled = Signal(list)  # ids of the scheduled deliveries (one time) or posts (repeating)

    def __init__(
        self,
        planner: Planner,
        post_id: int,
        zone: str,
        parent: QWidget | None = None,
        *,
        initial: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ScheduleDialog")
        self.setWindowTitle(self.tr("Schedule post"))
        self._planner = planner
        self._post_id = post_id
        locale = QLocale()
        start = initial or (datetime.now() + timedelta(hours=1)).replace(minute=0, second=0)

        self.day = QDateEdit(qdate(start.date()))
        self.day.setObjectName("ScheduleDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(locale.dateFormat(QLocale.FormatType.ShortFormat))
        self.at = QTimeEdit(qtime(start.time()))
        self.at.setObjectName("ScheduleTime")
        self.zone = QComboBox()
        self.zone.setObjectName("ScheduleZone")
        self.zone.setEditable(True)
        zones = sorted(available_timezones())
        self.zone.addItems(zones)
        self.zone.setCurrentText(zone)
        completer = QCompleter(zones, self.zone)
        completer.setFilterMode(completer.filterMode().MatchContains)
        self.zone.setCompleter(completer)
        self.zone.setAccessibleName(self.tr("Time zone"))

        self.repeat = QComboBox()
        self.repeat.setObjectName("ScheduleRepeat")
        self.repeat.addItems([self.tr("Does not repeat"), self.tr("Weekly"), self.tr("Monthly")])
        self.weekdays: list[QCheckBox] = []
        weekly = QWidget()
        weekly_row = QHBoxLayout(weekly)
        weekly_row.setContentsMargins(0, 0, 0, 0)
        for weekday in range(7):
            box = QCheckBox(locale.dayName(weekday + 1, QLocale.FormatType.ShortFormat))
            box.setChecked(weekday == start.weekday())
            box.toggled.connect(self._validate)
            self.weekdays.append(box)
            weekly_row.addWidget(box)
        monthly = QWidget()
        monthly_row = QHBoxLayout(monthly)
        monthly_row.setContentsMargins(0, 0, 0, 0)
        self.month_day = QSpinBox()
        self.month_day.setRange(1, 31)
        self.month_day.setValue(start.day)
        self.month_day.setPrefix(self.tr("day "))
        self.month_day.setAccessibleName(self.tr("Day of the month"))
        self.last_day = QCheckBox(self.tr("last day of the month"))
        monthly_row.addWidget(self.month_day)
        monthly_row.addWidget(self.last_day)
        monthly_row.addStretch(1)
        self.rule_details = QStackedWidget()
        self.rule_details.addWidget(QWidget())
        self.rule_details.addWidget(weekly)
        self.rule_details.addWidget(monthly)
        self.times = QSpinBox()
        self.times.setObjectName("ScheduleCount")
        self.times.setRange(1, 200)
        self.times.setValue(4)
        self.times.valueChanged.connect(
            lambda count: self.times.setSuffix(self.tr(" times", "", count))
        )
        self.times.setSuffix(self.tr(" times", "", self.times.value()))

        self.first = QRadioButton()
        self.second = QRadioButton()
        self.first.setChecked(True)
        choice = QWidget()
        choice_row = QVBoxLayout(choice)
        choice_row.setContentsMargins(0, 0, 0, 0)
        choice_row.addWidget(self.first)
        choice_row.addWidget(self.second)
        self.choice = choice
        self.problem = QLabel()
        self.problem.setObjectName("ScheduleProblem")
        self.problem.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("ScheduleSummary")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Date:"), self.day)
        form.addRow(self.tr("Time:"), self.at)
        form.addRow(self.tr("Time zone:"), self.zone)
        form.addRow(self.tr("Repeat:"), self.repeat)
        form.addRow("", self.rule_details)
        self.count_label = QLabel(self.tr("Ends after:"))
        self.count_label.setBuddy(self.times)  # its name for screen readers
        form.addRow(self.count_label, self.times)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Schedule"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(choice)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        for signal in (
            self.day.dateChanged,
            self.at.timeChanged,
            self.zone.currentTextChanged,
            self.month_day.valueChanged,
            self.last_day.toggled,
            self.times.valueChanged,
            self.first.toggled,
        ):
            signal.connect(self._validate)
        self.repeat.currentIndexChanged.connect(self._on_repeat)
        self._on_repeat(0)

    # -- reading the form
    def wall(self) -> datetime:
        return datetime.combine(_pydate(self.day.date()), _pytime(self.at.time()))

    def rule(self) -> Rule | None:
        index = self.repeat.currentIndex()
        moment = _pytime(self.at.time())
        if index == 1:
            days = frozenset(i for i, box in enumerate(self.weekdays) if box.isChecked())
            return WeeklyRule(days, moment) if days else None
        if index == 2:
            day = -1 if self.last_day.isChecked() else self.month_day.value()
            return MonthlyRule(day, moment)
        return None

    def instant(self) -> datetime | None:
        """The chosen single instant, or None while the input has a problem."""
        zone = self.zone.currentText().strip()
        try:
            return to_utc(self.wall(), zone)
        except AmbiguousLocalTimeError as exc:
            return exc.earlier if self.first.isChecked() else exc.later
        except NonexistentLocalTimeError as exc:
            return exc.transition if self.first.isChecked() else None
        except (LocalTimeError, UnknownZoneError):
            return None

    # -- private
    def _on_repeat(self, index: int) -> None:
        self.rule_details.setCurrentIndex(index)
        self.times.setVisible(index > 0)
        self.count_label.setVisible(index > 0)
        self._validate()

    def _validate(self) -> None:
        zone = self.zone.currentText().strip()
        self.choice.hide()
        self.problem.clear()
        self.summary.clear()
        ok = True
        if self.repeat.currentIndex() == 0:
            ok = self._validate_single(zone)
        else:
            ok = self._validate_rule(zone)
        self.ok.setEnabled(ok)

    def _validate_single(self, zone: str) -> bool:
        try:
            at = to_utc(self.wall(), zone)
        except UnknownZoneError:
            self.problem.setText(self.tr("Unknown time zone: %1").replace("%1", zone))
            return False
        except AmbiguousLocalTimeError as exc:
            self.problem.setText(error_text(exc))
            self.first.setText(self.tr("The first one (UTC%1)").replace("%1", exc.offsets[0]))
            self.second.setText(self.tr("The second one (UTC%1)").replace("%1", exc.offsets[1]))
            self.second.show()
            self.choice.show()
            return True
        except NonexistentLocalTimeError as exc:
            self.problem.setText(error_text(exc))
            self.first.setText(self.tr("Use %1 instead").replace("%1", short_time(exc.gap_end)))
            self.second.setText(self.tr("Pick another time"))
            self.choice.show()
            return self.first.isChecked()
        except LocalTimeError as exc:
            self.problem.setText(error_text(exc))
            return False
        if at <= datetime.now(at.tzinfo):
            self.problem.setText(self.tr("That time has already passed."))
            return False
        utc = at.astimezone(UTC).replace(tzinfo=None)
        self.summary.setText(
            self.tr("Goes out %1 UTC.").replace("%1", short_date_time(QLocale(), utc))
        )
        return True

    def _validate_rule(self, zone: str) -> bool:
        rule = self.rule()
        if rule is None:
            self.problem.setText(self.tr("Choose at least one weekday."))
            return False
        try:
            occurrences = expand(rule, zone, _pydate(self.day.date()), count=self.times.value())
        except (UnknownZoneError, ValueError) as exc:
            self.problem.setText(error_text(exc))
            return False
        problems = [o for o in occurrences if o.problem is not None]
        if problems:
            self.problem.setText(
                self.tr("These dates need another time: %1").replace(
                    "%1", "; ".join(error_text(p) for o in problems if (p := o.problem) is not None)
                )
            )
            return False
        if occurrences:
            first, last = occurrences[0].wall, occurrences[-1].wall
            self.summary.setText(
                self.tr("%n posts, from %1 to %2.", "", len(occurrences))
                .replace("%1", short_date_time(QLocale(), first))
                .replace("%2", short_date_time(QLocale(), last))
            )
        return bool(occurrences)

    def _accept(self) -> None:
        zone = self.zone.currentText().strip()
        try:
            rule = self.rule()
            if self.repeat.currentIndex() and rule is not None:
                ids = self._planner.schedule_existing_recurring(
                    self._post_id, rule, zone, _pydate(self.day.date()), count=self.times.value()
                )
            else:
                at = self.instant()
                if at is None:
                    return
                ids = self._planner.schedule_existing(self._post_id, at, zone)
        except (PlanningError, LocalTimeError) as exc:
            self.problem.setText(error_text(exc))
            return
        self.scheduled.emit(ids)
        self.accept()
