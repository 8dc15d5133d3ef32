"""The Collaborations page with real widgets: a collaboration entered through its dialog,
stepped through its states with the buttons, a post added (a paid draft), reminders shown,
the partner report saved, income with a cost, the media kit saved; and the composer showing
the disclosure finding when the marking is pushed behind Instagram's fold."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from somestudio.app.collab.media_kit import KitSettings, save_settings
from somestudio.app.collab.service import Collaborations, NewCollaboration
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.collab.states import CollabState
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.collab.collab_dialog import CollabDialog
from somestudio.ui.collab.deliverable_dialog import DeliverableDialog
from somestudio.ui.collab.income_dialog import IncomeDialog
from somestudio.ui.collab.media_kit_dialog import MediaKitDialog
from somestudio.ui.collab.page import CollabPage
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.main_window import PAGES
from somestudio.ui.planning.composer_tools import attach_composer_tools
from somestudio.ui.tasks import Tasks

from .conftest import MakeWindow

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SOMESTUDIO_ARTIFACTS", REPO / "artifacts")) / "screenshots" / "collab"


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.INSTAGRAM, "kahvila")
    yield ws
    ws.close()


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> CollabPage:
    shown = CollabPage(Studio(workspace), HELSINKI, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    return shown


def _enter(page: CollabPage, company: str = "Paahtimo Kulma", fee: str = "650,00") -> None:
    page.new_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CollabDialog)
    dialog.company.setText(company)
    dialog.contact.setText("Maija Kulma")
    dialog.fee.setText(fee)
    dialog.due.setDate(dialog.due.date().addDays(-30))  # already past: overdue once invoiced
    dialog.accept_button.click()
    assert not dialog.isVisible(), dialog.problem.text()


def test_a_new_collaboration_cancelled_keeps_what_was_typed_for_the_next_time(
    page: CollabPage, qtbot: QtBot
) -> None:
    """Escape in New collaboration threw away the partner, contact and fee typed (a new
    user's finding): the next New collaboration… comes back with them; once saved, the
    next one starts empty."""
    page.show()
    page.new_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CollabDialog)
    dialog.company.setText("Northwind Coffee")
    dialog.fee.setText("1,500")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    page.new_button.click()
    again = page.dialog
    assert isinstance(again, CollabDialog) and again.isVisible()
    assert (again.company.text(), again.fee.text()) == ("Northwind Coffee", "1,500")
    again.accept_button.click()
    assert page.model.rowCount() == 1 and "1,500.00 €" in page.details.text()
    page.new_button.click()
    fresh = page.dialog
    assert isinstance(fresh, CollabDialog)
    assert (fresh.company.text(), fresh.fee.text()) == ("", "")
    fresh.reject()


def test_enter_step_and_add_a_post(page: CollabPage, tmp_path: Path, qtbot: QtBot) -> None:
    page.new_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CollabDialog)
    dialog.company.setText("Paahtimo Kulma")
    dialog.fee.setText("kuusisataa")
    dialog.accept_button.click()
    assert dialog.isVisible() and "amount of money" in dialog.problem.text()  # nothing lost
    assert dialog.company.text() == "Paahtimo Kulma"
    dialog.fee.setText("650,00")
    dialog.accept_button.click()
    assert page.model.rowCount() == 1
    assert "650.00 €" in page.details.text() and "815.75 €" in page.details.text()
    assert page.forward_button.text() == "Move to: Agreed"
    page.forward_button.click()
    current = page.current()
    assert current is not None and current.state is CollabState.AGREED
    page.add_post_button.click()
    posts = page.dialog
    assert isinstance(posts, DeliverableDialog)
    assert [posts.network.itemText(i) for i in range(posts.network.count())] == ["Instagram"]
    posts.due.setDate(posts.due.date().addDays(-5))  # due in two days
    posts.accept_button.click()
    assert page.posts.count() == 1 and "Instagram" in page.posts.item(0).text()
    assert "Paahtimo Kulma: the Instagram post is due" in page.reminders.text()
    opened: list[int] = []
    page.open_post_requested.connect(opened.append)
    page.open_button.click()
    assert opened == [page.current().deliverables[0].post_id]  # type: ignore[union-attr]
    pdf = tmp_path / "report.pdf"
    page.save_report(page.current().id, pdf)  # type: ignore[union-attr]
    assert page.outcome.text() == "Saving…" and not page.report_button.isEnabled()
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=10_000)
    assert page.outcome.text() == f"Partner report saved: {pdf}"
    assert page.report_button.isEnabled()
    assert pdf.read_bytes()[:5] == b"%PDF-"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "page-en.png"))


def test_the_media_kit_speaks_the_window_s_language_until_one_is_chosen(
    page: CollabPage, workspace: Workspace
) -> None:
    page.show_media_kit()
    kit = page.dialog
    assert kit is not None
    assert kit.language.currentData() == "en"  # type: ignore[attr-defined]
    kit.close()
    save_settings(workspace, KitSettings(language="fi"))
    page.show_media_kit()
    assert page.dialog.language.currentData() == "fi"  # type: ignore[union-attr]


def test_a_partner_report_inside_the_data_folder_is_refused_on_the_page(
    page: CollabPage, workspace: Workspace, qtbot: QtBot
) -> None:
    _enter(page)
    current = page.current()
    assert current is not None
    inside = workspace.home / "report.pdf"
    page.save_report(current.id, inside)
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=10_000)
    assert page.outcome.text().startswith("Could not save: ")
    assert page.report_button.isEnabled() and not inside.exists()


def test_enter_in_the_dialog_adds_the_collaboration(page: CollabPage, qtbot: QtBot) -> None:
    page.new_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CollabDialog)
    # A new one's report and figures in the window's language (English here), not Finnish
    assert dialog.language.currentData() == "en"
    assert (dialog.vat.text(), dialog.fee.placeholderText()) == ("25.5", "e.g. 650.00")
    dialog.company.setText("Paahtimo Kulma")
    dialog.fee.setText("650")
    dialog.fee.setFocus()
    qtbot.keyClick(dialog.fee, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1 and not dialog.isVisible()


def test_overdue_payment_and_income(page: CollabPage, tmp_path: Path) -> None:
    _enter(page)
    for _ in range(3):
        page.forward_button.click()
    assert page.current().state is CollabState.INVOICED  # type: ignore[union-attr]
    assert "payment overdue" in page.reminders.text()
    page.forward_button.click()
    assert "Nothing due" in page.reminders.text()
    page.income_button.click()
    income = page.dialog
    assert isinstance(income, IncomeDialog)
    income.cost_amount.setText("49,90")
    income.cost_note.setText("rengasvalo")
    income.add_cost_button.click()
    march = [cell.text() for c in range(5) if (cell := income.months.item(2, c))]
    assert march[1:] == ["0.00 €", "650.00 €", "49.90 €", "600.10 €"]
    assert "still to come" in income.summary.text()
    csv_file = tmp_path / "income.csv"
    assert income.export_csv(csv_file)
    assert "2027-03-10,paid,Paahtimo Kulma,,,,,,2027-03-10,815.75" in csv_file.read_text()


def test_media_kit_dialog_keeps_its_notes_and_saves_pdf_and_png(
    page: CollabPage, tmp_path: Path
) -> None:
    page.kit_button.click()
    kit = page.dialog
    assert isinstance(kit, MediaKitDialog)
    kit.name.setText("Kahvila Aurinko")
    kit.rates.setPlainText("Instagram-julkaisu 450 €")
    kit.language.setCurrentIndex(1)
    assert kit.save(tmp_path / "kit.pdf")
    assert (tmp_path / "kit.png").read_bytes()[:4] == b"\x89PNG"
    kit.accept()
    page.kit_button.click()
    again = page.dialog
    assert isinstance(again, MediaKitDialog)
    assert again.rates.toPlainText() == "Instagram-julkaisu 450 €"
    assert again.language.currentData() == "en"


def test_composer_shows_the_marking_behind_the_fold(
    qtbot: QtBot, page: CollabPage, workspace: Workspace
) -> None:
    _enter(page)
    post_id = page.collabs.add_deliverable(
        page.current().id,  # type: ignore[union-attr]
        Network.INSTAGRAM,
        date(2027, 3, 20),
        lang="fi",
    )
    compose = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
    qtbot.addWidget(compose)
    attach_composer_tools(compose, Studio(workspace))
    assert compose.open_post(post_id)
    compose.run_checks()
    assert not [e for e in compose.findings.entries() if "Paahtimo" in e.message]
    compose.editor.setPlainText("✨\n✨\n✨\nKaupallinen yhteistyö: Paahtimo Kulma\nHyvää kahvia")
    compose.run_checks()
    messages = [e.message for e in compose.findings.entries()]
    assert any("see more" in m and "Paahtimo Kulma" in m for m in messages), messages


def test_the_navigation_entry_counts_what_is_due(home: Path, make_window: MakeWindow) -> None:
    """A payment due in 2000 is overdue on any day the suite runs."""
    workspace = open_workspace(home)
    try:
        collabs = Collaborations(workspace)
        collab_id = collabs.add(
            NewCollaboration(
                company="Paahtimo Kulma",
                fee=Decimal("100"),
                vat_rate=Decimal("25.5"),
                agreed_on=date(2000, 1, 1),
                payment_due=date(2000, 1, 31),
            )
        )
        for state in (CollabState.AGREED, CollabState.DELIVERED, CollabState.INVOICED):
            collabs.move(collab_id, state, date(2000, 1, 2))
    finally:
        workspace.close()
    window = make_window(home)
    window.refresh_status()
    item = window.navigation.item(PAGES.index("collab"))
    assert item.text().endswith("⚠ 1")
    assert str(item.data(Qt.ItemDataRole.AccessibleTextRole)).startswith("Partners, 1 rem")


class ChoosingPrompts:
    def __init__(self, answer: int | None) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def choose(self, title: str, text: str, options: object, on_choice: Any, **_: object) -> None:
        self.asked.append(text)
        on_choice(self.answer)


def test_remove_asks_first_and_keeps_the_posts(qtbot: QtBot, workspace: Workspace) -> None:
    prompts = ChoosingPrompts(None)
    page = CollabPage(Studio(workspace), HELSINKI, clock=lambda: NOW, prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    _enter(page)
    collab = page.current()
    assert collab is not None
    post_id = page.collabs.add_deliverable(
        collab.id, Network.INSTAGRAM, date(2027, 3, 20), lang="en"
    )
    contract = Path("/home/me/sopimukset/kulma.pdf")
    page.attach_file(collab.id, contract)
    assert f"File: {contract}" in page.details.text()
    page.remove_button.click()
    assert "Paahtimo Kulma" in prompts.asked[0] and page.model.rowCount() == 1  # cancelled
    prompts.answer = 0
    page.remove_button.click()
    assert page.model.rowCount() == 0
    assert Studio(workspace).post(post_id) is not None  # the draft stays
    assert page.collabs.partner_of_post(post_id) is None


def test_a_post_written_first_can_be_the_collaborations_post(
    page: CollabPage, workspace: Workspace
) -> None:
    """A sponsored post written before its collaboration stayed "linked to no collaboration,
    so the name cannot be checked": Add post… offers the posts already written."""
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415
    from somestudio.app.publish_gate import disclosure_partner  # noqa: PLC0415

    conn = workspace.writable_connection()
    with transaction(conn):
        mastodon = account_rows.add_account(conn, Network.MASTODON, "@kahvila")
    written = Studio(workspace).save_draft("Uusi valaisin kotiin", [mastodon])
    _enter(page, company="Glow Lighting Co")
    page.add_post_button.click()
    dialog = page.dialog
    assert isinstance(dialog, DeliverableDialog)
    offered = {dialog.post.itemData(i): dialog.post.itemText(i) for i in range(dialog.post.count())}
    assert offered == {
        None: "A new draft with the marking",
        written: "Mastodon: Uusi valaisin kotiin",  # where it goes, then its words
    }
    assert dialog.network.currentText() == "Instagram"
    dialog.post.setCurrentIndex(dialog.post.findData(written))
    assert dialog.network.currentText() == "Mastodon"  # one the post goes to
    dialog.accept_button.click()
    assert not dialog.isVisible(), dialog.problem.text()
    current = page.current()
    assert current is not None and [d.post_id for d in current.deliverables] == [written]
    assert disclosure_partner(workspace, written) == "Glow Lighting Co"  # now checked
    assert PlanLibrary(workspace).post_extras(written)[0] is True  # marked paid
    assert written not in [p[0] for p in page.collabs.unlinked_posts()]  # one collaboration's
    assert current.deliverables[0].network == "mastodon"
    # Even if another network is asked for, it is one the post goes to (Bluesky was listed).
    other = Studio(workspace).save_draft("Toinen", [mastodon])
    page.collabs.add_deliverable(current.id, Network.INSTAGRAM, date(2027, 4, 1), post_id=other)
    again = page.collabs.get(current.id)
    assert {d.post_id: d.network for d in again.deliverables}[other] == "mastodon"
