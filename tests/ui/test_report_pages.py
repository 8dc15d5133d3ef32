"""The monthly report's pages, drawn as the PDF is, in Finnish and English: every string fits
the box it was given (a column heading whole, a note inside its card), nothing is drawn
outside the page, and no two strings overlap. The pages stay in
artifacts/screenshots/report/ for people to look at."""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from somestudio.app.demo import build_demo_home
from somestudio.app.metrics_report import (
    Headline,
    MonthlyReport,
    build_report,
    last_full_month,
)
from somestudio.app.workspace import open_workspace
from somestudio.domain.metrics import PostCounts
from somestudio.ui.i18n import install_language
from somestudio.ui.metrics.report_pdf import (
    DrawnText,
    draw_report_pdf,
    render_report_pages,
)
from somestudio.ui.network_names import network_name

REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SOMESTUDIO_ARTIFACTS", REPO / "artifacts")) / "screenshots" / "report"
HELSINKI = ZoneInfo("Europe/Helsinki")
TODAY = date(2026, 12, 10)  # the demo's today: the report is November's, the last full month


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("report-demo")
    build_demo_home(home, today=TODAY)
    return home


@pytest.fixture(params=["fi", "en"])
def report(request: pytest.FixtureRequest, demo: Path, qapp: object) -> Iterator[MonthlyReport]:
    installed = install_language(request.param)
    workspace = open_workspace(demo)
    try:
        yield build_report(workspace.connection, last_full_month(TODAY), HELSINKI)
    finally:
        workspace.close()
        installed.remove()
        QLocale.setDefault(QLocale.c())


def problems(drawn: list[DrawnText], page_height: float) -> list[str]:
    found = [
        f"page {d.page}: {d.text!r} needs {d.needed.width():.0f} × {d.needed.height():.0f} px "
        f"at ({d.needed.x():.0f}, {d.needed.y():.0f}), has {d.box.width():.0f} × "
        f"{d.box.height():.0f} at ({d.box.x():.0f}, {d.box.y():.0f})"
        for d in drawn
        if not d.fits(page_height)
    ]
    for a, b in itertools.combinations(drawn, 2):
        if a.page == b.page and a.needed.intersects(b.needed):
            found.append(f"page {a.page}: {a.text!r} overlaps {b.text!r}")
    return found


def test_the_report_pages_have_no_clipped_or_overlapping_text(report: MonthlyReport) -> None:
    language = QLocale().name()[:2]
    rendered = render_report_pages(report, scale=1.5)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for number, image in enumerate(rendered.pages, start=1):
        image.save(str(SHOTS / f"report-{language}-{number}.png"))
    assert len(rendered.pages) >= 2
    texts = {d.text for d in rendered.drawn}
    headings = {"fi": "Vuorovaikutukset", "en": "Engagements"}
    assert headings[language] in texts  # the catalogue is in use: the long Finnish headings
    assert problems(rendered.drawn, rendered.page_height) == []


