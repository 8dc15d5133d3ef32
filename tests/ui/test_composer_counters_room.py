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
from tests.ui.conftest import MakeWindow, clock_on

DAY = date(2026, 12, 5)


def test_the_counters_never_cover_the_accounts_when_the_page_narrows(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_folder(tmp_path, DAY), now=clock_on(DAY))
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


def test_one_long_counter_is_never_laid_over_the_accounts_in_finnish(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    """The Drafts panel already open, Finnish, Instagram alone ticked: its counter ("… ·
    katso ongelmat") was drawn over the X row, and a click on X's box did nothing (a check
    on the real program). The column's parts had less height than their least, the channel
    tab's notes wrapping; the previews below give way instead."""
    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    installed = install_language("fi")
    try:
        window = make_window(demo_folder(tmp_path, DAY), now=clock_on(DAY))
        window.resize(1024, 723)
        window.show()
        qtbot.waitExposed(window)
        window.show_page("compose")
        window.drafts.action.trigger()
        page = window.compose
        qtbot.waitUntil(lambda: page.width() < 700)
        accounts, strip = page.accounts, page.counters
        page.editor.setPlainText("Glögiä ja pipareita")
        for row in range(accounts.count()):
            item = accounts.item(row)
            if item.text().startswith("Instagram"):
                item.setCheckState(Qt.CheckState.Checked)
        qtbot.waitUntil(lambda: any(chip.isVisible() for chip in strip.chips.values()))
        qtbot.wait(300)  # the tab's notes and the splitter settle
        assert strip.geometry().top() > accounts.geometry().bottom()
        tabs = page.channels
        assert tabs.geometry().top() > strip.geometry().bottom()
        assert tabs.height() >= tabs.heightForWidth(tabs.width())  # its notes not cut
    finally:
        installed.remove()


def test_splitting_into_a_thread_does_not_grow_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    """Split into thread beside the Drafts panel grew the window past a 1024 × 768 screen
    (the thread's area asked for every part's height; a check on the real program): it asks
    for its least, a part's title and four lines, and scrolls."""
    from tests.ui.layout_views import make_window as layout_window  # noqa: PLC0415

    # (984 × 683: as the app makes it)
    window = layout_window(demo_folder(tmp_path, DAY), (984, 683), now=clock_on(DAY))
    qtbot.addWidget(window)
    window.show_page("compose")
    window.drafts.action.trigger()
    page = window.compose
    for row in range(page.accounts.count()):
        item = page.accounts.item(row)
        if item.text().startswith("Bluesky · Kahvila"):
            item.setCheckState(Qt.CheckState.Checked)
    sentence = "Ten years ago we opened a tiny bakery on Milwaukee Avenue with one oven, two "
    page.editor.setPlainText(((sentence + "mixers and a lot of hope. ") * 5).strip())
    qtbot.waitUntil(lambda: page.report is not None and not page._checking)
    qtbot.wait(800)  # the cards are drawn once typing pauses
    (panel,) = page._panels.values()
    height = window.height()
    panel.split_button.click()
    qtbot.waitUntil(lambda: len(panel.part_editors) > 1)
    qtbot.wait(1500)  # the check, the cards and the splitters settle
    assert window.height() == height
    assert panel.parts_scroll.verticalScrollBar().maximum() > 0  # the parts scroll
