"""The review pack as a reviewer gets it: one HTML page that asks nothing of the network and
runs nothing (parsed here: every src and href a data: URI, no script, the user's "<script>"
shown as text), in Finnish with Finnish dates; the same posts as a PDF (read back with
pdftotext); the dialog behind File → Export review pack…, and its message when the folder
cannot be written. The renders stay in artifacts/screenshots/review_pack/ to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from somestudio.app.review_pack import ReviewPack, build_review_pack, parse_month, parse_week
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.store import members as member_rows
from somestudio.store.database import transaction
from somestudio.ui.calendar.calendar_page import CalendarPage
from somestudio.ui.i18n import install_language
from somestudio.ui.review_pack.pack_dialog import PDF, ReviewPackDialog
from somestudio.ui.review_pack.pack_html import review_html
from somestudio.ui.review_pack.pack_pdf import render_review_pages, write_review_pdf
from somestudio.ui.tasks import Tasks
from tests.integration.review_pack_plan import HELSINKI, HOSTILE, NOW, THREAD, Plan, make_plan
from tests.ui.conftest import MakeWindow
from tests.ui.test_report_pages import problems

REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SOMESTUDIO_ARTIFACTS", REPO / "artifacts")) / "screenshots"


class Page(HTMLParser):
    """Every tag with its attributes, and the text between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture
def finnish(qapp: object) -> Iterator[None]:
    installed = install_language(
        "fi", system=QLocale(QLocale.Language.Finnish, QLocale.Country.Finland)
    )
    yield
    installed.remove()


@pytest.fixture
def plan(workspace: Workspace, tmp_path: Path) -> Plan:
    return make_plan(workspace, tmp_path)


def december(plan: Plan) -> ReviewPack:
    return build_review_pack(plan.studio, parse_month("2026-12"), HELSINKI, language="fi", now=NOW)


