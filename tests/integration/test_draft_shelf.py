"""The Drafts list's use cases on a real SQLite file: which posts are drafts, their problems
from the composer's checks, and scheduling one from the list (errors hold an account back)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from somestudio.app.composer import Composer
from somestudio.app.draft_shelf import DraftShelf, ShelfError
from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Draft
from somestudio.domain.findings import Severity
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction

NOW = datetime(2030, 6, 1, 8, tzinfo=UTC)
HELSINKI = "Europe/Helsinki"
TOO_LONG_FOR_X = "Liian pitkä teksti X:lle. " * 12  # 312 characters: X allows 280


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila", display_name="Kahvila X")
        account_rows.add_account(conn, Network.MASTODON, "@aroma")
    yield ws
    ws.close()


def shelf_of(workspace: Workspace) -> DraftShelf:
    return DraftShelf(workspace, Planner(workspace, now=lambda: NOW), now=lambda: NOW)


def save(workspace: Workspace, text: str, accounts: tuple[int, ...]) -> int:
    post_id = Composer(workspace).save(Draft(base_text=text, account_ids=accounts))
    assert post_id is not None
    return post_id


def test_drafts_are_the_undated_posts_newest_first_with_their_problems(
    workspace: Workspace,
) -> None:
    older = save(workspace, "Aamukahvi ☕", (1, 2))
    too_long = save(workspace, TOO_LONG_FOR_X, (1, 2))
    no_account = save(workspace, "Idea ilman tiliä", ())
    dated = Studio(workspace).save_draft(
        "Päivätty luonnos", [2], scheduled_at=NOW + timedelta(days=3), time_zone=HELSINKI
    )
    planner = Planner(workspace, now=lambda: NOW)
    planner.schedule_post("Ajastettu", [2], at=NOW + timedelta(days=2), zone=HELSINKI)
    deleted = save(workspace, "Poistettu", (2,))
    planner.delete_post(deleted)
    conn = workspace.writable_connection()
    with transaction(conn):  # the order follows when each was made, not the id
        conn.execute("UPDATE posts SET created_at = '2001-01-01T00:00:00Z' WHERE id = ?", (older,))

    drafts = shelf_of(workspace).drafts("en")

    assert [d.post_id for d in drafts] == [no_account, too_long, older]
    assert dated not in [d.post_id for d in drafts]
    by_id = {d.post_id: d for d in drafts}
    assert [(n, label) for _id, n, label in by_id[older].accounts] == [
        (Network.X, "Kahvila X"),
        (Network.MASTODON, "@aroma"),
    ]
    assert by_id[older].errors == 0
    assert by_id[no_account].accounts == ()
    long_draft = by_id[too_long]
    assert long_draft.errors == 1
    (error,) = [p for p in long_draft.problems if p.severity is Severity.ERROR]
    assert error.account == "X · Kahvila X"
    assert "312" in error.message and "280" in error.message
    assert long_draft.problems[0] is error  # errors first
    finnish = shelf_of(workspace).drafts("fi")
    assert {d.post_id: d for d in finnish}[too_long].problems[0].message != error.message


def test_scheduling_a_draft_holds_back_the_accounts_its_text_has_errors_for(
    workspace: Workspace,
) -> None:
    post_id = save(workspace, TOO_LONG_FOR_X, (1, 2))
    shelf = shelf_of(workspace)
    at = NOW + timedelta(days=5)

    outcome = shelf.schedule(post_id, at, HELSINKI, "en")

    conn = workspace.connection()
    states = {r.account_id: (r.state, r.scheduled_at) for r in delivery_rows.of_post(conn, post_id)}
    assert states == {1: (DeliveryState.DRAFT, at), 2: (DeliveryState.SCHEDULED, at)}
    assert len(outcome.scheduled) == 1 and len(outcome.held) == 1
    assert [p.account for p in outcome.blocking] == ["X · Kahvila X"]
    # the account label names the network: the message does not repeat it ("X: too long")
    assert not outcome.blocking[0].message.startswith("X:")
    assert outcome.blocking[0].message.startswith("Too long")
    assert shelf.drafts("en") == []  # it is on the calendar now

    shelf.unschedule(outcome.delivery_ids)  # undo

    rows = delivery_rows.of_post(workspace.connection(), post_id)
    assert {(r.state, r.scheduled_at, r.time_zone) for r in rows} == {
        (DeliveryState.DRAFT, None, None)
    }
    assert [d.post_id for d in shelf.drafts("en")] == [post_id]


def test_a_draft_without_errors_is_scheduled_for_every_account(workspace: Workspace) -> None:
    post_id = save(workspace, "Kanelipullat uunista klo 9 🥐", (1, 2))
    outcome = shelf_of(workspace).schedule(post_id, NOW + timedelta(hours=2), HELSINKI, "en")
    assert len(outcome.scheduled) == 2 and outcome.held == () and outcome.blocking == ()
    states = {r.state for r in delivery_rows.of_post(workspace.connection(), post_id)}
    assert states == {DeliveryState.SCHEDULED}


@pytest.mark.parametrize(
    ("accounts", "at", "code"),
    [
        ((1, 2), NOW - timedelta(minutes=1), "past"),
        ((), NOW + timedelta(days=1), "no_accounts"),
    ],
)
def test_a_drop_that_cannot_be_scheduled_changes_nothing(
    workspace: Workspace, accounts: tuple[int, ...], at: datetime, code: str
) -> None:
    post_id = save(workspace, "Ei vielä", accounts)
    shelf = shelf_of(workspace)
    with pytest.raises(ShelfError) as refused:
        shelf.schedule(post_id, at, HELSINKI, "en")
    assert refused.value.code == code
    assert [d.post_id for d in shelf.drafts("en")] == [post_id]


def test_without_a_planner_nothing_is_scheduled(workspace: Workspace) -> None:
    post_id = save(workspace, "Odottaa", (2,))
    with pytest.raises(ShelfError) as refused:
        DraftShelf(workspace).schedule(post_id, NOW + timedelta(days=1), HELSINKI, "en")
    assert refused.value.code == "starting"
