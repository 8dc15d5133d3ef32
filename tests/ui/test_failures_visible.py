"""A post that did not go out says why until the user acts: on the calendar chip's tooltip and
in the attention dialog (the stored reason and the latest attempts, in local time), with
Retry, Reschedule…, Skip and Mark as done by hand; the count drops only on a decision."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.scheduling.events import DeliveryFailed
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui.attention_dialog import AttentionDialog
from somestudio.ui.calendar.chips import entry_tooltip
from somestudio.ui.i18n import install_language
from somestudio.ui.main_window import MainWindow
from somestudio.ui.schedule_dialog import ScheduleDialog

HELSINKI = ZoneInfo("Europe/Helsinki")
S = DeliveryState
DUE = datetime(2031, 3, 20, 7, 0, tzinfo=UTC)  # 9.00 in Helsinki (EET)
NOW = DUE + timedelta(minutes=20)
REASON = "Mastodon refused it (HTTP 422) (Text character limit of 500 exceeded)"


class NoPrompts:
    def choose(
        self, title: str, text: str, options: Sequence[str], on_choice: Callable[[int | None], None]
    ) -> None:
        raise AssertionError(f"unexpected question: {text}")

    def inform(self, title: str, text: str) -> None:
        raise AssertionError(f"unexpected notice: {text}")


@dataclass
class Rig:
    workspace: Workspace
    studio: Studio
    planner: Planner
    window: MainWindow
    failed: int  # a delivery that failed after four tries
    post: int


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    # English with its plural forms ("1 post"), dates as in the United Kingdom.
    english = install_language(
        "en", system=QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    workspace = open_workspace(tmp_path)
    conn = workspace.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(
            conn, Network.MASTODON, "@kahvila", display_name="Kahvila",
            instance_url="https://mastodon.example", publish_method=PublishMethod.API,
        )  # fmt: skip
        post = post_rows.create_post(conn, "Tänään tarjolla korvapuusteja ☕")
        failed = post_rows.add_delivery(
            conn, post, account, scheduled_at=DUE, time_zone=HELSINKI.key, state=S.SCHEDULED
        )
        for minutes in (0, 1, 3):
            at = DUE + timedelta(minutes=minutes)
            delivery_rows.append_attempt(
                conn, failed, started_at=at, finished_at=at, outcome="retryable",
                error_kind="server", message="Mastodon is unavailable for now (HTTP 503)",
                http_status=503, retry_at=at + timedelta(minutes=1),
            )  # fmt: skip
        at = DUE + timedelta(minutes=7)
        delivery_rows.append_attempt(
            conn, failed, started_at=at, finished_at=at, outcome="final",
            error_kind="validation", message=REASON, http_status=422,
        )  # fmt: skip
        conn.execute(
            "UPDATE deliveries SET state = 'failed', last_error = ?, seen_by_user = 0 WHERE id = ?",
            (REASON, failed),
        )
    studio = Studio(workspace)
    window = MainWindow(
        studio, workspace.settings, HELSINKI, home=tmp_path, log_file=tmp_path / "x.log"
    )
    qtbot.addWidget(window)
    planner = Planner(workspace, now=lambda: NOW)
    window.attach_planner(planner)
    window.prompts = NoPrompts()  # type: ignore[assignment]
    yield Rig(workspace, studio, planner, window, failed, post)
    english.remove()
    QLocale.setDefault(QLocale.c())
    workspace.close()


def the_entry(rig: Rig):
    entry = rig.studio.entry(rig.failed)
    assert entry is not None
    return entry


def test_chip_tooltip_says_why_with_the_latest_attempts_in_local_time(rig: Rig) -> None:
    grid = rig.window.calendar.grid
    tip = grid.tooltip_for(the_entry(rig))
    assert "Mastodon refused it (HTTP 422). It said: Text character limit of 500 exceeded" in tip
    # The last three attempts, Helsinki time (UTC+2 in March), oldest first; one more before.
    assert "(1 earlier attempt not shown)" in tip
    assert tip.index("20/03/2031 09:01 — failed, will try again") < tip.index(
        "20/03/2031 09:07 — failed: Mastodon refused it (HTTP 422)."
    )
    assert "20/03/2031 09:03 — failed, will try again: Mastodon is unavailable for now" in tip
    assert "09:00 — failed" not in tip  # the oldest is only counted
    assert rig.window.calendar.week.canvas.tooltip_for(the_entry(rig)) == tip
    day_list = rig.window.calendar.day_model  # the day's posts beside the month
    day_list.set_entries([the_entry(rig)])
    assert day_list.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == tip


def test_chip_tooltip_of_a_plain_scheduled_post_has_no_history(rig: Rig) -> None:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        post = post_rows.create_post(conn, "Huomenna")
        delivery = post_rows.add_delivery(
            conn, post, 1, scheduled_at=DUE, time_zone=HELSINKI.key, state=S.SCHEDULED
        )
    entry = rig.studio.entry(delivery)
    assert entry is not None
    tip = entry_tooltip(entry, HELSINKI, rig.studio.history)
    assert tip == entry_tooltip(entry, HELSINKI)
    assert "attempts" not in tip


def test_reason_is_told_in_finnish(rig: Rig, qapp: object) -> None:
    installed = install_language("fi")
    try:
        tip = rig.window.calendar.grid.tooltip_for(the_entry(rig))
    finally:
        installed.remove()
    assert "Mastodon hylkäsi sen (HTTP 422). Vastaus: Text character limit of 500 exceeded" in tip
    assert "Viimeisimmät yritykset:" in tip


def labels(dialog: AttentionDialog, name: str) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel, name)]


def buttons(dialog: AttentionDialog) -> dict[str, QPushButton]:
    return {b.accessibleName(): b for b in dialog.findChildren(QPushButton)}


def test_attention_dialog_shows_the_reason_and_the_attempts(rig: Rig, qtbot: QtBot) -> None:
    dialog = AttentionDialog(rig.studio, rig.planner, HELSINKI, rig.window)
    qtbot.addWidget(dialog)
    (reason,) = labels(dialog, "AttentionReason")
    assert reason.startswith("Why: Mastodon refused it (HTTP 422).")
    (attempts,) = labels(dialog, "AttentionAttempts")
    assert "20/03/2031 09:07 — failed: Mastodon refused it (HTTP 422)." in attempts
    named = buttons(dialog)
    assert {"Retry", "Reschedule…", "Skip", "Mark as done by hand", "Open"} <= set(named)
    assert all(named[name].accessibleDescription() for name in ("Retry", "Skip"))


def test_opening_and_closing_the_dialog_keeps_the_count(rig: Rig, qtbot: QtBot) -> None:
    window = rig.window
    window.refresh_status()
    assert window.status.attention.text() == "⚠ Needs attention: 1"
    window.show_attention()
    dialog = window._attention
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: window._attention is None)
    window.refresh_status()
    assert rig.studio.count_wanting_user() == 1
    assert window.status.attention.text() == "⚠ Needs attention: 1"
    assert window.navigation.item(1).text() == "Calendar  ⚠ 1"


def test_retry_puts_it_back_on_the_schedule_and_the_count_drops(rig: Rig, qtbot: QtBot) -> None:
    window = rig.window
    window.show_attention()
    dialog = window._attention
    assert dialog is not None
    buttons(dialog)["Retry"].click()
    row = delivery_rows.get(rig.workspace.connection(), rig.failed)
    assert row is not None and row.state is S.SCHEDULED
    assert row.next_attempt_at == NOW  # due at once, on its old date
    assert dialog.entries == []
    assert window.status.attention.isHidden()
    assert window.navigation.item(1).text() == "Calendar"


def test_skip_leaves_it_unpublished_and_logged(rig: Rig, qtbot: QtBot) -> None:
    dialog = AttentionDialog(rig.studio, rig.planner, HELSINKI, rig.window)
    qtbot.addWidget(dialog)
    buttons(dialog)["Skip"].click()
    assert the_entry(rig).state is S.DRAFT
    last = delivery_rows.attempts(rig.workspace.connection(), rig.failed)[-1]
    assert (last.outcome, last.message) == ("skipped", "skipped by the user after it failed")
    assert rig.studio.count_wanting_user() == 0


def test_mark_as_done_by_hand_publishes_it(rig: Rig, qtbot: QtBot) -> None:
    dialog = AttentionDialog(rig.studio, rig.planner, HELSINKI, rig.window)
    qtbot.addWidget(dialog)
    buttons(dialog)["Mark as done by hand"].click()
    assert the_entry(rig).state is S.PUBLISHED
    assert rig.studio.count_wanting_user() == 0


def test_reschedule_moves_only_that_delivery(rig: Rig, qtbot: QtBot) -> None:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        other = account_rows.add_account(conn, Network.BLUESKY, "kahvila.example")
        skipped = post_rows.add_delivery(
            conn, rig.post, other, scheduled_at=DUE, time_zone=HELSINKI.key, state=S.DRAFT
        )
    window = rig.window
    window.show_attention()
    dialog = window._attention
    assert dialog is not None
    buttons(dialog)["Reschedule…"].click()
    schedule = window.findChild(ScheduleDialog)
    assert schedule is not None and schedule.isVisible()
    box = schedule.findChild(QDialogButtonBox)
    assert box is not None
    (confirm,) = [
        b for b in box.buttons() if box.buttonRole(b) is QDialogButtonBox.ButtonRole.AcceptRole
    ]
    confirm.click()
    assert schedule.problem.text() == ""
    assert the_entry(rig).state is S.SCHEDULED
    assert rig.studio.entry(skipped).state is S.DRAFT  # type: ignore[union-attr]
    assert rig.studio.count_wanting_user() == 0
    assert dialog.entries == []


def test_cancelled_reschedule_leaves_it_waiting(rig: Rig, qtbot: QtBot) -> None:
    window = rig.window
    window.show_attention()
    dialog = window._attention
    assert dialog is not None
    buttons(dialog)["Reschedule…"].click()
    schedule = window.findChild(ScheduleDialog)
    assert schedule is not None and schedule.isVisible()
    schedule.reject()
    assert rig.studio.count_wanting_user() == 1


def test_the_chip_menu_offers_the_same_decisions(rig: Rig) -> None:
    actions = rig.window._actions
    assert actions is not None
    menu = actions.menu_for(the_entry(rig), rig.window)
    offered = {a.text().replace("&", ""): a for a in menu.actions() if a.isEnabled()}
    assert {"Try again", "Mark as published by hand", "Skip"} <= set(offered)
    offered["Skip"].trigger()
    assert the_entry(rig).state is S.DRAFT


def test_the_tray_hears_the_count_until_a_decision(rig: Rig) -> None:
    heard: list[tuple[int, int]] = []
    rig.window.attention_changed.connect(lambda count, by_hand: heard.append((count, by_hand)))
    rig.window.show_attention()
    dialog = rig.window._attention
    assert dialog is not None
    dialog.reject()
    rig.window.refresh_status()
    assert heard[-1] == (1, 0)
    rig.window.show_attention()
    buttons(rig.window._attention)["Skip"].click()  # type: ignore[arg-type]
    assert heard[-1] == (0, 0)


def test_a_failure_notice_tells_the_reason_in_the_users_language(rig: Rig, qapp: object) -> None:
    notifier = rig.window.notifier
    assert notifier is not None
    installed = install_language("fi")
    try:
        notifier.handle(DeliveryFailed(rig.failed, rig.post, REASON))
        title, text = notifier.shown[-1]
    finally:
        installed.remove()
    assert title == "Julkaisua ei voitu julkaista"
    assert text == "Mastodon hylkäsi sen (HTTP 422). Vastaus: Text character limit of 500 exceeded"


def test_a_missing_sign_in_is_told_in_finnish(qapp: object) -> None:
    """The reason the demo's API account failed with (the engine's own sentence)."""
    from somestudio.ui.failure_text import reason_text  # noqa: PLC0415

    stored = (
        "no sign-in is stored for Kahvila Aurinko (it was never connected, or this "
        "computer has no secure keyring). Connect the account in Accounts."
    )
    installed = install_language("fi")
    try:
        said = reason_text(stored)
    finally:
        installed.remove()
    assert said.startswith("Tilille Kahvila Aurinko ei ole tallennettu kirjautumista")
    assert reason_text(stored).startswith("No sign-in is stored for Kahvila Aurinko")


def test_a_due_reminder_reads_as_a_reminder_not_a_failure(qapp: object) -> None:
    from somestudio.domain.posts import ScheduledEntry  # noqa: PLC0415
    from somestudio.ui.calendar.chips import chip_label  # noqa: PLC0415
    from somestudio.ui.calendar.day_model import DayModel  # noqa: PLC0415

    entry = ScheduledEntry(
        delivery_id=1,
        post_id=1,
        account_id=1,
        network=Network.INSTAGRAM,
        account_label="kahvila.aurinko",
        state=DeliveryState.NEEDS_ATTENTION,
        scheduled_at=datetime(2026, 12, 3, 9, tzinfo=UTC),
        time_zone="Europe/Helsinki",
        text="Glögi ja piparit",
        media_count=0,
        waiting_by_hand=True,
    )
    model = DayModel(HELSINKI)
    model.set_entries([entry])
    shown = model.index(0, 0).data()
    assert "To publish by hand" in shown and "Needs attention" not in shown
    assert chip_label(entry, HELSINKI).startswith("📋 ")
    installed = install_language("fi")
    try:
        assert "Julkaistavana käsin" in model.index(0, 0).data()
    finally:
        installed.remove()


def test_a_connection_failure_is_one_plain_sentence_without_the_librarys_words(
    qapp: object,
) -> None:
    """The engine keeps the library's words (for the log); the window says it plainly."""
    from somestudio.ui.failure_text import reason_text  # noqa: PLC0415

    library = (
        "HTTPSConnectionPool(host='mastodon.example', port=443): Max retries exceeded "
        "with url: /api/v1/statuses (Caused by NewConnectionError('<urllib3.connection…"
    )
    refused = f"could not connect to Mastodon ({library})"
    broke = f"the connection to Mastodon broke after the request was sent ({library})"
    assert reason_text(refused) == "Could not connect to Mastodon. Check the internet connection."
    assert reason_text(broke) == "The connection to Mastodon broke after the post was sent."
    installed = install_language("fi")
    try:
        said = [reason_text(refused), reason_text(broke)]
    finally:
        installed.remove()
    assert said == [
        "Yhteys palveluun Mastodon ei onnistunut. Tarkista internetyhteys.",
        "Yhteys palveluun Mastodon katkesi julkaisun lähettämisen jälkeen.",
    ]


def test_a_file_not_in_the_shared_workspace_is_told_in_finnish(qapp: object) -> None:
    """The reason a machine of a shared workspace fails a post whose attached file it cannot
    have (app/shared_media.py), and its retry when the copy cannot be written here."""
    from somestudio.app.shared_media import missing_reason  # noqa: PLC0415
    from somestudio.ui.failure_text import reason_text  # noqa: PLC0415

    stored = missing_reason("ilta (1).png")
    copying = (
        "The attached file ilta.png could not be copied to this computer (/x: No space left "
        "on device); it will be tried again."
    )
    installed = install_language("fi")
    try:
        said = [reason_text(stored), reason_text(copying)]
    finally:
        installed.remove()
    assert said[0].startswith("Liitettyä tiedostoa ilta (1).png ei ole jaetussa työtilassa")
    assert said[1].startswith("Liitettyä tiedostoa ilta.png ei voitu kopioida")
    assert "(/x: No space left on device)" in said[1]
    assert reason_text(stored).startswith("The attached file ilta (1).png is neither in the")
