"""Bluesky notifications for the inbox, read through the account's PDS (which hands
``app.bsky.*`` queries to its AppView).

- ``app.bsky.notification.listNotifications`` (Bluesky HTTP reference, "app.bsky.
  notification.listNotifications": https://docs.bsky.app/docs/api/app-bsky-notification-
  list-notifications): newest first, ``limit`` 1..100, ``cursor`` pages back in time. Each
  notification has ``uri``, ``cid``, ``author``, ``reason`` (like, repost, follow, mention,
  reply, quote, ...), ``reasonSubject``, ``record`` and ``indexedAt``.
- ``app.bsky.notification.updateSeen`` {seenAt} (https://docs.bsky.app/docs/api/app-bsky-
  notification-update-seen): the official app's unread count follows ours.

Paging back means a collection walks from the newest down to the last position it stored
(``domain.inbox.cursors``); ``indexedAt`` is the position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.reading import InboxPage
from somestudio.networks.bluesky.publish import BlueskyClient

LIST = "app.bsky.notification.listNotifications"
UPDATE_SEEN = "app.bsky.notification.updateSeen"
PAGE_SIZE = 50  # the lexicon allows 1..100

_KINDS = {
    "reply": InboxKind.REPLY,
    "mention": InboxKind.MENTION,
    "quote": InboxKind.QUOTE,
    "like": InboxKind.LIKE,
    "repost": InboxKind.REPOST,
    "follow": InboxKind.FOLLOW,
}

Access = Callable[[Callable[[str, str], Any]], Any]  # runs a call with (access JWT, DID)


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        found = datetime.fromisoformat(value)
    except ValueError:
        return None
    return found.astimezone(UTC) if found.tzinfo else found.replace(tzinfo=UTC)


def _strong(value: object) -> PostRef | None:
    if isinstance(value, Mapping) and isinstance(value.get("uri"), str):
        return PostRef(str(value["uri"]), str(value.get("cid", "")))
    return None


def _web_url(uri: str, handle: str) -> str:
    repo, _, rkey = uri.removeprefix("at://").partition("/app.bsky.feed.post/")
    return f"https://bsky.app/profile/{handle or repo}/post/{rkey}" if rkey else ""


def incoming(note: Mapping[str, Any]) -> Incoming | None:
    """One notification as an inbox entry (None for reasons the inbox does not keep)."""
    kind = _KINDS.get(str(note.get("reason", "")))
    created = _time(note.get("indexedAt"))
    uri = note.get("uri")
    if kind is None or created is None or not isinstance(uri, str):
        return None
    author_raw = note.get("author")
    author_map: Mapping[str, Any] = author_raw if isinstance(author_raw, Mapping) else {}
    handle = str(author_map.get("handle", ""))
    name = str(author_map.get("displayName") or "")
    author = Author(handle, name, str(author_map.get("did", "")))
    record_raw = note.get("record")
    record: Mapping[str, Any] = record_raw if isinstance(record_raw, Mapping) else {}
    subject_uri = note.get("reasonSubject")
    subject = PostRef(subject_uri) if isinstance(subject_uri, str) and subject_uri else None
    item_post = root = None
    text = ""
    if kind in (InboxKind.REPLY, InboxKind.MENTION, InboxKind.QUOTE):
        item_post = PostRef(uri, str(note.get("cid", "")), _web_url(uri, handle))
        text = str(record.get("text", ""))
        reply = record.get("reply")
        if isinstance(reply, Mapping):
            root = _strong(reply.get("root"))
            if kind is InboxKind.REPLY:
                subject = _strong(reply.get("parent")) or subject
    return Incoming(
        network_item_id=uri,
        kind=kind,
        author=author,
        created_at=created,
        text=text,
        item_post=item_post,
        subject=subject,
        root=root,
    )


def read(
    client: BlueskyClient, access: Access, cursor: InboxCursor, pages: int
) -> Iterator[InboxPage]:
    """Walk from the newest notification (or from where a walk cut short stopped) back to
    the stored position, one page at a time."""
    since = _time(cursor.position)
    page_cursor = cursor.resume
    for _ in range(max(1, pages)):
        params: dict[str, object] = {"limit": PAGE_SIZE}
        if page_cursor:
            params["cursor"] = page_cursor

        def ask(token: str, _did: str, params: dict[str, object] = params) -> Any:
            return client.call("GET", LIST, idempotent=True, token=token, params=params)

        body = access(ask)
        notes = body.get("notifications", []) if isinstance(body, Mapping) else []
        notes = [n for n in notes if isinstance(n, Mapping)]
        top = str(notes[0].get("indexedAt", "")) if notes else ""
        times = [_time(n.get("indexedAt")) for n in notes]
        fresh = [
            n for n, t in zip(notes, times, strict=True) if since is None or (t and t >= since)
        ]
        items = tuple(found for n in fresh if (found := incoming(n)) is not None)
        next_cursor = body.get("cursor") if isinstance(body, Mapping) else None
        reached = (
            since is None  # never read: the newest page is where the inbox starts
            or len(fresh) < len(notes)
            or not notes
            or not isinstance(next_cursor, str)
            or not next_cursor
        )
        if reached:
            yield InboxPage(items, cursor.walk_done(top))
            return
        assert isinstance(next_cursor, str)
        cursor = cursor.walk_continues(top, next_cursor)
        page_cursor = next_cursor
        yield InboxPage(items, cursor)


def mark_seen(client: BlueskyClient, access: Access, seen_at: datetime) -> None:
    stamp = seen_at.astimezone(UTC).isoformat().replace("+00:00", "Z")

    def tell(token: str, _did: str) -> Any:
        return client.http.request(
            "POST", client._url(UPDATE_SEEN), idempotent=True, token=token, json={"seenAt": stamp}
        )

    access(tell)
