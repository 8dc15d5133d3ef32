"""The partner report and the media kit as PDF, in Finnish and English: their text read back
with pdftotext (headings, the partner, the numbers), their pages rendered with pdftoppm, and
every string drawn inside its box (nothing clipped or overlapping). The renders stay in
artifacts/screenshots/collab/ for people to look at."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from somestudio.app.collab.media_kit import KitSettings, build_media_kit
from somestudio.app.collab.partner_report import build_partner_report
from somestudio.app.collab.service import Collaborations, NewCollaboration
from somestudio.app.demo import build_demo_home
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.store import collabs as collab_rows
from somestudio.store.database import transaction
from somestudio.ui.collab.media_kit_pdf import (
    render_media_kit_pages,
    write_media_kit_pdf,
    write_media_kit_png,
)
from somestudio.ui.collab.partner_pdf import render_partner_pages, write_partner_pdf
from tests.ui.test_report_pages import problems

REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SOMESTUDIO_ARTIFACTS", REPO / "artifacts")) / "screenshots" / "collab"
HELSINKI = ZoneInfo("Europe/Helsinki")
TODAY = date(2026, 12, 10)
NOW = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)
COMPANY = {"fi": "Paahtimo Kulma Oy", "en": "Kulma Roasters Ltd"}  # no "fi": pdftotext ligatures
HEADINGS = {
    "en": ("Collaboration report", "Posts", "The creator's own average", "Total reach"),
    "fi": ("Yhteistyöraportti", "Julkaisut", "Tekijän oma keskiarvo", "Tavoittavuus yhteensä"),
}
KIT_HEADINGS = {
    "en": ("Media kit", "Channels", "Best posts, 90 days", "Audience", "Rates", "Past partners"),
    "fi": (
        "Mediakortti",
        "Kanavat",
        "Parhaat julkaisut, 90 päivää",
        "Yleisö",
        "Hinnat",
        "Aiemmat yhteistyökumppanit",
    ),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("collab-demo")
    build_demo_home(home, today=TODAY)
    return home


@pytest.fixture
def workspace(demo: Path) -> Iterator[Workspace]:
    ws = open_workspace(demo)
    yield ws
    ws.close()


def _published(workspace: Workspace, count: int) -> list[int]:
    rows = workspace.connection().execute(
        "SELECT d.post_id FROM deliveries d JOIN metric_latest m ON m.delivery_id = d.id"
        " WHERE d.state = 'published' AND d.published_at >= '2026-11-20'"
        " ORDER BY d.published_at DESC LIMIT ?",
        (count,),
    )
    return [int(r[0]) for r in rows]


def _collab(workspace: Workspace, language: str) -> int:
    collabs = Collaborations(workspace)
    collab_id = collabs.add(
        NewCollaboration(
            company=COMPANY[language],
            fee=Decimal("650.00"),
            vat_rate=Decimal("25.5"),
            agreed_on=date(2026, 11, 1),
            language=language,
            title="Joulukahvit",
        )
    )
    conn = workspace.writable_connection()
    with transaction(conn):
        for post_id in _published(workspace, 3):
            collab_rows.add_deliverable(conn, collab_id, "x", date(2026, 11, 30), post_id, note="")
    return collab_id


def _pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    # Thousands are grouped with a (narrow) no-break space in Finnish: compare as spaces.
    return done.stdout.decode("utf-8").replace("\u00a0", " ").replace("\u202f", " ")


def _to_png(pdf: Path, stem: str) -> list[Path]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(pdf), str(SHOTS / stem)], check=True, timeout=120
    )
    pages = sorted(SHOTS.glob(f"{stem}*.png"))
    assert pages and all(p.stat().st_size > 5000 for p in pages)
    return pages


@pytest.mark.parametrize("language", ["fi", "en"])
def test_partner_report_in_the_partners_language(
    workspace: Workspace, tmp_path: Path, language: str, qapp: object
) -> None:
    report = build_partner_report(workspace, _collab(workspace, language), NOW)
    assert report.language == language and len(report.posts) >= 3
    pdf = tmp_path / "partner.pdf"
    drawn = write_partner_pdf(report, pdf, HELSINKI)
    text = _pdf_text(pdf)
    for heading in HEADINGS[language]:
        assert heading in text
    assert COMPANY[language] in text
    total = report.total_engagements
    grouped = f"{total:,}".replace(",", " " if language == "fi" else ",")
    assert grouped in text or str(total) in text
    other = HEADINGS["en" if language == "fi" else "fi"][0]
    assert other not in text  # the window's language does not leak in
    rendered = render_partner_pages(report, HELSINKI)
    assert problems(drawn, rendered.page_height) == []
    assert problems(rendered.drawn, rendered.page_height) == []
    _to_png(pdf, f"partner-{language}")


@pytest.mark.parametrize("language", ["fi", "en"])
def test_media_kit_pdf_and_png(
    workspace: Workspace, tmp_path: Path, language: str, qapp: object
) -> None:
    collabs = Collaborations(workspace)
    _collab(workspace, language)
    done = collabs.all()[0]
    for state in ("agreed", "delivered"):
        from somestudio.domain.collab.states import CollabState  # noqa: PLC0415

        collabs.move(done.id, CollabState(state), TODAY)
    settings = KitSettings(
        name="Kahvila Aurinko",
        audience="Helsinkiläiset kahvin ystävät, 25–44 v., 70 % naisia.",
        rates="Instagram-julkaisu 450 €\nLinkedIn-artikkeli 600 €",
        show_partners=True,
        language=language,
    )
    kit = build_media_kit(workspace, NOW, settings)
    assert kit.channels and kit.best
    # Channels whose posts have no numbers have no rate (not a rate of 0 %).
    rated = {c.network.value: c.rate for c in kit.channels}
    assert rated["mastodon"] is not None and rated["mastodon"] > 0
    assert None in rated.values() and 0.0 not in rated.values()
    assert done.partner.company in kit.partners
    pdf = tmp_path / "kit.pdf"
    drawn = write_media_kit_pdf(kit, pdf, HELSINKI)
    text = _pdf_text(pdf)
    for heading in KIT_HEADINGS[language]:
        assert heading in text
    assert "Instagram-julkaisu 450 €" in text and done.partner.company in text
    first = kit.channels[0]
    if first.followers is not None:
        assert f"{first.followers:,}".replace(",", " " if language == "fi" else ",") in text
    rendered = render_media_kit_pages(kit, HELSINKI)
    assert problems(drawn, rendered.page_height) == []
    png = tmp_path / "kit.png"
    write_media_kit_png(kit, png, HELSINKI)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    _to_png(pdf, f"kit-{language}")
    # Opted out: no partner is named.
    hidden = build_media_kit(workspace, NOW, KitSettings(language=language))
    assert hidden.partners == ()
