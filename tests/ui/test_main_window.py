from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.quit_guard import QuitGuard
from somestudio.app.settings import SettingsStore
from somestudio.ui.main_window import PAGES, MainWindow
from tests.conftest import FIXED_DAY

from .conftest import MakeWindow


def test_navigation_reaches_every_page_by_keyboard(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    for number, key in enumerate(PAGES, start=1):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_page() == key
        current = window.stack.currentWidget()
        assert current is not None and current.isVisible()


def test_calendar_opens_on_this_month_with_posts(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    assert window.current_page() == "calendar"
    model = window.calendar.model
    qtbot.waitUntil(lambda: not model.loading)  # its first month is read on a worker
    assert (model.year, model.month) == (FIXED_DAY.year, FIXED_DAY.month)
    in_grid = sum(len(model.entries_on(day)) for day in model._days)
    assert in_grid > 20
    assert window.calendar.title.text() == "December 2026"  # FIXED_DAY's month


def test_finnish_week_starts_on_monday_with_week_numbers(
    demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(
        demo_home, locale=QLocale(QLocale.Language.Finnish, QLocale.Country.Finland)
    )
    # Go to November 2026 the way the window does (the page title follows the anchor), not by
    # setting the model behind the title's back: the title must not depend on today's date.
    window.calendar.set_anchor(date(2026, 11, 15))
    model = window.calendar.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers[1] == "ma" and headers[7] == "su"
    assert model.index(0, 0).data() == "44"  # 26 Oct – 1 Nov 2026 is ISO week 44
    assert model.index(0, 1).data() == "26"
    assert window.calendar.title.text() == "Marraskuu 2026"


def test_us_week_starts_on_sunday(demo_home: Path, make_window: MakeWindow) -> None:
    window = make_window(
        demo_home, locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    model = window.calendar.model
    model.set_month(2026, 11)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Sun"
    assert model.index(0, 1).data() == "1"  # 1 November 2026 is a Sunday
    # Sun 1 Nov is in ISO week 44, but Mon-Sat of that row are week 45: the row says 45.
    assert model.index(0, 0).data() == "45"


def test_month_navigation_keys(qtbot: QtBot, demo_home: Path, make_window: MakeWindow) -> None:
    window = make_window(demo_home)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    calendar = window.calendar
    calendar.set_anchor(date(2026, 12, 1))
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert (calendar.model.year, calendar.model.month) == (2027, 1)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert (calendar.model.year, calendar.model.month) == (2026, 11)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert (calendar.model.year, calendar.model.month) == (FIXED_DAY.year, FIXED_DAY.month)


def test_selecting_a_day_lists_its_posts(
    demo_home: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(demo_home)
    calendar = window.calendar
    qtbot.waitUntil(lambda: not calendar.model.loading)  # the first month is read on a worker
    busy = max(calendar.model._days, key=lambda d: len(calendar.model.entries_on(d)))
    calendar.select_day(busy)
    assert calendar.day_model.rowCount() == len(calendar.model.entries_on(busy)) > 0
    first = calendar.day_model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert calendar.day_model.entry(0).account_label in first


def test_status_bar_shows_next_post_and_attention(demo_home: Path, make_window: MakeWindow) -> None:
    window = make_window(demo_home)
    assert window.status.next_label.text().startswith("Next: ")
    assert not window.status.attention.isHidden()
    assert (
        window.status.attention.text()
        == f"⚠ Needs attention: {window._studio.count_wanting_user()}"
    )
    assert "Scheduler" in window.status.scheduler_label.text()
    count = window._studio.count_wanting_user()
    assert window.navigation.item(1).text() == f"Calendar  ⚠ {count}"


def test_geometry_and_page_are_remembered(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    window.show()
    qtbot.waitExposed(window)
    # The offscreen screen is 800 x 600; the window's least width is 762 (pages with icons).
    window.resize(781, 553)
    window.show_page("metrics")
    window.close()
    assert SettingsStore(demo_home).value.last_page == "metrics"
    again = make_window(demo_home)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (781, 553)
    assert again.current_page() == "metrics"


def test_close_without_tray_quits(qtbot: QtBot, demo_home: Path, make_window: MakeWindow) -> None:
    SettingsStore(demo_home).update(keep_in_tray=True)
    window = make_window(demo_home)
    # Nothing due in the hour after this moment (the demo's posts are all later).
    window.quit_guard = QuitGuard(
        window._studio.workspace, now=lambda: datetime(2000, 1, 1, tzinfo=UTC)
    )
    window.set_tray_available(False)  # offscreen has no tray: the setting cannot apply
    window.show()
    with qtbot.waitSignal(window.quit_requested, timeout=2000):
        window.close()


def test_close_with_tray_hides_instead(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    SettingsStore(demo_home).update(keep_in_tray=True)
    window = make_window(demo_home)
    window.set_tray_available(True)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.assertNotEmitted(window.quit_requested):
        window.close()
    assert not window.isVisible()
    window.bring_to_front()
    assert window.isVisible()


def test_compose_saves_a_draft(qtbot: QtBot, demo_home: Path, make_window: MakeWindow) -> None:
    window = make_window(demo_home)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "compose"
    compose = window.compose
    assert not compose.save_button.isEnabled()
    qtbot.keyClicks(compose.editor, "Uusi luonnos ")
    compose.editor.insertPlainText("☕")  # QTest types ASCII only
    compose.accounts.item(0).setCheckState(Qt.CheckState.Checked)
    before = compose._studio.post_count()
    with qtbot.waitSignal(compose.draft_saved, timeout=2000):
        qtbot.keyClick(compose.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert compose._studio.post_count() == before + 1
    assert compose.editor.toPlainText() == ""
    assert compose.feedback.text() == "Draft saved to Drafts."


def test_metrics_page_lists_channels(
    demo_home: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(demo_home)
    window.show_page("metrics")
    # The page loads on a worker thread.
    qtbot.waitUntil(lambda: window.metrics.model.rowCount() >= 3)
    assert window.metrics.empty.isHidden()


def test_accounts_page_lists_accounts(demo_home: Path, make_window: MakeWindow) -> None:
    window = make_window(demo_home)
    window.show_page("accounts")
    model = window.accounts.model
    assert model.rowCount() == len(window._studio.accounts()) == 9  # the demo's
    names = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert "Local archive" in names


def test_empty_workspace_shows_empty_states(home: Path, make_window: MakeWindow) -> None:
    window = make_window(home)
    assert window.status.next_label.text() == "Nothing scheduled"
    assert window.status.attention.isHidden()
    window.show_page("accounts")
    assert not window.accounts.empty.isHidden()


def test_double_clicked_post_opens_for_editing(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    window.show()
    qtbot.waitExposed(window)
    calendar = window.calendar
    qtbot.waitUntil(lambda: not calendar.model.loading)  # its first month is read on a worker
    entry = next(e for day in calendar.model.days for e in calendar.model.entries_on(day))
    calendar.entry_activated.emit(entry)
    assert window.current_page() == "compose"
    compose = window.compose
    assert compose.editing == entry.post_id
    assert compose.editor.toPlainText().startswith(entry.text[:40])
    assert entry.account_id in compose.checked_account_ids()
    assert not compose.accounts.isEnabled()
    compose.editor.setPlainText("Korjattu teksti")
    with qtbot.waitSignal(compose.draft_saved, timeout=1000):
        compose.save_button.click()
    assert compose.feedback.text() == "Changes saved."
    text, accounts = window._studio.post(entry.post_id)  # type: ignore[misc]
    assert (text, sorted(accounts)) == ("Korjattu teksti", sorted(compose.checked_account_ids()))
    window.new_post()
    editing: int | None = window.compose.editing
    assert editing is None
    assert compose.editor.toPlainText() == ""


def shown_title(title: str, display_name: str) -> str:
    """The title the window manager gets: Qt (QPlatformWindow::formatWindowTitle) adds the
    application's display name unless the title already ends with it."""
    if title.endswith(display_name):
        return title
    return f"{title} \N{EM DASH} {display_name}" if title else display_name


def test_window_title_names_the_app_once(demo_home: Path, make_window: MakeWindow) -> None:
    from somestudio import APP_NAME  # noqa: PLC0415
    from somestudio.ui.main_window import MainWindow  # noqa: PLC0415

    window = make_window(demo_home)
    assert shown_title(window.windowTitle(), APP_NAME) == APP_NAME
    demo = MainWindow(
        window._studio,
        window._settings,
        window._zone,
        home=demo_home,
        log_file=demo_home / "logs" / "x.log",
        demo=True,
        now=window._now,
    )
    try:
        shown = shown_title(demo.windowTitle(), APP_NAME)
        assert shown.count(APP_NAME) == 1 and "demo data" in shown
    finally:
        demo._state_saving = False
        demo.deleteLater()


def test_finnish_titles_name_the_app_once(demo_home: Path, make_window: MakeWindow) -> None:
    from somestudio import APP_NAME  # noqa: PLC0415
    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    installed = install_language("fi")
    try:
        window = make_window(demo_home, locale=QLocale(QLocale.Language.Finnish))
        window._about()
        title = shown_title(window.about_box.windowTitle(), APP_NAME)
        assert title.count("Some Studio") == 1 and title.startswith("Tietoja")
        window.show_shortcuts()
        assert shown_title(window.shortcuts_dialog.windowTitle(), APP_NAME).count(APP_NAME) == 1
    finally:
        installed.remove()


@pytest.mark.parametrize(
    ("language", "plain", "named"),
    [
        ("en", "&Undo", "&Undo Delete post"),
        # Qt's own action glued the two ("Kumoa Poista julkaisu"): the whole label translated.
        ("fi", "&Kumoa", "&Kumoa: Poista julkaisu"),
    ],
)
def test_undo_names_the_step_it_takes_back(
    demo_home: Path, make_window: MakeWindow, language: str, plain: str, named: str
) -> None:
    from PySide6.QtGui import QAction, QUndoCommand  # noqa: PLC0415

    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    installed = install_language(language)
    try:
        window = make_window(demo_home)
        undo = window.findChild(QAction, "UndoAction")
        redo = window.findChild(QAction, "RedoAction")
        assert undo is not None and redo is not None
        assert (undo.text(), undo.isEnabled()) == (plain, False)
        # The step's own name, as the calendar's delete gives it in that language.
        step = QUndoCommand(window.tr("Delete post") if language == "en" else "Poista julkaisu")
        window.undo_stack.push(step)
        assert (undo.text(), undo.isEnabled()) == (named, True)
        undo.trigger()
        assert (undo.text(), undo.isEnabled()) == (plain, False)
        assert redo.text() == named.replace("&Undo", "&Redo").replace("&Kumoa", "&Tee uudelleen")
        assert redo.isEnabled()
    finally:
        installed.remove()


def test_the_demo_says_that_nothing_is_kept(
    demo_home: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    """The demo's folder goes at quit: the window says so above every page, before anything
    is written there. A window on the user's own data has no such band."""
    from PySide6.QtWidgets import QFrame  # noqa: PLC0415

    demo = make_window(demo_home, demo=True)
    demo.show()
    qtbot.waitExposed(demo)
    band = demo.findChild(QFrame, "DemoBanner")
    assert band is not None and band.isVisible()
    assert "deleted when you quit" in band.accessibleDescription()
    demo.show_page("compose")
    assert band.isVisible()
    demo.close()
    own = make_window(demo_home)
    assert own.findChild(QFrame, "DemoBanner") is None


def test_the_window_reads_today_from_its_injected_clock(qtbot: QtBot, tmp_path: Path) -> None:
    """The status bar's "today" is the window's clock's, not the machine's: on 20 March
    2031 (injected) a post due at 10.00 Helsinki that day is "today"; on the 19th,
    "tomorrow" (it said the date)."""
    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.domain.networks import Network, PublishMethod  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.store import posts as post_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415
    from somestudio.ui.main_window import MainWindow  # noqa: PLC0415

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    workspace = open_workspace(tmp_path)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account = account_rows.add_account(
                conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER
            )
            post = post_rows.create_post(conn, "Aamun leivät")
            post_rows.add_delivery(
                conn, post, account, scheduled_at=datetime(2031, 3, 20, 8, tzinfo=UTC),
                time_zone="Europe/Helsinki", state=DeliveryState.SCHEDULED,
            )  # fmt: skip
        window = MainWindow(
            Studio(workspace), workspace.settings, ZoneInfo("Europe/Helsinki"), home=tmp_path,
            log_file=tmp_path / "x.log", now=lambda: datetime(2031, 3, 20, 6, tzinfo=UTC),
        )  # fmt: skip
        qtbot.addWidget(window)
        assert window.status.next_label.text() == "Next: today 10:00 · Local archive"
        window.close()
        # The evening before (21.30 Helsinki), it is "tomorrow", not a date.
        window = MainWindow(
            Studio(workspace), workspace.settings, ZoneInfo("Europe/Helsinki"), home=tmp_path,
            log_file=tmp_path / "x.log", now=lambda: datetime(2031, 3, 19, 19, 30, tzinfo=UTC),
        )  # fmt: skip
        qtbot.addWidget(window)
        assert window.status.next_label.text() == "Next: tomorrow 10:00 · Local archive"
        window.close()
    finally:
        workspace.close()
        QLocale.setDefault(QLocale.c())


def test_the_view_menu_shows_each_calendar_view(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    menu = window.findChild(QMenu, "CalendarViewMenu")
    assert menu is not None and menu.title() == "Calendar &view"
    assert [a.text() for a in menu.actions()] == [
        "&Month\tCtrl+Shift+M",
        "&Week\tCtrl+Shift+W",
        "&Agenda\tCtrl+Shift+A",
    ]
    for mode, start in (("agenda", "compose"), ("week", "compose"), ("month", "calendar")):
        window.show_page(start)  # from another page, and from the calendar itself
        action = window.findChild(QAction, f"CalendarView-{mode}")
        assert action is not None
        action.trigger()
        calendar = window.calendar
        qtbot.waitUntil(lambda: window.current_page() == "calendar")
        assert calendar.mode == mode
        view = calendar.grid if mode == "month" else calendar.views.currentWidget()
        assert view is not None
        qtbot.waitUntil(partial(_focus_within, view))
    # The calendar's own keys still work (the menu shows them, it does not take them).
    qtbot.keyClick(
        calendar.grid,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert calendar.mode == "agenda"


def _focus_within(view: QWidget) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and (widget is view or view.isAncestorOf(widget))


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menu_actions(sub)
        elif not action.isSeparator():
            found.append(action)
    return found


def _seen(window: MainWindow, action: QAction) -> tuple[object, ...]:
    """What a person sees change: the page, the calendar's view, the item's check, the
    status line, where the keyboard is."""
    calendar = window._pages.get("calendar")
    return (
        window.current_page(),
        getattr(calendar, "mode", None),
        action.isChecked(),
        window.status.currentMessage(),
        QApplication.focusWidget(),
    )


def test_every_menu_item_does_something_and_raises_nothing(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    """Each item of the menu bar, chosen as a person chooses it (its ``triggered``, checked
    flag and all): nothing raises (File → Import posts from CSV… raised on every open: the
    menu's flag was taken for a path), and each opens a window, changes the page, says
    something or flips its check. Quit is left out (it ends the app)."""
    window = make_window(demo_home)
    window.resize(1200, 800)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    from somestudio.app.planning import Planner  # noqa: PLC0415
    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    window.attach_planner(Planner(Studio(open_workspace(demo_home)).workspace, now=window._now))
    actions = [
        action
        for top in window.menuBar().actions()
        if isinstance(top.menu(), QMenu)
        for action in _menu_actions(top.menu())  # type: ignore[arg-type]
        if action.isVisible() and action.isEnabled()
    ]
    assert len(actions) >= 15
    quiet: list[str] = []
    for action in actions:
        name = action.text().replace("&", "").split("\t")[0]
        if name in {"Quit", "Exit", "Refresh"}:  # Refresh: the same data, read again
            continue
        # from a page the item is not about
        window.show_page("compose" if name == "Settings" else "settings")
        window.navigation.setFocus()
        for _ in range(3):
            QApplication.processEvents()
        before_windows = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        before = _seen(window, action)
        action.trigger()
        for _ in range(10):
            QApplication.processEvents()
        opened = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and id(w) not in before_windows and w is not window
        ]
        after = _seen(window, action)
        if not opened and after == before:
            quiet.append(name)
        for opened_window in opened:
            opened_window.close()
        for _ in range(5):
            QApplication.processEvents()
    assert quiet == [], f"menu items that did nothing to be seen: {quiet}"


def _letter_problems(where: str, names: list[str]) -> list[str]:
    """Items of one menu (``names``) without an underlined letter, or sharing one."""
    problems = []
    letters: dict[str, str] = {}
    for name in names:
        letter = _mnemonic(name)
        if letter is None:
            problems.append(f"{where}: {name!r} has no letter")
        elif letter in letters:
            problems.append(f"{where}: {name!r} and {letters[letter]!r} share {letter}")
        else:
            letters[letter] = name
    return problems


def _mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is an ampersand), lower-cased; None: none."""
    plain = text.split("\t", maxsplit=1)[0].replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


@pytest.mark.parametrize("language", ["en", "fi"])
def test_each_menu_underlines_a_letter_of_its_own_for_every_item(
    demo_home: Path, make_window: MakeWindow, language: str
) -> None:
    """Alt and a menu's letter, then an item's underlined letter, chooses it: in each menu
    (and the menu bar) every item has a letter, and no two share one — else Qt shows none
    for the second (Finnish File menu: "Tuo julkaisut CSV-tiedostosta…" had no letter)."""
    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    installed = install_language(language)
    try:
        window = make_window(demo_home)
        window.show()
        from somestudio.app.planning import Planner  # noqa: PLC0415
        from somestudio.app.workspace import open_workspace  # noqa: PLC0415

        # its items in File
        window.attach_planner(Planner(open_workspace(demo_home), now=window._now))
        menus: list[tuple[str, list[QAction]]] = [("menu bar", window.menuBar().actions())]
        pending = [a.menu() for a in window.menuBar().actions()]
        while pending:
            menu = pending.pop()
            if not isinstance(menu, QMenu):
                continue
            menu.aboutToShow.emit()  # menus filled as they open
            items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
            menus.append((menu.title().replace("&", ""), items))
            pending += [a.menu() for a in items if isinstance(a.menu(), QMenu)]
        problems = [
            problem
            for title, items in menus
            for problem in _letter_problems(title, [a.text().split("\t")[0] for a in items])
        ]
        assert len(menus) >= 5
        assert problems == [], "\n".join(problems)
    finally:
        installed.remove()


@pytest.mark.parametrize("language", ["en", "fi"])
def test_a_posts_menu_underlines_a_letter_of_its_own_for_every_item(
    demo_home: Path, make_window: MakeWindow, language: str
) -> None:
    """A post's menu in the calendar (Open, Move to…, Duplicate…) had no letters to choose
    by (a new user's finding): each item of each state's menu has one, none shared."""
    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    installed = install_language(language)
    try:
        window = make_window(demo_home)
        from somestudio.app.planning import Planner  # noqa: PLC0415
        from somestudio.app.workspace import open_workspace  # noqa: PLC0415

        window.attach_planner(Planner(open_workspace(demo_home), now=window._now))
        actions = window._actions
        assert actions is not None
        entries = window._studio.entries_between(
            datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
        )
        states = {(e.state, e.approval is not None): e for e in reversed(entries)}
        assert len(states) >= 4
        problems = []
        for entry in states.values():
            menu = actions.menu_for(entry, window)
            menus = [menu, *(a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu))]
            for each in menus:
                assert isinstance(each, QMenu)
                names = [
                    a.text().split("\t", maxsplit=1)[0]
                    for a in each.actions()
                    # what an approval post is: said, not chosen
                    if not a.isSeparator() and (a.isEnabled() or entry.approval is None)
                ]
                problems += _letter_problems(str(entry.state), [n for n in names if n])
        assert problems == [], "\n".join(problems)
    finally:
        installed.remove()
