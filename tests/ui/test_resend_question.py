"""Retry on a post whose last try may have gone out asks first: the try sent it, got no
answer, and the post was not found on the network afterwards (an unknown outcome). A new user
pressed Retry on such a post fifteen days later and it was sent again without a word."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui.attention_dialog import AttentionDialog
from somestudio.ui.i18n import install_language
from somestudio.ui.resend_question import may_be_out

from .test_attention_pages import ScriptedPrompts, _window

HELSINKI = ZoneInfo("Europe/Helsinki")
AT = datetime(2031, 3, 2, 7, 0, tzinfo=UTC)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """Two Mastodon posts waiting for the user: one whose try got no answer (unknown
    outcome), one the server refused (a known failure)."""
    installed = install_language("en", system=QLocale(QLocale.Language.English))
    opened = open_workspace(tmp_path)
    conn = opened.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(conn, Network.MASTODON, "@aurinko")
        for text, outcome in (("Ei vastausta", "unknown"), ("Hylätty", "final")):
            post = post_rows.create_post(conn, text)
            delivery = post_rows.add_delivery(
                conn, post, account, scheduled_at=AT, time_zone=HELSINKI.key,
                state=DeliveryState.NEEDS_ATTENTION,
            )  # fmt: skip
            delivery_rows.append_attempt(
                conn, delivery, started_at=AT, finished_at=AT, outcome=outcome,
                error_kind="network" if outcome == "unknown" else "validation",
                message="no answer" if outcome == "unknown" else "refused",
            )  # fmt: skip
    yield opened
    opened.close()
    installed.remove()


def _retry_of(
    qtbot: QtBot, workspace: Workspace, prompts: ScriptedPrompts, text: str
) -> tuple[QPushButton, QWidget]:
    """The attention dialog (its questions answered by ``prompts``), shown: the Retry
    button of the row whose post reads ``text``, and the dialog's parent (the test keeps
    it: pytest-qt holds only a weak reference)."""
    window = _window(qtbot)
    dialog = AttentionDialog(
        Studio(workspace), Planner(workspace), HELSINKI, window,
        prompts=prompts,  # type: ignore[arg-type]
    )  # fmt: skip
    dialog.show()
    for button in dialog.findChildren(QPushButton, "AttentionRetry"):
        row = button.parentWidget()
        labels = row.findChildren(QLabel) if row is not None else []
        if any(text in label.text() for label in labels):
            return button, window
    raise AssertionError(f"no row for {text!r}")


def _states(workspace: Workspace) -> dict[str, DeliveryState]:
    rows = workspace.connection().execute(
        "SELECT p.base_text, d.state FROM deliveries d JOIN posts p ON p.id = d.post_id"
    )
    return {text: DeliveryState(state) for text, state in rows}


def test_retry_after_an_unknown_outcome_asks_and_enter_does_not_send(
    qtbot: QtBot, workspace: Workspace
) -> None:
    for answer, expected in ((None, DeliveryState.NEEDS_ATTENTION), (0, DeliveryState.SCHEDULED)):
        prompts = ScriptedPrompts(answer)
        retry, _parent = _retry_of(qtbot, workspace, prompts, "Ei vastausta")
        retry.click()
        ((title, text, options, default),) = prompts.asked
        assert title == "Send it again?" and options == ["Send again"]
        assert default is None  # Enter does not send it twice
        assert "got no answer" in text and "may publish it twice" in text
        assert "Mastodon" in text and "@aurinko" in text
        assert _states(workspace)["Ei vastausta"] is expected


def test_retry_after_a_known_failure_sends_without_a_question(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompts = ScriptedPrompts(None)
    retry, _parent = _retry_of(qtbot, workspace, prompts, "Hylätty")
    retry.click()
    assert prompts.asked == []
    assert _states(workspace)["Hylätty"] is DeliveryState.SCHEDULED


def test_a_post_held_for_publishing_by_hand_is_not_said_to_be_out(workspace: Workspace) -> None:
    """A post waiting to be published by hand is recorded with an unknown outcome of the
    kind "manual": nothing was sent, so its "Try again" asks nothing (it said "may publish it
    twice" of a post never sent)."""
    conn = workspace.writable_connection()
    ids = dict(
        conn.execute(
            "SELECT p.base_text, d.id FROM deliveries d JOIN posts p ON p.id = d.post_id"
        ).fetchall()
    )
    studio = Studio(workspace)
    assert may_be_out(studio, ids["Ei vastausta"])  # sent, no answer
    assert not may_be_out(studio, ids["Hylätty"])  # refused: known
    with transaction(conn):
        delivery_rows.append_attempt(
            conn, ids["Hylätty"], started_at=AT, finished_at=AT, outcome="unknown",
            error_kind="manual", message="waiting for you to publish by hand",
        )  # fmt: skip
    assert not may_be_out(studio, ids["Hylätty"])  # held for the user: nothing was sent
