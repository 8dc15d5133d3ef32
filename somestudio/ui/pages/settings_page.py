"""The Settings page: a form in groups (language, starting and closing, scheduling, where the
data is), each setting with a line saying what it does where that is not obvious."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.settings import SettingsStore
from somestudio.ui.i18n import ENDONYMS, system_language, ui_language
from somestudio.ui.theme.titles import page_title


def _group(title: str, name: str) -> tuple[QGroupBox, QFormLayout]:
    group = QGroupBox(title)
    group.setObjectName(name)
    form = QFormLayout(group)
    # Each control keeps its own width; only the notes under them wrap to the column.
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return group, form


def path_field_width(field: QLineEdit, most: int = 72) -> int:
    """A read-only path's field: its whole text where it is of a usual length (it was cut at
    40 characters beside an empty half of the group), 40 to ``most`` characters wide."""
    metrics = field.fontMetrics()
    whole = metrics.horizontalAdvance(field.text()) + 4 * metrics.averageCharWidth()
    return max(metrics.averageCharWidth() * 40, min(whole, metrics.averageCharWidth() * most))


def _note(text: str, name: str) -> QLabel:
    """A one-line explanation under a setting, in the full text colour (the placeholder grey
    falls below WCAG AA contrast on the light theme's window colour)."""
    note = QLabel(text)
    note.setObjectName(name)
    note.setWordWrap(True)
    # A wrapped label asks for a narrow column; a line of about 60 characters reads well.
    note.setMinimumWidth(note.fontMetrics().averageCharWidth() * 60)
    return note


class SettingsPage(QWidget):
    keep_in_tray_changed = Signal(bool)

    def __init__(
        self, settings: SettingsStore, home: Path, log_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsPage")
        self._settings = settings
        value = settings.value
        title = page_title(QLabel(self.tr("Settings")))

        self.keep_in_tray = QCheckBox(self.tr("Keep running in the tray when the window closes"))
        self.keep_in_tray.setObjectName("KeepInTray")
        self.keep_in_tray.setChecked(value.keep_in_tray)
        tray_ok = QSystemTrayIcon.isSystemTrayAvailable()
        self.keep_in_tray.setEnabled(tray_ok)
        self.keep_in_tray.toggled.connect(self._on_tray_toggled)
        # Greyed out says nothing by itself: the line under it says why.
        self.tray_note = _note(
            self.tr("Scheduled posts still go out while the window is closed.")
            if tray_ok
            else self.tr(
                "Not available: no system tray was found on this desktop, so closing the "
                "window quits Some Studio."
            ),
            "TrayNote",
        )
        self.keep_in_tray.setToolTip(self.tray_note.text())

        self.catch_up = QSpinBox()
        self.catch_up.setObjectName("CatchUpMinutes")
        self.catch_up.setRange(0, 24 * 60)
        self.catch_up.setSuffix(self.tr(" min"))
        self.catch_up.setValue(value.catch_up_minutes)
        self.catch_up.setAccessibleName(self.tr("Catch-up window in minutes"))
        self.catch_up_note = _note(
            self.tr(
                "When the computer was asleep or off at a post's time, a post late by less "
                "than this still goes out; a later one waits for your decision."
            ),
            "CatchUpNote",
        )
        self.catch_up.setToolTip(self.catch_up_note.text())
        self.catch_up.valueChanged.connect(lambda v: self._settings.update(catch_up_minutes=v))

        self.language = QComboBox()
        self.language.setObjectName("Language")
        self.language.addItem(
            self.tr("Automatic (%1)").replace("%1", ENDONYMS[system_language()]), ""
        )
        for code, name in ENDONYMS.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(value.language)))
        self.language.setToolTip(self.tr("Automatic follows the language of your system."))
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_note = _note(
            self.tr("The new language is used when you restart Some Studio."), "LanguageNote"
        )
        self._sync_language_note()
        self.language.currentIndexChanged.connect(self._on_language_chosen)

        starting, starting_form = _group(self.tr("Starting and closing"), "StartingGroup")
        tray_row = QHBoxLayout()  # the box keeps its own width, not the group's
        tray_row.addWidget(self.keep_in_tray)
        tray_row.addStretch(1)
        starting_form.addRow(tray_row)
        starting_form.addRow(self.tray_note)
        scheduling, scheduling_form = _group(self.tr("Scheduling"), "SchedulingGroup")
        scheduling_form.addRow(self.tr("Catch-up window:"), self.catch_up)
        scheduling_form.addRow("", self.catch_up_note)
        language, language_form = _group(self.tr("Language"), "LanguageGroup")
        language_form.addRow(self.tr("Language:"), self.language)
        language_form.addRow("", self.language_note)
        data, data_form = _group(self.tr("Where your data is"), "DataGroup")
        for caption, path, button in (
            (self.tr("Data folder:"), home, self.tr("Open data folder")),
            (self.tr("Log file:"), log_file, self.tr("Open log folder")),
        ):
            path_row, field = self._path_row(path, button)
            label = QLabel(caption)
            label.setBuddy(field)  # the path's name is its label's, not its button's
            field.setAccessibleName(caption.rstrip(":"))
            data_form.addRow(label, path_row)
        data_form.addRow(
            "",
            _note(
                self.tr(
                    "Your posts, accounts and numbers are in the data folder; passwords "
                    "and tokens are kept in the system keyring, not there."
                ),
                "DataNote",
            ),
        )

        # Nothing to save: a new user changed a setting and looked for a Save or "saved".
        self.kept_note = _note(
            self.tr("Each change is kept as you make it; there is nothing to save."),
            "SettingsKeptNote",
        )
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(self.kept_note)
        for group in (language, starting, scheduling, data):
            column.addWidget(group)
        column.addStretch(1)
        self.column = column  # other parts add their groups above the stretch
        inner = QWidget()
        row = QHBoxLayout(inner)  # a readable column on the left, not stretched edge to edge
        row.addLayout(column, 3)
        row.addStretch(1)
        # Scrolls when the groups are taller than the window (large text, a small screen):
        # squeezed instead, their wrapped notes would be cut to one line.
        scroll = QScrollArea()
        scroll.setObjectName("SettingsScroll")
        scroll.setAccessibleName(self.tr("Settings"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        QWidget.setTabOrder(self.language, self.keep_in_tray)  # top to bottom, as shown
        QWidget.setTabOrder(self.keep_in_tray, self.catch_up)

    def _path_row(self, path: Path, button_text: str) -> tuple[QWidget, QLineEdit]:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        label = QLineEdit(str(path))  # long paths scroll instead of widening the window
        label.setReadOnly(True)
        label.setMinimumWidth(path_field_width(label))
        label.setCursorPosition(0)
        folder = path if path.is_dir() else path.parent
        button = QPushButton(button_text)
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        box.addWidget(label, 1)
        box.addWidget(button)
        return row, label

    def _on_language_chosen(self) -> None:
        self._settings.update(language=str(self.language.currentData() or ""))
        self._sync_language_note()

    def _sync_language_note(self) -> None:
        chosen = str(self.language.currentData() or "") or system_language()
        self.language_note.setVisible(chosen != ui_language())

    def _on_tray_toggled(self, checked: bool) -> None:
        self._settings.update(keep_in_tray=checked)
        self.keep_in_tray_changed.emit(checked)
