"""The counter chips keep their own rows under "Post to" when the page narrows: opened
beside the Drafts panel, the chips wrapped onto a second row and were laid over the last
accounts of the list, which then took no clicks (a check on the real program at
1024 × 768)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.conftest import demo_folder
from tests.ui.conftest import MakeWindow

DAY = date(2026, 12, 5)


def test_the_counters_never_cover_the_accounts_when_the_page_narrows(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_folder(tmp_path, DAY))
    window.resize(1024, 723)  # a 1024 × 768 screen, less the demo's banner
    window.show()
    qtbot.waitExposed(window)
    window.show_page("compose")
    page = window.compose
    accounts = page.accounts
    for row in range(accounts.count()):
        item = accounts.item(row)
        if item.text().startswith(("Bluesky · Kahvila", "X ")):
            item.setCheckState(Qt.CheckState.Checked)
    page.editor.setPlainText("Glögiä ja pipareita")
    strip = page.counters
    qtbot.waitUntil(lambda: len([c for c in strip.chips.values() if c.isVisible()]) == 2)
    window.drafts.action.trigger()  # the Drafts panel beside the page: narrower
    qtbot.waitUntil(lambda: page.width() < 700)
    chips = [chip for chip in strip.chips.values() if chip.isVisible()]
    qtbot.waitUntil(lambda: chips[0].y() != chips[1].y())  # wrapped onto two rows
    qtbot.waitUntil(lambda: strip.height() >= strip.heightForWidth(strip.width()))
    # The list of accounts takes its rows' new height a moment later (its rows re-measured
    # at the new width); the strip and the splitter follow.
    qtbot.wait(300)
    assert strip.parentWidget() is accounts.parentWidget()
    assert strip.geometry().top() > accounts.geometry().bottom()
    last_row = accounts.visualItemRect(accounts.item(accounts.count() - 1))
    assert accounts.viewport().rect().contains(last_row)  # the whole list in view
    # The last account takes its click again.
    last = accounts.item(accounts.count() - 1)
    before = last.checkState()
    qtbot.mouseClick(
        accounts.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(8, last_row.center().y())
    )
    qtbot.waitUntil(lambda: last.checkState() != before)
