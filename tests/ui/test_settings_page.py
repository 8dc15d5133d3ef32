"""The Settings page reads as a form in groups, says what each setting does, and never
stretches a control across the whole window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSystemTrayIcon,
)
from pytestqt.qtbot import QtBot

from somestudio.app.workspace import open_workspace
from somestudio.ui.pages.settings_page import SettingsPage


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> Iterator[SettingsPage]:
    (tmp_path / "home").mkdir()
    workspace = open_workspace(tmp_path / "home")
    page = SettingsPage(workspace.settings, tmp_path / "home", tmp_path / "home" / "logs" / "x.log")
    qtbot.addWidget(page)
    page.resize(1920, 1000)
    page.show()
    qtbot.waitExposed(page)
    yield page
    workspace.close()


def test_settings_are_grouped(page: SettingsPage) -> None:
    groups = {g.objectName(): g for g in page.findChildren(QGroupBox)}
    assert set(groups) == {"LanguageGroup", "StartingGroup", "SchedulingGroup", "DataGroup"}
    assert page.language in groups["LanguageGroup"].findChildren(QComboBox)
    assert page.keep_in_tray in groups["StartingGroup"].findChildren(QCheckBox)
    assert page.catch_up in groups["SchedulingGroup"].findChildren(QSpinBox)
    assert len(groups["DataGroup"].findChildren(QLineEdit)) == 2
    tops = [groups[n].y() for n in ("LanguageGroup", "StartingGroup", "SchedulingGroup")]
    assert tops == sorted(tops)


def test_no_control_spans_the_window(page: SettingsPage) -> None:
    controls = [
        w
        for kind in (QComboBox, QSpinBox, QLineEdit, QPushButton, QCheckBox)
        for w in page.findChildren(kind)
    ]
    assert controls
    too_wide = [
        w.objectName() or w.accessibleName() for w in controls if w.width() > page.width() * 0.45
    ]
    assert too_wide == []


def test_the_page_says_a_change_is_kept_as_it_is_made(page: SettingsPage, tmp_path: Path) -> None:
    """A new user changed the catch-up window and looked for a Save button or a "saved"."""
    kept = page.findChild(QLabel, "SettingsKeptNote")
    assert kept is not None and kept.isVisible() and "nothing to save" in kept.text()
    groups = [g.y() for g in page.findChildren(QGroupBox)]
    assert kept.mapTo(page, kept.rect().topLeft()).y() < min(groups)  # read first
    page.catch_up.setValue(30)
    again = open_workspace(tmp_path / "home")  # kept: read again as at the next start
    try:
        assert again.settings.value.catch_up_minutes == 30
    finally:
        again.close()


def test_each_setting_says_what_it_does(page: SettingsPage) -> None:
    catch_up = page.findChild(QLabel, "CatchUpNote")
    assert catch_up is not None and catch_up.isVisible()
    assert "late" in catch_up.text() and "waits for your decision" in catch_up.text()
    tray = page.findChild(QLabel, "TrayNote")
    assert tray is not None and tray.isVisible()
    if QSystemTrayIcon.isSystemTrayAvailable():
        assert page.keep_in_tray.isEnabled()
    else:  # greyed out, and the page says why
        assert not page.keep_in_tray.isEnabled()
        assert "no system tray was found" in tray.text()


def test_the_paths_are_shown_whole_where_there_is_room(qtbot: QtBot, tmp_path: Path) -> None:
    """The data folder's and the log file's paths were cut at 40 characters beside an
    empty half of the group (a new user's finding): a path of a usual length shows whole."""
    (tmp_path / "home").mkdir()
    workspace = open_workspace(tmp_path / "home")
    # Only shown (nothing is read or written there): a user's usual paths.
    home = Path("/home/maija/.local/share/somestudio")
    log = Path("/home/maija/.local/state/somestudio/logs/somestudio.log")
    try:
        page = SettingsPage(workspace.settings, home, log)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        qtbot.waitExposed(page)
        group = page.findChild(QGroupBox, "DataGroup")
        assert group is not None
        for field in group.findChildren(QLineEdit):
            needed = field.fontMetrics().horizontalAdvance(field.text())
            assert field.width() > needed, (field.text(), field.width(), needed)
    finally:
        workspace.close()
