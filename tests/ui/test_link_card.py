"""The composer's link card with real widgets, a real database and a real page server.

The page is served on 127.0.0.1; the composer's fetcher reaches it as ``http://kahvila.fi``
through that server acting as its HTTP proxy (a link must have a real domain to be a link),
so nothing leaves the machine.
"""

from __future__ import annotations

import io
import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from PIL import Image
from PySide6.QtCore import Qt
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from somestudio.app.composer import Composer
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_text
from somestudio.networks.link_preview import HOSTS_VARIABLE, LinkPreviewFetcher
from somestudio.store.database import transaction
from somestudio.store.deliveries import load_outgoing
from somestudio.ui.composer import page as page_module
from somestudio.ui.composer.page import ComposePage
from tests.ui.test_composer import MakePage, make_page, tick, type_text, workspace

__all__ = ["make_page", "workspace"]  # the fixtures, shared with the composer's tests

PAGE = (
    '<html><head><meta property="og:title" content="Joulumenu">'
    '<meta property="og:description" content="Glögiä ja pipareita">'
    '<meta property="og:image" content="/kuva.png"></head><body></body></html>'
)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (180, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def _through(port: int) -> Callable[[], requests.Session]:
    def make() -> requests.Session:
        session = requests.Session()
        session.trust_env = False
        proxy = f"http://127.0.0.1:{port}"
        session.proxies = {"http": proxy, "https": proxy}
        return session

    return make


@pytest.fixture
def served(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    monkeypatch.setenv(HOSTS_VARIABLE, "kahvila.fi,127.0.0.1")
    httpserver.expect_request("/menu").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/kuva.png").respond_with_data(_png(), content_type="image/png")
    return httpserver


def _page(make_page: MakePage, port: int) -> ComposePage:
    page = make_page()
    page._composer.link_fetcher = LinkPreviewFetcher(_through(port), timeout=(2, 2))
    return page


def _preview(page: ComposePage, account_id: int) -> str:
    return page.preview_text(account_id)


def test_card_is_read_edited_previewed_saved_and_removed(
    make_page: MakePage, served: HTTPServer, qtbot: QtBot, workspace: Workspace
) -> None:
    page = _page(make_page, served.port)
    page.show()
    ids = tick(page, Network.BLUESKY, Network.MASTODON, Network.X)
    type_text(page, "Uusi menu http://kahvila.fi/menu")
    page.refresh_link_card()
    box = page.link_card
    assert not box.isHidden()
    assert box.title_edit.text() == "Joulumenu"
    assert box.description_edit.toPlainText() == "Glögiä ja pipareita"
    assert Path(box.card().thumb_path).is_file()  # type: ignore[union-attr]
    # The user makes the title their own.
    box.title_edit.clear()
    qtbot.keyClicks(box.title_edit, "Joulun menu")
    page.language.set_language("fi")
    page.run_checks()
    for account_id in ids.values():
        shown = _preview(page, account_id)
        assert "Joulun menu" in shown and "kahvila.fi" in shown and "Glögiä" in shown
    page.save_draft()
    post_id = max(page._studio.workspace.connection().execute("SELECT id FROM posts").fetchone())
    saved = Composer(workspace).load(post_id)
    assert saved is not None and saved.link_card is not None
    assert saved.link_card.title == "Joulun menu" and saved.language == "fi"
    conn = workspace.writable_connection()
    delivery_id = conn.execute(
        "SELECT id FROM deliveries WHERE post_id = ? AND account_id = ?",
        (post_id, ids[Network.BLUESKY]),
    ).fetchone()[0]
    with transaction(conn):  # what the publisher is handed needs a time
        conn.execute(
            "UPDATE deliveries SET scheduled_at = ?, time_zone = 'Europe/Helsinki' WHERE id = ?",
            (utc_text(datetime(2026, 12, 24, 8, 0, tzinfo=UTC)), delivery_id),
        )
    outgoing = load_outgoing(conn, delivery_id)
    assert outgoing is not None and outgoing.language == "fi"
    assert outgoing.link_card is not None and outgoing.link_card.title == "Joulun menu"

    # Open it again and remove the card: kept hidden, previews and publishing without it.
    assert page.open_post(post_id)
    assert page.link_card.title_edit.text() == "Joulun menu"
    requests_before = len(served.log)
    page.refresh_link_card()
    assert len(served.log) == requests_before  # the same link: not read again
    qtbot.mouseClick(page.link_card.remove_button, Qt.MouseButton.LeftButton)
    assert page.link_card.restore_button.isVisibleTo(page)
    page.run_checks()
    assert "Joulun menu" not in _preview(page, ids[Network.MASTODON])
    page.save_draft()
    reloaded = Composer(workspace).load(post_id)
    assert reloaded is not None and reloaded.link_card is not None and reloaded.link_card.hidden
    outgoing = load_outgoing(conn, delivery_id)
    assert outgoing is not None and outgoing.link_card is None


def test_images_take_the_cards_place(
    make_page: MakePage, served: HTTPServer, tmp_path: Path
) -> None:
    page = _page(make_page, served.port)
    page.show()
    ids = tick(page, Network.BLUESKY)
    type_text(page, "Katso http://kahvila.fi/menu")
    page.refresh_link_card()
    assert not page.link_card.images_note.isVisibleTo(page)
    image = tmp_path / "kuva.png"
    image.write_bytes(_png())
    page.media.add([str(image)])
    page.run_checks()
    assert page.link_card.images_note.isVisibleTo(page)
    assert "Joulumenu" not in _preview(page, ids[Network.BLUESKY])


def test_offline_no_card_and_no_error(make_page: MakePage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOSTS_VARIABLE, "kahvila.fi,127.0.0.1")
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens: as good as offline
    page = _page(make_page, port)
    type_text(page, "Uusi menu http://kahvila.fi/menu")
    page.refresh_link_card()
    assert page.link_card.isHidden()
    assert page.current_draft().link_card is None
    assert page.feedback.text() == ""
    page.save_draft()
    assert page.feedback.text() == "Draft saved to Drafts."


def test_a_link_that_gave_no_card_is_not_read_again_at_every_pause(
    make_page: MakePage, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """Offline, each pause in the typing read the same link again (a dozen times in two
    minutes, each a name lookup): now once, and again after ``LINK_RETRY_S``."""
    monkeypatch.setenv(HOSTS_VARIABLE, "kahvila.fi,127.0.0.1")
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens: as good as offline
    now = [1000.0]
    monkeypatch.setattr(page_module, "time", SimpleNamespace(monotonic=lambda: now[0]))
    page = _page(make_page, port)
    reads: list[str] = []
    read = Composer.link_card

    def counted(composer: Composer, url: str) -> object:
        reads.append(url)
        return read(composer, url)

    monkeypatch.setattr(Composer, "link_card", counted)
    type_text(page, "Uusi menu http://kahvila.fi/menu")
    page.refresh_link_card()
    qtbot.waitUntil(lambda: page._fetching is None)  # read on a worker, and failed
    type_text(page, "Uusi menu http://kahvila.fi/menu tänään")  # a pause later
    page.refresh_link_card()
    assert page._fetching is None  # not read again
    assert reads == ["http://kahvila.fi/menu"]
    now[0] += page_module.LINK_RETRY_S
    page.refresh_link_card()
    qtbot.waitUntil(lambda: len(reads) == 2 and page._fetching is None)
    assert reads == ["http://kahvila.fi/menu"] * 2
    assert page.link_card.isHidden()


def test_a_new_post_speaks_the_windows_language(make_page: MakePage) -> None:
    page = make_page()
    assert page.language.language() == "en"
    assert page.language.accessibleName() == "Language of the post"
    type_text(page, "Hello")
    assert page.current_draft().language == "en"
