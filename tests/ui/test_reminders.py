"""Publish-by-hand reminders: a list of the due posts with Copy text (only when clicked, each
its own channel's text), Open media folder and Mark as published (with an optional link);
reminders due together make one notification that says how many and opens the list."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QLineEdit, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.reminders import Reminders
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import MediaItem
from somestudio.scheduling.events import ManualReminder
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui import announce as announce_module
from somestudio.ui import main_window
from somestudio.ui.main_window import MainWindow
from somestudio.ui.prompts import Prompts
from somestudio.ui.reminders_dialog import RemindersDialog
from somestudio.ui.shortcuts_dialog import window_shortcuts

from .a11y import unnamed
from .test_keyboard import check_dialog_tab_order

HELSINKI = ZoneInfo("Europe/Helsinki")
S = DeliveryState
DUE = datetime(2031, 5, 4, 9, 0, tzinfo=UTC)  # 12.00 in Helsinki (EEST)


@dataclass
class ScriptedPrompts:
    links: list[str | None] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # said under a line, the question open

    def choose(
        self, title: str, text: str, options: Sequence[str], on_choice: Callable[[int | None], None]
    ) -> None:
        raise AssertionError(f"unexpected question: {text}")

    def inform(self, title: str, text: str) -> None:
        raise AssertionError(f"unexpected notice: {text}")

    def ask_text(
        self,
        title: str,
        text: str,
        label: str,
        accept: str,
        on_answer: Callable[[str | None], None],
        *,
        check: Callable[[str], str] | None = None,
    ) -> None:
        """Each line faulted by ``check`` is said and the next one typed, as in the real
        question (``Prompts.ask_text``)."""
        self.asked.append(text)
        while True:
            line = self.links.pop(0)
            said = check(line) if check is not None and line is not None else ""
            if not said:
                on_answer(line)
                return
            self.problems.append(said)


@dataclass
class Rig:
    workspace: Workspace
    studio: Studio
    window: MainWindow
    prompts: ScriptedPrompts
    instagram: int
    linkedin: int
    media: Path


def hold_for_hand(conn, delivery_id: int, at: datetime) -> None:
    """What the engine writes at the due time of a publish-by-hand delivery."""
    conn.execute(
        "UPDATE deliveries SET state = 'needs_attention', last_error = ? WHERE id = ?",
        ("waiting for you to publish by hand", delivery_id),
    )
    delivery_rows.append_attempt(
        conn, delivery_id, started_at=at, finished_at=at, outcome="unknown",
        error_kind="manual", message="waiting for you to publish by hand",
    )  # fmt: skip


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    media = tmp_path / "media"
    media.mkdir()
    (media / "terassi.jpg").write_bytes(b"\xff\xd8\xff\xd9")
    (tmp_path / "home").mkdir()
    workspace = open_workspace(tmp_path / "home")
    conn = workspace.writable_connection()
    with transaction(conn):
        instagram_account = account_rows.add_account(
            conn, Network.INSTAGRAM, "kahvila.aurinko", publish_method=PublishMethod.MANUAL
        )
        linkedin_account = account_rows.add_account(
            conn, Network.LINKEDIN, "kahvila-aurinko-oy", display_name="Kahvila Aurinko Oy",
            publish_method=PublishMethod.MANUAL,
        )  # fmt: skip
        post = post_rows.create_post(
            conn,
            "Terassi aukeaa tänään! ☀️",
            media=[MediaItem(str(media / "terassi.jpg"), "image/jpeg", "Terassi")],
        )
        instagram = post_rows.add_delivery(
            conn, post, instagram_account, scheduled_at=DUE, time_zone=HELSINKI.key,
            state=S.SCHEDULED, text_override="Terassi aukeaa tänään! ☀️ #kahvila #terassi",
        )  # fmt: skip
        other = post_rows.create_post(conn, "Rekrytoimme kesäksi baristaa.")
        linkedin = post_rows.add_delivery(
            conn, other, linkedin_account, scheduled_at=DUE, time_zone=HELSINKI.key,
            state=S.SCHEDULED,
        )  # fmt: skip
        hold_for_hand(conn, instagram, DUE)
        hold_for_hand(conn, linkedin, DUE)
    studio = Studio(workspace)
    window = MainWindow(
        studio, workspace.settings, HELSINKI, home=tmp_path / "home", log_file=tmp_path / "x.log"
    )
    qtbot.addWidget(window)
    window.attach_planner(Planner(workspace, now=lambda: DUE + timedelta(minutes=3)))
    prompts = ScriptedPrompts()
    window.prompts = prompts  # type: ignore[assignment]
    yield Rig(workspace, studio, window, prompts, instagram, linkedin, media)
    QLocale.setDefault(QLocale.c())
    workspace.close()


def open_list(rig: Rig) -> RemindersDialog:
    rig.window.show_reminders()
    dialog = rig.window._reminders
    assert dialog is not None and dialog.isVisible()
    return dialog


def list_is_open(rig: Rig) -> bool:
    dialog = rig.window._reminders
    return dialog is not None and dialog.isVisible()


def row_buttons(dialog: RemindersDialog, delivery_id: int) -> dict[str, QPushButton]:
    frame = dialog.findChild(QFrame, f"Reminder-{delivery_id}")
    assert frame is not None
    return {b.accessibleName(): b for b in frame.findChildren(QPushButton)}


def test_two_due_reminders_each_copy_their_own_text(rig: Rig) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("the user's own clipboard")
    rig.window.refresh_status()
    assert rig.window.status.reminders.text() == "📋 To publish by hand: 2"
    assert rig.studio.count_wanting_user() == 0  # reminders are not failures
    dialog = open_list(rig)
    assert [r.delivery_id for r in dialog.due] == [rig.instagram, rig.linkedin]
    assert clipboard.text() == "the user's own clipboard"  # nothing copied until asked
    row_buttons(dialog, rig.instagram)["Copy text"].click()
    assert clipboard.text() == "Terassi aukeaa tänään! ☀️ #kahvila #terassi"  # Instagram's own
    assert dialog.message.text() == "The text for Instagram (kahvila.aurinko) is on the clipboard."
    row_buttons(dialog, rig.linkedin)["Copy text"].click()
    assert clipboard.text() == "Rekrytoimme kesäksi baristaa."


def test_open_media_folder_opens_the_posts_folder(rig: Rig) -> None:
    dialog = open_list(rig)
    opened: list[Path] = []
    dialog.folder_opener = opened.append
    row_buttons(dialog, rig.instagram)["Open media folder"].click()
    assert opened == [rig.media]
    assert not row_buttons(dialog, rig.linkedin)["Open media folder"].isEnabled()


def test_mark_as_published_keeps_the_link(rig: Rig) -> None:
    dialog = open_list(rig)
    rig.prompts.links = ["  https://www.instagram.com/p/Cx1/  "]
    row_buttons(dialog, rig.instagram)["Mark as published…"].click()
    assert rig.prompts.asked == [
        "Published on Instagram (kahvila.aurinko)? Paste the link to the live post if you have it."
    ]
    row = (
        rig.workspace.connection()
        .execute("SELECT state, remote_url FROM deliveries WHERE id = ?", (rig.instagram,))
        .fetchone()
    )
    assert tuple(row) == ("published", "https://www.instagram.com/p/Cx1/")
    assert [r.delivery_id for r in dialog.due] == [rig.linkedin]
    assert rig.window.status.reminders.text() == "📋 To publish by hand: 1"


def test_mark_as_published_without_a_link_or_cancelled(rig: Rig) -> None:
    dialog = open_list(rig)
    rig.prompts.links = [None, "kahvila.fi/rekry", ""]
    done = row_buttons(dialog, rig.linkedin)["Mark as published…"]
    done.click()  # cancelled
    assert [r.delivery_id for r in dialog.due] == [rig.instagram, rig.linkedin]
    # not a web address: said in the question, which stays open; then no link is fine
    done.click()
    assert rig.prompts.problems == ["A link to the post starts with https:// (or http://)."]
    row = (
        rig.workspace.connection()
        .execute("SELECT state, remote_url FROM deliveries WHERE id = ?", (rig.linkedin,))
        .fetchone()
    )
    assert tuple(row) == ("published", None)


def test_reminders_due_together_make_one_notice_that_opens_the_list(rig: Rig, qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("the user's own clipboard")
    notifier = rig.window.notifier
    assert notifier is not None
    for delivery_id, network in ((rig.instagram, Network.INSTAGRAM), (rig.linkedin, Network.X)):
        notifier.handle(ManualReminder(delivery_id, 1, network, "kahvila", "teksti", ()))
    qtbot.waitUntil(lambda: len(notifier.shown) == 1)
    assert notifier.shown == [
        (
            "2 posts to publish by hand",
            "Open the list to copy each text, then mark each one published.",
        )
    ]
    assert clipboard.text() == "the user's own clipboard"
    # No tray here (as on stock GNOME): the list opens by itself, without the keyboard (a
    # new user missed fifteen seconds of a cut status-bar line). A click on a tray's
    # notification opens it too.
    qtbot.waitUntil(lambda: list_is_open(rig))
    dialog = rig.window._reminders
    assert dialog is not None
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    notifier._clicked()  # the notification clicked
    assert list_is_open(rig)


def test_the_list_is_reachable_from_the_view_menu(rig: Rig) -> None:
    action = rig.window.findChild(QAction, "ShowReminders")
    view_menu = rig.window.menuBar().actions()[2].menu()
    assert isinstance(view_menu, QMenu) and action in view_menu.actions()
    action.trigger()
    assert list_is_open(rig)


def test_every_control_is_named_and_reached_by_tab(rig: Rig, qtbot: QtBot) -> None:
    dialog = open_list(rig)
    assert unnamed(dialog) == []
    check_dialog_tab_order(qtbot, dialog)
    dialog.prompts = Prompts(rig.window)  # the real one: a dialog of its own
    row_buttons(dialog, rig.linkedin)["Mark as published…"].click()
    ask = rig.window.findChild(QDialog, "AskText")
    assert ask is not None and ask.isVisible()
    assert unnamed(ask) == []
    field = ask.findChild(QLineEdit, "AskTextField")
    assert field is not None and field.accessibleName() == "Link to the post (optional)"
    with qtbot.waitActive(ask):
        ask.activateWindow()
    field.setFocus()
    qtbot.keyClicks(field, "https://www.linkedin.com/feed/update/1")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter confirms (not Cancel)
    qtbot.waitUntil(lambda: [r.delivery_id for r in dialog.due] == [rig.instagram])
    row = (
        rig.workspace.connection()
        .execute("SELECT remote_url FROM deliveries WHERE id = ?", (rig.linkedin,))
        .fetchone()
    )
    assert row[0] == "https://www.linkedin.com/feed/update/1"


def test_a_link_that_is_no_link_is_said_in_the_question_and_kept(rig: Rig, qtbot: QtBot) -> None:
    """A post's link typed as "ei ole linkki": the question stays open with the words
    typed and says what a link looks like under them (it closed, the words were gone and
    the reason stood at the foot of the list: a Finnish new user's finding)."""
    dialog = open_list(rig)
    dialog.prompts = Prompts(rig.window)
    row_buttons(dialog, rig.linkedin)["Mark as published…"].click()
    ask = rig.window.findChild(QDialog, "AskText")
    assert ask is not None
    field = ask.findChild(QLineEdit, "AskTextField")
    assert field is not None
    with qtbot.waitActive(ask):
        ask.activateWindow()
    field.setFocus()
    qtbot.keyClicks(field, "ei ole linkki")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert ask.isVisible() and field.text() == "ei ole linkki"
    problem = ask.findChild(QLabel, "AskTextProblem")
    assert problem is not None and problem.isVisible()
    assert problem.text() == "A link to the post starts with https:// (or http://)."
    assert [r.delivery_id for r in dialog.due] == [rig.instagram, rig.linkedin]  # not marked
    field.selectAll()
    qtbot.keyClicks(field, "https://www.linkedin.com/feed/update/2")
    assert not problem.isVisible()  # the next key takes the old reason away
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [r.delivery_id for r in dialog.due] == [rig.instagram])


