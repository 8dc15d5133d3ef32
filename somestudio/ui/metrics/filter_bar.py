"""Filters of the metrics view: channel, account, label (campaign) and a date range."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from somestudio.app.metrics_dashboard import Period, local_period
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account
from somestudio.domain.utc import utc_now
from somestudio.ui.announce import announce
from somestudio.ui.day_edit import DayEdit
from somestudio.ui.network_names import network_name
from somestudio.ui.theme import network_icon

PRESETS = ("7", "30", "90", "365", "month", "last_month", "custom")
# The presets computed ahead once a period is shown (``preset_periods``), nearest first.
AHEAD = ("30", "90", "365", "7", "month", "last_month")


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def preset_days(preset: str, today: date) -> tuple[date, date]:
    if preset == "month":
        return today.replace(day=1), today
    if preset == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    days = int(preset) if preset.isdigit() else 30
    return today - timedelta(days=days - 1), today


class FilterBar(QWidget):
    changed = Signal()

    def __init__(
        self,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] | None = None,
    ) -> None:
        """``today``: today in ``zone`` by the window's clock (the presets end on it)."""
        super().__init__(parent)
        self._zone = zone
        self._today = today or (lambda: utc_now().astimezone(zone).date())
        self._quiet = False
        self._says_a_problem = False  # the note beside the days gives a typed day's reason
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Channel"))
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account"))
        self.label = QComboBox()
        self.label.setAccessibleName(self.tr("Label or campaign"))
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Period"))
        # Qt on Linux names a combo box by its choice (as GTK does): what each is for is also
        # its description, for the ones without a caption of their own.
        for combo in (self.channel, self.account, self.label, self.preset):
            combo.setAccessibleDescription(combo.accessibleName())
        for key, text in zip(
            PRESETS,
            (
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("Last 90 days"),
                self.tr("Last 365 days"),
                self.tr("This month"),
                self.tr("Last month"),
                self.tr("Custom"),
            ),
            strict=True,
        ):
            self.preset.addItem(text, key)
        self.first = DayEdit()
        self.first.setAccessibleName(self.tr("From"))
        self.last = DayEdit()
        self.last.setAccessibleName(self.tr("To"))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
        # Two rows, so the page fits a narrow window. Each box has a visible caption whose
        # buddy it is: on Linux a screen reader names a combo box by its value ("Last 30
        # days") and hears what it is for only through the caption's label relation.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.captions: list[QLabel] = []
        what = QHBoxLayout()
        for widget in (self.channel, self.account, self.label, self.preset):
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(10)
            if widget is self.preset:  # short texts: the box fits the longest, never clipped
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for widget, text in (
            (self.channel, self.tr("Channel")),
            (self.account, self.tr("Account")),
            (self.label, self.tr("Label")),
        ):
            what.addWidget(self._caption(text, widget))
            what.addWidget(widget, 1)
        when = QHBoxLayout()
        period = self._caption(self.tr("Period"), self.preset)
        when.addWidget(period)
        when.addWidget(self.preset)
        when.addWidget(self._caption(self.tr("from"), self.first))
        when.addWidget(self.first)
        when.addWidget(self._caption(self.tr("to"), self.last))
        when.addWidget(self.last)
        # Said when one end of the period moved with the other (a "from" after "to").
        # Or why a day typed is not one ("31.11."): it was kept in its box without a word,
        # the figures staying those of the day before.
        self.days_note = QLabel()
        self.days_note.setObjectName("PeriodDaysNote")
        # Wrapped where the bar is narrow: on one line it widened the window (800 → 1011 px).
        self.days_note.setWordWrap(True)
        self.days_note.hide()
        when.addStretch(1)
        # The rows' first boxes start under each other.
        first_captions = (self.captions[0], period)
        width = max(c.sizeHint().width() for c in first_captions)
        for caption in first_captions:
            caption.setMinimumWidth(width)
        layout.addLayout(what)
        layout.addLayout(when)
        # Under the days, across the bar: beside them in a narrow window it stood six lines
        # tall in a slit and made the window grow (a new user's finding).
        layout.addWidget(self.days_note)
        self.set_accounts([], [])
        self.preset.setCurrentIndex(PRESETS.index("30"))
        self._apply_preset()
        self.channel.currentIndexChanged.connect(self._on_channel)
        for combo in (self.account, self.label):
            combo.currentIndexChanged.connect(self._emit)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.first.dateChanged.connect(lambda: self._on_dates(moved=self.first))
        self.last.dateChanged.connect(lambda: self._on_dates(moved=self.last))
        for edit in (self.first, self.last):
            edit.editingFinished.connect(lambda e=edit: self._typed_day(e))

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setBuddy(buddy)
        self.captions.append(caption)
        return caption

    def today(self) -> date:
        return self._today()

    def set_accounts(self, accounts: list[Account], labels: list[str]) -> None:
        """Fill the choices, keeping what was chosen where it still exists."""
        self._quiet = True
        try:
            chosen_channel = self.channel.currentData()
            self.channel.clear()
            self.channel.addItem(self.tr("All channels"), None)
            for network in sorted({a.network for a in accounts}, key=network_name):
                self.channel.addItem(network_icon(network), network_name(network), network.value)
            self._select(self.channel, chosen_channel)
            self._accounts = accounts
            self._fill_accounts()
            chosen_label = self.label.currentData()
            self.label.clear()
            self.label.addItem(self.tr("All labels"), None)
            for name in labels:
                self.label.addItem(name, name)
            self._select(self.label, chosen_label)
        finally:
            self._quiet = False

    def _fill_accounts(self) -> None:
        chosen = self.account.currentData()
        network = self.channel.currentData()
        self.account.clear()
        self.account.addItem(self.tr("All accounts"), None)
        for account in self._accounts:
            if network is None or account.network.value == network:
                self.account.addItem(
                    network_icon(account.network),
                    f"{network_name(account.network)} · {account.label}",
                    account.id,
                )
        self._select(self.account, chosen)

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data) if data is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def metrics_filter(self) -> MetricsFilter:
        network = self.channel.currentData()
        account = self.account.currentData()
        label = self.label.currentData()
        return MetricsFilter(
            networks=frozenset({Network(network)}) if network else frozenset(),
            account_ids=frozenset({int(account)}) if account is not None else frozenset(),
            label=label or None,
        )

    def period(self) -> Period:
        return local_period(_day(self.first.date()), _day(self.last.date()), self._zone)

    def preset_periods(self) -> list[Period]:
        """The periods of the presets a person switches between (``AHEAD``'s order), as
        ``period`` gives them once chosen."""
        today = self.today()
        return [local_period(*preset_days(key, today), self._zone) for key in AHEAD]

    def set_range(self, first: date, last: date) -> None:
        self.days_note.hide()  # (a period chosen whole)
        self._quiet = True
        try:
            self.first.setDate(QDate(first.year, first.month, first.day))
            self.last.setDate(QDate(last.year, last.month, last.day))
        finally:
            self._quiet = False

    def _apply_preset(self) -> None:
        key = self.preset.currentData()
        if key != "custom":
            self.set_range(*preset_days(key, self.today()))

    def _on_preset(self) -> None:
        self._apply_preset()
        self._emit()

    def _on_dates(self, moved: DayEdit) -> None:
        """A day chosen: the other end follows it when they would cross (the day just
        chosen is kept), and the note beside them says so."""
        if self._quiet:
            return
        note = ""
        if self.first.date() > self.last.date():
            other = self.last if moved is self.first else self.first
            self._quiet = True
            other.setDate(moved.date())
            self._quiet = False
            shown = QLocale().toString(moved.date(), moved.displayFormat())  # as in the box
            note = (
                self.tr("“to” moved to %1 with “from”")
                if other is self.last
                else self.tr("“from” moved to %1 with “to”")
            ).replace("%1", shown)
        self._say(note, problem=False)
        custom = PRESETS.index("custom")
        if self.preset.currentIndex() != custom:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(custom)
            self.preset.blockSignals(False)
        self._emit()

    def _typed_day(self, edit: DayEdit) -> None:
        """A day typed that is no day: said beside the days (the figures stay those of the
        day the box had)."""
        problem = edit.typed_problem(saving=False)
        if problem is not None:
            self._say(problem, problem=True)
        elif self._says_a_problem:  # mended: its reason goes (a move's note stays)
            self._say("", problem=False)

    def _say(self, note: str, *, problem: bool) -> None:
        """``note`` under the days (none: hidden), heard by a screen reader; ``problem``:
        it is a typed day's reason."""
        self.days_note.setText(note)
        self.days_note.setVisible(bool(note))
        self._says_a_problem = problem and bool(note)
        if note:
            announce(self.days_note, note)

    def _on_channel(self) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            self._fill_accounts()
        finally:
            self._quiet = False
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit()
