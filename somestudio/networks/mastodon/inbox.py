"""Mastodon notifications for the inbox.

``GET /api/v1/notifications`` (Mastodon docs, "notifications API methods — Get all
notifications": https://docs.joinmastodon.org/methods/notifications/#get; entity
https://docs.joinmastodon.org/entities/Notification/): ``limit`` up to 80, ``min_id``
returns the page immediately newer than that id, and the ``Link`` header's ``prev`` URL
carries the ``min_id`` of the next newer page. Paging forward this way, each page and the
new position are stored together: nothing is read twice or skipped across restarts.
Scope ``read:notifications`` (the app asks for ``read``).

Types kept: ``mention`` (a reply when it answers one of our statuses), ``quote``,
``favourite``, ``reblog``, ``follow``; the rest (polls, edits, admin, ...) are skipped.
Mastodon keeps no per-notification "seen" we could set by time, so marking seen is local.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.reading import InboxPage
from somestudio.networks.mastodon.publish import MastodonClient
from somestudio.networks.publishing import parse_time

PATH = "/api/v1/notifications"
PAGE_SIZE = 80  # the documented maximum

_KINDS = {
    "mention": InboxKind.MENTION,
    "quote": InboxKind.QUOTE,
    "favourite": InboxKind.LIKE,
    "reblog": InboxKind.REPOST,
    "follow": InboxKind.FOLLOW,
}
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def text_of(content: str) -> str:
    """A status's HTML as the plain text a person wrote (paragraphs and breaks kept)."""
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", content))).strip()


def incoming(note: Mapping[str, Any], me: str = "") -> Incoming | None:
    kind = _KINDS.get(str(note.get("type", "")))
    created = parse_time(note.get("created_at"))
    if kind is None or created is None or not note.get("id"):
        return None
    who_raw = note.get("account")
    who: Mapping[str, Any] = who_raw if isinstance(who_raw, Mapping) else {}
    author = Author(
        "@" + str(who.get("acct", "")).lstrip("@"),
        str(who.get("display_name") or ""),
        str(who.get("id", "")),
    )
    status_raw = note.get("status")
    status: Mapping[str, Any] = status_raw if isinstance(status_raw, Mapping) else {}
    status_id = str(status.get("id", ""))
    text = ""
    item_post = subject = None
    if kind in (InboxKind.MENTION, InboxKind.QUOTE) and status_id:
        item_post = PostRef(status_id, url=str(status.get("url") or status.get("uri") or ""))
        text = text_of(str(status.get("content", "")))
        parent = status.get("in_reply_to_id")
        if parent:
            subject = PostRef(str(parent))
            answered = str(status.get("in_reply_to_account_id") or "")
            if kind is InboxKind.MENTION and (not me or answered == me):
                kind = InboxKind.REPLY
    elif kind in (InboxKind.LIKE, InboxKind.REPOST) and status_id:
        subject = PostRef(status_id, url=str(status.get("url") or ""))
    return Incoming(
        network_item_id=str(note["id"]),
        kind=kind,
        author=author,
        created_at=created,
        text=text,
        item_post=item_post,
        subject=subject,
    )


def _newest(notes: list[Mapping[str, Any]], links: Mapping[str, Any]) -> str:
    prev = links.get("prev", {}).get("url", "") if isinstance(links.get("prev"), dict) else ""
    found = parse_qs(urlsplit(str(prev)).query).get("min_id", [])
    if found:
        return found[0]
    ids = [str(n.get("id", "")) for n in notes]
    return max(ids, key=lambda i: (len(i), i), default="")  # ids are numbers as text


def read(
    client: MastodonClient, token: str, cursor: InboxCursor, pages: int, me: str = ""
) -> Iterator[InboxPage]:
    for _ in range(max(1, pages)):
        params: dict[str, object] = {"limit": PAGE_SIZE}
        if cursor.position:
            params["min_id"] = cursor.position
        response = client.http.request(
            "GET", f"{client.base}{PATH}", idempotent=True, token=token, params=params
        )
        body = response.json()
        notes = [n for n in body if isinstance(n, Mapping)] if isinstance(body, list) else []
        if not notes:
            return
        items = tuple(found for n in notes if (found := incoming(n, me)) is not None)
        cursor = cursor.moved_to(_newest(notes, response.links))
        yield InboxPage(items, cursor)
        if len(notes) < PAGE_SIZE or "min_id" not in params:
            return  # caught up (the first read starts at the newest page)
