"""Scheduling a saved post: a local date and time in an IANA zone, optionally repeating.

A wall time that does not exist (spring forward) or happens twice (fall back) in the chosen
zone is shown as a problem to resolve, with the possible instants to pick from: never a
silent shift.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QLocale, QRect, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.planning import BlockedByProblemsError, Planner, PlanningError
from somestudio.app.publish_gate import AccountProblems
from somestudio.domain.recurrence import MonthlyRule, Rule, WeeklyRule, expand
from somestudio.domain.timeplan import (
    AmbiguousLocalTimeError,
    LocalTimeError,
    NonexistentLocalTimeError,
    UnknownZoneError,
    to_utc,
    zone_for,
)
from somestudio.domain.utc import utc_now
from somestudio.ui.composer.blocking import problem_lines
from somestudio.ui.day_edit import DayEdit
from somestudio.ui.dialog_fit import grow_to_fit, tab_buttons_as_shown
from somestudio.ui.error_text import error_text
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import qdate, qtime, short_date_time, short_time
from somestudio.ui.theme.icons import Status, status_icon
from somestudio.ui.time_field import TimeField
from somestudio.ui.when_text import when_text

log = logging.getLogger(__name__)
# Lines kept for the summary or a problem with the time (what a mistyped time says takes two
# at the dialog's width): they come and go as a time is typed, the buttons stay put.
SAID_LINES = 3
TYPED_DAY_PAUSE_MS = 700  # a day being typed that is no day yet is named after this pause


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _pytime(value: QTime) -> time | None:
    return time(value.hour(), value.minute()) if value.isValid() else None


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
        asking: bool = False,
        queue: bool = False,
        sign_ins: Callable[[int], list[AccountProblems]] | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``asking``: a contributor asks for approval at the time chosen (one time only).
        ``queue``: *Add to queue* is offered beside a time (each account's next free slot).
        ``sign_ins``: the post's accounts nothing can publish to (``app.sign_in_check``),
        asked on a worker (it reads the keyring) and added to the list as warnings.
        ``now``: the window's clock (the time offered, what has passed, this year)."""
        super().__init__(parent)
        self.setObjectName("ScheduleDialog")
        self._asking = asking
        self.setWindowTitle(self.tr("Ask for approval") if asking else self.tr("Schedule post"))
        self._planner = planner
        self._post_id = post_id
        self._now = now
        self._zone = zone
        locale = QLocale()
        # The next whole hour but one, on the clock of the zone the dialog schedules in.
        try:
            clock = now().astimezone(zone_for(zone)).replace(tzinfo=None)
        except UnknownZoneError:  # the form says so below
            clock = now().astimezone().replace(tzinfo=None)
        start = initial or (clock + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)

        # A whole day typed at once, its year in four digits: Qt's own date field with the
        # locale's short format (M/d/yy) took "12/5/26" typed over a selected month as
        # 12/4/52 (the month filled, the slash skipped the day) and scheduled it for 2052.
        self.day = DayEdit(qdate(start.date()), ahead=True, today=self._today)
        self.day.setObjectName("ScheduleDate")
        self.day.editingFinished.connect(self._validate)  # a day typed that is no day
        # Checked as it is typed too: "12/45/2026" stood beside "Goes out Sat 12/5" until
        # Tab (a new user's finding). A day is followed at once; a text that is no day is
        # named after a pause, not at each key of "12/2…".
        self._day_typed = QTimer(self)
        self._day_typed.setSingleShot(True)
        self._day_typed.timeout.connect(self._validate)
        self.day.lineEdit().textEdited.connect(self._typing_day)
        self.at = TimeField(qtime(start.time()))
        self.at.setObjectName("ScheduleTime")
        self.at.setAccessibleName(self.tr("Time"))
        self.at.setToolTip(self.tr("Type a time, for example 9.00, 9:00, 900 or 21.30"))
        self.zone = QComboBox()
        self.zone.setObjectName("ScheduleZone")
        self.zone.setEditable(True)
        zones = sorted(available_timezones())
        self.zone.addItems(zones)
        self.zone.setCurrentText(zone)
        completer = QCompleter(zones, self.zone)
        # "helsinki" finds Europe/Helsinki: any part of the name, in any case
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)
        self.zone.setAccessibleName(self.tr("Time zone"))

        self.repeat = QComboBox()
        self.repeat.setObjectName("ScheduleRepeat")
        self.repeat.addItems([self.tr("Does not repeat"), self.tr("Weekly"), self.tr("Monthly")])
        self.weekdays: list[QCheckBox] = []
        weekly = QWidget()
        weekly_row = QHBoxLayout(weekly)
        weekly_row.setContentsMargins(0, 0, 0, 0)
        # The weekday ticked and the day of the month follow the date chosen above until the
        # user sets them: a weekly post from Wednesday 9 December goes out on Wednesdays (it
        # kept the weekday the dialog opened on, and the first post went to the Saturday after).
        self._rule_follows_day = True
        for weekday in range(7):
            box = QCheckBox(locale.dayName(weekday + 1, QLocale.FormatType.ShortFormat))
            box.setChecked(weekday == start.weekday())
            box.toggled.connect(self._validate)
            box.clicked.connect(self._rule_set_by_user)
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
        self.month_day.editingFinished.connect(self._month_day_edited)
        self.last_day = QCheckBox(self.tr("last day of the month"))
        self.last_day.clicked.connect(self._rule_set_by_user)
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
        self._build_blocking(planner, post_id)

        form = QFormLayout()
        self._form = form
        form.addRow(self.tr("Date:"), self.day)
        form.addRow(self.tr("Time:"), self.at)
        form.addRow(self.tr("Time zone:"), self.zone)
        form.addRow(self.tr("Repeat:"), self.repeat)
        if asking:  # an editor approves one time; a series is not asked for yet
            form.setRowVisible(self.repeat, False)
        form.addRow("", self.rule_details)
        self.count_label = QLabel(self.tr("Ends after:"))
        self.count_label.setBuddy(self.times)  # its name for screen readers
        form.addRow(self.count_label, self.times)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Ask for approval") if asking else self.tr("Schedule"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        # (delivery id, time) of each delivery put in its account's queue, the first first.
        self._queued: list[tuple[int, datetime]] = []
        self.queue_button: QPushButton | None = None
        self._queue_tip = self.tr(
            "Each account's next free posting slot, instead of the time above "
            "(posting slots are set in Accounts)"
        )
        if queue:
            self.queue_button = button = self.buttons.addButton(
                self.tr("Add to queue"), QDialogButtonBox.ButtonRole.ActionRole
            )
            button.setObjectName("ScheduleAddToQueue")
            button.setToolTip(self._queue_tip)
            button.clicked.connect(self._add_to_queue)
        # The summary and a problem with the time share a place that keeps its height:
        # typing a time passes through texts that are not one ("8:", "8:2"), and the line
        # saying so grew the dialog and moved its buttons under the pointer at each key.
        said = QWidget()
        said_layout = QVBoxLayout(said)
        said_layout.setContentsMargins(0, 0, 0, 0)
        said_layout.addWidget(self.problem)
        said_layout.addWidget(choice)
        said_layout.addWidget(self.summary)
        said_layout.addStretch(1)
        said.setMinimumHeight(SAID_LINES * self.fontMetrics().lineSpacing() + said_layout.spacing())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(said)
        layout.addWidget(self.blocking_label)
        layout.addWidget(self.blocking)
        layout.addWidget(self.blocked_reason)
        layout.addWidget(self.buttons)

        self.day.dateChanged.connect(self._follow_day)  # before the check below reads the rule
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
        self._confirmation = ""
        self.repeat.currentIndexChanged.connect(self._on_repeat)
        self._on_repeat(0)
        if sign_ins is not None:
            from somestudio.ui.tasks import Tasks  # noqa: PLC0415

            self._tasks = Tasks(self)
            self._tasks.run(lambda: sign_ins(post_id), self._add_sign_ins, self._no_sign_ins)

    def _build_blocking(self, planner: Planner, post_id: int) -> None:
        """The problems that stop this post from being scheduled, per account (and the
        warnings, which do not)."""
        found = planner.problems(post_id)
        self.blocked: list[AccountProblems] = [a for a in found if a.errors]
        self.blocking_label = QLabel(self.tr("Fix these first:"))
        self.blocking = QListWidget()
        self.blocking.setObjectName("ScheduleBlocking")
        self.blocking.setAccessibleName(self.tr("Problems that stop scheduling"))
        self.blocking.setWordWrap(True)
        self.blocking_label.setBuddy(self.blocking)
        self.blocked_reason = QLabel()
        self.blocked_reason.setObjectName("ScheduleBlockedReason")
        self.blocked_reason.setWordWrap(True)
        self._show_problems(found)

    def _add_sign_ins(self, extra: list[AccountProblems]) -> None:
        """Warnings about the accounts' sign-ins, added to each account's findings."""
        if not extra:
            return
        merged = {a.account_id: a for a in self._found}
        order = [a.account_id for a in self._found]
        for account in extra:
            known = merged.get(account.account_id)
            if known is None:
                merged[account.account_id] = account
                order.append(account.account_id)
            else:
                problems = known.problems + account.problems
                merged[account.account_id] = replace(known, problems=problems)
        self._show_problems([merged[key] for key in order])
        self.adjustSize()

    def _no_sign_ins(self, error: BaseException) -> None:
        # Only a warning could not be given: scheduling itself is unaffected, the log says why.
        log.warning("checking the accounts' sign-ins failed: %s", type(error).__name__)

    def _show_problems(self, found: list[AccountProblems]) -> None:
        self._found = found
        icons = {True: status_icon(Status.ERROR), False: status_icon(Status.WARNING)}
        self.blocking.clear()
        for is_error, line in problem_lines(found):
            item = QListWidgetItem(icons[is_error], line)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.blocking.addItem(item)
        self.blocked = [a for a in found if a.errors]
        names = ", ".join(f"{network_name(a.network)} · {a.label}" for a in self.blocked)
        # A post that would not go out at all is more than "worth a look" (a new user read
        # it as a hint): an account without a usable sign-in says what to do by when.
        unreachable = any(p.code.startswith("account.") for a in found for p in a.problems)
        if self.blocked:
            heading = self.tr("Fix these first:")
        elif unreachable:
            heading = self.tr("Will not go out unless you act first:")
        else:
            heading = self.tr("Worth a look:")
        self.blocking_label.setText(heading)
        house_only = bool(self.blocked) and all(
            p.code.startswith("guideline.") for a in self.blocked for p in a.errors
        )
        if not self.blocked:
            reason = ""
        elif house_only:
            # The house style blocks, not the network (it said the Local archive "would
            # refuse" a post with a banned word).
            reason = self.tr(
                "Cannot schedule: your guidelines do not allow this post. Close this, fix "
                "what the list names in the composer, then schedule."
            )
        else:
            reason = self.tr(
                "Cannot schedule: %1 would refuse this post. Close this, fix what the list names "
                "in the composer (the text or the media; or give that account its own text, or "
                "untick it), then schedule."
            ).replace("%1", names)
        self.blocked_reason.setText(reason)
        for widget in (self.blocking_label, self.blocking):
            widget.setVisible(bool(found))
        self.blocked_reason.setVisible(bool(self.blocked))
        self._fit_list()

    def _fit_list(self) -> None:
        """The list as tall as its lines wrapped at its width (at most eight lines): a long
        warning is read whole, not cut after two lines. First a guess from the text; once
        laid out, the rows' own heights (``_fit_to_rows``)."""
        metrics = self.blocking.fontMetrics()
        icon = self.blocking.iconSize().width() if self.blocking.count() else 0
        width = max(120, self.blocking.viewport().width() - icon - 16)
        lines = 0
        for row in range(self.blocking.count()):
            text = self.blocking.item(row).text()
            box = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
            lines += max(1, -(-box.height() // metrics.lineSpacing()))
        self.blocking.setMaximumHeight(metrics.lineSpacing() * min(8, max(2, lines)) + 12)
        QTimer.singleShot(0, self, self._fit_to_rows)

    def _fit_to_rows(self) -> None:
        count = self.blocking.count()
        if not count or not self.blocking.isVisible():
            return
        self.blocking.doItemsLayout()
        rows = sum(
            self.blocking.visualItemRect(self.blocking.item(r)).height() for r in range(count)
        )
        frame = 2 * self.blocking.frameWidth() + 4
        cap = self.blocking.fontMetrics().lineSpacing() * 8 + 12
        wanted = min(cap, rows + frame)
        if wanted != self.blocking.maximumHeight():
            self.blocking.setMaximumHeight(wanted)
            self.blocking.setMinimumHeight(wanted)  # the dialog grows for it, not the list

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_list()  # the width the lines wrap at is known once laid out

    # -- reading the form
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        tab_buttons_as_shown(self.buttons)

    def _typing_day(self) -> None:
        if self.day.reads_a_day():
            self._day_typed.start(0)  # after the key (the field notes what it refused)
        else:
            self.summary.clear()  # not the day before's "Goes out …"
            self._day_typed.start(TYPED_DAY_PAUSE_MS)

    def _today(self) -> QDate:
        """Today by the window's clock, in the zone chosen (while that names no zone, the
        one the dialog opened with): where a day typed without its year counts from."""
        for name in (self.zone.currentText().strip(), self._zone):
            try:
                return qdate(self._now().astimezone(zone_for(name)).date())
            except UnknownZoneError:
                continue
        return qdate(self._now().astimezone().date())

    def wall(self) -> datetime | None:
        moment = _pytime(self.at.time())
        if moment is None:
            return None
        return datetime.combine(_pydate(self.day.typed_date()), moment)

    def rule(self) -> Rule | None:
        index = self.repeat.currentIndex()
        moment = _pytime(self.at.time())
        if moment is None:
            return None
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
        wall = self.wall()
        if wall is None:
            return None
        try:
            return to_utc(wall, zone)
        except AmbiguousLocalTimeError as exc:
            return exc.earlier if self.first.isChecked() else exc.later
        except NonexistentLocalTimeError as exc:
            return exc.transition if self.first.isChecked() else None
        except (LocalTimeError, UnknownZoneError):
            return None

    # -- private
    def _rule_set_by_user(self) -> None:
        self._rule_follows_day = False

    def _month_day_edited(self) -> None:
        if self.month_day.value() != self.day.date().day():
            self._rule_follows_day = False

    def _follow_day(self, day: QDate) -> None:
        """The weekday and the day of the month of the date chosen, until the user sets
        them."""
        if not self._rule_follows_day or not day.isValid():
            return
        weekday = day.dayOfWeek() - 1  # Qt: Monday is 1
        for index, box in enumerate(self.weekdays):
            box.setChecked(index == weekday)
        self.month_day.setValue(day.day())

    def _on_repeat(self, index: int) -> None:
        self.rule_details.setCurrentIndex(index)
        # The weekdays or the day of the month, under Repeat: no empty row for a single time.
        self._form.setRowVisible(self.rule_details, index > 0)
        self.times.setVisible(index > 0)
        self.count_label.setVisible(index > 0)
        self._validate()

    def _validate(self) -> None:
        zone = self.zone.currentText().strip()
        self.choice.hide()
        self.problem.clear()
        self.summary.clear()
        ok = True
        # The day's and the time's problems together: one mended, the other is not news.
        typed = [self.day.typed_problem(saving=False)]  # nothing is saved as one types
        if not self.at.time().isValid():
            typed.append(
                self.tr("“%1” is not a time: type it like %2 or %3.")
                .replace("%1", self.at.text())
                .replace("%2", short_time(time(9, 0)))
                .replace("%3", short_time(time(21, 30)))
            )
        problems = [problem for problem in typed if problem]
        if problems:
            self.problem.setText("\n".join(problems))
            ok = False
        elif self.repeat.currentIndex() == 0:
            ok = self._validate_single(zone)
        else:
            ok = self._validate_rule(zone)
        self.ok.setEnabled(ok and not self.blocked)
        self.ok.setToolTip(self.blocked_reason.text())
        if self.queue_button is not None:  # the queue's times need no valid time above
            self.queue_button.setEnabled(not self.blocked)
            self.queue_button.setToolTip(self.blocked_reason.text() or self._queue_tip)
        self.problem.setVisible(bool(self.problem.text()))  # no empty gap above the summary
        # Taller when what it says needs it (a time the clocks skip: the reason and its two
        # choices were cut at the top and bottom, the dialog staying the size it opened at).
        grow_to_fit(self)

    def _validate_single(self, zone: str) -> bool:
        wall = self.wall()
        assert wall is not None  # checked by _validate
        try:
            at = to_utc(wall, zone)
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
        if at <= self._now():
            self.problem.setText(self.tr("That time has already passed."))
            return False
        if self._asking:  # nothing goes out before an editor approves it
            self.summary.setText(
                self.tr("Asked for %1; it goes out once an editor approves it.").replace(
                    "%1", when_text(at, zone, now=self._now())
                )
            )
            return True
        self.summary.setText(
            self.tr("Goes out %1.").replace("%1", when_text(at, zone, now=self._now()))
        )
        return True

    def _validate_rule(self, zone: str) -> bool:
        rule = self.rule()
        if rule is None:
            self.problem.setText(self.tr("Choose at least one weekday."))
            return False
        try:
            occurrences = expand(
                rule, zone, _pydate(self.day.typed_date()), count=self.times.value()
            )
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
        except BlockedByProblemsError as exc:
            self._blocked(exc)
            return
        except (PlanningError, LocalTimeError) as exc:
            self._say_problem(error_text(exc))
            return
        self._confirmation = self._describe(ids)
        self.scheduled.emit(ids)
        self.accept()

    def _say_problem(self, text: str) -> None:
        """A refusal that came when scheduling, under the form (the line is hidden while the
        form's own check finds nothing, and a refusal set there stayed unseen)."""
        self.problem.setText(text)
        self.problem.setVisible(True)

    def _blocked(self, exc: BlockedByProblemsError) -> None:
        found = self._planner.problems(self._post_id)
        self._show_problems(found)
        self._validate()
        if not found:  # refused for what the post's own check does not show: say why
            self._say_problem(error_text(exc))

    def _add_to_queue(self) -> None:
        """Each unsent delivery at its account's next free posting slot (offered only in the
        calendar's menu before, where few found it)."""
        try:
            queued = self._planner.add_post_to_queue(self._post_id)
        except BlockedByProblemsError as exc:
            self._blocked(exc)
            return
        except PlanningError as exc:
            self._say_problem(error_text(exc))
            return
        self._queued = queued
        zone = self.zone.currentText().strip()
        first = when_text(queued[0][1], zone, now=self._now())
        if len({at for _id, at in queued}) == 1:
            text = self.tr("Queued for %1 on %n accounts", "", len(queued))
        else:
            text = self.tr("Queued on %n accounts, the first %1", "", len(queued))
        self._confirmation = text.replace("%1", first)
        self.scheduled.emit([delivery for delivery, _at in queued])
        self.accept()

    # -- what happened, for the window to tell
    def confirmation(self) -> str:
        """After scheduling: what was done, e.g. "Scheduled Thu 3/12 12:00 (Helsinki) on
        3 accounts"."""
        return self._confirmation

    def first_day(self) -> date:
        """The (first) day it goes out, in the chosen zone: where the calendar shows it."""
        if self._queued:
            try:
                return self._queued[0][1].astimezone(zone_for(self.zone.currentText())).date()
            except UnknownZoneError:
                return self._queued[0][1].date()
        first = self._first_occurrence() if self.repeat.currentIndex() else None
        return first.date() if first is not None else _pydate(self.day.date())

    def _first_occurrence(self) -> datetime | None:
        """A repeating post's first time (the rule's first day on or after the date chosen),
        on the wall clock of the chosen zone; None without a rule."""
        rule = self.rule()
        if rule is None:
            return None
        zone = self.zone.currentText().strip()
        try:
            occurrences = expand(rule, zone, _pydate(self.day.date()), count=1)
        except (UnknownZoneError, ValueError):
            return None
        return occurrences[0].wall if occurrences else None

    def _describe(self, ids: list[int]) -> str:
        zone = self.zone.currentText().strip()
        if self.repeat.currentIndex():
            first = self._first_occurrence()
            return self.tr("Scheduled %n posts, the first %1", "", len(ids)).replace(
                "%1", when_text(first or self.wall() or self._now(), zone, now=self._now())
            )
        at = self.instant()
        when = when_text(at, zone, now=self._now()) if at is not None else ""
        if self._asking:
            return self.tr("Asked for approval: %1 on %n accounts", "", len(ids)).replace(
                "%1", when
            )
        return self.tr("Scheduled %1 on %n accounts", "", len(ids)).replace("%1", when)
