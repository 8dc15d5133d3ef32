"""Paid collaborations on a real SQLite file: agreements and their state steps, deliverables
as paid drafts opening with the marking, the publish gate blocking a post whose marking was
removed, reminders on a given day, and income (and its CSV) in exact decimals."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from somestudio.app.collab.income_csv import income_csv
from somestudio.app.collab.service import CollabError, Collaborations, NewCollaboration
from somestudio.app.composer import Composer
from somestudio.app.publish_gate import post_problems
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.collab.reminders import ReminderKind
from somestudio.domain.collab.states import CollabState
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import plan_library as flag_rows
from somestudio.store.database import transaction

AGREED = date(2027, 2, 1)


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.INSTAGRAM, "kahvila")
        account_rows.add_account(conn, Network.X, "kahvila_x")
    yield ws
    ws.close()


def _collab_codes(workspace: Workspace, post_id: int) -> list[str]:
    found = post_problems(workspace, post_id)
    return [p.code for a in found for p in a.problems if p.code.startswith("collab.")]


def _new(company: str = "Kahvila Aurinko", fee: str = "500.10", **kw: object) -> NewCollaboration:
    base = NewCollaboration(
        company=company,
        fee=Decimal(fee),
        vat_rate=Decimal("25.5"),
        agreed_on=AGREED,
        contact="Maija, maija@example.test",
        language="en",
        title="Spring menu",
        payment_due=date(2027, 3, 15),
        terms="Two posts, usage rights 6 months",
        files=["/home/me/contracts/aurinko.pdf"],
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_an_agreement_is_kept_with_its_partner_money_and_file_paths(workspace: Workspace) -> None:
    collabs = Collaborations(workspace)
    collab_id = collabs.add(_new())
    got = collabs.get(collab_id)
    assert got.partner.company == "Kahvila Aurinko" and got.partner.language == "en"
    assert got.fee == Decimal("500.10") and got.vat == Decimal("127.53")
    assert got.gross == Decimal("627.63")
    assert got.files == ("/home/me/contracts/aurinko.pdf",)  # the path only: nothing copied
    assert got.state is CollabState.OFFERED
    # the same company again (other case) is the same partner
    second = collabs.add(_new(company="KAHVILA AURINKO", fee="1"))
    assert collabs.get(second).partner.id == got.partner.id
    with pytest.raises(CollabError) as missing:
        collabs.add(_new(company="  "))
    assert missing.value.code == "collab.company_missing"


def test_states_step_forward_and_note_invoice_and_payment_days(workspace: Workspace) -> None:
    collabs = Collaborations(workspace)
    collab_id = collabs.add(_new())
    with pytest.raises(CollabError) as skipped:
        collabs.move(collab_id, CollabState.INVOICED, date(2027, 3, 1))
    assert skipped.value.code == "collab.bad_move"
    for state in (CollabState.AGREED, CollabState.DELIVERED):
        collabs.move(collab_id, state, date(2027, 3, 1))
    assert collabs.get(collab_id).delivered_on == date(2027, 3, 1)
    invoiced = collabs.move(collab_id, CollabState.INVOICED, date(2027, 3, 2))
    assert invoiced.invoiced_on == date(2027, 3, 2)
    paid = collabs.move(collab_id, CollabState.PAID, date(2027, 3, 20))
    assert (paid.state, paid.paid_on) == (CollabState.PAID, date(2027, 3, 20))
    back = collabs.move(collab_id, CollabState.INVOICED, date(2027, 3, 21))
    assert back.paid_on is None and back.invoiced_on == date(2027, 3, 2)


def test_a_deliverable_is_a_paid_draft_that_opens_with_the_marking(workspace: Workspace) -> None:
    collabs = Collaborations(workspace)
    collab_id = collabs.add(_new())
    post_id = collabs.add_deliverable(collab_id, Network.INSTAGRAM, date(2027, 2, 20), lang="fi")
    conn = workspace.connection()
    rows = delivery_rows.of_post(conn, post_id)
    assert [r.state for r in rows] == [DeliveryState.DRAFT]
    assert flag_rows.is_paid(conn, post_id)
    draft = Composer(workspace).load(post_id)
    assert draft is not None
    assert draft.base_text.startswith("Kaupallinen yhteistyö: Kahvila Aurinko")
    assert collabs.get(collab_id).deliverables[0].post_id == post_id
    assert _collab_codes(workspace, post_id) == []  # (Instagram still wants an image)
    with pytest.raises(CollabError) as no_account:
        collabs.add_deliverable(collab_id, Network.TIKTOK, date(2027, 2, 20), lang="fi")
    assert no_account.value.params == {"network": "tiktok"}


def test_the_gate_blocks_a_collaboration_post_whose_marking_is_gone(workspace: Workspace) -> None:
    collabs = Collaborations(workspace)
    collab_id = collabs.add(_new())
    post_id = collabs.add_deliverable(collab_id, Network.INSTAGRAM, date(2027, 2, 20), lang="en")
    composer = Composer(workspace)
    draft = composer.load(post_id)
    assert draft is not None
    composer.save(replace(draft, base_text="Best coffee in town! #ad @kahvilaaurinko"))
    found = post_problems(workspace, post_id)
    errors = [p for a in found for p in a.errors if p.code.startswith("collab.")]
    assert [(p.code, p.severity.value) for p in errors] == [("collab.marking_not_first", "error")]
    assert "Kaupallinen yhteistyö: Kahvila Aurinko" in errors[0].message_in("fi")
    # An ordinary post with the same text is not held to the rule.
    plain = composer.save(replace(draft, post_id=None))
    assert plain is not None and _collab_codes(workspace, plain) == []


def test_reminders_for_a_due_post_and_an_overdue_payment(workspace: Workspace) -> None:
    collabs = Collaborations(workspace)
    first = collabs.add(_new())
    collabs.move(first, CollabState.AGREED, AGREED)
    post_id = collabs.add_deliverable(first, Network.X, date(2027, 3, 4), lang="en")
    second = collabs.add(_new(company="Pyöräpaja", payment_due=date(2027, 3, 1)))
    for state in (CollabState.AGREED, CollabState.DELIVERED, CollabState.INVOICED):
        collabs.move(second, state, AGREED)
    found = collabs.reminders(date(2027, 3, 2))
    assert [(r.kind, r.partner, r.post_id) for r in found] == [
        (ReminderKind.PAYMENT_OVERDUE, "Pyöräpaja", None),
        (ReminderKind.POST_DUE, "Kahvila Aurinko", post_id),
    ]
    collabs.move(second, CollabState.PAID, date(2027, 3, 2))
    assert [r.kind for r in collabs.reminders(date(2027, 3, 5))] == [ReminderKind.POST_LATE]


def test_income_and_its_csv_add_up_in_cents(workspace: Workspace) -> None:
    collabs = Collaborations(workspace)
    a = collabs.add(_new(fee="0.10"))
    b = collabs.add(_new(company="Pyöräpaja", fee="0.20", payment_due=date(2027, 3, 20)))
    for collab_id in (a, b):
        for state in (CollabState.AGREED, CollabState.DELIVERED, CollabState.INVOICED):
            collabs.move(collab_id, state, date(2027, 3, 1))
        collabs.move(collab_id, CollabState.PAID, date(2027, 3, 10))
    collabs.add_cost(date(2027, 3, 11), Decimal("0.30"), "props", a)
    income = collabs.income(2027)
    assert income.months[3].paid == Decimal("0.30")  # 0.1 + 0.2, exactly
    assert income.months[3].profit == Decimal("0.00")
    assert income.partners["Kahvila Aurinko"].costs == Decimal("0.30")
    text = income_csv(collabs.all(), collabs.costs(), 2027)
    rows = list(csv.DictReader(io.StringIO(text)))
    got = [
        (r["date"], r["kind"], r["partner"], r["net"], r["gross"], r["invoice_date"], r["received"])
        for r in rows
    ]
    assert got == [
        ("2027-03-01", "invoiced", "Kahvila Aurinko", "0.10", "0.13", "2027-03-01", ""),
        ("2027-03-01", "invoiced", "Pyöräpaja", "0.20", "0.25", "2027-03-01", ""),
        # a payment settles its invoice: no net/VAT/gross of its own, what came in
        ("2027-03-10", "paid", "Kahvila Aurinko", "", "", "2027-03-01", "0.13"),
        ("2027-03-10", "paid", "Pyöräpaja", "", "", "2027-03-01", "0.25"),
        ("2027-03-11", "cost", "Kahvila Aurinko", "-0.30", "-0.30", "", ""),
    ]
    # Summing a column counts each fee once: invoices less costs.
    assert sum(Decimal(r["net"] or 0) for r in rows) == Decimal("0.00")
    assert sum(Decimal(r["received"] or 0) for r in rows) == Decimal("0.38")


def test_the_planner_will_not_schedule_a_collaboration_post_without_its_marking(
    workspace: Workspace,
) -> None:
    from datetime import UTC, datetime  # noqa: PLC0415

    from somestudio.app.planning import BlockedByProblemsError, Planner  # noqa: PLC0415

    now = datetime(2027, 2, 10, 8, 0, tzinfo=UTC)
    at = datetime(2027, 2, 10, 10, 0, tzinfo=UTC)
    collabs = Collaborations(workspace)
    collab_id = collabs.add(_new())
    post_id = collabs.add_deliverable(collab_id, Network.X, date(2027, 2, 20), lang="en")
    composer = Composer(workspace)
    draft = composer.load(post_id)
    assert draft is not None
    composer.save(replace(draft, base_text="Great coffee at Kahvila Aurinko! #ad"))
    planner = Planner(workspace, now=lambda: now)
    with pytest.raises(BlockedByProblemsError) as caught:
        planner.schedule_existing(post_id, at, "Europe/Helsinki")
    assert "paid-collaboration marking must open the post" in str(caught.value)
    assert {r.state for r in delivery_rows.of_post(workspace.connection(), post_id)} == {
        DeliveryState.DRAFT
    }
    saved = composer.load(post_id)  # as saved just now (a save names the version it edits)
    assert saved is not None
    composer.save(replace(saved, base_text="Mainos: Kahvila Aurinko. Great coffee! #ad"))
    planner.schedule_existing(post_id, at, "Europe/Helsinki")
    assert {r.state for r in delivery_rows.of_post(workspace.connection(), post_id)} == {
        DeliveryState.SCHEDULED
    }


def test_the_demo_has_collaborations_whose_posts_are_marked_right(tmp_path: Path) -> None:
    from somestudio.app.demo import build_demo_home  # noqa: PLC0415

    home = tmp_path / "demo"
    home.mkdir()
    build_demo_home(home, today=date(2026, 12, 10))
    demo = open_workspace(home)
    try:
        collabs = Collaborations(demo)
        found = {c.partner.company: c for c in collabs.all()}
        roastery = found["Paahtimo Pohjoinen"]
        assert roastery.state is CollabState.INVOICED and roastery.deliverables
        assert found["Kirjakauppa Sivu"].paid_on is not None
        for item in roastery.deliverables:
            assert item.post_id is not None
            # coherent: agreed before each post was due, invoiced once all were out
            assert roastery.agreed_on < item.due and item.published
            assert roastery.invoiced_on is not None and item.due <= roastery.invoiced_on
            assert _collab_codes(demo, item.post_id) == []  # "#mainos Yhteistyössä … kanssa"
        assert collabs.income(2026).total.paid == Decimal("250.00")
    finally:
        demo.close()
