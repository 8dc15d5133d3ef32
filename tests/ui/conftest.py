from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import monotonic
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.ui.i18n import install_language
from somestudio.ui.main_window import MainWindow
from tests.conftest import FIXED_DAY

HELSINKI = ZoneInfo("Europe/Helsinki")
DialogT = TypeVar("DialogT", bound=QDialog)
FIXED_NOON = datetime.combine(FIXED_DAY, time(12), HELSINKI)  # where make_window's clock starts


# Where the clock starts for tests whose posts are on days in 2031 (days "far ahead"): the
# year before, so that they stay ahead, and are written with their year, whatever the real
# date is.
AHEAD = datetime(2030, 12, 1, 12, tzinfo=HELSINKI)


def running_clock(start: datetime) -> Callable[[], datetime]:
    """A clock (aware, UTC, whole seconds, as ``utc_now``) that reads ``start`` now and
    moves on with the real time that passes: timers and the scheduler still see time go
    by, and no reading depends on the real date."""
    began, first = monotonic(), start.astimezone(UTC)  # (UTC: no wall-clock sums)

    def now() -> datetime:
        return (first + timedelta(seconds=monotonic() - began)).replace(microsecond=0)

    return now


def clock_on(day: date) -> Callable[[], datetime]:
    """A running clock from noon of ``day`` in Helsinki (a demo built around ``day``)."""
    return running_clock(datetime.combine(day, time(12), HELSINKI))


MakeWindow = Callable[..., MainWindow]


@pytest.fixture(params=["en", "fi"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window's words in English, then in Finnish (installed before what the test
    builds; the locale back to C after)."""
    installed = install_language(request.param)
    yield str(request.param)
    installed.remove()
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    opened: list[Workspace] = []
    windows: list[MainWindow] = []

    def make(
        home: Path,
        *,
        locale: QLocale | None = None,
        zone: ZoneInfo = HELSINKI,
        demo: bool = False,
        now: Callable[[], datetime] | None = None,
    ) -> MainWindow:
        """A window on ``home``; its clock ``now``, else one starting at ``FIXED_NOON``
        (where ``demo_home``'s demo is) and running from there."""
        QLocale.setDefault(
            locale or QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        workspace = open_workspace(home)
        opened.append(workspace)
        window = MainWindow(
            Studio(workspace),
            workspace.settings,
            zone,
            home=home,
            log_file=home / "logs" / "x.log",
            demo=demo,
            now=now or running_clock(FIXED_NOON),
        )
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    QLocale.setDefault(QLocale.c())
    # The windows are quietened before their workspaces close: a window left alive keeps its
    # timers (the status bar's refresh, a throttled reload), and they would read a workspace
    # that is closed — on PostgreSQL a test database dropped by then — during later tests.
    # They are not deleted here: deleting a window whose charts (pyqtgraph) are still held
    # from Python can crash a later paint.
    for window in windows:
        if isValid(window):
            window.close()
            for timer in window.findChildren(QTimer):
                timer.stop()
    for workspace in opened:
        workspace.close()


def shown_dialog(qtbot: QtBot, kind: type[DialogT]) -> DialogT:
    """The dialog of ``kind`` that an action opened (``open()``: it comes a moment later)."""
    found: list[DialogT] = []

    def opened() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)]
        return any(w.isVisible() for w in found)

    qtbot.waitUntil(opened)
    return next(w for w in found if w.isVisible())
