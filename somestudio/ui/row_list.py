"""A dialog laid out as a list of rows to act on (the attention list, the hand-publishing
reminders): an intro line, the rows scrolling under it, a message line and Close."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def lay_out_row_list(dialog: QDialog, message_name: str) -> tuple[QLabel, QVBoxLayout, QLabel]:
    """Lay ``dialog`` out; returns its intro label, the layout its rows go in and its
    message label (object name ``message_name``)."""
    intro = QLabel()
    intro.setWordWrap(True)
    rows = QVBoxLayout()
    rows.setAlignment(Qt.AlignmentFlag.AlignTop)
    holder = QWidget()
    holder.setLayout(rows)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the rows' buttons, which scroll
    scroll.setWidget(holder)
    message = QLabel()
    message.setObjectName(message_name)
    message.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(intro)
    layout.addWidget(scroll, 1)
    layout.addWidget(message)
    layout.addWidget(buttons)
    return intro, rows, message


def clear_rows(rows: QVBoxLayout) -> None:
    """Take every row out of ``rows`` (the widgets are deleted later, as Qt wants)."""
    while rows.count():
        item = rows.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
