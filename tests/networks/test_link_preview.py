"""Reading a link card from pages on a real loopback server: relative pictures, missing
tags, huge pages, non-HTML, redirects, a server that stalls or drips, nothing listening."""

from __future__ import annotations

import io
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pytest_httpserver import HTTPServer
from werkzeug import Response

from somestudio.app.link_cards import THUMB_MAX_BYTES, THUMB_MAX_SIDE, LinkCards
from somestudio.networks.link_preview import (
    MAX_PAGE_BYTES,
    MAX_REDIRECTS,
    LinkPreviewFetcher,
    PreviewError,
)

HEAD = (
    '<html><head><meta property="og:title" content="Kahvila Aurinko">'
    '<meta property="og:description" content="Pullaa joka päivä">'
    '<meta property="og:image" content="kuvat/iso.png"></head><body>'
)


def _png(width: int, height: int, *, noisy: bool = False) -> bytes:
    image = Image.new("RGB", (width, height), (200, 150, 40))
    if noisy:  # random pixels compress badly: the kept copy must still fit
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _cards(tmp_path: Path, **kwargs: float) -> LinkCards:
    fetcher = LinkPreviewFetcher(
        timeout=(kwargs.get("connect", 2.0), kwargs.get("read", 2.0)),
        deadline_s=kwargs.get("deadline", 5.0),
    )
    return LinkCards(tmp_path / "media", fetcher)


def test_a_card_with_its_picture_kept_small_in_the_media_folder(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    big = _png(1500, 1000, noisy=True)
    assert len(big) > THUMB_MAX_BYTES
    httpserver.expect_request("/blogi/joulu").respond_with_data(
        HEAD + "<p>teksti</p></body></html>", content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/blogi/kuvat/iso.png").respond_with_data(
        big, content_type="image/png"
    )
    url = httpserver.url_for("/blogi/joulu")
    card = _cards(tmp_path).fetch(url)
    assert card is not None
    assert (card.url, card.title, card.description) == (url, "Kahvila Aurinko", "Pullaa joka päivä")
    assert card.image_url == httpserver.url_for("/blogi/kuvat/iso.png")
    kept = Path(card.thumb_path)
    assert kept.parent == tmp_path / "media" / "cards"
    assert kept.stat().st_size <= THUMB_MAX_BYTES
    with Image.open(kept) as image:
        assert image.format == "JPEG"
        assert max(image.size) == THUMB_MAX_SIDE
        assert image.size[0] / image.size[1] == pytest.approx(1.5, rel=0.01)


def test_a_picture_that_is_not_one_leaves_a_card_without_a_picture(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/s").respond_with_data(HEAD, content_type="text/html")
    httpserver.expect_request("/kuvat/iso.png").respond_with_data(
        b"<html>404</html>", content_type="image/png"
    )
    card = _cards(tmp_path).fetch(httpserver.url_for("/s"))
    assert card is not None and card.title == "Kahvila Aurinko"
    assert card.thumb_path == ""


def test_a_page_without_card_tags_or_that_is_not_html_has_no_card(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/tyhja").respond_with_data(
        "<html><body>ei mitään</body></html>", content_type="text/html"
    )
    httpserver.expect_request("/lista.pdf").respond_with_data(
        b"%PDF-1.7 <title>x</title>", content_type="application/pdf"
    )
    httpserver.expect_request("/puuttuu").respond_with_data("ei", status=404)
    cards = _cards(tmp_path)
    assert cards.fetch(httpserver.url_for("/tyhja")) is None
    assert cards.fetch(httpserver.url_for("/lista.pdf")) is None
    assert cards.fetch(httpserver.url_for("/puuttuu")) is None
    assert not (tmp_path / "media").exists()


def test_a_huge_page_is_read_only_up_to_the_cap(httpserver: HTTPServer, tmp_path: Path) -> None:
    body = (HEAD + "<p>täytettä</p>" * 400_000).encode()
    assert len(body) > 5 * MAX_PAGE_BYTES
    httpserver.expect_request("/iso").respond_with_data(body, content_type="text/html")
    fetched = LinkPreviewFetcher().fetch(
        httpserver.url_for("/iso"), max_bytes=MAX_PAGE_BYTES, accept="text/html"
    )
    assert len(fetched.body) == MAX_PAGE_BYTES
    card = _cards(tmp_path).fetch(httpserver.url_for("/iso"))
    assert card is not None and card.title == "Kahvila Aurinko"


def test_redirects_are_followed_a_few_times_and_only_to_http(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    for hop in range(MAX_REDIRECTS + 2):
        httpserver.expect_request(f"/r{hop}").respond_with_response(
            Response(status=302, headers={"Location": f"/r{hop + 1}"})
        )
    httpserver.expect_request(f"/r{MAX_REDIRECTS + 2}").respond_with_data(
        HEAD, content_type="text/html"
    )
    httpserver.expect_request("/ftp").respond_with_response(
        Response(status=301, headers={"Location": "ftp://127.0.0.1/x"})
    )
    cards = _cards(tmp_path)
    near = cards.fetch(httpserver.url_for(f"/r{3}"))  # three hops to the page
    assert near is not None and near.title == "Kahvila Aurinko"
    assert cards.fetch(httpserver.url_for("/r0")) is None  # too many hops
    assert cards.fetch(httpserver.url_for("/ftp")) is None


@pytest.fixture
def stalling_server() -> Iterator[tuple[str, str]]:
    """One address that answers the headers and then nothing; one that drips a byte at a
    time forever (each byte well within the read timeout)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            request = conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head>")
            while not stop.is_set():
                if b"/drip" in request:
                    try:
                        conn.sendall(b" ")
                    except OSError:
                        return
                time.sleep(0.1)

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/stall", f"http://127.0.0.1:{port}/drip"
    stop.set()
    thread.join(5)
    listener.close()


def test_a_stalled_or_dripping_server_gives_no_card_in_bounded_time(
    stalling_server: tuple[str, str], tmp_path: Path
) -> None:
    stall, drip = stalling_server
    cards = _cards(tmp_path, read=0.5, deadline=1.5)
    started = time.monotonic()
    assert cards.fetch(stall) is None
    assert cards.fetch(drip) is None
    assert time.monotonic() - started < 6


def test_offline_nothing_listening_no_card_no_error(tmp_path: Path) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    assert _cards(tmp_path).fetch(f"http://127.0.0.1:{port}/sivu") is None


def test_only_http_and_only_the_allowed_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    fetcher = LinkPreviewFetcher()
    with pytest.raises(PreviewError, match="not an http"):
        fetcher.page("file:///etc/passwd")
    monkeypatch.setenv("SOMESTUDIO_LINK_CARD_HOSTS", "127.0.0.1")
    with pytest.raises(PreviewError, match="not among the hosts"):
        fetcher.page("https://kahvila.fi/")  # refused before any traffic
