"""The window's first frame comes before the database and before PySide's ``Qt`` namespace
(issue 15: first frame within 1.5 times a bare window's).

The program (``python -m somestudio``) shows its window's frame (the menu bar's titles, the
page list, the status bar) and builds the rest in the turns after it: making the ``Qt``
namespace alone costs 14 ms, an eighth of a bare window's start. These tests run the real
program and look inside it at the moment its first frame is exposed; the keys typed in that
moment are kept and used once the window is complete.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app.settings import SettingsStore
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.ui.keys_held import KeysHeld
from somestudio.ui.main_window import MainWindow
from tests.e2e.conftest import isolated_environ

from .conftest import HELSINKI

# Runs the program as ``python -m somestudio`` does; when it prints that its window is shown
# (at the first Expose, before anything else is built), says what the process holds then.
AT_FIRST_FRAME = """\
import builtins, json, runpy, sys
real_print = builtins.print

def spying_print(*args, **kwargs):
    if args and str(args[0]).startswith("somestudio: window shown"):
        from PySide6 import QtCore
        from PySide6.QtGui import QPalette
        from PySide6.QtWidgets import QApplication
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")
        seen = {
            "qt_namespace": "Qt" in vars(QtCore),
            "database": [m for m in ("sqlite3", "somestudio.store.database") if m in sys.modules],
            "dark": QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128,
            "pages": [window.navigation.item(i).text() for i in range(window.navigation.count())],
            "menus": [a.text() for a in window.menuBar().actions()],
            "status": window.status.scheduler_label.text(),
        }
        real_print("AT-FIRST-FRAME " + json.dumps(seen), flush=True)
    return real_print(*args, **kwargs)

builtins.print = spying_print
sys.argv = ["somestudio"]
runpy.run_module("somestudio", run_name="__main__", alter_sys=True)
"""


def _environment(home: Path, tmp_path: Path) -> dict[str, str]:
    """The e2e tests' isolated environment, on ``home``, offscreen, with no scheme forced."""
    env = isolated_environ(tmp_path / "env")
    env.pop("SOMESTUDIO_THEME", None)
    env.update(SOMESTUDIO_HOME=str(home), QT_QPA_PLATFORM="offscreen", TZ="UTC")
    return env


def _start(env: dict[str, str], exit_when: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", AT_FIRST_FRAME],
        env={**env, "SOMESTUDIO_EXIT_WHEN_SHOWN": exit_when},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("AT-FIRST-FRAME "))
    seen: dict[str, object] = json.loads(line.removeprefix("AT-FIRST-FRAME "))
    return seen


@pytest.mark.slow
def test_from_the_second_start_the_first_frame_needs_no_database_and_no_qt_enum(
    home: Path, tmp_path: Path
) -> None:
    env = _environment(home, tmp_path)
    (home / "settings.json").write_text(json.dumps({"welcome_seen": True}), encoding="utf-8")
    # The very first start asks the system for its colours before the frame (nothing is
    # remembered yet), and remembers what it showed once the data folder opened.
    first = _start(env, "responsive")
    assert first["qt_namespace"] is True
    assert json.loads((home / "settings.json").read_text("utf-8"))["colour_scheme"] == "light"

    seen = _start(env, "1")
    assert seen["qt_namespace"] is False
    assert seen["database"] == []
    assert seen["dark"] is False
    # The frame is the window's own: its pages, its menus' titles and the scheduler's state.
    assert seen["pages"] == [
        "Compose",
        "Calendar",
        "Metrics",
        "Accounts",
        "Settings",
        "Plan",
        "Inbox",
        "Partners",
    ]
    assert seen["menus"] == ["&File", "&Edit", "&View", "&Help"]
    assert seen["status"] == "◌ Scheduler: starting…"


