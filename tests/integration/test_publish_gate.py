"""No path through the planning use cases puts a delivery on the schedule (or sends it now)
while its text or media has an error for its account: nothing is written then, and the
error names the account and the problem."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from somestudio.app.composer import Composer
from somestudio.app.planning import BlockedByProblemsError, Planner
from somestudio.app.publish_gate import post_problems
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Draft
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
AT = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
ZONE = "Europe/Helsinki"
LONG = "Kahvila Aurinko avaa ovensa taas. " + "a" * 361  # 395 characters


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    yield ws
    ws.close()


@pytest.fixture
def accounts(workspace: Workspace) -> dict[Network, int]:
    conn = workspace.writable_connection()
    with transaction(conn):
        return {
            Network.X: account_rows.add_account(conn, Network.X, "kahvila"),
            Network.LOCAL: account_rows.add_account(conn, Network.LOCAL, "arkisto"),
        }


def _save(workspace: Workspace, draft: Draft) -> int:
    post_id = Composer(workspace).save(draft)
    assert post_id is not None
    return post_id


def _states(workspace: Workspace, post_id: int) -> dict[int, DeliveryState]:
    return {r.account_id: r.state for r in delivery_rows.of_post(workspace.connection(), post_id)}


def test_too_long_for_x_blocks_scheduling_every_account_and_names_x(
    workspace: Workspace, accounts: dict[Network, int]
) -> None:
    assert len(LONG) == 395
    post_id = _save(workspace, Draft(LONG, tuple(accounts.values())))
    planner = Planner(workspace, now=lambda: NOW)
    with pytest.raises(BlockedByProblemsError) as caught:
        planner.schedule_existing(post_id, AT, ZONE)
    (blocked,) = caught.value.blocked
    assert blocked.account_id == accounts[Network.X]
    assert [p.message_in("en") for p in blocked.errors] == [
        "X: too long (395/280 weighted characters)."
    ]
    assert blocked.errors[0].message_in("fi").startswith("X: liian pitkä (395/280")
    assert "X kahvila: X: too long (395/280" in str(caught.value)
    assert set(_states(workspace, post_id).values()) == {DeliveryState.DRAFT}

    with pytest.raises(BlockedByProblemsError):
        planner.publish_post_now(post_id)
    assert set(_states(workspace, post_id).values()) == {DeliveryState.DRAFT}
    x_delivery = next(
        r.id
        for r in delivery_rows.of_post(workspace.connection(), post_id)
        if r.account_id == accounts[Network.X]
    )
    for attempt in (
        lambda: planner.reschedule(x_delivery, AT, ZONE),
        lambda: planner.publish_now(x_delivery),
    ):
        with pytest.raises(BlockedByProblemsError):
            attempt()
    assert set(_states(workspace, post_id).values()) == {DeliveryState.DRAFT}


def test_an_own_short_text_for_x_lets_the_post_go(
    workspace: Workspace, accounts: dict[Network, int]
) -> None:
    x = accounts[Network.X]
    post_id = _save(workspace, Draft(LONG, tuple(accounts.values()), variants={x: "Lyhyt."}))
    assert post_problems(workspace, post_id) == []
    Planner(workspace, now=lambda: NOW).schedule_existing(post_id, AT, ZONE)
    assert set(_states(workspace, post_id).values()) == {DeliveryState.SCHEDULED}


def test_warnings_do_not_block(workspace: Workspace, accounts: dict[Network, int]) -> None:
    # A control character is a warning: it may go out.
    post_id = _save(workspace, Draft("Hei\x07 kaikki", (accounts[Network.X],)))
    (found,) = post_problems(workspace, post_id)
    assert found.warnings and not found.errors
    Planner(workspace, now=lambda: NOW).schedule_existing(post_id, AT, ZONE)
    assert set(_states(workspace, post_id).values()) == {DeliveryState.SCHEDULED}


def test_a_png_blocks_the_instagram_api_but_not_an_account_published_by_hand(
    workspace: Workspace, tmp_path: Path
) -> None:
    """Instagram's API takes only JPEG; its own app, where a by-hand post is made, takes a
    PNG: there the format is a warning, not a block (a new user's first post was stuck)."""
    from PIL import Image  # noqa: PLC0415

    from somestudio.domain.drafts import Attachment  # noqa: PLC0415
    from somestudio.domain.networks import PublishMethod  # noqa: PLC0415

    picture = tmp_path / "kahvi.png"
    Image.new("RGB", (1080, 1080), "orange").save(picture)
    conn = workspace.writable_connection()
    with transaction(conn):
        by_hand = account_rows.add_account(
            conn, Network.INSTAGRAM, "@kahvila", publish_method=PublishMethod.MANUAL
        )
        api = account_rows.add_account(conn, Network.INSTAGRAM, "@kahvila.api")
    text = "Joulukahvit ☕ kahvila.fi"
    planner = Planner(workspace, now=lambda: NOW)

    post = _save(
        workspace, Draft(text, (by_hand,), attachments=(Attachment(str(picture), "Kahvikuppi"),))
    )
    (found,) = post_problems(workspace, post)
    assert [(p.code, p.severity.value) for p in found.problems if p.media] == [
        ("media.format", "warning")
    ]
    planner.schedule_existing(post, AT, ZONE)
    assert _states(workspace, post) == {by_hand: DeliveryState.SCHEDULED}

    post = _save(
        workspace, Draft(text, (api,), attachments=(Attachment(str(picture), "Kahvikuppi"),))
    )
    with pytest.raises(BlockedByProblemsError) as caught:
        planner.schedule_existing(post, AT, ZONE)
    assert [p.code for p in caught.value.blocked[0].errors] == ["media.format"]


def test_a_draft_published_now_keeps_the_persons_zone(
    workspace: Workspace, accounts: dict[Network, int]
) -> None:
    """A draft has no time nor zone yet: published now, its delivery is kept in the
    person's zone (its Local archive metadata said "UTC" to a user in Helsinki)."""
    post_id = _save(workspace, Draft("Glögiä tänään!", (accounts[Network.LOCAL],)))
    planner = Planner(workspace, now=lambda: AT)
    (delivery_id,) = planner.publish_post_now(post_id, zone=ZONE)
    row = delivery_rows.get(workspace.connection(), delivery_id)
    assert row is not None
    assert row.time_zone == ZONE
    assert row.state is DeliveryState.SCHEDULED and row.scheduled_at == AT
