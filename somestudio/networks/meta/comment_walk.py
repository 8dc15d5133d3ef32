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

Which posts: Threads lists its ``RECENT_POSTS`` newest. Facebook's listing also says each
post's newest comment, Instagram's each media's ``comments_count``, so a round walks the
newest posts and any older post with new comments, older posts listed a page a round in
rotation (``post_rotation``); that state is kept in ``resume`` after
``domain.inbox.cursors.KEPT``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Incoming
from somestudio.domain.inbox.reading import InboxPage
from somestudio.domain.utc import utc_text
from somestudio.networks.meta import post_rotation
from somestudio.networks.meta.graph_pages import after, data
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
    # The listing can say which posts have new entries (Facebook: each post's newest comment,
    # Instagram: its comment count): all the posts are looked at, and only those with new
    # entries walked (``networks.meta.post_rotation``).
    activity: post_rotation.Activity | None = None


def walk(graph: Graph, source: Source, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
    budget = max(2, pages)
    walk_resume, _rotation = post_rotation.split(cursor.resume)
    plan: post_rotation.Plan | None = None
    if source.activity is not None:
        plan = post_rotation.plan(graph, source.posts, cursor, budget, source.activity)
        posts = plan.posts
        budget -= plan.requests
    else:
        listed = graph.get(source.posts, {"fields": "id", "limit": RECENT_POSTS})
        posts = [str(p["id"]) for p in data(listed) if p.get("id")]
        budget -= 1

    def kept(index: int) -> str:
        """The rotation's state kept beside the walk's place (none without a rotation)."""
        return plan.rotation_at(index).encode() if plan is not None else ""

    def walk_done(at: InboxCursor, top: str) -> InboxCursor:
        return replace(at.walk_done(top), resume=kept(len(posts)))

    resume_post, _, resume_after = walk_resume.partition("|")
    start = posts.index(resume_post) if resume_post in posts else 0
    since = parse_time(cursor.position) if cursor.position else None
    for index in range(start, len(posts)):
        post = posts[index]
        # What is new under the post: after the stored position, or, for a post the rotation
        # chose, after the threshold it was chosen by (both less the overlap).
        newer = plan.threshold(post, since) if plan is not None else since
        page_after = resume_after if index == start else ""
        while True:
            if budget <= 0:
                place = f"{post}|{page_after}{kept(index)}"
                yield InboxPage((), cursor.walk_continues("", place))
                return
            params = {**source.params, "limit": PAGE_SIZE}
            if page_after:
                params["after"] = page_after
            body = graph.get(source.under.format(post=post), params)
            budget -= 1
            found = [i for entry in data(body) for i in source.entries(entry, post)]
            fresh = tuple(i for i in found if newer is None or i.created_at >= newer)
            seen = tuple(i for i in found if newer is not None and i.created_at < newer)
            top = max((utc_text(i.created_at) for i in fresh), default="")
            page_after = after(body)
            older = source.newest_first and len(fresh) < len(found)
            following = posts[index + 1] if index + 1 < len(posts) else ""
            if older or not page_after:
                if following:
                    cursor = cursor.walk_continues(top, f"{following}|{kept(index + 1)}")
                else:
                    yield InboxPage(fresh, walk_done(cursor, top), seen)
                    return
                yield InboxPage(fresh, cursor, seen)
                break
            cursor = cursor.walk_continues(top, f"{post}|{page_after}{kept(index)}")
            yield InboxPage(fresh, cursor, seen)
    yield InboxPage((), walk_done(cursor, ""))