def test_the_page_is_self_contained_escaped_and_finnish(plan: Plan, finnish: None) -> None:
    page = review_html(december(plan))
    found = parsed(page)
    tags = [tag for tag, _ in found.tags]
    assert "script" not in tags and "iframe" not in tags and "link" not in tags
    for tag, attrs in found.tags:
        for name in ("src", "href", "srcset", "action", "poster"):
            if name in attrs:
                assert attrs[name].startswith("data:image/"), (tag, attrs[name][:40])
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)  # no handlers
    assert sum(tag == "img" for tag in tags) == 1  # the thread's picture, inside the page
    assert "url(" not in page and "@import" not in page  # nothing fetched by the style
    policy = next(a for t, a in found.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert policy["content"].startswith("default-src 'none'")
    # What the user wrote is text on the page, never markup.
    text = "".join(found.text)
    assert HOSTILE in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    # Every post of December, none outside; the X variant too long, with its finding.
    articles = [a["id"] for t, a in found.tags if t == "article"]
    posts = (plan.thread, plan.hostile, plan.folded, plan.last_minute)
    assert articles == [f"post-{post_id}" for post_id in posts]
    # LinkedIn's fold: the text up to it, then the network's "see more", in Finnish.
    assert "…näytä lisää" in text and "LOPPU" not in text
    assert "Vuoden viimeinen minuutti" in text
    assert "Marraskuun viimeinen" not in text and "Uuden vuoden eka" not in text
    assert all(part in text for part in THREAD) and "2/3" in text and "3/3" in text
    assert "ei läpäise tarkistuksia" in text  # the X variant, past 280
    # Finnish words and dates.
    assert found.tags[0] == ("html", {"lang": "fi"})
    assert "Arviointipaketti" in text and "joulukuu 2026" in text
    assert "31. joulukuuta 2026" in text and "23.59" in text
    assert "Luonnos" in text and "Ajastettu" in text


def test_the_pdf_holds_the_same_posts(plan: Plan, finnish: None, tmp_path: Path) -> None:
    pack = december(plan)
    pdf = tmp_path / "pack.pdf"
    write_review_pdf(pack, pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    rendered = render_review_pages(pack, scale=1.5)
    # Nothing clipped or overlapping: the 300-letter word of the X variant wraps too.
    assert problems(rendered.drawn, rendered.page_height) == []
    shots = SHOTS / "review_pack"
    shots.mkdir(parents=True, exist_ok=True)
    for number, image in enumerate(rendered.pages, start=1):
        image.save(str(shots / f"pdf-fi-{number}.png"))
    (shots / "december-fi.html").write_text(review_html(pack), encoding="utf-8")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Arviointipaketti" in text
    for words in ("Vuoden viimeinen minuutti", "Ketjun kolmas osa", 'alert("x")', "Joulu"):
        assert words in text
    assert "Marraskuun viimeinen" not in text and "Uuden vuoden eka" not in text
    assert "31. joulukuuta 2026" in text


def test_an_empty_period_says_so(plan: Plan, finnish: None) -> None:
    pack = build_review_pack(plan.studio, parse_week("2027-W10"), HELSINKI, language="fi", now=NOW)
    assert "Tälle jaksolle ei ole suunniteltu mitään." in review_html(pack)


def dialog_for(qtbot: QtBot, studio: Studio) -> ReviewPackDialog:
    dialog = ReviewPackDialog(
        studio, HELSINKI, parse_week("2026-W49"), tasks=Tasks(synchronous=True)
    )
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_writes_the_chosen_period_and_format_only_where_chosen(
    plan: Plan, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, plan.studio)
    assert dialog.period().file_stem == "review-2026-W49"
    assert dialog.path.text().endswith("review-2026-W49.html")  # suggested, follows choices
    dialog.kind.setCurrentIndex(dialog.kind.findData("month"))
    dialog.set_format(PDF)
    assert dialog.path.text().endswith("review-2026-11.pdf")  # the month of 30.11.
    out = tmp_path / "out"
    out.mkdir()
    dialog.set_path(out / "joulukuu.html")
    dialog.set_format("html")
    dialog.day.setDate(dialog.day.date().addDays(1))  # 1.12.: December
    qtbot.mouseClick(dialog.export_button, qtbot_left())
    assert dialog.saved == out / "joulukuu.html"
    assert sorted(p.name for p in out.iterdir()) == ["joulukuu.html"]  # no temporary left
    page = (out / "joulukuu.html").read_text(encoding="utf-8")
    assert f"post-{plan.last_minute}" in page and f"post-{plan.before}" not in page
    assert str(out / "joulukuu.html") in dialog.outcome.text()
    assert not dialog.progress.isVisible() and dialog.export_button.isEnabled()


def test_a_folder_that_cannot_be_written_is_named_and_nothing_is_written(
    plan: Plan, qtbot: QtBot, tmp_path: Path
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        dialog = dialog_for(qtbot, plan.studio)
        dialog.set_path(locked / "pack.pdf")
        dialog.set_format(PDF)
        dialog.export()
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
    assert dialog.saved is None
    said = dialog.outcome.text()
    assert str(locked / "pack.pdf") in said and "cannot be written" in said


def test_a_folder_that_does_not_exist_is_named(plan: Plan, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, plan.studio)
    missing = tmp_path / "gone" / "pack.pdf"
    dialog.set_path(missing)
    dialog.set_format(PDF)
    dialog.export()
    assert not missing.parent.exists() and dialog.saved is None
    said = dialog.outcome.text()
    assert str(missing) in said and "does not exist" in said


def test_a_file_in_the_data_folder_is_refused(plan: Plan, qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, plan.studio)
    inside = plan.studio.workspace.home / "pack.html"
    dialog.set_path(inside)
    dialog.export()
    assert not inside.exists() and dialog.saved is None
    assert str(inside) in dialog.outcome.text()


def test_the_file_menu_opens_it_on_the_calendars_week(
    plan: Plan, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(plan.studio.workspace.home)
    window.show_page("calendar")
    calendar = window._pages["calendar"]
    assert isinstance(calendar, CalendarPage)
    calendar.set_mode("week")
    calendar.set_anchor(parse_week("2026-W49").first)
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.objectName() == "ReviewPackAction")  # fmt: skip
    action.trigger()
    dialog = window.review_pack_dialog
    assert dialog.isVisible()
    assert dialog.period().file_stem == "review-2026-W49"
    dialog.reject()


def qtbot_left() -> object:
    from PySide6.QtCore import Qt  # noqa: PLC0415

    return Qt.MouseButton.LeftButton


def test_a_post_waiting_for_approval_says_so(plan: Plan, finnish: None) -> None:
    """A reviewer sees which posts still wait for an editor (issue 17's approval), not a
    plain draft."""
    conn = plan.studio.workspace.writable_connection()
    with transaction(conn):
        member_rows.put_waiting(conn, plan.hostile, None, NOW)
    text = "".join(parsed(review_html(december(plan))).text)
    assert text.count("Odottaa hyväksyntää") == 2  # its X and Mastodon


def test_the_file_follows_the_format_and_an_existing_one_is_replaced_only_when_asked_twice(
    plan: Plan, qtbot: QtBot, tmp_path: Path
) -> None:
    """A new user exported HTML, chose PDF and exported again: the PDF went into the .html
    file, replacing the page without a word."""
    dialog = dialog_for(qtbot, plan.studio)
    dialog.set_format("html")
    dialog.set_path(tmp_path / "joulukuu.html")
    qtbot.mouseClick(dialog.export_button, qtbot_left())
    assert dialog.saved == tmp_path / "joulukuu.html"
    dialog.set_format(PDF)
    assert dialog.path.text() == str(tmp_path / "joulukuu.pdf")
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"someone else's file")
    dialog.set_path(kept)
    qtbot.mouseClick(dialog.export_button, qtbot_left())
    assert kept.read_bytes() == b"someone else's file"
    assert dialog.outcome.text() == f"{kept} already exists. Export again to replace it."
    qtbot.mouseClick(dialog.export_button, qtbot_left())
    assert kept.read_bytes().startswith(b"%PDF") and dialog.saved == kept
    assert (tmp_path / "joulukuu.html").read_text(encoding="utf-8").startswith("<!")


def test_a_name_typed_with_another_kinds_ending_gets_the_formats_own(
    plan: Plan, qtbot: QtBot, tmp_path: Path
) -> None:
    """A PDF was written under a name ending ".csv" in the monthly report's dialog; here
    too a name typed by hand gets the chosen format's ending."""
    dialog = dialog_for(qtbot, plan.studio)
    dialog.set_format(PDF)
    dialog.set_path(tmp_path / "paketti.csv")
    qtbot.mouseClick(dialog.export_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert dialog.saved == tmp_path / "paketti.csv.pdf"
    assert (tmp_path / "paketti.csv.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "paketti.csv").exists()


def test_a_finnish_window_suggests_a_finnish_file_name(
    plan: Plan, finnish: None, qtbot: QtBot
) -> None:
    """A Finnish user's file names were English (review-2026-12.html)."""
    dialog = dialog_for(qtbot, plan.studio)
    assert dialog.path.text().endswith("katsaus-2026-W49.html")
    dialog.kind.setCurrentIndex(dialog.kind.findData("month"))
    assert dialog.path.text().endswith("katsaus-2026-11.html")


def test_a_banned_word_of_the_house_style_does_not_pass_the_checks(
    plan: Plan, finnish: None
) -> None:
    """It said "✓ läpäisee tarkistukset" of a post the composer marked ✕ for a banned word."""
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415
    from somestudio.domain.guidelines import Rulebook  # noqa: PLC0415

    PlanLibrary(plan.studio.workspace).save_rulebook(Rulebook(banned_words=("minuutti",)))
    found = parsed(review_html(december(plan)))
    article = "".join(found.text).split("Vuoden viimeinen minuutti")[1]
    assert "Someohjeistus: sanaa ”minuutti” ei käytetä julkaisuissamme." in article
    assert "ei läpäise tarkistuksia" in article.split("Someohjeistus")[0]
