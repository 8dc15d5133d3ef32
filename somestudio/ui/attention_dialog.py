"""Posts waiting for a decision: missed ones (publish now, reschedule, skip) and failed or
held ones (open, try again, mark published, unschedule). Opening it counts as having looked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.planning import Planner, PlanningError
from somestudio.app.studio import Studio
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import ScheduledEntry
from somestudio.domain.timeplan import LocalTimeError, to_utc
from somestudio.ui.error_text import error_text
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import qdate, qtime, short_date_time
from somestudio.ui.states import GLYPHS, state_name

S = DeliveryState


class AttentionDialog(QDialog):
    open_post = Signal(int)
    changed = Signal()

    def __init__(
        self, studio: Studio, planner: Planner, zone: ZoneInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttentionDialog")
        self.setWindowTitle(self.tr("Posts waiting for you"))
        self._studio = studio
        self._planner = planner
        self._zone = zone
        self._locale = QLocale()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.rows = QVBoxLayout()
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        holder.setLayout(self.rows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the rows' buttons, which scroll
        scroll.setWidget(holder)
        self.error = QLabel()
        self.error.setObjectName("AttentionError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.reload()

    def reload(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        entries = self._studio.wanting_decision()
        self.entries = entries
        self.intro.setText(
            self.tr("Nothing is waiting for you.")
            if not entries
            else self.tr(
                "These posts did not go out as planned. Decide for each; nothing is sent again "
                "without you."
            )
        )
        for entry in entries:
            self.rows.addWidget(self._row(entry))
        if entries:
            try:
                self._planner.mark_seen(e.delivery_id for e in entries)
            except PlanningError as exc:  # pragma: no cover - mark_seen has no user error
                self.error.setText(error_text(exc))
            self.changed.emit()

    def _row(self, entry: ScheduledEntry) -> QWidget:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName(f"Attention-{entry.delivery_id}")
        local = entry.scheduled_at.astimezone(self._zone)
        when = short_date_time(self._locale, local)
        title = QLabel(
            f"{GLYPHS[entry.state]} {state_name(entry.state)} · {when}"
            f" · {network_name(entry.network)} · {entry.account_label}"
        )
        text = QLabel(entry.text)
        text.setWordWrap(True)
        buttons = QHBoxLayout()

        def button(label: str, slot: Callable[[], None]) -> None:
            widget = QPushButton(label)
            widget.clicked.connect(slot)
            buttons.addWidget(widget)

        button(self.tr("Open"), lambda: self.open_post.emit(entry.post_id))
        if entry.state in (S.MISSED, S.FAILED, S.NEEDS_ATTENTION):
            button(self.tr("Publish now"), lambda: self._do(self._planner.publish_now, entry))
        if entry.state is S.NEEDS_ATTENTION:
            button(
                self.tr("Mark as published"),
                lambda: self._do(self._planner.confirm_published_by_hand, entry),
            )
        if entry.state is S.MISSED:
            button(self.tr("Skip"), lambda: self._do(self._planner.skip_missed, entry))
        else:
            button(self.tr("Unschedule"), lambda: self._do(self._planner.unschedule, entry))
        editor = QDateTimeEdit()
        editor.setObjectName("RescheduleAt")
        editor.setAccessibleName(self.tr("New time"))
        editor.setCalendarPopup(True)
        soon = datetime.now(ZoneInfo(entry.time_zone)).replace(second=0, microsecond=0)
        soon += timedelta(hours=1)
        editor.setDateTime(QDateTime(qdate(soon.date()), qtime(soon.time())))
        buttons.addStretch(1)
        buttons.addWidget(editor)
        button(self.tr("Reschedule"), lambda: self._reschedule(entry, editor))
        layout = QVBoxLayout(frame)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(buttons)
        return frame

    def _reschedule(self, entry: ScheduledEntry, editor: QDateTimeEdit) -> None:
        value = editor.dateTime()
        wall = datetime(
            value.date().year(),
            value.date().month(),
            value.date().day(),
            value.time().hour(),
            value.time().minute(),
        )
        try:
            at = to_utc(wall, entry.time_zone)
        except LocalTimeError as exc:
            self.error.setText(error_text(exc))
            return
        zone = entry.time_zone
        self._do(lambda delivery_id: self._planner.reschedule(delivery_id, at, zone), entry)

    def _do(self, action: Callable[[int], None], entry: ScheduledEntry) -> None:
        try:
            action(entry.delivery_id)
        except (PlanningError, LocalTimeError) as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()
        self.changed.emit()
        self.reload()