def test_a_thread_to_publish_by_hand_is_its_posts_each_with_its_own_copy(rig: Rig) -> None:
    """A thread read as one text in paragraphs, nothing saying where the next post begins."""
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        threads = account_rows.add_account(
            conn, Network.THREADS, "kahvila.aurinko", publish_method=PublishMethod.MANUAL
        )
        post = post_rows.create_post(conn, "Kesän uutuudet osa 1 ja osa 2")
        delivery = post_rows.add_delivery(
            conn, post, threads, scheduled_at=DUE, time_zone=HELSINKI.key, state=S.SCHEDULED
        )
        for position, text in enumerate(("Kesän uutuudet 1/2", "Jäätelöä ja jääkahvia 2/2")):
            conn.execute(
                "INSERT INTO thread_parts (delivery_id, position, text) VALUES (?, ?, ?)",
                (delivery, position, text),
            )
        hold_for_hand(conn, delivery, DUE)
    dialog = open_list(rig)
    frame = dialog.findChild(QFrame, f"Reminder-{delivery}")
    assert frame is not None
    labels = [frame.findChild(QLabel, f"ReminderPart-{n}") for n in (1, 2)]
    assert [label.text() if label else None for label in labels] == [
        "Post 1 of 2: Kesän uutuudet 1/2",
        "Post 2 of 2: Jäätelöä ja jääkahvia 2/2",
    ]
    buttons = row_buttons(dialog, delivery)
    assert "Copy text" not in buttons  # one text would be the whole thread glued together
    buttons["Copy post 2 of 2"].click()
    assert QGuiApplication.clipboard().text() == "Jäätelöä ja jääkahvia 2/2"
    assert dialog.message.text() == (
        "Post 2 of 2 for Threads (kahvila.aurinko) is on the clipboard."
    )


