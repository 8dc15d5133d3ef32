"""Labels (campaigns) with colours: create, rename, recolour, delete."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.plan_library import PlanLibrary
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import LIGHT, colours
from somestudio.ui.theme.campaigns import UNCHOSEN, campaign_colours, campaign_slot, swatch

NameRole = Qt.ItemDataRole.UserRole + 3
ColourRole = Qt.ItemDataRole.UserRole + 4


def first_free(labels: list[tuple[str, str]]) -> str:
    """The first theme campaign colour no label has chosen (stored as its light variant)."""
    taken = {campaign_slot(colour) for _name, colour in labels}
    free = [c for slot, c in enumerate(LIGHT.campaign) if slot not in taken]
    return (free or list(LIGHT.campaign))[0]


class CampaignsView(QWidget):
    changed = Signal()

    def __init__(
        self, library: PlanLibrary, parent: QWidget | None = None, *, tasks: Tasks | None = None
    ) -> None:
        """``tasks``: where the labels are read (the Plan page's worker); without it, at once
        on this thread."""
        super().__init__(parent)
        self._library = library
        self._tasks = tasks or Tasks(self, synchronous=True)
        self._generation = 0
        self._colour_chosen = False  # until the labels are read (or a colour is chosen)
        self.list = QListWidget()
        self.list.setObjectName("Campaigns")
        self.list.setAccessibleName(self.tr("Labels and campaigns"))
        self.list.currentItemChanged.connect(self._show_current)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Label or campaign name"))
        self.colour = first_free([])  # the first free one once the labels are read
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.colour_menu = QMenu(self.colour_button)
        self.colour_menu.aboutToShow.connect(self._fill_colour_menu)
        self.colour_button.setMenu(self.colour_menu)
        save = QPushButton(self.tr("Save label"))
        save.clicked.connect(self.save_label)
        self.name.returnPressed.connect(self.save_label)  # Enter saves, as the button does
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
        """Read the labels again on the worker; the list changes when they are back."""
        self._generation += 1
        generation = self._generation
        self._tasks.run(self._library.labels, lambda labels: self._show(generation, labels))

    def _show(self, generation: int, labels: list[tuple[str, str]]) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        if not self._colour_chosen:  # the first read: a new label's colour, as before
            self.colour = first_free(labels)
            self._colour_chosen = True
        self.list.clear()
        shown = campaign_colours(labels)
        for name, colour in labels:
            item = QListWidgetItem(swatch(shown[name]), name)
            item.setData(NameRole, name)
            item.setData(ColourRole, colour)
            self.list.addItem(item)
        self._paint_button()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the scheme changed: the swatches too
            self.reload()

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
        # The next label gets the next colour not taken (every new label came out the same
        # blue, and two campaigns looked alike in the month plan).
        self._colour_chosen = False
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
        self._colour_chosen = True
        self._paint_button()

    def _show_current(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.name.setText(str(item.data(NameRole)))
        self.set_colour(str(item.data(ColourRole)))

    def _paint_button(self) -> None:
        if campaign_slot(self.colour) is None and self.colour.lower() == UNCHOSEN:
            self.colour_button.setIcon(QIcon())
            return
        self.colour_button.setIcon(swatch(campaign_colours([("", self.colour)])[""]))

    def _fill_colour_menu(self) -> None:
        """The theme's campaign colours (shown in the current scheme), then any colour."""
        self.colour_menu.clear()
        scheme = colours()
        for slot, stored in enumerate(LIGHT.campaign):
            action = self.colour_menu.addAction(
                swatch(scheme.campaign[slot]),
                self.tr("Campaign colour %1").replace("%1", str(slot + 1)),
            )
            action.triggered.connect(lambda _=False, c=stored: self.set_colour(c))
        self.colour_menu.addSeparator()
        self.colour_menu.addAction(self.tr("Other colour…")).triggered.connect(self._choose_colour)

    def _choose_colour(self) -> None:
        dialog = QColorDialog(QColor(self.colour), self)
        dialog.colorSelected.connect(lambda c: self.set_colour(c.name()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
