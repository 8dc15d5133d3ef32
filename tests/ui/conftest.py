from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.ui.main_window import MainWindow

HELSINKI = ZoneInfo("Europe/Helsinki")

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    opened: list[Workspace] = []

    def make(home: Path, *, locale: QLocale | None = None, zone: ZoneInfo = HELSINKI) -> MainWindow:
        QLocale.setDefault(
            locale or QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        workspace = open_workspace(home)
        opened.append(workspace)
        window = MainWindow(
            Studio(workspace), workspace.settings, zone, home=home, log_file=home / "logs" / "x.log"
        )
        qtbot.addWidget(window)
        return window

    yield make
    QLocale.setDefault(QLocale.c())
    for workspace in opened:
        workspace.close()
