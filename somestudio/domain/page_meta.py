"""What a web page says about itself for link cards: Open Graph and Twitter-card tags.

Parsed with the standard library's ``html.parser`` (tolerant of broken markup, never runs
scripts, needs no extra package). Open Graph (https://ogp.me/) comes first, then the
Twitter-card tags (``twitter:title`` …), then ``<title>`` and ``<meta name="description">``.
A relative ``og:image`` is resolved against the page's address; only http(s) images count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from somestudio.domain.link_cards import MAX_DESCRIPTION, MAX_TITLE

_SPACE = re.compile(r"\s+")
_TITLE_KEYS = ("og:title", "twitter:title")
_DESCRIPTION_KEYS = ("og:description", "twitter:description", "description")
_IMAGE_KEYS = (
    "og:image:secure_url",
    "og:image:url",
    "og:image",
    "twitter:image",
    "twitter:image:src",
)


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str = ""
    description: str = ""
    image_url: str = ""

    @property
    def empty(self) -> bool:
        return not (self.title or self.description or self.image_url)


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "meta":
            found = {k.lower(): (v or "") for k, v in attrs}
            key = (found.get("property") or found.get("name") or "").strip().lower()
            content = found.get("content", "")
            if key and content.strip():
                self.meta.setdefault(key, content)  # the first of a repeated tag wins
        elif tag == "title" and not self.title:
            self._in_title = True
        elif tag == "body":
            self.done = True  # card tags live in <head>; a long body adds nothing

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self.done = True

    def handle_data(self, data: str) -> None:
        if self._in_title and not self.done and len(self.title) < MAX_TITLE * 2:
            self.title += data


def _clean(text: str, limit: int) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    for key in keys:
        if meta.get(key, "").strip():
            return meta[key]
    return ""


_CHUNK = 16_384


def page_meta(html_text: str, page_url: str) -> PageMeta:
    """The card facts in ``html_text``, the page fetched from ``page_url``."""
    parser = _MetaParser()
    for start in range(0, len(html_text), _CHUNK):
        parser.feed(html_text[start : start + _CHUNK])
        if parser.done:
            break
    parser.close()
    meta = parser.meta
    title = _first(meta, _TITLE_KEYS) or parser.title
    image = ""
    raw_image = _first(meta, _IMAGE_KEYS).strip()
    if raw_image:
        resolved = urljoin(page_url, raw_image)
        if urlsplit(resolved).scheme in ("http", "https"):
            image = resolved
    return PageMeta(
        title=_clean(title, MAX_TITLE),
        description=_clean(_first(meta, _DESCRIPTION_KEYS), MAX_DESCRIPTION),
        image_url=image,
    )
