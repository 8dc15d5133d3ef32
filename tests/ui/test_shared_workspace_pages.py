"""The window on a shared workspace (issue 17): the demo moved to a real PostgreSQL with
`workspace move` (the password in a real keyring, a private gnome-keyring), then every page
opened — Compose, Calendar, Metrics with each of its tabs, Accounts, Settings, Plan, Inbox,
Collaborations — and a few everyday writes made (an inbox entry marked done, a draft saved).
Any warning or error logged, any background task that failed and any exception in a Qt
handler fails the test: code still written for SQLite only (``conn.execute("… ?")``, a
sqlite3-only transaction) fails on the server's connection and would be logged."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from somestudio.app.shared_workspace import move_workspace
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.secrets import SecretStore
from somestudio.store.workspace_url import WorkspaceUrl
from somestudio.ui import tasks as task_module
from somestudio.ui.main_window import PAGES, MainWindow
from tests.postgres_server import PostgresServer

from .conftest import MakeWindow


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def logged() -> Iterator[list[logging.LogRecord]]:
    recorder = _Recorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    yield recorder.records
    root.removeHandler(recorder)


@pytest.fixture
def failed_tasks(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Every background task that failed, whether or not its page handles the failure."""
    failures: list[BaseException] = []
    original = task_module.Tasks._fail

    def record(on_error: task_module.Failed | None, error: BaseException) -> None:
        failures.append(error)
        original(on_error, error)

    monkeypatch.setattr(task_module.Tasks, "_fail", staticmethod(record))
    return failures


@pytest.fixture
def shared_demo(
    demo_home: Path,
    keyring_store: SecretStore,
    postgres: PostgresServer,
    pg_url: WorkspaceUrl,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    moved = move_workspace(pg_url.display(), demo_home, postgres.password)
    assert moved.target == pg_url.display() and moved.rows > 1000
    return demo_home


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    """Until every page's background work has come back to the GUI thread (this window's:
    work of pages that earlier tests closed is never handed back, by design)."""
    qtbot.wait(50)
    qtbot.waitUntil(
        lambda: not any(t.busy() for t in window.findChildren(task_module.Tasks)),
        timeout=30_000,
    )
    qtbot.wait(50)


def _close(window: MainWindow, qtbot: QtBot) -> None:
    """Closed once the reloads its own writes asked for (their notifications come back from
    the server too) are done: the test's database is dropped after it."""
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not window._reload_soon.isActive())
    _settle(qtbot, window)
    window.close()


def _problems(logged: list[logging.LogRecord], failed: list[BaseException]) -> list[str]:
    said = [f"{r.levelname} {r.name}: {r.getMessage()} {r.exc_info or ''}" for r in logged]
    # The whole traceback: an OSError's repr hides its file name.
    return said + ["".join(traceback.format_exception(error)) for error in failed]


def test_every_page_works_on_a_postgresql_workspace(
    shared_demo: Path,
    make_window: MakeWindow,
    qtbot: QtBot,
    logged: list[logging.LogRecord],
    failed_tasks: list[BaseException],
) -> None:
    window = make_window(shared_demo)
    assert window._studio.workspace.is_shared
    window.show()
    qtbot.waitExposed(window)
    _settle(qtbot, window)
    for key in PAGES:
        window.show_page(key)
        _settle(qtbot, window)
        assert window.current_page() == key
        assert _problems(logged, failed_tasks) == [], key
    metrics = window.metrics
    for tab in range(metrics.tabs.count()):
        metrics.tabs.setCurrentIndex(tab)
        _settle(qtbot, window)
        assert _problems(logged, failed_tasks) == [], metrics.tabs.tabText(tab)
    assert metrics.model.rowCount() >= 3  # the moved demo's channels
    assert window.accounts.model.rowCount() == len(window._studio.accounts()) == 9

    # Everyday writes on the server: an inbox entry marked done leaves the open list.
    window.show_page("inbox")
    _settle(qtbot, window)
    inbox = window.inbox
    before = inbox.list.model().rowCount()
    assert before > 0
    inbox.list.setCurrentIndex(inbox.list.model().index(0, 0))
    _settle(qtbot, window)
    inbox.toggle_done()
    _settle(qtbot, window)
    qtbot.waitUntil(lambda: inbox.list.model().rowCount() == before - 1)
    # The entry chosen next is marked read once the choice rests (a write on the server).
    qtbot.waitUntil(lambda: not inbox._read_timer.isActive())
    _settle(qtbot, window)
    current = inbox.current_item()
    assert current is not None and not current.unread
    assert _problems(logged, failed_tasks) == []
    _close(window, qtbot)


