"""Threads replies for the inbox (permission ``threads_read_replies``).

``GET /me/threads`` lists the account's recent posts; ``GET /{media-id}/conversation``
returns every reply under one, at any depth, newest first with ``reverse=true``, paged with
``paging.cursors.after`` (Threads docs, "Retrieve Media Replies and Conversations":
https://developers.facebook.com/docs/threads/retrieve-and-manage-replies/replies-and-
conversations/; fields ``id, text, username, permalink, timestamp, root_post, replied_to,
is_reply_owned_by_me, hide_status``). Threads has no notification list, so a round walks the
recent posts one by one, each back to the stored position (the newest reply's time); a round
cut short by the budget goes on next time at the post and page it reached
(``domain.inbox.cursors``). Our own replies are not inbox entries.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.reading import InboxPage
from somestudio.domain.utc import utc_text
from somestudio.networks.publishing import parse_time

RECENT_POSTS = 10  # replies keep coming to fresh posts; older ones are read on the site
PAGE_SIZE = 25
FIELDS = (
    "id,text,username,permalink,timestamp,root_post,replied_to,is_reply_owned_by_me,hide_status"
)


class Graph:
    """What the reader needs of ``GraphClient``: one authenticated GET."""

    def __init__(self, call: Any, token: str) -> None:
        self._call = call
        self._token = token

    def get(self, path: str, params: Mapping[str, object]) -> Any:
        return self._call("GET", path, self._token, idempotent=True, params=dict(params))


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
    )


def _data(body: Any) -> list[Mapping[str, Any]]:
    found = body.get("data", []) if isinstance(body, Mapping) else []
    return [item for item in found if isinstance(item, Mapping)]


def _after(body: Any) -> str:
    paging = body.get("paging", {}) if isinstance(body, Mapping) else {}
    if not isinstance(paging, Mapping) or not paging.get("next"):
        return ""
    cursors = paging.get("cursors", {})
    return str(cursors.get("after", "")) if isinstance(cursors, Mapping) else ""


def read(graph: Graph, user: str, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
    budget = max(2, pages)
    listed = graph.get(f"{user}/threads", {"fields": "id", "limit": RECENT_POSTS})
    posts = [str(p["id"]) for p in _data(listed) if p.get("id")]
    budget -= 1
    resume_post, _, after = cursor.resume.partition("|")
    start = posts.index(resume_post) if resume_post in posts else 0
    since = parse_time(cursor.position) if cursor.position else None
    for index in range(start, len(posts)):
        post = posts[index]
        page_after = after if index == start else ""
        while True:
            if budget <= 0:
                yield InboxPage((), cursor.walk_continues("", f"{post}|{page_after}"))
                return
            params: dict[str, object] = {"fields": FIELDS, "reverse": "true", "limit": PAGE_SIZE}
            if page_after:
                params["after"] = page_after
            body = graph.get(f"{post}/conversation", params)
            budget -= 1
            found = [i for r in _data(body) if (i := incoming(r)) is not None]
            fresh = tuple(i for i in found if since is None or i.created_at >= since)
            top = max((utc_text(i.created_at) for i in fresh), default="")
            page_after = _after(body)
            older = len(fresh) < len(found)
            following = posts[index + 1] if index + 1 < len(posts) else ""
            if older or not page_after:
                cursor = cursor.walk_continues(top, f"{following}|") if following else cursor
                if not following:
                    yield InboxPage(fresh, cursor.walk_done(top))
                    return
                yield InboxPage(fresh, cursor)
                break
            cursor = cursor.walk_continues(top, f"{post}|{page_after}")
            yield InboxPage(fresh, cursor)
    yield InboxPage((), cursor.walk_done(""))
