"""The post's link card in the composer: what was read from the first link's page, editable,
removable (and restorable), with a note that attached images take the card's place."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.domain.link_cards import MAX_DESCRIPTION, MAX_TITLE, LinkCard

THUMB_SIDE = 72


class LinkCardBox(QGroupBox):
    changed = Signal()  # the user edited, removed or restored the card

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Link card"), parent)
        self.setObjectName("LinkCard")
        self._card: LinkCard | None = None
        self._loading = False
        self.status = QLabel()
        self.status.setObjectName("LinkCardStatus")
        self.status.setWordWrap(True)
        self.thumb = QLabel()
        self.thumb.setObjectName("LinkCardThumb")
        self.thumb.setFixedSize(THUMB_SIDE, THUMB_SIDE)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("LinkCardTitle")
        self.title_edit.setAccessibleName(self.tr("Link card title"))
        self.title_edit.setPlaceholderText(self.tr("Title"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.textEdited.connect(self._edited)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("LinkCardDescription")
        self.description_edit.setAccessibleName(self.tr("Link card description"))
        self.description_edit.setPlaceholderText(self.tr("Description"))
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.description_edit.textChanged.connect(self._edited)
        self.link = QLabel()
        self.link.setObjectName("LinkCardUrl")
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remove_button = QPushButton(self.tr("Remove card"))
        self.remove_button.setObjectName("RemoveLinkCard")
        self.remove_button.setAccessibleName(self.tr("Remove the link card"))
        self.remove_button.clicked.connect(self.remove)
        self.restore_button = QPushButton(self.tr("Show card again"))
        self.restore_button.setObjectName("RestoreLinkCard")
        self.restore_button.setAccessibleName(self.tr("Show the link card again"))
        self.restore_button.clicked.connect(self.restore)
        self.images_note = QLabel(
            self.tr("Images are attached: networks show the images instead of the card.")
        )
        self.images_note.setObjectName("LinkCardImagesNote")
        self.images_note.setWordWrap(True)
        self.images_note.hide()
        self._build()
        self.set_card(None)

    def _build(self) -> None:
        fields = QVBoxLayout()
        fields.addWidget(self.title_edit)
        fields.addWidget(self.description_edit)
        fields.addWidget(self.link)
        row = QHBoxLayout()
        row.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(fields, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.images_note, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addLayout(buttons)

    # -- state
    def card(self) -> LinkCard | None:
        """The card as the user left it (None: no link, or no card could be read)."""
        if self._card is None:
            return None
        if self._card.hidden:
            return self._card
        return replace(
            self._card,
            title=self.title_edit.text().strip(),
            description=self.description_edit.toPlainText().strip()[:MAX_DESCRIPTION],
        )

    def set_card(self, card: LinkCard | None) -> None:
        self._loading = True
        try:
            self._card = card
            self.status.clear()
            if card is not None:
                self.title_edit.setText(card.title)
                self.description_edit.setPlainText(card.description)
                self.link.setText(card.url)
                self._show_thumb(card.thumb_path)
        finally:
            self._loading = False
        self._sync()

    def set_fetching(self, url: str) -> None:
        """A card for ``url`` is being read: say so (the old card is gone)."""
        self.set_card(None)
        self.status.setText(self.tr("Reading the link's card…"))
        self.link.setText(url)
        self.setVisible(True)

    def set_images_attached(self, attached: bool) -> None:
        self.images_note.setVisible(attached and self._card is not None and self._card.shown)

    def remove(self) -> None:
        if self._card is not None and self._card.shown:
            self._card = replace(self.card() or self._card, hidden=True)
            self._sync()
            self.changed.emit()

    def restore(self) -> None:
        if self._card is not None and self._card.hidden:
            self._card = replace(self._card, hidden=False)
            self._sync()
            self.changed.emit()

    # -- private
    def _sync(self) -> None:
        card = self._card
        shown = card is not None and card.shown
        for widget in (self.thumb, self.title_edit, self.description_edit, self.remove_button):
            widget.setVisible(shown)
        self.link.setVisible(card is not None)
        self.restore_button.setVisible(card is not None and card.hidden)
        if card is not None and card.hidden:
            self.status.setText(self.tr("The card was removed; the post goes without it."))
        if not shown:
            self.images_note.hide()
        self.setVisible(card is not None)

    def _show_thumb(self, path: str) -> None:
        self.thumb.clear()
        if not path:
            self.thumb.setText("—")
            return
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            self.thumb.setText("—")
            return
        self.thumb.setPixmap(
            QPixmap.fromImage(image).scaled(
                THUMB_SIDE,
                THUMB_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()