def test_metrics_in_view_count_a_post_marked_as_published_by_hand(rig: Rig, qtbot: QtBot) -> None:
    """Marked from the View menu's list while Metrics was open, the post did not show there
    ("0 posts in this period") until the page was left and opened again."""
    from PySide6.QtCore import QDate  # noqa: PLC0415

    rig.window.show_page("metrics")
    page = rig.window.metrics
    page.filters.first.setDate(QDate(2031, 5, 1))
    page.filters.last.setDate(QDate(2031, 5, 31))
    # (Without an installed language Qt says "post(s)".)
    qtbot.waitUntil(lambda: page.summary.text().startswith("0 post(s) published in this period"))
    dialog = open_list(rig)
    rig.prompts.links = [""]
    row_buttons(dialog, rig.linkedin)["Mark as published…"].click()
    qtbot.waitUntil(lambda: page.summary.text().startswith("1 post(s) published in this period"))


def test_posts_coming_up_by_hand_are_listed_to_get_ready(rig: Rig, qtbot: QtBot) -> None:
    """Only posts already due were listed: tomorrow's could not be got ready today."""
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        (account,) = conn.execute(
            "SELECT account_id FROM deliveries WHERE id = ?", (rig.instagram,)
        ).fetchone()
        for days, text in ((2, "Huomenna brunssi"), (10, "Ensi kuussa konsertti")):
            post = post_rows.create_post(conn, text)
            post_rows.add_delivery(
                conn, post, account, scheduled_at=DUE + timedelta(days=days),
                time_zone=HELSINKI.key, state=S.SCHEDULED,
            )  # fmt: skip
    dialog = RemindersDialog(
        Reminders(rig.workspace), HELSINKI, rig.prompts, rig.window,  # type: ignore[arg-type]
        now=lambda: DUE + timedelta(minutes=3),
    )  # fmt: skip
    assert [r.text for r in dialog.due] == [
        "Terassi aukeaa tänään! ☀️ #kahvila #terassi",
        "Rekrytoimme kesäksi baristaa.",
    ]
    assert [r.text for r in dialog.upcoming] == ["Huomenna brunssi"]  # not in ten days
    heading = dialog.findChild(QLabel, "RemindersUpcoming")
    assert heading is not None and heading.text().startswith("Coming up in the next 7 days")
    (coming,) = dialog.upcoming
    buttons = row_buttons(dialog, coming.delivery_id)
    assert set(buttons) == {"Copy text", "Open media folder", "Open"}  # published when due
    buttons["Copy text"].click()
    assert QGuiApplication.clipboard().text() == "Huomenna brunssi"


