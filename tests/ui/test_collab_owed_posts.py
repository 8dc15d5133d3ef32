"""The Partners page and its reminders follow the owed posts (trial 18): a scheduled post
shows as scheduled after the page reloads, moving to Delivered with posts not yet out asks
first (naming them), and a post due today is due even once the agreement is invoiced."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from somestudio.app.collab.service import Collaborations, NewCollaboration
from somestudio.app.composer import Composer
from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.collab.reminders import ReminderKind
from somestudio.domain.collab.states import CollabState
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.collab.page import CollabPage

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
TODAY = date(2027, 3, 10)


class ChoosingPrompts:
    def __init__(self, answer: int | None) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def choose(self, title: str, text: str, options: object, on_choice: Any, **_: object) -> None:
        self.asked.append(text)
        on_choice(self.answer)


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila")
    yield ws
    ws.close()


def _collab(workspace: Workspace, due: date, language: str = "fi") -> tuple[int, int]:
    collabs = Collaborations(workspace)
    collab_id = collabs.add(
        NewCollaboration(
            company="Kenkä Oy", fee=Decimal(100), vat_rate=Decimal("25.5"),
            agreed_on=date(2027, 3, 1), contact="", language=language, title="Talvi",
        )
    )  # fmt: skip
    collabs.move(collab_id, CollabState.AGREED, date(2027, 3, 1))
    return collab_id, collabs.add_deliverable(collab_id, Network.X, due, lang="fi")


def test_a_scheduled_owed_post_shows_as_scheduled(qtbot: QtBot, workspace: Workspace) -> None:
    _, post_id = _collab(workspace, date(2027, 3, 20))
    page = CollabPage(Studio(workspace), HELSINKI, clock=lambda: NOW)
    qtbot.addWidget(page)
    assert page.posts.item(0).text().endswith("· draft")
    draft = Composer(workspace).load(post_id)
    assert draft is not None
    Composer(workspace).save(replace(draft, base_text=draft.base_text + " Tervetuloa!"))
    at = datetime(2027, 3, 12, 10, tzinfo=UTC)
    Planner(workspace, now=lambda: NOW).schedule_existing(post_id, at, "Europe/Helsinki")
    page.reload()  # what the window does on its data-changed signal
    assert page.posts.item(0).text().endswith("· scheduled")


def test_moving_to_delivered_with_posts_not_out_asks_first(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompts = ChoosingPrompts(None)
    _collab(workspace, date(2027, 3, 20))
    page = CollabPage(Studio(workspace), HELSINKI, clock=lambda: NOW, prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    assert page.forward_button.text() == "Move to: Delivered"
    page.forward_button.click()
    assert len(prompts.asked) == 1
    assert "Kenkä Oy" in prompts.asked[0] and "• X · due " in prompts.asked[0]
    current = page.current()
    assert current is not None and current.state is CollabState.AGREED  # cancelled
    prompts.answer = 0
    page.forward_button.click()
    current = page.current()
    assert current is not None and current.state is CollabState.DELIVERED


def test_a_post_due_today_is_due_even_when_invoiced(workspace: Workspace) -> None:
    collab_id, post_id = _collab(workspace, TODAY)
    collabs = Collaborations(workspace)
    for state in (CollabState.DELIVERED, CollabState.INVOICED):
        collabs.move(collab_id, state, TODAY)
    found = collabs.reminders(TODAY)
    assert [(r.kind, r.post_id) for r in found] == [(ReminderKind.POST_DUE, post_id)]


def test_a_collaboration_is_edited_in_its_dialog_prefilled(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from somestudio.ui.collab.collab_dialog import CollabDialog  # noqa: PLC0415

    collab_id, _ = _collab(workspace, date(2027, 3, 20))
    Collaborations(workspace).attach(collab_id, Path("/home/me/kenka.pdf"))
    page = CollabPage(Studio(workspace), HELSINKI, clock=lambda: NOW)
    qtbot.addWidget(page)
    assert page.edit_button.isEnabled() and page.edit_button.accessibleName()
    page.edit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CollabDialog)
    assert dialog.windowTitle() == "Edit collaboration"
    assert (dialog.company.text(), dialog.fee.text(), dialog.vat.text()) == (
        "Kenkä Oy",
        "100.00",  # as the locale writes them (English here)
        "25.5",
    )
    assert dialog.title.text() == "Talvi" and dialog.files.toPlainText() == "/home/me/kenka.pdf"
    dialog.title.setText("Talvikengät")
    dialog.fee.setText("120,50")
    dialog.contact.setText("Kalle, kalle@example.test")
    dialog.terms.setPlainText("Kaksi julkaisua")
    dialog.has_due.setChecked(False)
    dialog.accept_button.click()
    assert not dialog.isVisible(), dialog.problem.text()
    got = Collaborations(workspace).get(collab_id)
    assert (got.title, got.fee, got.partner.contact, got.terms, got.payment_due) == (
        "Talvikengät",
        Decimal("120.50"),
        "Kalle, kalle@example.test",
        "Kaksi julkaisua",
        None,
    )
    assert got.state is CollabState.AGREED and got.files == ("/home/me/kenka.pdf",)
    assert "Talvikengät" in page.details.text()


def test_an_offer_says_offered_until_it_is_agreed(qtbot: QtBot, workspace: Workspace) -> None:
    collabs = Collaborations(workspace)
    collabs.add(
        NewCollaboration(
            company="Leipomo", fee=Decimal(300), vat_rate=Decimal("25.5"),
            agreed_on=date(2027, 3, 1), contact="", language="fi",
        )
    )  # fmt: skip
    page = CollabPage(Studio(workspace), HELSINKI, clock=lambda: NOW)
    qtbot.addWidget(page)
    assert "Offered on " in page.details.text() and "Agreed on" not in page.details.text()
    page.forward_button.click()
    assert "Agreed on " in page.details.text()


def test_an_added_post_is_marked_in_the_collaborations_language(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from somestudio.ui.collab.deliverable_dialog import DeliverableDialog  # noqa: PLC0415

    _collab(workspace, date(2027, 3, 20))  # a Finnish partner; the window speaks English
    page = CollabPage(Studio(workspace), HELSINKI, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.add_post_button.click()
    dialog = page.dialog
    assert isinstance(dialog, DeliverableDialog)
    dialog.accept_button.click()
    current = page.current()
    assert current is not None and len(current.deliverables) == 2
    added = max(d.post_id or 0 for d in current.deliverables)
    draft = Composer(workspace).load(added)
    assert draft is not None and draft.base_text.startswith("Kaupallinen yhteistyö: Kenkä Oy")


def test_income_lists_costs_to_remove_and_other_costs_have_a_row(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from somestudio.ui.collab.income_dialog import IncomeDialog  # noqa: PLC0415

    collab_id, _ = _collab(workspace, date(2027, 3, 20))
    collabs = Collaborations(workspace)
    collabs.add_cost(date(2027, 3, 2), Decimal("20.00"), "valot", collab_id)
    page = CollabPage(Studio(workspace), HELSINKI, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.income_button.click()
    income = page.dialog
    assert isinstance(income, IncomeDialog)
    income.cost_amount.setText("49,90")
    income.cost_note.setText("rengasvalo")
    income.add_cost_button.click()  # a cost of no collaboration

    def cell(row: int, column: int) -> str:
        item = income.partners.item(row, column)
        return "" if item is None else item.text()

    names = [cell(r, 0) for r in range(income.partners.rowCount())]
    assert names == ["Kenkä Oy", "Other costs"]
    assert cell(1, 3) == "49.90 €"
    assert "without VAT" in income.summary.text()
    assert income.costs.count() == 2 and "rengasvalo" in income.costs.item(1).text()
    assert "Kenkä Oy" in income.costs.item(0).text()
    assert not income.remove_cost_button.isEnabled()
    income.costs.setCurrentRow(1)
    income.remove_cost_button.click()
    assert [c.note for c in collabs.costs()] == ["valot"]
    assert income.costs.count() == 1 and "Cost removed" in income.outcome.text()
    assert [cell(r, 0) for r in range(income.partners.rowCount())] == ["Kenkä Oy"]