def test_a_change_made_on_another_desktop_shows_here_within_a_second(
    shared_demo: Path,
    make_window: MakeWindow,
    qtbot: QtBot,
    logged: list[logging.LogRecord],
    failed_tasks: list[BaseException],
) -> None:
    """Issue 17, "live for everyone": another machine (here a second workspace with its own
    connections) marks an inbox entry done; this window's list drops it within a second,
    with no click (PostgreSQL LISTEN/NOTIFY, not polling)."""
    window = make_window(shared_demo)
    window.show()
    qtbot.waitExposed(window)
    _settle(qtbot, window)
    window.show_page("inbox")
    _settle(qtbot, window)
    inbox = window.inbox
    before = inbox.list.model().rowCount()
    first = inbox.model.item_at(0)
    assert before > 1 and first is not None
    feed = window._studio.workspace._watch.feed  # type: ignore[union-attr]
    assert feed.listening.wait(10)  # the window's change feed listens
    elsewhere = open_workspace(shared_demo)
    try:
        assert Studio(elsewhere).inbox().set_done(first.id, True)
        qtbot.waitUntil(lambda: inbox.model.row_of(first.id) == -1, timeout=1_000)
    finally:
        elsewhere.close()
    assert inbox.list.model().rowCount() == before - 1
    _settle(qtbot, window)
    assert _problems(logged, failed_tasks) == []
    _close(window, qtbot)


def test_an_approval_request_from_another_desktop_raises_a_notice_here(
    shared_demo: Path,
    make_window: MakeWindow,
    qtbot: QtBot,
    logged: list[logging.LogRecord],
    failed_tasks: list[BaseException],
) -> None:
    """Issue 17, approval: a contributor on another machine asks for approval; this
    window, an owner's, raises the notice within a second through the change feed, and the
    post it opens shows Approve."""
    from datetime import UTC, datetime  # noqa: PLC0415

    from somestudio.app.planning import Planner  # noqa: PLC0415
    from somestudio.app.team import Team  # noqa: PLC0415
    from somestudio.domain.members import ApprovalAction, Role  # noqa: PLC0415
    from somestudio.store import members as member_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    here = open_workspace(shared_demo)
    try:
        team = Team(here)
        team.add_member("Olli", Role.OWNER)  # the first member: this desktop's
        cia = team.add_member("Cia", Role.CONTRIBUTOR)
    finally:
        here.close()
    window = make_window(shared_demo)
    window.attach_planner(Planner(window._studio.workspace, now=window._now))
    window.show()
    qtbot.waitExposed(window)
    _settle(qtbot, window)
    feed = window._studio.workspace._watch.feed  # type: ignore[union-attr]
    assert feed.listening.wait(10)
    assert window.notifier is not None and window.notifier.shown == []

    elsewhere = open_workspace(shared_demo)  # Cia's desktop asks, as Approvals.request does
    try:
        studio = Studio(elsewhere)
        post = studio.save_draft("Talkoot lauantaina", [studio.accounts()[0].id])
        conn = elsewhere.writable_connection()
        with transaction(conn):
            now = datetime(2031, 3, 20, 7, tzinfo=UTC)
            member_rows.put_waiting(conn, post, cia.id, now)
            member_rows.log_event(
                conn, post, ApprovalAction.REQUESTED, member=cia, comment="", now=now
            )
        qtbot.waitUntil(lambda: bool(window.notifier and window.notifier.shown), timeout=1_000)
    finally:
        elsewhere.close()
    assert window.notifier.shown == [
        (
            "A post waits for your approval",
            "Cia asked for approval. Open the post to approve it or return it.",
        )
    ]
    window.open_post(post)
    note = window.compose.approval_note  # type: ignore[attr-defined]
    assert note.approve_button.isVisible()
    _settle(qtbot, window)
    assert _problems(logged, failed_tasks) == []
    _close(window, qtbot)
