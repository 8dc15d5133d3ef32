"""The attachments of a post: add by file dialog or drop, alt text, remove, fix one that is
too big for a chosen channel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.domain.drafts import Attachment
from somestudio.domain.media import MediaFacts, MediaKind
from somestudio.ui.file_folders import MEDIA, start_in

THUMB = 48


def megabytes(size: int) -> str:
    return QLocale().toString(size / 1_000_000, "f", 1) + " MB"


def describe(facts: MediaFacts) -> str:
    """'JPEG · 1200×800 · 340 kB' (numbers and format names only: nothing to translate;
    decimals in the locale's way, 1,2 MB in Finnish)."""
    locale = QLocale()
    parts = [facts.format] if facts.format else []
    if facts.width and facts.height:
        parts.append(f"{facts.width}×{facts.height}")
    if facts.duration_ms is not None:
        parts.append(locale.toString(facts.duration_ms / 1000, "f", 1) + " s")
    if facts.frames > 1:
        parts.append(f"{facts.frames} ×")
    size = facts.byte_size
    if size >= 1_000_000:
        parts.append(megabytes(size))
    elif size >= 1000:
        parts.append(f"{locale.toString(round(size / 1000))} kB")
    else:  # a small file read "0 kB"
        parts.append(f"{locale.toString(size)} B")
    return " · ".join(parts)


class MediaStrip(QWidget):
    changed = Signal()  # attachments added, removed, or alt text edited
    files_chosen = Signal(list)  # paths from the file dialog
    fix_requested = Signal(int)  # index of the attachment to shrink

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attachments: list[Attachment] = []
        self._facts: list[MediaFacts | None] = []
        self.list = QListWidget()
        self.list.setObjectName("MediaList")
        self.list.setAccessibleName(self.tr("Attached images and videos"))
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setMaximumHeight(THUMB * 2 + 16)
        self.list.currentRowChanged.connect(self._show_selected)
        self.add_button = QPushButton(self.tr("Add images or video…"))
        self.add_button.setObjectName("AddMedia")
        self.add_button.clicked.connect(self.choose_files)
        self.dialog: QFileDialog | None = None  # the open file dialog, if any
        self.hint = QLabel(self.tr("or drop files here"))
        self.alt_text = QLineEdit()
        self.alt_text.setPlaceholderText(
            self.tr("Alt text: describe the image or video for people who cannot see it")
        )
        self.alt_text.setAccessibleName(self.tr("Alt text"))
        self.alt_text.textEdited.connect(self._alt_edited)
        self.fix_button = QPushButton(self.tr("Make it fit"))
        self.fix_button.clicked.connect(lambda: self.fix_requested.emit(self.list.currentRow()))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        self._fix_sizes: dict[int, int] = {}

        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.hint, 1)
        detail = QHBoxLayout()
        detail.addWidget(self.alt_text, 1)
        detail.addWidget(self.fix_button)
        detail.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addLayout(detail)
        self._refresh()

    # -- state
    def attachments(self) -> tuple[Attachment, ...]:
        return tuple(self._attachments)

    def set_attachments(self, attachments: tuple[Attachment, ...] | list[Attachment]) -> None:
        self._attachments = list(attachments)
        self._facts = [None] * len(self._attachments)
        self._fix_sizes = {}
        self._refresh()
        if self._attachments:
            self.list.setCurrentRow(0)  # its alt text in view, ready to edit

    def add(self, paths: list[str]) -> None:
        for path in paths:
            self._attachments.append(Attachment(path))
            self._facts.append(None)
        self._refresh()
        self.list.setCurrentRow(len(self._attachments) - 1)
        self.changed.emit()

    def replace(self, index: int, attachment: Attachment) -> None:
        if 0 <= index < len(self._attachments):
            self._attachments[index] = attachment
            self._facts[index] = None
            self._refresh()
            self.list.setCurrentRow(index)
            self.changed.emit()

    def show_facts(self, facts: tuple[MediaFacts, ...], fix_sizes: dict[int, int]) -> None:
        """Probe results from the last check (for the same attachments, in order)."""
        if len(facts) != len(self._attachments):
            return
        if list(facts) == self._facts and fix_sizes == self._fix_sizes:
            return  # a keystroke's check: nothing new about the files
        self._facts = list(facts)
        self._fix_sizes = fix_sizes
        for row, item_facts in enumerate(facts):
            item = self.list.item(row)
            name = item_facts.name
            if item_facts.missing:
                item.setText(
                    name
                    + " — "
                    + self.tr("missing: moved or deleted (expected at %1)").replace(
                        "%1", item_facts.path
                    )
                )
            elif item_facts.broken_video:
                item.setText(name + " — " + self.tr("not a playable video"))
            elif item_facts.kind is MediaKind.UNREADABLE:
                item.setText(name + " — " + self.tr("not an image or video"))
            else:
                item.setText(f"{name} — {describe(item_facts)}")
        self._show_selected(self.list.currentRow())

    def set_thumbnail(self, index: int, image: QImage) -> None:
        item = self.list.item(index)
        if item is not None and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def choose_files(self) -> None:
        """Open Qt's own file dialog (not the platform's: the same dialog everywhere, and
        one that keyboard, screen readers and the accessibility tree can drive)."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = QFileDialog(self, self.tr("Add images or video"))
        dialog.setObjectName("AddMediaDialog")
        dialog.setAccessibleName(self.tr("Add images or video"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        start_in(dialog, MEDIA)  # the last folder chosen, else Pictures
        dialog.setNameFilters(
            [
                self.tr("Images and videos")
                + " (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.m4v)",
                self.tr("All files") + " (*)",
            ]
        )
        name_field = dialog.findChild(QLineEdit, "fileNameEdit")
        if name_field is not None:
            name_field.setAccessibleName(self.tr("File name"))
        # A Python slot, not a signal-to-signal connection: PySide6 6.11 refuses to connect
        # filesSelected(QStringList) to a Signal(list).
        dialog.accepted.connect(lambda: self._chosen(dialog.selectedFiles()))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _chosen(self, paths: list[str]) -> None:
        files = [p for p in paths if Path(p).is_file()]
        if files:
            self.files_chosen.emit(files)

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    # -- private
    def _refresh(self) -> None:
        self.list.clear()
        for attachment in self._attachments:
            item = QListWidgetItem(Path(attachment.path).name)
            item.setToolTip(attachment.path)
            item.setData(Qt.ItemDataRole.UserRole, attachment.path)
            self.list.addItem(item)
        self.list.setVisible(bool(self._attachments))
        self._show_selected(self.list.currentRow())

    def _show_selected(self, row: int) -> None:
        valid = 0 <= row < len(self._attachments)
        for widget in (self.alt_text, self.remove_button):
            widget.setEnabled(valid)
        self.alt_text.setVisible(bool(self._attachments))
        self.remove_button.setVisible(bool(self._attachments))
        # The attachment's own alt text, or none: an opened post showed the previous post's
        # (greyed, as no attachment was chosen yet).
        wanted = self._attachments[row].alt_text if valid else ""
        if self.alt_text.text() != wanted:
            self.alt_text.setText(wanted)
        facts = self._facts[row] if valid and row < len(self._facts) else None
        if facts is not None and facts.kind is MediaKind.VIDEO:
            self.alt_text.setPlaceholderText(
                self.tr("Alt text: describe the video for people who cannot see it")
            )
        elif facts is not None and facts.kind is not MediaKind.UNREADABLE:
            self.alt_text.setPlaceholderText(
                self.tr("Alt text: describe the image for people who cannot see it")
            )
        else:
            self.alt_text.setPlaceholderText(
                self.tr("Alt text: describe the image or video for people who cannot see it")
            )
        size = self._fix_sizes.get(row) if valid else None
        self.fix_button.setVisible(size is not None)
        if size is not None:
            limit = megabytes(size)
            self.fix_button.setText(self.tr("Shrink to %1").replace("%1", limit))
            self.fix_button.setToolTip(
                self.tr("Save a smaller copy that fits; the original file is kept")
            )

    def _alt_edited(self, text: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._attachments):
            old = self._attachments[row]
            self._attachments[row] = Attachment(old.path, text, old.original_path)
            self.changed.emit()

    def _remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._attachments):
            del self._attachments[row]
            del self._facts[row]
            self._fix_sizes = {}
            self._refresh()
            self.changed.emit()
