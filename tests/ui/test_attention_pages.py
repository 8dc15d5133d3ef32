"""Hundreds of posts missed while the computer was off (a week away with a busy plan) open
the attention dialog at once, a page of rows at a time: the rows shown first, then "Show
more" for the next page, the keyboard on the first row that came in. All of them were seen
(the window does not open the dialog by itself again for them); each still waits for its
decision. Building every row at once froze the window for seconds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui.attention_dialog import PAGE_ROWS, AttentionDialog
from somestudio.ui.i18n import install_language

HELSINKI = ZoneInfo("Europe/Helsinki")
FIRST = datetime(2031, 3, 2, 7, 0, tzinfo=UTC)
MISSED = 2 * PAGE_ROWS + 5


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    install_language("en", system=QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    opened = open_workspace(tmp_path)
    conn = opened.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(
            conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER
        )
        for day in range(MISSED):
            post = post_rows.create_post(conn, f"Päivän kahvi {day + 1}")
            post_rows.add_delivery(
                conn,
                post,
                account,
                scheduled_at=FIRST + timedelta(hours=6 * day),
                time_zone=HELSINKI.key,
                state=DeliveryState.MISSED,
            )
    yield opened
    opened.close()


def _window(qtbot: QtBot) -> QWidget:
    """The dialog's parent, as the main window is in the app (the window owns the dialog;
    the test keeps it: pytest-qt holds only a weak reference)."""
    window = QWidget()
    qtbot.addWidget(window)
    return window


def _rows(dialog: AttentionDialog) -> list[str]:
    names = []
    for index in range(dialog.rows.count()):
        item = dialog.rows.itemAt(index)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QFrame) and not widget.isHidden():
            names.append(widget.accessibleName())
    return names


def _more(dialog: AttentionDialog) -> QPushButton | None:
    found = dialog.findChildren(QPushButton, "AttentionMore")
    alive = [b for b in found if dialog.rows.indexOf(b) >= 0]
    return alive[0] if alive else None


def test_many_missed_posts_come_a_page_at_a_time(qtbot: QtBot, workspace: Workspace) -> None:
    planner = Planner(workspace)
    window = _window(qtbot)
    dialog = AttentionDialog(Studio(workspace), planner, HELSINKI, window)
    dialog.show()

    assert len(dialog.entries) == MISSED
    first = _rows(dialog)
    assert len(first) == PAGE_ROWS
    assert first[0].startswith("Missed · ")  # the oldest first, as before
    more = _more(dialog)
    assert more is not None
    assert more.text() == f"Show {PAGE_ROWS} more ({MISSED - PAGE_ROWS} not shown yet)"

    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    second = _rows(dialog)
    assert second[:PAGE_ROWS] == first  # the rows shown stay; the next page comes under them
    assert len(second) == 2 * PAGE_ROWS and len(set(second)) == 2 * PAGE_ROWS
    focused = dialog.focusWidget()
    assert isinstance(focused, QPushButton) and focused.objectName() == "AttentionRetry"
    assert focused.accessibleDescription() == second[PAGE_ROWS]  # on the first row that came

    last = _more(dialog)
    assert last is not None and last.text() == "Show 5 more (5 not shown yet)"
    last.click()
    assert len(_rows(dialog)) == MISSED
    assert _more(dialog) is None

    # Every one was seen, none decided: the count stays until each is.
    assert Studio(workspace).count_unseen_missed() == 0
    assert len(Studio(workspace).wanting_decision()) == MISSED


class ScriptedPrompts:
    """The prompt service as the window has it, answered by the test (a real QMessageBox
    would wait for a person)."""

    def __init__(self, answer: int | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str, list[str], int | None]] = []

    def choose(
        self,
        title: str,
        text: str,
        options: list[str],
        on_choice: Callable[[int | None], None],
        *,
        default: int | None = 0,
    ) -> None:
        self.asked.append((title, text, list(options), default))
        on_choice(self.answer)


def test_all_of_them_are_skipped_at_once_after_a_question(
    qtbot: QtBot, workspace: Workspace
) -> None:
    planner = Planner(workspace)
    declined = ScriptedPrompts(None)  # Cancel, or Escape
    window = _window(qtbot)
    dialog = AttentionDialog(
        Studio(workspace),
        planner,
        HELSINKI,
        window,
        prompts=declined,  # type: ignore[arg-type]
    )
    dialog.show()
    # A missed post was never tried: "Publish now", as its reason says (it read "Retry").
    sends = dialog.findChildren(QPushButton, "AttentionRetry")
    assert sends and {b.text() for b in sends} == {"Publish now"}
    assert dialog.skip_all_button.isVisible()
    assert dialog.skip_all_button.text() == f"Skip all {MISSED}…"
    dialog.skip_all_button.click()
    assert declined.asked == [
        (
            f"Skip {MISSED} posts?",
            "None of them will be published. Each stays as a draft at its planned time, and "
            "you can schedule any of them again.",
            ["Skip all"],
            None,  # Enter does not decide hundreds of posts
        )
    ]
    assert len(Studio(workspace).wanting_decision()) == MISSED  # nothing changed

    dialog._prompts = ScriptedPrompts(0)  # type: ignore[assignment]
    dialog.skip_all_button.click()
    qtbot.waitUntil(lambda: not dialog.entries, timeout=10_000)
    assert dialog.intro.text() == "Nothing is waiting for you."
    assert dialog.error.text() == (
        f"Skipped {MISSED} posts: each stays as a draft at its planned time."
    )
    assert not dialog.skip_all_button.isVisible()
    conn = workspace.connection()
    states = conn.execute("SELECT state, count(*) FROM deliveries GROUP BY state").fetchall()
    assert states == [("draft", MISSED)]
    logged = conn.execute(
        "SELECT count(*) FROM attempts WHERE outcome = 'skipped'"
        " AND message = 'skipped by the user after it was missed'"
    ).fetchone()[0]
    assert logged == MISSED


def test_skipping_all_leaves_one_decided_meanwhile_as_it_is(workspace: Workspace) -> None:
    planner = Planner(workspace)
    waiting = [e.delivery_id for e in Studio(workspace).wanting_decision()]
    planner.confirm_published_by_hand(waiting[0])  # decided in another window meanwhile
    skipped = planner.skip_all(waiting)
    assert skipped == waiting[1:]
    state = workspace.connection().execute(
        "SELECT state FROM deliveries WHERE id = ?", (waiting[0],)
    )
    assert state.fetchone()[0] == "published"


def test_after_one_decision_the_keyboard_is_on_the_next_row(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = _window(qtbot)
    dialog = AttentionDialog(Studio(workspace), Planner(workspace), HELSINKI, window)
    window.show()
    dialog.show()
    second = _rows(dialog)[1]
    skip = dialog.findChildren(QPushButton, "AttentionSkip")[0]
    skip.click()
    assert _rows(dialog)[0] == second  # the first one decided, the next in its place
    focused = dialog.focusWidget()
    assert isinstance(focused, QPushButton) and focused.accessibleDescription() == second
