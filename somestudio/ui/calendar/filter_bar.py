"""Filters above the calendar: account, state, label. Each list is as wide as its current
choice (not its longest one: an account's name can be long), so the bar fits beside the
Drafts panel at 1024 px even in long languages; the opened list shows the whole names."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from somestudio.app.calendar import CalendarFilter
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import Account
from somestudio.ui.network_names import network_name
from somestudio.ui.states import APPROVAL_GLYPHS, GLYPHS, approval_name, state_name

AWAITING_APPROVAL = "awaiting_approval"  # the state list's choice beside the delivery states
WIDEST_CHOICE = 28  # characters: a longer account name is cut with "…" (whole in the list)


class CurrentTextCombo(QComboBox):
    """A drop-down list as wide as the text it shows now (up to ``WIDEST_CHOICE``
    characters), not its longest item: the opened list is as wide as that one."""

    def _text_size(self) -> QSize:
        metrics = self.fontMetrics()
        text = self.currentText()
        width = metrics.horizontalAdvance(text)
        if len(text) > WIDEST_CHOICE:
            width = metrics.horizontalAdvance(text[:WIDEST_CHOICE] + "…")
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, QSize(width + 2, metrics.height()), self
        )

    def sizeHint(self) -> QSize:
        return self._text_size().expandedTo(QSize(0, super().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:
        return self._text_size().expandedTo(QSize(0, super().minimumSizeHint().height()))


def fit_current(combo: QComboBox) -> None:
    """After ``combo``'s choice changed: its size anew, its tooltip the whole current text,
    its opened list as wide as its longest item."""
    combo.updateGeometry()
    combo.setToolTip(combo.currentText())
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth())


class FilterBar(QWidget):
    changed = Signal(object)  # CalendarFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = CurrentTextCombo()
        self.account.setObjectName("FilterAccount")
        self.account.setAccessibleName(self.tr("Show account"))
        # Qt on Linux names a combo box by its choice, as GTK does; what it is for is said
        # by its description (and the "Show:" caption it is labelled by).
        self.account.setAccessibleDescription(self.account.accessibleName())
        self.state = CurrentTextCombo()
        self.state.setObjectName("FilterState")
        self.state.setAccessibleName(self.tr("Show state"))
        self.state.setAccessibleDescription(self.state.accessibleName())
        self.label = CurrentTextCombo()
        self.label.setObjectName("FilterLabel")
        self.label.setAccessibleName(self.tr("Show label"))
        self.label.setAccessibleDescription(self.label.accessibleName())
        self.state.addItem(self.tr("All states"), None)
        for state in DeliveryState:
            self.state.addItem(f"{GLYPHS[state]} {state_name(state)}", state.value)
        # Not a delivery state: a contributor's post waiting for an editor (issue 17).
        self.state.addItem(
            f"{APPROVAL_GLYPHS['waiting']} {approval_name('waiting')}", AWAITING_APPROVAL
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Show:"))
        caption.setBuddy(self.account)
        layout.addWidget(caption)
        for combo in (self.account, self.state, self.label):
            combo.currentIndexChanged.connect(lambda _i, c=combo: fit_current(c))
            combo.currentIndexChanged.connect(self._emit)
            layout.addWidget(combo)
            fit_current(combo)

    def set_choices(self, accounts: list[Account], labels: list[str]) -> None:
        """Refill the account and label lists, keeping the current choices when still there."""
        for combo, everything, items in (
            (
                self.account,
                self.tr("All accounts"),
                [(f"{network_name(a.network)} · {a.label}", a.id) for a in accounts],
            ),
            (self.label, self.tr("All labels"), [(name, name) for name in labels]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in items:
                combo.addItem(text, data)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)
            fit_current(combo)

    def current(self) -> CalendarFilter:
        account = self.account.currentData()
        state = self.state.currentData()
        label = self.label.currentData()
        awaiting = state == AWAITING_APPROVAL
        return CalendarFilter(
            account_ids=frozenset({int(account)}) if account is not None else frozenset(),
            states=frozenset({DeliveryState(state)})
            if state is not None and not awaiting
            else frozenset(),
            label=str(label) if label is not None else None,
            awaiting_approval=awaiting,
        )

    def show_awaiting_approval(self) -> None:
        """Show only the posts waiting for approval (a notification's click)."""
        self.state.setCurrentIndex(self.state.findData(AWAITING_APPROVAL))

    def _emit(self) -> None:
        self.changed.emit(self.current())
