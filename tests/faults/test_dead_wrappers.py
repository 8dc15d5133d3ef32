"""Python objects PySide made for Qt objects the window had built (the composer's document,
the month grid's viewport) were found dead for PySide after other pages first opened, the
Qt objects alive: every key in the composer then raised (no link or tag marked) and a drag
in the month crashed the app. The cause: a walk round the focus chain
(``keyboard.focus_ring``) let PySide record the window as the "child" of the "Loading…"
note shown in a page's place, and deleting the note marked the window's Qt-made parts dead
(``tests/ui/test_focus_ring_wrappers.py``). It shows at a page's *first* open in a process,
so the check runs in a fresh interpreter, the window built as the app builds it (pages in
steps, their modules imported at their first open): objects kept from before stay alive,
and the composer and a drag work."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import FIXED_DAY

pytestmark = pytest.mark.slow

WINDOW = """
import sys, time
from datetime import date, datetime, time as wall
from pathlib import Path
from zoneinfo import ZoneInfo
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
app = QApplication([])
from somestudio.app.demo import build_demo_home
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.ui.main_window import MainWindow
home, day = Path(sys.argv[1]), date.fromisoformat(sys.argv[2])
home.mkdir(parents=True, exist_ok=True)
build_demo_home(home, today=day)  # the demo around the day given, the window's clock there
noon = datetime.combine(day, wall(12), ZoneInfo("Europe/Helsinki"))
workspace = open_workspace(home)
window = MainWindow(
    Studio(workspace), workspace.settings, ZoneInfo("Europe/Helsinki"), home=home,
    log_file=home / "x.log", now=lambda: noon,
)
window._first_frame_first = True  # as the app: pages in steps, modules at first open
window.resize(1100, 760)
window.show()
def wait(what, seconds=20):
    end = time.monotonic() + seconds
    while not what():
        assert time.monotonic() < end, "timed out"
        app.processEvents()
        time.sleep(0.005)
def spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
window.show_page("compose")
wait(lambda: "compose" in window._pages)
spin(0.3)
editor = window.compose.editor
editor.textCursor().insertText("Hei #joulu ")
grid = window.calendar.grid  # built aside while the composer shows
wait(lambda: not window.calendar.model.loading)
spin(0.3)
import shiboken6
kept = {"document": editor.document(), "viewport": grid.viewport(), "menus": window.menuBar()}
for page in ("accounts", "metrics", "inbox"):
    window.show_page(page)
    wait(lambda: page in window._pages)
    spin(0.3)
window.show_page("compose")
spin(0.3)
cursor = editor.textCursor()
cursor.movePosition(QTextCursor.MoveOperation.End)
cursor.insertText("https://kahvila.example #glogi")
text = editor.text()
assert (text.index("#glogi"), len(text)) in editor.entity_marks(), editor.entity_marks()
window.show_page("calendar")
spin(0.3)
model = grid.model()
spot = next(
    point
    for row in range(model.rowCount())
    for column in range(model.columnCount())
    for point in [grid.visualRect(model.index(row, column)).center() + QPoint(0, 8)]
    if grid.chip_rect_at(point) is not None
)
ghost = grid._drag.ghost(spot)  # the picture that follows the pointer, from the viewport
assert ghost is not None and not ghost[0].isNull()
alive = {name: shiboken6.isValid(kept_object) for name, kept_object in kept.items()}
assert all(alive.values()), alive
print("alive")
"""


def test_the_composer_marks_and_a_chip_drags_after_other_pages_first_opened(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(WINDOW),
            str(tmp_path / "home"),
            FIXED_DAY.isoformat(),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "alive"), done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
