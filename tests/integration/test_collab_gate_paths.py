"""The disclosure gate on every path (trial 18): saving changes to a scheduled paid post, a
post ticked "paid collaboration" but linked to none, and the Drafts list's problem check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from somestudio.app.collab.service import Collaborations, NewCollaboration
from somestudio.app.composer import Composer
from somestudio.app.draft_shelf import DraftShelf
from somestudio.app.planning import BlockedByProblemsError, Planner
from somestudio.app.publish_gate import edit_blockers, post_problems
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.drafts import Draft
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import plan_library as flag_rows
from somestudio.store.database import transaction

NOW = datetime(2027, 2, 10, 8, 0, tzinfo=UTC)
AT = datetime(2027, 2, 10, 10, 0, tzinfo=UTC)


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila_x")
    yield ws
    ws.close()


def _collab_post(workspace: Workspace) -> int:
    collabs = Collaborations(workspace)
    collab_id = collabs.add(
        NewCollaboration(
            company="Kenkä Oy",
            fee=Decimal(100),
            vat_rate=Decimal("25.5"),
            agreed_on=date(2027, 2, 1),
            contact="",
            language="fi",
            title="Talvi",
        )
    )
    return collabs.add_deliverable(collab_id, Network.X, date(2027, 2, 20), lang="fi")


def _codes(found: list) -> list[str]:  # type: ignore[type-arg]
    return [p.code for a in found for p in a.problems if p.code.startswith("collab.")]


def test_changes_to_a_scheduled_paid_post_without_its_marking_are_blocked(
    workspace: Workspace,
) -> None:
    post_id = _collab_post(workspace)
    Planner(workspace, now=lambda: NOW).schedule_existing(post_id, AT, "Europe/Helsinki")
    draft = Composer(workspace).load(post_id)
    assert draft is not None
    stripped = replace(draft, base_text="Uudet talvikengät ovat täällä!")
    assert _codes(edit_blockers(workspace, stripped)) == ["collab.marking_missing"]
    # An over-limit text is held the same way.
    too_long = "Kaupallinen yhteistyö: Kenkä Oy " + "x" * 300
    assert edit_blockers(workspace, replace(draft, base_text=too_long))
    assert edit_blockers(workspace, draft) == []
    # A post that is only a draft may be saved with anything (the gate comes at scheduling).
    plain = Composer(workspace).save(Draft(base_text="x" * 400, account_ids=draft.account_ids))
    assert plain is not None
    loaded = Composer(workspace).load(plain)
    assert loaded is not None and edit_blockers(workspace, loaded) == []


def test_a_post_ticked_paid_but_linked_to_none_must_carry_the_marking(
    workspace: Workspace,
) -> None:
    composer = Composer(workspace)
    account = account_rows.list_accounts(workspace.connection())[0].id
    post_id = composer.save(Draft(base_text="Uudet talvikengät!", account_ids=(account,)))
    assert post_id is not None
    assert _codes(post_problems(workspace, post_id)) == []  # not paid: no rule
    conn = workspace.writable_connection()
    with transaction(conn):
        flag_rows.set_paid(conn, post_id, True)
    found = post_problems(workspace, post_id)
    assert _codes(found) == ["collab.paid_marking_missing"]
    assert "linked to no collaboration" in found[0].problems[-1].message_in("en")
    assert "Kaupallinen yhteistyö" in found[0].problems[-1].message_in("fi")
    with pytest.raises(BlockedByProblemsError):
        Planner(workspace, now=lambda: NOW).schedule_existing(post_id, AT, "Europe/Helsinki")
    composer.save(Draft(base_text="Mainos: talvikengät!", account_ids=(account,), post_id=post_id))
    assert _codes(post_problems(workspace, post_id)) == []  # the partner unknown: marking enough
    composer.save(Draft(base_text="Talvikengät! #mainos", account_ids=(account,), post_id=post_id))
    assert _codes(post_problems(workspace, post_id)) == ["collab.paid_marking_not_first"]


def test_the_drafts_list_shows_the_disclosure_error_the_gate_holds(workspace: Workspace) -> None:
    post_id = _collab_post(workspace)
    composer = Composer(workspace)
    draft = composer.load(post_id)
    assert draft is not None
    composer.save(replace(draft, base_text="Talvikengät! #mainos Kenkä Oy"))
    shelf = DraftShelf(workspace, now=lambda: NOW)
    (shelved,) = [d for d in shelf.drafts("fi") if d.post_id == post_id]
    assert shelved.errors == 1
    assert "merkinnän on oltava julkaisun alussa" in shelved.problems[0].message
    assert shelved.problems[0].account.startswith("X · ")
    # Dropped on the calendar, it is held as a draft with that error.
    shelf.planner = Planner(workspace, now=lambda: NOW)
    outcome = shelf.schedule(post_id, AT, "Europe/Helsinki", "en")
    assert outcome.scheduled == () and len(outcome.held) == 1
    assert "marking must open the post" in outcome.blocking[0].message
