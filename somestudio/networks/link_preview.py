"""Fetching a page (and its card picture) for a link card: bounded in every direction.

Only http(s); at most ``MAX_REDIRECTS`` redirects, each checked again; a connect and read
timeout and an overall deadline (a server that drips a byte at a time cannot hold the
worker); the body read in chunks and cut at a size cap; the page must say it is HTML and the
picture that it is an image. No JavaScript runs: the page is only parsed for its tags.
Every failure is a ``PreviewError``: the caller simply shows no card.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from somestudio.networks.http import SessionFactory, create_session

MAX_PAGE_BYTES = 1_000_000  # the <head> is what matters; a bigger page is read up to here
MAX_IMAGE_BYTES = 5_000_000  # the picture as served (made smaller before it is kept)
MAX_REDIRECTS = 4
TIMEOUT = (4.0, 6.0)  # seconds: connect, then each read
DEADLINE_S = 12.0  # for the whole fetch, redirects and body included
# When set (comma-separated host names), cards are read only from these hosts: the test suite
# sets it to loopback so no test, nor a program a test starts, reaches the internet.
HOSTS_VARIABLE = "SOMESTUDIO_LINK_CARD_HOSTS"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class PreviewError(Exception):
    """The page or picture could not be fetched (or is not what a card needs)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # where it finally came from (after redirects)
    content_type: str
    body: bytes
    charset: str = ""


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise PreviewError(f"not an http(s) address: {url[:200]}")
    allowed = os.environ.get(HOSTS_VARIABLE)
    if allowed is not None and (parts.hostname or "") not in allowed.split(","):
        raise PreviewError(f"{parts.hostname} is not among the hosts in {HOSTS_VARIABLE}")


class LinkPreviewFetcher:
    def __init__(
        self,
        session_factory: SessionFactory = create_session,
        *,
        timeout: tuple[float, float] = TIMEOUT,
        deadline_s: float = DEADLINE_S,
    ) -> None:
        self._session_factory = session_factory
        self.timeout = timeout
        self.deadline_s = deadline_s

    def fetch(self, url: str, *, max_bytes: int, accept: str) -> Fetched:
        """GET ``url`` following at most MAX_REDIRECTS redirects; the body up to ``max_bytes``."""
        deadline = time.monotonic() + self.deadline_s
        with self._session_factory() as session:
            session.max_redirects = MAX_REDIRECTS
            for _ in range(MAX_REDIRECTS + 1):
                _check_scheme(url)
                try:
                    response = session.get(
                        url,
                        timeout=self.timeout,
                        stream=True,
                        allow_redirects=False,
                        headers={"Accept": accept},
                    )
                except (requests.RequestException, ValueError) as exc:
                    raise PreviewError(f"{type(exc).__name__}: {exc}") from exc
                with response:
                    if response.is_redirect and response.headers.get("Location"):
                        url = urljoin(url, response.headers["Location"])
                        continue
                    if response.status_code != 200:
                        raise PreviewError(f"HTTP {response.status_code}")
                    body = _read(response, max_bytes, deadline)
                    content_type = response.headers.get("Content-Type", "")
                    charset = ""
                    if "charset=" in content_type.lower():
                        charset = content_type.lower().split("charset=", 1)[1].split(";")[0]
                    return Fetched(
                        url,
                        content_type.split(";")[0].strip().lower(),
                        body,
                        charset.strip().strip('"'),
                    )
        raise PreviewError("too many redirects")

    def page(self, url: str) -> tuple[str, str]:
        """(the page's HTML as text, its final address)."""
        fetched = self.fetch(
            url, max_bytes=MAX_PAGE_BYTES, accept="text/html,application/xhtml+xml;q=0.9"
        )
        if fetched.content_type not in _HTML_TYPES:
            raise PreviewError(f"not a web page ({fetched.content_type or 'no type'})")
        return _decode(fetched), fetched.url

    def image(self, url: str) -> bytes:
        fetched = self.fetch(url, max_bytes=MAX_IMAGE_BYTES, accept="image/*")
        if not fetched.content_type.startswith("image/"):
            raise PreviewError(f"not an image ({fetched.content_type or 'no type'})")
        if len(fetched.body) >= MAX_IMAGE_BYTES:
            raise PreviewError("the picture is too big")
        return fetched.body


def _read(response: requests.Response, max_bytes: int, deadline: float) -> bytes:
    """The body up to ``max_bytes`` (a bigger page is cut there, a bigger image refused).
    ``read1`` returns what has arrived, so the deadline holds even against a server that
    sends a byte now and then (each wait is bounded by the read timeout)."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size < max_bytes:
            if time.monotonic() > deadline:
                raise PreviewError("the page took too long")
            chunk = response.raw.read1(16_384, decode_content=True)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        raise PreviewError(f"{type(exc).__name__}: {exc}") from exc
    return b"".join(chunks)[:max_bytes]


def _decode(fetched: Fetched) -> str:
    charset = fetched.charset
    if not charset:
        found = _CHARSET.search(fetched.body[:4096])
        charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        return fetched.body.decode(charset, errors="replace")
    except LookupError:
        return fetched.body.decode("utf-8", errors="replace")
