"""Which Facebook Page posts a round walks: new comments on older posts are found too.

Reading every post's comments every round costs a request per post; reading only the newest
posts missed comments on older ones. One listing request tells which posts have new
comments: ``GET /{page-id}/published_posts`` with the field expansion
``comments.filter(stream).order(reverse_chronological).limit(1){created_time}`` answers each
post with its newest comment ("Field Expansion": an edge asked as a field, with ``.limit()``
and the edge's own parameters as modifiers, https://developers.facebook.com/docs/graph-api/
guides/field-expansion; ``filter`` and ``order`` of the comments edge, "/{object-id}/
comments", https://developers.facebook.com/docs/graph-api/reference/object/comments). Then:

- the ``RECENT_POSTS`` newest are walked every round, as before (their first page also
  re-reads what the network says of hidden comments);
- the other posts of the first listing page (``LISTED_POSTS``) are walked only when their
  newest comment is not older than the stored position (less ``OVERLAP``, for comments
  written while a round ran);
- posts older than that are listed one page per round, in rotation (the listing's ``after``
  cursor, kept in the cursor's ``resume`` after ``#``): a post there is walked when its
  newest comment is not older than the position at which the rotation's previous cycle
  began, so nothing written since the rotation last passed it is missed. A post whose
  comment came before Some Studio first read the Page is not walked (its older comments are
  history, as the 10-post walk never read them either).

Costs: one listing request a round, a second one while the budget allows, and one request
per page of comments only where comments are new. The rotation's state is three strings:
the next slice's listing cursor, the threshold for older posts, and the position when the
current cycle began.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from somestudio.domain.inbox.cursors import KEPT, InboxCursor
from somestudio.networks.meta.graph_pages import after as next_page
from somestudio.networks.meta.graph_pages import data
from somestudio.networks.publishing import parse_time

RECENT_POSTS = 10  # walked every round
LISTED_POSTS = 50  # posts per listing request (with their newest comment)
OVERLAP = timedelta(minutes=15)
ACTIVITY = "comments.filter(stream).order(reverse_chronological).limit(1){created_time}"
ROTATION = KEPT  # separates the walk's own resume (post|after) from the rotation's state
_PARTS = ","  # between the rotation's three strings (never in a Graph cursor or a time)


@dataclass(frozen=True, slots=True)
class Rotation:
    after: str = ""  # the listing cursor of the next older slice ("" the first one)
    mark: str = ""  # older posts are walked when their newest comment is at or after this
    cycle: str = ""  # the position when the current cycle began
    started: bool = False

    def encode(self) -> str:
        if not self.started:
            return ""
        return ROTATION + _PARTS.join((self.after, self.mark, self.cycle))

    def advanced(self, next_after: str, position: str) -> Rotation:
        """The slice was read: the next one, or back to the first older slice, a new cycle
        (what the previous cycle began at becomes the threshold)."""
        if next_after:
            return replace(self, after=next_after)
        return Rotation("", self.cycle, position, True)


def split(resume: str) -> tuple[str, Rotation]:
    """The walk's own resume and the rotation's state, from the cursor's ``resume``."""
    walk, sep, state = resume.partition(ROTATION)
    if not sep:
        return walk, Rotation()
    after, mark, cycle = [*state.split(_PARTS), "", "", ""][:3]
    return walk, Rotation(after, mark, cycle, True)


@dataclass(frozen=True, slots=True)
class Plan:
    posts: list[str]  # to walk this round: the older slice's first, then the newest
    requests: int  # listing requests spent
    before: Rotation  # the rotation's state while the older slice's posts are walked
    after: Rotation  # once they are (the slice read: the rotation moves on)
    ahead: int  # how many of ``posts`` are the older slice's

    def rotation_at(self, index: int) -> Rotation:
        """The state to keep with a walk that goes on at ``posts[index]``."""
        return self.after if index >= self.ahead else self.before


def _newest(post: Any) -> datetime | None:
    comments = post.get("comments") if isinstance(post, Mapping) else None
    found = comments.get("data") if isinstance(comments, Mapping) else None
    if not isinstance(found, list) or not found or not isinstance(found[0], Mapping):
        return None
    return parse_time(found[0].get("created_time"))


def _listing(graph: Any, path: str, after: str) -> tuple[list[tuple[str, datetime | None]], str]:
    params: dict[str, object] = {"fields": f"id,{ACTIVITY}", "limit": LISTED_POSTS}
    if after:
        params["after"] = after
    body = graph.get(path, params)
    posts = [(str(p["id"]), _newest(p)) for p in data(body) if p.get("id")]
    return posts, next_page(body)


def _active(posts: list[tuple[str, datetime | None]], since: datetime | None) -> list[str]:
    if since is None:
        return []
    threshold = since - OVERLAP
    return [post for post, newest in posts if newest is not None and newest >= threshold]


def plan(graph: Any, path: str, cursor: InboxCursor, budget: int) -> Plan:
    """List the posts (one request; a second, for the older slice, while ``budget`` allows
    and the walk does not go on among the newest) and choose those to walk."""
    walk, rotation = split(cursor.resume)
    position = cursor.position
    if not rotation.started:
        rotation = Rotation("", position, position, True)
    if position and not rotation.mark:
        # Begun at the very first read (nothing stored then): what came after it is new.
        rotation = replace(rotation, mark=position, cycle=rotation.cycle or position)
    since = parse_time(position) if position else None
    first, first_after = _listing(graph, path, "")
    requests = 1
    newest = [post for post, _at in first[:RECENT_POSTS]] + _active(first[RECENT_POSTS:], since)
    resume_post = walk.partition("|")[0]
    going_on_here = bool(resume_post) and any(post == resume_post for post, _at in first)
    ahead: list[str] = []
    after = rotation
    if not first_after:
        after = Rotation("", position, position, True)  # nothing older to rotate through
    elif not going_on_here and budget - requests >= 2:  # the slice and a page to read
        older, older_after = _listing(graph, path, rotation.after or first_after)
        requests += 1
        ahead = [post for post in _active(older, parse_time(rotation.mark)) if post]
        after = rotation.advanced(older_after, position)
    posts = list(dict.fromkeys(ahead + newest))
    return Plan(posts, requests, rotation, after, len(dict.fromkeys(ahead)))