def test_posts_waiting_for_you_points_to_the_ones_to_publish_by_hand(rig: Rig) -> None:
    """It said "Nothing is waiting for you" while two posts waited to be published by hand."""
    rig.window.show_attention()
    dialog = rig.window._attention
    assert dialog is not None
    assert dialog.intro.text() == (
        "Nothing is waiting for you. 2 posts wait to be published by hand: View → Publish by hand…"
    )


def test_a_paid_post_to_publish_by_hand_says_where_the_networks_own_label_is(rig: Rig) -> None:
    """The marking in the text is not the label Instagram shows: a creator published a
    sponsored post by hand without it."""
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415

    (post,) = (
        rig.workspace.connection()
        .execute("SELECT post_id FROM deliveries WHERE id = ?", (rig.instagram,))
        .fetchone()
    )
    PlanLibrary(rig.workspace).set_post_extras(post, paid=True, labels=[])
    dialog = open_list(rig)
    instagram = dialog.findChild(QFrame, f"Reminder-{rig.instagram}")
    assert instagram is not None
    label = instagram.findChild(QLabel, "ReminderPaidLabel")
    assert label is not None and "Tag business partner" in label.text()
    linkedin = dialog.findChild(QFrame, f"Reminder-{rig.linkedin}")
    assert linkedin is not None and linkedin.findChild(QLabel, "ReminderPaidLabel") is None


