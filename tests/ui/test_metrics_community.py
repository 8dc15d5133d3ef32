"""The Metrics page's Community tab and the monthly report's Community block, on a real
database with inbox entries and answers."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from somestudio.app.metrics_report import build_report
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.utc import utc_text
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import items as item_rows
from somestudio.ui.metrics.community import CommunitySection, duration_text
from somestudio.ui.metrics.page import MetricsPage
from somestudio.ui.metrics.report_pdf import write_report_pdf
from somestudio.ui.tasks import Tasks

HELSINKI = ZoneInfo("Europe/Helsinki")
T0 = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # Monday


@pytest.fixture(autouse=True)
def english() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    conn = workspace.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(
            conn, Network.MASTODON, "@me", instance_url="https://m.example",
            publish_method=PublishMethod.API,
        )  # fmt: skip
        entries = [
            Incoming(f"n{n}", InboxKind.REPLY, Author("@a"), T0 + timedelta(days=n), "hei",
                     PostRef(f"p{n}"))
            for n in range(3)
        ]  # fmt: skip
        item_rows.add(conn, account, entries, T0)
        for item_id, minutes in ((1, 90), (2, 150)):
            sent = T0 + timedelta(days=item_id - 1, minutes=minutes)
            conn.execute(
                "INSERT INTO inbox_replies (item_id, text, state, idempotency_key, sent_at,"
                " created_at, updated_at) VALUES (?, 'x', 'sent', ?, ?, ?, ?)",
                (item_id, f"k{item_id}", utc_text(sent), utc_text(sent), utc_text(sent)),
            )
    return workspace


def test_durations_read_as_people_say_them() -> None:
    assert duration_text(None) == "–"
    assert duration_text(timedelta(minutes=45)) == "45 min"
    assert duration_text(timedelta(hours=3, minutes=20)) == "3 h 20 min"
    assert duration_text(timedelta(days=2, hours=4, minutes=5)) == "2 d 4 h"


def test_the_community_tab_counts_the_weeks(filled: Workspace, qtbot: QtBot) -> None:
    section = CommunitySection(Studio(filled), HELSINKI, now=lambda: T0 + timedelta(days=4))
    qtbot.addWidget(section)
    section.reload()
    assert section.values["received"].text() == "3"
    assert section.values["answered"].text() == "2"
    assert section.values["median"].text() == "2 h 0 min"
    assert section.values["waiting"].text() == "1"  # the third, two days without an answer
    assert section.table.rowCount() == 8
    cells = [section.table.item(0, c) for c in (1, 2)]
    assert [c.text() for c in cells if c is not None] == ["3", "2"]  # this week first


def test_the_monthly_report_has_a_community_block(filled: Workspace, tmp_path: Path) -> None:
    report = build_report(filled.database.connect, date(2026, 11, 1), HELSINKI)
    assert report.community is not None and report.community.received == 3
    pdf = tmp_path / "november.pdf"
    write_report_pdf(report, pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Community" in text
    assert "Replies received: 3 · answered: 2" in " ".join(text.split())


def _second_account(workspace: Workspace) -> int:
    """A Bluesky account with two unanswered replies beside the Mastodon account's three."""
    conn = workspace.writable_connection()
    with transaction(conn):
        sky = account_rows.add_account(
            conn, Network.BLUESKY, "me.test", publish_method=PublishMethod.API
        )
        entries = [
            Incoming(f"b{n}", InboxKind.REPLY, Author("@b"), T0 + timedelta(hours=n), "moi",
                     PostRef(f"at://b/{n}"))
            for n in range(2)
        ]  # fmt: skip
        item_rows.add(conn, sky, entries, T0)
    return sky


def test_the_community_numbers_follow_the_network_and_account_chosen(
    filled: Workspace, qtbot: QtBot
) -> None:
    sky = _second_account(filled)
    section = CommunitySection(Studio(filled), HELSINKI, now=lambda: T0 + timedelta(days=4))
    qtbot.addWidget(section)
    section.reload()
    assert section.values["received"].text() == "5"
    assert section.values["waiting"].text() == "3"
    section.reload(MetricsFilter(networks=frozenset({Network.MASTODON})))
    assert (section.values["received"].text(), section.values["waiting"].text()) == ("3", "1")
    section.reload(MetricsFilter(account_ids=frozenset({sky})))
    assert (section.values["received"].text(), section.values["answered"].text()) == ("2", "0")
    assert section.values["median"].text() == "–"


def test_the_metrics_page_passes_its_filters_to_the_community_tab(
    filled: Workspace, qtbot: QtBot
) -> None:
    _second_account(filled)
    page = MetricsPage(  # its clock in the weeks of the entries
        Studio(filled), HELSINKI, tasks=Tasks(synchronous=True), now=lambda: T0 + timedelta(days=4)
    )
    qtbot.addWidget(page)
    page.reload()
    assert page.community.values["received"].text() == "5"
    channel = page.filters.channel
    channel.setCurrentIndex(channel.findData(Network.BLUESKY.value))
    page.reload()
    assert page.community.values["received"].text() == "2"
