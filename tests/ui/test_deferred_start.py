"""Start-up builds the engine off the GUI thread once the window shows, then attaches it there.

The engine's modules take a good part of a second to import and build; while they do, the
window must answer input. The engine still starts, and posts missed while the app was closed
are still offered for a decision.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app import scheduler as scheduler_module
from somestudio.app.planning import Planner
from somestudio.app.studio import StatusCounts
from somestudio.app.workspace import Workspace
from somestudio.scheduling.engine import Engine
from somestudio.ui import launch
from somestudio.ui.attention_dialog import AttentionDialog
from somestudio.ui.main_window import MainWindow

from .conftest import MakeWindow


def attached(window: MainWindow) -> Planner | None:
    return window._planner


def _shown_app_window(qtbot: QtBot, workspace: Workspace, home: Path) -> MainWindow:
    """The window as the app makes it (``first_frame_first``: its start not finished), shown;
    its clock on the day ``demo_home`` is built around."""
    from somestudio.app.studio import Studio  # noqa: PLC0415

    from .conftest import FIXED_NOON, HELSINKI, running_clock  # noqa: PLC0415

    window = MainWindow(
        Studio(workspace),
        workspace.settings,
        HELSINKI,
        home=home,
        log_file=home / "logs" / "x.log",
        first_frame_first=True,
        now=running_clock(FIXED_NOON),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_engine_is_built_off_the_gui_thread_and_started_after_the_window_shows(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow, monkeypatch
) -> None:
    window = make_window(demo_home)
    workspace: Workspace = window._studio.workspace
    conn = workspace.writable_connection()
    missed = conn.execute("SELECT id FROM deliveries ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute("UPDATE deliveries SET state = 'missed', seen_by_user = 0 WHERE id = ?", (missed,))
    built_on: list[int] = []
    gate = threading.Event()
    real_create = scheduler_module.create_engine

    def create_engine(ws: Workspace) -> Engine:
        built_on.append(threading.get_ident())
        gate.wait(10)  # held until the test has seen the window answer meanwhile
        return real_create(ws)

    monkeypatch.setattr(scheduler_module, "create_engine", create_engine)
    window.show()
    qtbot.waitExposed(window)
    scheduler = launch._Scheduler(workspace)
    try:
        with qtbot.waitSignal(scheduler.started, timeout=15_000):
            scheduler.start(window)
            qtbot.waitUntil(lambda: bool(built_on), timeout=10_000)
            # The engine is being built: the GUI thread is free, nothing is attached yet.
            assert built_on[0] != threading.get_ident()
            QApplication.processEvents()
            assert attached(window) is None
            assert not any(
                isinstance(w, AttentionDialog) for w in window.findChildren(AttentionDialog)
            )
            gate.set()
        planner = attached(window)
        assert planner is not None
        assert planner.engine is not None and planner.engine.running
        assert "running" in window.status.scheduler_label.text()
        # The missed post's decision opens in the turn after the engine is attached.
        qtbot.waitUntil(lambda: bool(window.findChildren(AttentionDialog)))
        dialogs = window.findChildren(AttentionDialog)
        assert missed in [e.delivery_id for e in dialogs[0].entries]
    finally:
        gate.set()
        assert scheduler.stop()


def test_quitting_while_the_engine_is_built_leaves_nothing_running(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    scheduler = launch._Scheduler(window._studio.workspace)
    scheduler.start(window)
    assert scheduler.stop()  # waits for the builder; the engine built is never started
    QApplication.processEvents()
    assert attached(window) is None
    assert not [t for t in threading.enumerate() if t.name == "engine-start"]


def test_the_first_frame_comes_before_the_page_and_the_status_counts(
    qtbot: QtBot, demo_home: Path
) -> None:
    from PySide6.QtCore import QLocale  # noqa: PLC0415

    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    workspace = open_workspace(demo_home)
    try:
        window = _shown_app_window(qtbot, workspace, demo_home)
        # On screen with the navigation and the bars, and nothing read for a page yet.
        assert window._pages == {}
        assert window.current_page() == "calendar"
        assert window.status.next_label.text() == ""
        studio = window._studio
        read_on: list[int] = []
        real_counts = studio.status_counts

        def status_counts(unusable: Collection[int] = ()) -> StatusCounts:
            read_on.append(threading.get_ident())
            return real_counts(unusable)

        studio.status_counts = status_counts  # type: ignore[method-assign]
        window.finish_start()
        assert list(window._pages) == ["calendar"]
        assert window.stack.currentWidget() is window.calendar
        assert window.calendar.isVisible()
        # The status bar's counts (a fifth of a second on 100,000 posts) come from a worker.
        qtbot.waitUntil(lambda: window.status.next_label.text() != "", timeout=10_000)
        assert read_on and read_on[0] != threading.get_ident()
        expected = studio.count_wanting_user()
        assert expected > 0 and window.status.attention.text().endswith(str(expected))
    finally:
        QLocale.setDefault(QLocale.c())
        workspace.close()


def test_ctrl_n_before_the_start_has_finished_types_into_the_editor(
    qtbot: QtBot, home: Path
) -> None:
    """Ctrl+N the moment the window shows, before its start has finished (the page in view
    not built yet): the composer is built then and there, and what is typed next goes into
    its editor. It went to the navigation list beside it, and the first words of the post
    were lost (seen under load in tests/e2e/test_draft_recovery.py)."""
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    (home / "settings.json").write_text('{"welcome_seen": true}', encoding="utf-8")
    workspace = open_workspace(home)
    try:
        window = _shown_app_window(qtbot, workspace, home)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        window.new_post()  # File → New post (Ctrl+N)
        focused = QApplication.focusWidget()
        assert focused is window.compose.editor, focused
        qtbot.keyClicks(focused, "Luonnos joka ei katoa")
        window.finish_start()
        assert window.compose.editor.toPlainText() == "Luonnos joka ei katoa"
        window.close()
    finally:
        workspace.close()


def test_after_start_the_counts_of_a_change_are_read_on_a_worker_and_none_is_lost(
    qtbot: QtBot, demo_home: Path
) -> None:
    """A change (the engine publishing, a move in the calendar) re-read the status counts on
    the GUI thread: 0.13 s on 100,000 posts. They come from a worker, and a change made while
    a read is under way is read once more after it. The inbox count too comes from a worker
    at start (it went through the inbox service, importing the network clients)."""
    from PySide6.QtCore import QLocale  # noqa: PLC0415

    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    workspace = open_workspace(demo_home)
    try:
        window = _shown_app_window(qtbot, workspace, demo_home)
        studio = window._studio
        read_on: list[int] = []
        inbox_read_on: list[int] = []
        gate = threading.Event()
        real_counts, real_inbox = studio.status_counts, studio.inbox_counts

        def status_counts(unusable: Collection[int] = ()) -> StatusCounts:
            read_on.append(threading.get_ident())
            gate.wait(10)
            return real_counts(unusable)

        def inbox_counts() -> object:
            inbox_read_on.append(threading.get_ident())
            return real_inbox()

        studio.status_counts = status_counts  # type: ignore[method-assign]
        studio.inbox_counts = inbox_counts  # type: ignore[method-assign,assignment]
        window.finish_start()
        qtbot.waitUntil(lambda: len(read_on) == 1, timeout=10_000)
        # A post needs the user now, while the first read waits.
        conn = workspace.writable_connection()
        conn.execute(
            "UPDATE deliveries SET state = 'failed', seen_by_user = 0 WHERE id ="
            " (SELECT id FROM deliveries WHERE state = 'scheduled' ORDER BY id LIMIT 1)"
        )
        window._on_data_changed()
        assert len(read_on) == 1  # not on the GUI thread, not a second read at once
        gate.set()
        expected = studio.count_wanting_user()
        qtbot.waitUntil(lambda: len(read_on) == 2, timeout=10_000)
        qtbot.waitUntil(
            lambda: window.status.attention.text().endswith(str(expected)), timeout=10_000
        )
        assert threading.get_ident() not in read_on
        qtbot.waitUntil(lambda: bool(inbox_read_on), timeout=10_000)
        assert inbox_read_on[0] != threading.get_ident()
    finally:
        gate.set()
        QLocale.setDefault(QLocale.c())
        workspace.close()


def test_in_the_app_a_pages_first_open_imports_its_modules_on_a_worker(
    qtbot: QtBot, demo_home: Path
) -> None:
    """Opening a page the first time imported its modules on the GUI thread (a tenth to a
    third of a second per page). In the app the page's place shows a busy note while they
    import on a worker, then the page is built and shown."""
    import sys  # noqa: PLC0415

    from PySide6.QtCore import QLocale  # noqa: PLC0415
    from PySide6.QtWidgets import QLabel  # noqa: PLC0415

    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.ui.main_window import PAGE_MODULES  # noqa: PLC0415

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    workspace = open_workspace(demo_home)
    [module] = PAGE_MODULES["accounts"]
    saved = sys.modules.pop(module, None)  # as in a fresh process: not imported yet
    try:
        window = _shown_app_window(qtbot, workspace, demo_home)
        window.finish_start()
        window.show_page("accounts")
        assert "accounts" not in window._pages
        current = window.stack.currentWidget()
        assert current is not None and current.findChild(QLabel, "PageLoading") is not None
        qtbot.waitUntil(lambda: "accounts" in window._pages, timeout=15_000)
        assert window.stack.currentWidget() is window._pages["accounts"]
        assert window.current_page() == "accounts"
    finally:
        if saved is not None:
            sys.modules[module] = saved  # the classes other tests imported stay the ones used
        QLocale.setDefault(QLocale.c())
        workspace.close()


def test_every_page_names_the_modules_its_first_open_imports() -> None:
    """Opening a page in the app first imports its modules on a worker; a page missing from
    the table could not be opened at all (the Partners page once: a KeyError per click)."""
    import importlib  # noqa: PLC0415

    from somestudio.ui.main_window import PAGE_MODULES, PAGES, SLOW_MODULES  # noqa: PLC0415

    assert set(PAGE_MODULES) == set(PAGES)
    for modules in [*PAGE_MODULES.values(), tuple(SLOW_MODULES.values())]:
        for module in modules:
            importlib.import_module(module)


def test_start_up_imports_the_collaborations_ahead(
    demo_home: Path, make_window: MakeWindow
) -> None:
    """The status bar's collaboration reminders and the composer's tools read the
    collaborations as the window starts: their modules were imported on the GUI thread then
    (the watchdog's block of 70-170 ms after start-up); start-up imports them on its worker."""
    window = make_window(demo_home)
    assert "somestudio.app.collab.service" in window.start_modules()


def test_a_page_that_cannot_be_imported_says_so(
    qtbot: QtBot, demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its place said "Loading…" for good (a half-updated install): it says it could not be
    opened and what to do; the error itself goes to the log as any other."""
    from PySide6.QtWidgets import QLabel  # noqa: PLC0415

    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.ui import main_window  # noqa: PLC0415

    workspace = open_workspace(demo_home)
    try:
        window = _shown_app_window(qtbot, workspace, demo_home)
        window.finish_start()
        monkeypatch.setitem(main_window.PAGE_MODULES, "accounts", ("somestudio.ui.no_such_page",))
        with qtbot.capture_exceptions() as raised:
            window.show_page("accounts")
            current = window.stack.currentWidget()
            assert current is not None
            note = current.findChild(QLabel, "PageLoading")
            assert note is not None
            qtbot.waitUntil(lambda: note.text().startswith("This page could not be opened"))
        assert [type(e[1]) for e in raised] == [ModuleNotFoundError]
    finally:
        workspace.close()
