"""X mentions for the inbox, read only when the user turns it on (X bills every read to the
credits of the user's own app).

``GET /2/users/{id}/mentions`` (X API docs, "Get mentions",
https://docs.x.com/x-api/users/get-mentions): newest first, ``max_results`` 5..100,
``since_id`` keeps to posts newer than the last stored one, ``pagination_token`` (the
answer's ``meta.next_token``) pages back in time; ``expansions=author_id`` brings the authors
in ``includes.users``, ``referenced_posts`` whether a post replies to or quotes another. The
names are those of X's OpenAPI document (v2.167: ``post.fields``, ``referenced_posts``; older
answers said ``referenced_tweets``, still understood). Paging back means a collection walks
from the newest down to the stored position (``domain.inbox.cursors``); a walk cut short by
the budget goes on next round with the same ``since_id``. The position is the newest post id,
zero-padded so ids of different lengths still sort (sent without the padding).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.reading import InboxPage

PAGE_SIZE = 100
POST_FIELDS = "created_at,conversation_id"
EXPANSIONS = "author_id,referenced_posts"
USER_FIELDS = "username,name"
_WIDTH = 20  # a 64-bit id has at most 20 digits

Get = Callable[[str, Mapping[str, str]], Any]  # an authenticated GET of a path under /2


def _mark(post_id: str) -> str:
    return post_id.zfill(_WIDTH) if post_id.isdigit() else ""


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def incoming(post: Mapping[str, Any], users: Mapping[str, Mapping[str, Any]]) -> Incoming | None:
    created = _time(post.get("created_at"))
    post_id = str(post.get("id") or "")
    if created is None or not post_id:
        return None
    user = users.get(str(post.get("author_id") or ""), {})
    username = str(user.get("username") or "")
    kind, subject = InboxKind.MENTION, None
    for ref in post.get("referenced_posts") or post.get("referenced_tweets") or []:
        if not isinstance(ref, Mapping) or not ref.get("id"):
            continue
        if ref.get("type") == "replied_to":
            kind, subject = InboxKind.REPLY, PostRef(str(ref["id"]))
        elif ref.get("type") == "quoted" and kind is InboxKind.MENTION:
            kind, subject = InboxKind.QUOTE, PostRef(str(ref["id"]))
    conversation = str(post.get("conversation_id") or "")
    url = f"https://x.com/{username}/status/{post_id}" if username else ""
    return Incoming(
        network_item_id=post_id,
        kind=kind,
        author=Author(
            f"@{username}" if username else "",
            str(user.get("name") or ""),
            str(post.get("author_id") or ""),
        ),
        created_at=created,
        text=str(post.get("text") or ""),
        item_post=PostRef(post_id, url=url),
        subject=subject,
        root=PostRef(conversation) if conversation and conversation != post_id else None,
    )


def read(get: Get, user_id: str, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
    for _ in range(max(1, pages)):
        params = {
            "max_results": str(PAGE_SIZE),
            "post.fields": POST_FIELDS,
            "expansions": EXPANSIONS,
            "user.fields": USER_FIELDS,
        }
        if cursor.position:
            params["since_id"] = cursor.position.lstrip("0")
        if cursor.resume:
            params["pagination_token"] = cursor.resume
        body = get(f"users/{user_id}/mentions", params)
        body = body if isinstance(body, Mapping) else {}
        includes = body.get("includes") if isinstance(body.get("includes"), Mapping) else {}
        users = {
            str(u.get("id")): u
            for u in (includes or {}).get("users", [])
            if isinstance(u, Mapping) and u.get("id")
        }
        found = [
            i
            for post in body.get("data", []) or []
            if isinstance(post, Mapping) and (i := incoming(post, users)) is not None
        ]
        top = max((_mark(i.network_item_id) for i in found), default="")
        meta = body.get("meta") if isinstance(body.get("meta"), Mapping) else {}
        following = str((meta or {}).get("next_token") or "")
        if not following:
            yield InboxPage(tuple(found), cursor.walk_done(top))
            return
        cursor = cursor.walk_continues(top, following)
        yield InboxPage(tuple(found), cursor)