def test_the_pdf_is_laid_out_the_same_way(report: MonthlyReport, tmp_path: Path) -> None:
    """Measured on the PDF writer itself, whose text metrics are not the screen's."""
    drawn = draw_report_pdf(report, tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert problems(drawn, render_report_pages(report).page_height) == []


def stretched(report: MonthlyReport) -> MonthlyReport:
    """The same month at a far bigger café: seven-digit numbers, long account names, a post
    that is one long link."""
    link = "https://kahvila-aurinko.example/joulu/2026/lahjakortit-ja-pikkujoulut?kampanja=joulukuu"
    return dataclasses.replace(
        report,
        headline=[Headline(h.key, 1_234_567, 7) for h in report.headline],
        totals=[
            dataclasses.replace(
                t,
                current=dataclasses.replace(
                    t.current,
                    posts=12_345,
                    likes=1_234_567,
                    reposts=234_567,
                    replies=34_567,
                    views=12_345_678,
                ),
            )
            for t in report.totals
        ],
        followers={
            f"Kahvila Aurinko Oy:n markkinointi ja viestintä {name}": line
            for name, line in report.followers.items()
        },
        top_posts=[
            dataclasses.replace(
                post,
                text=link if number % 2 else post.text * 3,
                counts=PostCounts(likes=1_234_567, reposts=98_765, views=12_345_678),
            )
            for number, post in enumerate(report.top_posts)
        ],
    )


def test_big_numbers_and_long_names_still_fit(report: MonthlyReport) -> None:
    language = QLocale().name()[:2]
    rendered = render_report_pages(stretched(report), scale=1.5)
    rendered.pages[0].save(str(SHOTS / f"stretched-{language}-1.png"))
    assert problems(rendered.drawn, rendered.page_height) == []


def test_engagements_a_network_does_not_offer_are_not_drawn_as_zero(
    report: MonthlyReport,
) -> None:
    # The demo's LinkedIn and Instagram posts report no likes, reposts or replies: their bars
    # say "no numbers yet" (their networks do report them: not "not offered"), the Local
    # archive's "not offered", and their table rows hold no 0 (a figure never given).
    drawn = render_report_pages(report).drawn
    silent = [t.current for t in report.totals if not t.current.offers_engagements]
    assert {c.network.value for c in silent} >= {"linkedin", "instagram"}
    finnish = QLocale().name().startswith("fi")
    not_offered = "ei saatavilla" if finnish else "not offered"
    not_yet = "ei vielä lukuja" if finnish else "no numbers yet"
    offered = [c for c in silent if c.network_offers_engagements]
    assert {c.network.value for c in offered} >= {"linkedin", "instagram"}
    assert sum(d.text == not_yet for d in drawn) == len(offered)
    assert sum(d.text == not_offered for d in drawn) == len(silent) - len(offered)
    # ...and where their numbers come from ("no numbers yet" read as if they would come).
    assert any(d.text.startswith(("Channels without numbers", "Kanavat ilman")) for d in drawn)
    for totals in silent:
        name = [d for d in drawn if d.text == network_name(totals.network)][-1]  # table row
        row = [d.text for d in drawn if d.page == name.page and d.box.top() == name.box.top()]
        assert "0" not in row, row


def test_an_action_heading_stays_on_the_page_of_its_comparison(report: MonthlyReport) -> None:
    # Many actions: some reach a page's foot; none may leave its heading there alone.
    assert report.actions
    action, result = report.actions[0]
    varied = [
        (dataclasses.replace(action, note=f"{i}: " + "a longer note " * (i % 9)), result)
        for i in range(60)
    ]
    drawn = render_report_pages(dataclasses.replace(report, actions=varied)).drawn
    heads = {f"{a.note} (" for a, _result in varied}
    body = [d for d in drawn if not d.text.startswith("Some Studio · ")]  # no page footers
    pages_seen = set()
    for index, text in enumerate(body[:-1]):
        if any(text.text.startswith(h) for h in heads):
            assert body[index + 1].page == text.page, text.text
            pages_seen.add(text.page)
    assert len(pages_seen) > 1  # the actions did run over a page break


def test_the_note_on_reading_insights_comes_only_with_insights(report: MonthlyReport) -> None:
    """With no statement to explain, the note stood alone at the top of a page."""

    def has_note(shown: MonthlyReport) -> bool:
        drawn = render_report_pages(shown).drawn
        return any(d.text.startswith(("How to read these", "Näin luet nämä")) for d in drawn)

    from somestudio.domain.insights import Factor, Insight, Measure  # noqa: PLC0415
    from somestudio.domain.networks import Network  # noqa: PLC0415

    better = Insight(
        Network.MASTODON, Factor.WEEKDAY, "0", Measure.RATE, 12, 30,
        0.05, 0.03, 0.7, 0.6, 0.8, 0.001, 0.01, True,
    )  # fmt: skip
    assert has_note(dataclasses.replace(report, insights=[better]))
    assert not has_note(dataclasses.replace(report, insights=[]))  # the demo's month


def test_the_csv_from_the_window_speaks_its_language(report: MonthlyReport, tmp_path: Path) -> None:
    """From a Finnish window the CSV had English headings, "cadence_kept" and UTC times."""
    import csv  # noqa: PLC0415

    from somestudio.app.metrics_report import write_report_csv  # noqa: PLC0415
    from somestudio.ui.metrics.report_csv_words import report_csv_words  # noqa: PLC0415

    finnish = QLocale().name().startswith("fi")
    path = tmp_path / "report.csv"
    write_report_csv(report, path, delimiter=";", decimal=",", words=report_csv_words())
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    cells = {cell for row in rows for cell in row}
    assert ("kuukausi" if finnish else "month") == rows[0][0]
    assert ("tunnusluku" if finnish else "headline") in cells
    assert not {"cadence_kept", "on_track", "no_clear_change", "mastodon"} & cells
    published = next(row[1] for row in rows if row and row[0] == "1")  # the top post's time
    assert not published.endswith("Z")  # on Helsinki's clock, as the report says
