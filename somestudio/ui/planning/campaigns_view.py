"""Labels (campaigns) with colours: create, rename, recolour, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.plan_library import LABEL_COLOURS, PlanLibrary

NameRole = Qt.ItemDataRole.UserRole + 3


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CampaignsView(QWidget):
    changed = Signal()

    def __init__(self, library: PlanLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.list = QListWidget()
        self.list.setObjectName("Campaigns")
        self.list.setAccessibleName(self.tr("Labels and campaigns"))
        self.list.currentItemChanged.connect(self._show_current)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Label or campaign name"))
        self.colour = LABEL_COLOURS[1]
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.colour_button.clicked.connect(self._choose_colour)
        save = QPushButton(self.tr("Save label"))
        save.clicked.connect(self.save_label)
        delete = QPushButton(self.tr("Delete label"))
        delete.clicked.connect(self.delete_label)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.colour_button)
        row.addWidget(save)
        row.addWidget(delete)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Labels group posts into campaigns; the calendar filters by them."))
        )
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for name, colour in self._library.labels():
            item = QListWidgetItem(swatch(colour), name)
            item.setData(NameRole, name)
            item.setToolTip(colour)
            self.list.addItem(item)
        self._paint_button()

    def save_label(self) -> None:
        item = self.list.currentItem() if self.list.currentRow() >= 0 else None
        old = item.data(NameRole) if item is not None else None
        try:
            self._library.save_label(self.name.text(), self.colour, old_name=old)
        except ValueError:
            self.feedback.setText(self.tr("Give the label a name."))
            return
        self.feedback.setText(self.tr("Label saved."))
        self.list.setCurrentRow(-1)
        self.reload()
        self.changed.emit()

    def delete_label(self) -> None:
        if self.list.currentRow() < 0:
            return
        item = self.list.currentItem()
        self._library.delete_label(str(item.data(NameRole)))
        self.feedback.setText(self.tr("Label deleted; its posts stay."))
        self.reload()
        self.changed.emit()

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self._paint_button()

    def _show_current(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.name.setText(str(item.data(NameRole)))
        self.set_colour(item.toolTip())

    def _paint_button(self) -> None:
        self.colour_button.setIcon(swatch(self.colour))

    def _choose_colour(self) -> None:
        dialog = QColorDialog(QColor(self.colour), self)
        dialog.colorSelected.connect(lambda c: self.set_colour(c.name()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
