"""The Settings page: language, tray behaviour, catch-up window, where the data and logs live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.settings import SettingsStore
from somestudio.ui.i18n import ENDONYMS, system_language, ui_language


class SettingsPage(QWidget):
    keep_in_tray_changed = Signal(bool)

    def __init__(
        self, settings: SettingsStore, home: Path, log_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsPage")
        self._settings = settings
        value = settings.value
        title = QLabel(self.tr("Settings"))
        title.setObjectName("PageTitle")

        self.keep_in_tray = QCheckBox(self.tr("Keep running in the tray when the window closes"))
        self.keep_in_tray.setObjectName("KeepInTray")
        self.keep_in_tray.setChecked(value.keep_in_tray)
        tray_ok = QSystemTrayIcon.isSystemTrayAvailable()
        self.keep_in_tray.setEnabled(tray_ok)
        if not tray_ok:
            self.keep_in_tray.setToolTip(self.tr("This desktop has no system tray."))
        self.keep_in_tray.toggled.connect(self._on_tray_toggled)

        self.catch_up = QSpinBox()
        self.catch_up.setObjectName("CatchUpMinutes")
        self.catch_up.setRange(0, 24 * 60)
        self.catch_up.setSuffix(self.tr(" min"))
        self.catch_up.setValue(value.catch_up_minutes)
        self.catch_up.setAccessibleName(self.tr("Catch-up window in minutes"))
        self.catch_up.setToolTip(
            self.tr(
                "A post overdue by less than this (for example after the computer slept) is "
                "still published; older ones wait for your decision."
            )
        )
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
        self.language_note = QLabel(
            self.tr("The new language is used when you restart Some Studio.")
        )
        self.language_note.setObjectName("LanguageNote")
        self.language_note.setWordWrap(True)
        self._sync_language_note()
        self.language.currentIndexChanged.connect(self._on_language_chosen)

        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.keep_in_tray)
        form.addRow(self.tr("Catch-up window:"), self.catch_up)
        form.addRow(self.tr("Data folder:"), self._path_row(home, self.tr("Open data folder")))
        form.addRow(self.tr("Log file:"), self._path_row(log_file, self.tr("Open log folder")))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)
        QWidget.setTabOrder(self.language, self.keep_in_tray)  # top to bottom, as shown
        QWidget.setTabOrder(self.keep_in_tray, self.catch_up)

    def _path_row(self, path: Path, button_text: str) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        label = QLineEdit(str(path))  # long paths scroll instead of widening the window
        label.setReadOnly(True)
        label.setAccessibleName(button_text)
        folder = path if path.is_dir() else path.parent
        button = QPushButton(button_text)
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        box.addWidget(label, 1)
        box.addWidget(button)
        return row

    def _on_language_chosen(self) -> None:
        self._settings.update(language=str(self.language.currentData() or ""))
        self._sync_language_note()

    def _sync_language_note(self) -> None:
        chosen = str(self.language.currentData() or "") or system_language()
        self.language_note.setVisible(chosen != ui_language())

    def _on_tray_toggled(self, checked: bool) -> None:
        self._settings.update(keep_in_tray=checked)
        self.keep_in_tray_changed.emit(checked)
