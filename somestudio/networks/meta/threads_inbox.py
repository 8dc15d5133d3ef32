"""Threads replies for the inbox (permission ``threads_read_replies``).

``GET /me/threads`` lists the account's recent posts; ``GET /{media-id}/conversation``
returns every reply under one, at any depth, newest first with ``reverse=true``, paged with
``paging.cursors.after`` (Threads docs, "Retrieve Media Replies and Conversations":
https://developers.facebook.com/docs/threads/retrieve-and-manage-replies/replies-and-
conversations/; fields ``id, text, username, permalink, timestamp, root_post, replied_to,
is_reply_owned_by_me, hide_status``). The walk over the recent posts is
``networks.meta.comment_walk``'s. Our own replies are not inbox entries.

Hidden replies: ``hide_status`` says "Whether or not the reply is hidden" (same page, Fields;
the example answers ``"hide_status": "NOT_HUSHED"``); its values, as Meta's Threads API
Postman collection lists them for ``/replies`` and ``/conversation``, are ``NOT_HUSHED,
UNHUSHED, HIDDEN`` (mirrored in github.com/api-evangelist/threads-api, collections/threads-api-
read-and-manage-threads-read-and-manage-threads-replies-api.opencollection.json). Hiding is
``POST /{threads-reply-id}/manage_reply`` with ``hide=true|false`` ("Reply Management", Hide
Replies, https://developers.facebook.com/documentation/threads/reply-management): a reply
hidden and shown again reads ``UNHUSHED``, one never hidden ``NOT_HUSHED``. Answers seen from
the API also carry ``COVERED``, ``BLOCKED`` and ``RESTRICTED``. Checked again (December 2026)
at Meta's own pages: the "Reply Management" reference
(https://developers.facebook.com/documentation/threads/reference/reply-management) lists
``hide_status`` among the fields of ``/replies`` and ``/conversation`` without its values, and
the "Reply Management" guide (https://developers.facebook.com/documentation/threads/reply-
management) only says what ``manage_reply`` does; neither defines these three. Read by their
names, each keeps the reply out of the open conversation (covered behind a warning, by an
account the owner blocked or restricted), so they count as hidden: the entry then says it is
hidden on the network, and it stays in the inbox. Any other value, or none, says nothing
(``Incoming.hidden`` None): the stored state is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.reading import InboxPage
from somestudio.networks.meta.comment_walk import Graph, Source, walk
from somestudio.networks.publishing import parse_time

__all__ = ["FIELDS", "Graph", "hidden", "incoming", "read"]

FIELDS = (
    "id,text,username,permalink,timestamp,root_post,replied_to,is_reply_owned_by_me,hide_status"
)
SHOWN = frozenset({"NOT_HUSHED", "UNHUSHED"})
# COVERED, BLOCKED, RESTRICTED: undefined in Meta's docs (the module's note, and
# https://developers.facebook.com/documentation/threads/reference/reply-management).
HIDDEN = frozenset({"HIDDEN", "COVERED", "BLOCKED", "RESTRICTED"})


def hidden(status: object) -> bool | None:
    """What ``hide_status`` says of the reply: hidden, shown, or nothing (None)."""
    value = str(status).strip().upper() if isinstance(status, str) else ""
    if value in HIDDEN:
        return True
    if value in SHOWN:
        return False
    return None


def _ref(value: object) -> PostRef | None:
    if isinstance(value, Mapping) and value.get("id"):
        return PostRef(str(value["id"]))
    return None


def incoming(reply: Mapping[str, Any]) -> Incoming | None:
    created = parse_time(reply.get("timestamp"))  # "2024-01-01T18:20:00+0000"
    if created is None or not reply.get("id") or reply.get("is_reply_owned_by_me"):
        return None
    handle = str(reply.get("username") or "")
    return Incoming(
        network_item_id=str(reply["id"]),
        kind=InboxKind.REPLY,
        author=Author(f"@{handle}" if handle else ""),
        created_at=created,
        text=str(reply.get("text") or ""),
        item_post=PostRef(str(reply["id"]), url=str(reply.get("permalink") or "")),
        subject=_ref(reply.get("replied_to")),
        root=_ref(reply.get("root_post")),
        hidden=hidden(reply.get("hide_status")),
    )


def _entries(reply: Mapping[str, Any], _post: str) -> list[Incoming]:
    found = incoming(reply)
    return [found] if found is not None else []


def read(graph: Graph, user: str, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
    source = Source(
        posts=f"{user}/threads",
        under="{post}/conversation",
        params={"fields": FIELDS, "reverse": "true"},
        entries=_entries,
    )
    return walk(graph, source, cursor, pages)
