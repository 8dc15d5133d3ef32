"""Python objects PySide made for Qt objects the window had built (the composer's document,
the month grid's viewport) were found dead for PySide after other pages first opened, the
Qt objects alive: every key in the composer then failed (no link or tag marked) and a drag
in the month crashed the app. The composer's highlighter and the chips' drag now ask for
those objects each time. The cause, an interplay of a page's first open (its modules
imported on a worker) and PySide's wrappers, is not found yet: see the session note."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from somestudio.ui.main_window import MainWindow

from .conftest import MakeWindow


def _as_the_app(window: MainWindow) -> MainWindow:
    window._first_frame_first = True  # pages built in steps, their modules on a worker
    return window


def _built(window: MainWindow, page: str) -> bool:
    return page in window._pages


def _open_pages_as_the_app_does(window: MainWindow, qtbot: QtBot) -> None:
    for page in ("accounts", "metrics", "inbox"):
        window.show_page(page)
        qtbot.waitUntil(partial(_built, window, page), timeout=20_000)


def test_the_composer_marks_links_after_other_pages_first_opened(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = _as_the_app(make_window(demo_home))
    window.show()
    window.show_page("compose")
    qtbot.waitUntil(lambda: "compose" in window._pages)
    qtbot.wait(300)
    editor = window.compose.editor
    kept = editor.document()
    editor.textCursor().insertText("Hei #joulu ")
    _open_pages_as_the_app_does(window, qtbot)
    window.show_page("compose")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("https://kahvila.example #glogi")
    text = editor.text()
    assert (text.index("#glogi"), len(text)) in editor.entity_marks()
    # (whether the object kept from before is still alive for PySide is what went wrong)
    del kept


def test_a_chip_can_be_dragged_in_the_month_after_other_pages_first_opened(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = _as_the_app(make_window(demo_home))
    window.resize(1100, 760)
    window.show()
    window.show_page("compose")  # the calendar built aside while another page shows
    qtbot.waitUntil(lambda: "compose" in window._pages)
    grid = window.calendar.grid
    qtbot.waitUntil(lambda: not window.calendar.model.loading)
    qtbot.wait(300)
    _open_pages_as_the_app_does(window, qtbot)
    window.show_page("calendar")
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