def test_without_a_tray_the_reminder_is_said_with_the_keys_to_the_list(
    rig: Rig, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen reader heard nothing: the list opened without the keyboard and the status
    bar's line is drawn, not read. It is announced, with the keys that bring the list."""
    said: list[str] = []
    monkeypatch.setattr(announce_module, "announce", lambda _widget, text: said.append(text))
    action = rig.window.findChild(QAction, "ShowReminders")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+P"
    pages = [(key, rig.window.page(key)) for key in main_window.PAGES]
    rows = window_shortcuts(rig.window.menuBar(), pages)
    clashes = [r for r in rows if QKeySequence("Ctrl+Shift+P") in r.keys]
    assert [r.description for r in clashes] == ["Publish by hand"]
    notifier = rig.window.notifier
    assert notifier is not None
    notifier.handle(ManualReminder(rig.instagram, 1, Network.INSTAGRAM, "kahvila", "teksti", ()))
    qtbot.waitUntil(lambda: list_is_open(rig))
    expected = (
        "2 posts to publish by hand: Open the list to copy each text, then mark each one"
        " published. (Ctrl+Shift+P)"
    )
    assert said == [expected]
    # the line itself: what and the keys (the whole sentence was cut beside the badges)
    line = "2 posts to publish by hand (Ctrl+Shift+P)"
    assert rig.window.status.currentMessage() == line
    status = rig.window.status
    room = status.width() - sum(
        w.width() for w in (status.attention, status.reminders, status.next_label) if w.isVisible()
    )
    assert status.fontMetrics().horizontalAdvance(line) < room
