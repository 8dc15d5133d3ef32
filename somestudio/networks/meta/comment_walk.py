"""The walk Meta's inboxes share: none of Threads, a Facebook Page or Instagram has a list of
notifications an app may read, so a round lists the account's recent posts and walks the
replies or comments under each one, newest first, back to the stored position (the newest
entry's time, ``domain.inbox.cursors``). A round cut short by the budget keeps the post and
page it reached in ``resume`` (``post|after``) and goes on from there next time. Entries read
twice at the edges are harmless: the store keeps one row per network id.

Entries on a page read that are older than the position are not dropped here: they go with
the page as ``seen``, for the store to update their hidden state (someone else may have hidden
a comment since we stored it); the store adds none of them. Which older comments are re-read
is bounded by the walk itself: every page of the ``RECENT_POSTS`` for Instagram, and for
Facebook (newest first) the pages read until one reaches back past the position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Incoming
from somestudio.domain.inbox.reading import InboxPage
from somestudio.domain.utc import utc_text
from somestudio.networks.publishing import parse_time

RECENT_POSTS = 10  # replies keep coming to fresh posts; older ones are read on the site
PAGE_SIZE = 25


class Graph:
    """What the walk needs of ``GraphClient``: one authenticated GET."""

    def __init__(self, call: Any, token: str) -> None:
        self._call = call
        self._token = token

    def get(self, path: str, params: Mapping[str, object]) -> Any:
        return self._call("GET", path, self._token, idempotent=True, params=dict(params))


@dataclass(frozen=True, slots=True)
class Source:
    """One network's shape of the walk.

    ``posts``: the path listing the account's recent posts (``{"fields": "id"}`` asked);
    ``under``: the path of one post's entries (``{post}`` filled in), asked with ``params``;
    ``entries``: the entries of one answer (``Incoming``; our own left out), given the post;
    ``newest_first``: the network sorts newest first, so a page with older entries ends the
    post's walk (otherwise every page of the post is read, each filtered by time).
    """

    posts: str
    under: str
    params: Mapping[str, object]
    entries: Callable[[Mapping[str, Any], str], list[Incoming]]
    newest_first: bool = True


def data(body: Any) -> list[Mapping[str, Any]]:
    found = body.get("data", []) if isinstance(body, Mapping) else []
    return [item for item in found if isinstance(item, Mapping)]


def after(body: Any) -> str:
    """The next page's cursor, or "" on the last page (no ``paging.next``)."""
    paging = body.get("paging", {}) if isinstance(body, Mapping) else {}
    if not isinstance(paging, Mapping) or not paging.get("next"):
        return ""
    cursors = paging.get("cursors", {})
    return str(cursors.get("after", "")) if isinstance(cursors, Mapping) else ""


def walk(graph: Graph, source: Source, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
    budget = max(2, pages)
    listed = graph.get(source.posts, {"fields": "id", "limit": RECENT_POSTS})
    posts = [str(p["id"]) for p in data(listed) if p.get("id")]
    budget -= 1
    resume_post, _, resume_after = cursor.resume.partition("|")
    start = posts.index(resume_post) if resume_post in posts else 0
    since = parse_time(cursor.position) if cursor.position else None
    for index in range(start, len(posts)):
        post = posts[index]
        page_after = resume_after if index == start else ""
        while True:
            if budget <= 0:
                yield InboxPage((), cursor.walk_continues("", f"{post}|{page_after}"))
                return
            params = {**source.params, "limit": PAGE_SIZE}
            if page_after:
                params["after"] = page_after
            body = graph.get(source.under.format(post=post), params)
            budget -= 1
            found = [i for entry in data(body) for i in source.entries(entry, post)]
            fresh = tuple(i for i in found if since is None or i.created_at >= since)
            seen = tuple(i for i in found if since is not None and i.created_at < since)
            top = max((utc_text(i.created_at) for i in fresh), default="")
            page_after = after(body)
            older = source.newest_first and len(fresh) < len(found)
            following = posts[index + 1] if index + 1 < len(posts) else ""
            if older or not page_after:
                cursor = cursor.walk_continues(top, f"{following}|") if following else cursor
                if not following:
                    yield InboxPage(fresh, cursor.walk_done(top), seen)
                    return
                yield InboxPage(fresh, cursor, seen)
                break
            cursor = cursor.walk_continues(top, f"{post}|{page_after}")
            yield InboxPage(fresh, cursor, seen)
    yield InboxPage((), cursor.walk_done(""))
