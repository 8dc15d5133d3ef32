"""Numbers no API gives: entered by hand (a post's counts, an account's followers, a series
of one's own) or imported from a CSV file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.metric_entry import (
    enter_account_numbers,
    enter_post_numbers,
    enter_series_value,
    import_metric_csv,
)
from somestudio.app.metrics_dashboard import MetricsDashboard, Period
from somestudio.app.studio import Studio
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_now
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import qdate, short_date_time
from somestudio.ui.theme import network_icon

NOT_GIVEN = -1  # a spin box at its minimum means "not given"


def _spin() -> QSpinBox:
    box = QSpinBox()
    box.setRange(NOT_GIVEN, 2_000_000_000)
    box.setValue(NOT_GIVEN)
    box.setSpecialValueText("–")
    box.setGroupSeparatorShown(True)
    return box


def _value(box: QSpinBox) -> int | None:
    return None if box.value() == NOT_GIVEN else box.value()


class EntryDialog(QDialog):
    saved = Signal()

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``now``: the window's clock (the posts out by then; the time the numbers are
        entered as of, on ``zone``'s clock: the field is read back in ``zone``)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter numbers"))
        self._studio = studio
        self._zone = zone
        connect = studio.workspace.connection
        dashboard = MetricsDashboard(connect, zone)
        moment = now()
        recent = dashboard.top_posts(
            MetricsFilter(), Period(datetime(2000, 1, 1, tzinfo=UTC), moment), limit=300
        )
        recent.sort(key=lambda p: p.published_at, reverse=True)
        self.tabs = QTabWidget()
        # A post's counts.
        self.post = QComboBox()
        locale = QLocale()
        for row in recent:
            text = " ".join(row.text.split())[:60]
            # When it went out first: a weekly series' posts were identical rows.
            went_out = short_date_time(locale, row.published_at.astimezone(zone))
            self.post.addItem(
                network_icon(row.network),
                f"{went_out} · {network_name(row.network)} · {row.account_label}: {text}",
                row.delivery_id,
            )
        # Saves: what a creator's Instagram or TikTok insights show beside likes (there was
        # no field for them); they count as engagements, as fetched bookmarks do.
        self.post_fields = {
            name: _spin() for name in ("likes", "reposts", "replies", "bookmarks", "views")
        }
        post_page = QWidget()
        form = QFormLayout(post_page)
        form.addRow(self.tr("Post"), self.post)
        for name, label in zip(
            self.post_fields,
            (
                self.tr("Likes"),
                self.tr("Reposts or shares"),
                self.tr("Replies or comments"),
                self.tr("Saves"),
                self.tr("Views"),
            ),
            strict=True,
        ):
            form.addRow(label, self.post_fields[name])
            self.post_fields[name].setAccessibleName(label)
        # An account's counts.
        self.account = QComboBox()
        self._contacts: set[int] = set()  # personal LinkedIn profiles count contacts
        for account in dashboard.accounts():
            self.account.addItem(
                network_icon(account.network),
                f"{network_name(account.network)} · {account.label}",
                account.id,
            )
            if account.network is Network.LINKEDIN and not account.options.get("organization_id"):
                self._contacts.add(account.id)
        self.followers = _spin()
        self.followers_label = QLabel()
        self.followers_label.setBuddy(self.followers)
        account_page = QWidget()
        form = QFormLayout(account_page)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.followers_label, self.followers)
        self.account.currentIndexChanged.connect(self._name_followers)
        self._name_followers()
        # A series of one's own.
        self.series = QComboBox()
        self.series.setEditable(True)
        self.series.setPlaceholderText(self.tr("e.g. Blog views"))
        self.series_value = QDoubleSpinBox()
        self.series_value.setRange(-1e12, 1e12)
        self.series_value.setDecimals(2)
        series_page = QWidget()
        form = QFormLayout(series_page)
        form.addRow(self.tr("Series"), self.series)
        form.addRow(self.tr("Value"), self.series_value)
        self.tabs.addTab(post_page, self.tr("A post"))
        self.tabs.addTab(account_page, self.tr("An account"))
        self.tabs.addTab(series_page, self.tr("Other numbers"))
        if not recent:  # no published post yet: the account's numbers are what can be entered
            self.tabs.setCurrentWidget(account_page)
        wall = moment.astimezone(zone)
        self.when = QDateTimeEdit(QDateTime(qdate(wall.date()), QTime(wall.hour, wall.minute)))
        self.when.setCalendarPopup(True)
        self.problem = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        when = QFormLayout()
        when.addRow(self.tr("As of"), self.when)
        layout.addLayout(when)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _name_followers(self) -> None:
        """A personal LinkedIn profile has contacts (connections), not followers."""
        contacts = self.account.currentData() in self._contacts
        name = self.tr("Contacts") if contacts else self.tr("Followers")
        self.followers_label.setText(name)
        self.followers.setAccessibleName(name)

    def moment(self) -> datetime:
        value = self.when.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self._zone)

    def save(self) -> None:
        """Save what is entered on every tab (a post's numbers and an account's followers
        typed on two tabs were one save: only the tab in view was kept, without a word).
        With nothing entered anywhere, the tab in view says what it needs."""
        connect = self._studio.workspace.writable_connection
        at = self.moment()
        counts = PostCounts(**{k: _value(b) for k, b in self.post_fields.items()})
        delivery = self.post.currentData()
        account = self.account.currentData()
        followers = _value(self.followers)
        name = self.series.currentText().strip()
        post_entered = counts.offers_anything()
        account_entered = followers is not None
        series_entered = bool(name)
        if not (post_entered or account_entered or series_entered):
            self.problem.setText(self._nothing_entered(self.tabs.currentIndex()))
            return
        if post_entered and delivery is None:
            self.tabs.setCurrentIndex(0)
            self.problem.setText(self.tr("There is no published post to enter numbers for."))
            return
        if account_entered and account is None:
            self.tabs.setCurrentIndex(1)
            self.problem.setText(self._nothing_entered(1))
            return
        try:
            if post_entered:
                enter_post_numbers(connect, int(delivery), at, counts)
            if account_entered:
                enter_account_numbers(connect, int(account), at, AccountCounts(followers=followers))
            if series_entered:
                enter_series_value(connect, name, at.date(), self.series_value.value())
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self.saved.emit()
        self.accept()

    def _nothing_entered(self, tab: int) -> str:
        if tab == 0:
            if self.post.currentData() is None:
                return self.tr("There is no published post to enter numbers for.")
            return self.tr("Enter at least one number.")
        if tab == 1:
            if self.account.currentData() in self._contacts:
                return self.tr("Choose an account and enter its contacts.")
            return self.tr("Choose an account and enter its followers.")
        return self.tr("Give the series a name.")


def import_csv(studio: Studio, zone: ZoneInfo, parent: QWidget, done: Callable[[], None]) -> None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("MetricImport", "Import numbers"),
        "",
        QCoreApplication.translate("MetricImport", "CSV files (*.csv);;All files (*)"),
    )
    if not path:
        return
    result = import_metric_csv(studio.workspace.writable_connection, Path(path), zone)
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("MetricImport", "Import numbers"))
    if result.ok:
        box.setText(
            QCoreApplication.translate(
                "MetricImport", "Imported %1 post rows, %2 account rows and %3 other values."
            )
            .replace("%1", str(result.posts))
            .replace("%2", str(result.accounts))
            .replace("%3", str(result.series))
        )
        done()
    else:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(
            QCoreApplication.translate(
                "MetricImport", "Nothing was imported. Fix these lines and try again:"
            )
        )
        box.setInformativeText("\n".join(str(p) for p in result.problems[:20]))
    box.open()