@pytest.mark.slow
def test_the_remembered_colours_come_first_and_the_systems_win(home: Path, tmp_path: Path) -> None:
    env = _environment(home, tmp_path)
    settings = {"welcome_seen": True, "colour_scheme": "dark"}
    (home / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    seen = _start(env, "1")
    assert seen["dark"] is True
    assert seen["qt_namespace"] is False
    # Offscreen the system has no scheme: once asked, the window is light again and says so
    # (dark stayed for good after one dark start).
    _start(env, "responsive")
    assert json.loads((home / "settings.json").read_text("utf-8"))["colour_scheme"] == "light"
    # SOMESTUDIO_THEME (screenshots, checks) is obeyed but not remembered.
    _start({**env, "SOMESTUDIO_THEME": "dark"}, "responsive")
    assert json.loads((home / "settings.json").read_text("utf-8"))["colour_scheme"] == "light"
    assert _start(env, "1")["dark"] is False


class _Count(QObject):
    """Counts the key presses that reach a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.presses += 1
        return False


def test_keys_typed_at_the_first_frame_go_where_they_would_have_gone(
    qtbot: QtBot, home: Path
) -> None:
    """Ctrl+N and the post's first words, typed the moment the frame shows (the menus and
    their shortcuts not built yet): kept, then used once the window is complete."""
    (home / "settings.json").write_text('{"welcome_seen": true}', encoding="utf-8")
    settings = SettingsStore(home)
    window = MainWindow(None, settings, None, home=home, log_file=home / "logs" / "x.log")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    keys = KeysHeld(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    count = _Count()
    window.navigation.installEventFilter(count)
    handle = window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    for letter in (Qt.Key.Key_H, Qt.Key.Key_E, Qt.Key.Key_I):
        QTest.keyClick(handle, letter)
    assert count.presses == 0  # held: the page list would have searched for them
    # A click meanwhile is let go (a menu title clicked then stayed highlighted, menu-less).
    row = window.navigation.visualItemRect(window.navigation.item(0)).center()
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=window.navigation.mapTo(window, row))
    assert window.current_page() == "calendar"
    workspace = open_workspace(home, settings=settings)
    try:
        window.complete(Studio(workspace), HELSINKI)
        keys.release()
        assert window.current_page() == "compose"
        assert window.compose.editor.toPlainText() == "hei"
        assert QApplication.focusWidget() is window.compose.editor
        window.close()
    finally:
        workspace.close()


def test_the_window_icon_sends_the_x_server_no_large_sizes(qtbot: QtBot) -> None:
    """X11 takes a window's icon as every size it holds, in 32-bit pixels: with the 256 and
    512 pixel files that was 1.4 MB and 10 ms before the first frame. The desktop file's
    icon still has them all."""
    from PySide6.QtCore import QSize  # noqa: PLC0415

    from somestudio.ui.assets import app_icon, resource_root  # noqa: PLC0415

    sizes = app_icon().availableSizes()
    assert sizes == [QSize(n, n) for n in (16, 32, 48, 64, 128)]
    shipped = sorted((resource_root() / "icons" / "hicolor").glob("*/apps/somestudio.png"))
    assert {p.parent.parent.name for p in shipped} >= {"256x256", "512x512"}


def test_start_up_imports_ahead_what_completing_the_window_imports() -> None:
    """``COMPLETE_MODULES`` (imported on a worker after the first frame) names every module
    ``MainWindow.complete`` imports of the app's own: one left out is imported on the GUI
    thread instead, in the turn that completes the window."""
    import ast  # noqa: PLC0415
    import inspect  # noqa: PLC0415
    import textwrap  # noqa: PLC0415

    from somestudio.ui import main_window  # noqa: PLC0415

    tree = ast.parse(textwrap.dedent(inspect.getsource(MainWindow.complete)))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module is not None
        and node.module.startswith("somestudio")
        and node.module != "somestudio.ui.demo_banner"  # the demo's only
    }
    assert imported and imported <= set(main_window.COMPLETE_MODULES)
