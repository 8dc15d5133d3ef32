"""The monthly report opens with the month's wins and shows the goals the month worked on,
drawn on its pages in both languages (the demo's November, as of its last day)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from somestudio.app.demo import build_demo_home
from somestudio.app.metrics_report import MonthlyReport, build_report
from somestudio.app.workspace import open_workspace
from somestudio.domain.growth.wins import WinKind
from somestudio.ui.i18n import install_language
from somestudio.ui.metrics.report_pdf import render_report_pages

HELSINKI = ZoneInfo("Europe/Helsinki")
TODAY = date(2026, 12, 10)
NOVEMBER = date(2026, 11, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("wins-demo")
    build_demo_home(home, today=TODAY)
    return home


def november(demo: Path) -> MonthlyReport:
    workspace = open_workspace(demo)
    try:
        return build_report(workspace.connection, NOVEMBER, HELSINKI)
    finally:
        workspace.close()


@pytest.mark.parametrize(
    "case",
    [
        ("en", "Wins of the month", "Goals", "Kept in 2 of the last 2 weeks."),
        ("fi", "Kuukauden onnistumiset", "Tavoitteet", "Pidetty 2 viikkona 2 viime viikosta."),
    ],
)
def test_the_report_opens_with_wins(demo: Path, qapp: object, case: tuple[str, ...]) -> None:
    language, wins, goals, kept = case
    installed = install_language(language)
    try:
        report = november(demo)
        drawn = [d.text for d in render_report_pages(report).drawn]
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())
    # The demo's goals: a cadence kept all month, a follower target; December's engagement
    # goal had not started in November and is left out.
    assert [s.goal.title.split(" · ")[0] for s in report.goals] == [
        "2 julkaisua viikossa",
        "Mastodon +60 seuraajaa",
    ]
    kinds = [w.kind for w in report.wins]
    assert kinds[0] is WinKind.CADENCE_KEPT
    assert WinKind.BIGGEST_GROWTH in kinds and WinKind.BEST_POST in kinds
    # Title, month line, then the wins before any other heading.
    assert drawn[2] == wins
    assert drawn[3].startswith("★ ")
    assert drawn.index(wins) < drawn.index(goals)
    assert kept in drawn
