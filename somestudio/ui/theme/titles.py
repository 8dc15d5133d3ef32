"""Page titles: one style on every page (Compose, Plan, Inbox, Metrics, Accounts, Settings),
from the type scale, so no page shouts louder than another."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from somestudio.ui.theme.tokens import TYPE

PAGE_TITLE = "PageTitle"


def page_title(label: QLabel) -> QLabel:
    """Style ``label`` (already holding its translated text) as a page title and return it."""
    label.setObjectName(PAGE_TITLE)
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * TYPE.title)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label
