"""The Metrics page's Actions tab: what the user did (a job fair, a new profile photo), kept
on the timeline and drawn on the followers chart, and for the chosen action the follower
growth per day before and after it, with an honest word when the data cannot tell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.studio import Studio
from somestudio.domain.growth.actions import MAX_NOTE, ActionError, ActionKind, TimelineAction
from somestudio.domain.posts import Account
from somestudio.domain.utc import utc_now
from somestudio.ui.day_edit import DayEdit
from somestudio.ui.keyboard import delete_key_removes
from somestudio.ui.metrics.goal_text import (
    compared_account,
    comparison_text,
    day_text,
    problem_text,
)
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts
from somestudio.ui.qtdates import qdate
from somestudio.ui.theme import SPACE

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
EVERY_DAY = (date(1900, 1, 1), date(9999, 1, 1))


def _accounts_combo(accounts: Sequence[Account], everyone: str) -> QComboBox:
    box = QComboBox()
    box.addItem(everyone, None)
    for account in accounts:
        box.addItem(f"{network_name(account.network)} · {account.label}", account.id)
    return box


class ActionDialog(QDialog):
    saved = Signal(int)

    def __init__(
        self,
        studio: Studio,
        accounts: Sequence[Account],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ActionDialog")
        self.setWindowTitle(self.tr("New action"))
        self._studio = studio
        self.day = DayEdit(qdate(today))
        self.day.setAccessibleName(self.tr("Day"))
        self.day.setCalendarPopup(True)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("What you did"))
        self.note.setPlaceholderText(self.tr("e.g. job fair, new profile photo, workshop"))
        self.note.setMaxLength(MAX_NOTE)
        self.account = _accounts_combo(accounts, self.tr("Not one account"))
        self.account.setAccessibleName(self.tr("Account"))
        self.problem = QLabel()
        self.problem.setObjectName("ActionProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("What you did"), self.note)
        form.addRow(self.tr("Account"), self.account)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> None:
        typed = self.day.typed_problem()
        if typed is not None:
            self.problem.setText(typed)
            self.problem.show()
            self.day.setFocus()
            return
        chosen = self.day.date()
        account = self.account.currentData()
        try:
            action_id = self._studio.timeline().add_action(
                date(chosen.year(), chosen.month(), chosen.day()),
                self.note.text(),
                account_id=account if isinstance(account, int) else None,
            )
        except ActionError as exc:
            self.problem.setText(problem_text(exc.code))
            self.problem.show()
            return
        self.saved.emit(action_id)
        self.accept()


class ActionsSection(QWidget):
    changed = Signal()

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        prompts: Prompts,
        *,
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ActionsSection")
        self._studio = studio
        self._zone = zone
        self._prompts = prompts
        self.today = today or (lambda: utc_now().astimezone(zone).date())
        self._compared: int | None = None
        self._build()

    def _build(self) -> None:
        note = QLabel(
            self.tr(
                "Mark what you did, and see whether follower growth changed after it. The "
                "followers chart draws the actions listed here (with collaborations "
                "delivered) as lines, those of its period and accounts, and published posts "
                "as dots."
            )
        )
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("ActionList")
        self.list.setAccessibleName(self.tr("Your actions"))
        self.add_button = QPushButton(self.tr("Add action…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove action"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.account = _accounts_combo([], self.tr("All accounts together"))
        self.account.setAccessibleName(self.tr("Account to compare"))
        self.window_days = QSpinBox()
        self.window_days.setAccessibleName(self.tr("Days before and after"))
        self.window_days.setRange(3, 90)
        self.window_days.setValue(14)
        self.result = QLabel(self.tr("Choose an action to compare before and after it."))
        self.result.setObjectName("BeforeAfter")
        self.result.setAccessibleName(self.tr("Before and after"))
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for the longest comparison, so the controls above do not move as it changes.
        self.result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.result.setMinimumHeight(self.result.fontMetrics().lineSpacing() * 6)
        heading = QLabel(self.tr("Before and after the chosen action"))
        heading.setObjectName("BeforeAfterHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.heading = heading
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Account to compare"), self.account)
        form.addRow(self.tr("Days before and after"), self.window_days)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addSpacing(SPACE.m)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.result)
        self.add_button.clicked.connect(self.open_dialog)
        self.remove_button.clicked.connect(self.remove_chosen)
        # Delete in the list removes the chosen one (after asking), as in the Drafts list.
        delete_key_removes(self.list, self.remove_chosen)
        self.list.currentRowChanged.connect(self.compare)
        self.account.currentIndexChanged.connect(self.compare)
        self.window_days.valueChanged.connect(self.compare)
        self.remove_button.setEnabled(False)

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        chosen = self.account.currentData()
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(self.tr("All accounts together"), None)
        for account in accounts:
            self.account.addItem(f"{network_name(account.network)} · {account.label}", account.id)
        self.account.setCurrentIndex(max(self.account.findData(chosen), 0))
        self.account.blockSignals(False)

    def chosen(self) -> TimelineAction | None:
        item = self.list.currentItem()
        action = item.data(ACTION_ROLE) if item is not None else None
        return action if isinstance(action, TimelineAction) else None

    def reload(self) -> None:
        chosen = self.chosen()
        accounts = self._studio.accounts()
        self.set_accounts(accounts)
        actions = self._studio.timeline().marked_actions(*EVERY_DAY)
        today = self.today()
        locale = QLocale()
        self.list.blockSignals(True)
        self.list.clear()
        for action in reversed(actions):  # newest first
            item = QListWidgetItem(self._item_text(action, accounts, today, locale))
            item.setData(ACTION_ROLE, action)
            if action.kind is ActionKind.COLLABORATION:
                item.setToolTip(
                    self.tr(
                        "Marked when the collaboration was delivered: moving it back a step "
                        "in Collaborations removes it."
                    )
                )
            self.list.addItem(item)
            if chosen is not None and (action.kind, action.id) == (chosen.kind, chosen.id):
                self.list.setCurrentItem(item)
        if not actions:
            self.list.addItem(self.tr("No actions yet."))
        self.list.blockSignals(False)
        self.compare()

    def _item_text(
        self, action: TimelineAction, accounts: Sequence[Account], today: date, locale: QLocale
    ) -> str:
        """“29/11 · New profile photo · Bluesky · aurinko”, “02/12 · Paahtimo: Autumn
        coffees (collaboration delivered)”."""
        text = f"{day_text(action.day, today, locale)} · {action.note}"
        if action.kind is ActionKind.COLLABORATION:
            return text + " " + self.tr("(collaboration delivered)")
        if action.account_id is not None:
            return text + " · " + compared_account(action.account_id, accounts)
        return text

    def compare(self) -> None:
        action = self.chosen()
        self.remove_button.setEnabled(action is not None and action.kind is ActionKind.USER)
        if action is None:
            self.result.setText(self.tr("Choose an action to compare before and after it."))
            return
        if action.account_id is not None and action.id != self._compared:
            # An action tied to one account is compared on that account first.
            index = self.account.findData(action.account_id)
            if index >= 0:
                self.account.blockSignals(True)
                self.account.setCurrentIndex(index)
                self.account.blockSignals(False)
        self._compared = action.id
        account = self.account.currentData()
        result = self._studio.timeline().compare(
            action.day,
            self._zone,
            account_id=account if isinstance(account, int) else None,
            window_days=self.window_days.value(),
        )
        self.result.setText(comparison_text(result, account=self.account.currentText()))

    def open_dialog(self) -> None:
        dialog = ActionDialog(self._studio, self._studio.accounts(), self.today(), self)
        dialog.saved.connect(lambda _id: self._after_change())
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def remove_chosen(self) -> None:
        action = self.chosen()
        if action is None or action.id is None or action.kind is not ActionKind.USER:
            return  # a collaboration's mark goes with its delivered day
        action_id = action.id

        def answered(choice: int | None) -> None:
            if choice == 0:
                self._studio.timeline().remove_action(action_id)
                self._after_change()

        self._prompts.choose(
            self.tr("Remove action"),
            self.tr("Remove “%1” from the timeline?").replace("%1", action.note),
            [self.tr("Remove")],
            answered,
            default=None,
        )

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()
