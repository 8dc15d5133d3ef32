"""Which Facebook Page posts and Instagram media a round walks: new comments on older posts
are found too.

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

A post walked because of the rotation counts as new what came after the threshold it was
chosen by (not the stored position, which newer comments on recent posts may have moved past
the comment that made the post active).

Instagram: the comments edge has no documented order ("Comments", IG Media reference,
https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/
ig-media/comments; "Comment Moderation" reads "all of the comments" and filters them), so a
``comments.limit(1)`` expansion need not be the newest comment. What the listing can say is
``comments_count`` ("IG Media" reference, Fields and Limitations: "comments_count returns the
number of comments on a photo, but not comments on ads that contain that photo",
https://developers.facebook.com/docs/instagram-platform/reference/instagram-media. Whether it
counts replies to comments that page does not say: checked again in December 2026, its
Limitations speak only of other surfaces (ads, cross-posts). So a reply under an older
media's comment may leave its count as it was; it is read when that media is walked for
another reason or is among the ``RECENT_POSTS`` newest, walked every round;
``GET /{ig-user-id}/media`` lists the media with the fields asked, cursor-paged, "IG User Media",
https://developers.facebook.com/docs/graph-api/reference/shadow-ig-user/media/). So for
Instagram (``INSTAGRAM``) the rotation remembers each listed media's count (``counts``; only
counts above zero): a media beyond the newest is walked when its count is not the one
remembered, one never seen before when it has comments (at the very first read its comments
are history and only remembered). A count is remembered once its media was walked (or it did
not need to be), so a walk cut short finds the same media changed next round.

Costs: one listing request a round, a second one while the budget allows, and one request
per page of comments only where comments are new. The rotation's state is three strings:
the next slice's listing cursor, the threshold for older posts, and the position when the
current cycle began; for Instagram a fourth, the remembered counts (``id=count;...``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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
_PARTS = ","  # between the rotation's strings (never in a Graph cursor or a time)
_COUNTS = ";"  # between remembered counts, each ``id=count``


@dataclass(frozen=True, slots=True)
class Activity:
    """What the listing asks of each post to tell which have new comments."""

    fields: str  # asked besides ``id``
    counted: bool = False  # by a changed ``comments_count`` (else by the newest comment's time)


FACEBOOK = Activity(ACTIVITY)
# Whether comments_count counts replies to comments is not documented (module note;
# https://developers.facebook.com/docs/instagram-platform/reference/instagram-media).
INSTAGRAM = Activity("comments_count", counted=True)


def _counts_text(counts: Mapping[str, int]) -> str:
    return _COUNTS.join(f"{post}={n}" for post, n in sorted(counts.items()) if n > 0)


def _counts(text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in text.split(_COUNTS):
        post, _, n = part.partition("=")
        if post and n.isdigit():
            found[post] = int(n)
    return found


@dataclass(frozen=True, slots=True)
class Rotation:
    after: str = ""  # the listing cursor of the next older slice ("" the first one)
    mark: str = ""  # older posts are walked when their newest comment is at or after this
    cycle: str = ""  # the position when the current cycle began
    started: bool = False
    counts: str = ""  # Instagram: the comments_count remembered per media (``id=n;...``)

    def encode(self) -> str:
        if not self.started:
            return ""
        parts = (self.after, self.mark, self.cycle) + ((self.counts,) if self.counts else ())
        return ROTATION + _PARTS.join(parts)

    def advanced(self, next_after: str, position: str) -> Rotation:
        """The slice was read: the next one, or back to the first older slice, a new cycle
        (what the previous cycle began at becomes the threshold)."""
        if next_after:
            return replace(self, after=next_after)
        return replace(self, after="", mark=self.cycle, cycle=position)


def split(resume: str) -> tuple[str, Rotation]:
    """The walk's own resume and the rotation's state, from the cursor's ``resume``."""
    walk, sep, state = resume.partition(ROTATION)
    if not sep:
        return walk, Rotation()
    after, mark, cycle, counts = [*state.split(_PARTS), "", "", "", ""][:4]
    return walk, Rotation(after, mark, cycle, True, counts)


@dataclass(frozen=True, slots=True)
class Plan:
    posts: list[str]  # to walk this round: the older slice's first, then the newest
    requests: int  # listing requests spent
    before: Rotation  # the rotation's state while the older slice's posts are walked
    after: Rotation  # once they are (the slice read: the rotation moves on)
    ahead: int  # how many of ``posts`` are the older slice's
    # Posts walked for the rotation's reason: what is new under them is what came after this
    # position (else after the stored position), less ``OVERLAP``.
    since: Mapping[str, str] = field(default_factory=dict)
    # Instagram: the counts remembered before this round, and those the listings said.
    remembered: Mapping[str, int] = field(default_factory=dict)
    listed: Mapping[str, int] = field(default_factory=dict)
    counted: bool = False

    def rotation_at(self, index: int) -> Rotation:
        """The state to keep with a walk that goes on at ``posts[index]``: the posts before
        it were walked, so their listed counts are remembered (as are those of the posts
        that needed no walk); the others keep what was remembered, to be walked again."""
        state = self.after if index >= self.ahead else self.before
        if not self.counted:
            return state
        waiting = set(self.posts[index:])
        counts = dict(self.remembered)
        counts.update({post: n for post, n in self.listed.items() if post not in waiting})
        return replace(state, counts=_counts_text(counts))

    def threshold(self, post: str, position: datetime | None) -> datetime | None:
        """From when the entries under ``post`` are new (``OVERLAP`` taken off)."""
        own = parse_time(self.since[post]) if post in self.since else None
        at = own if own is not None else position
        return at - OVERLAP if at is not None else None


def _newest(post: Any) -> datetime | None:
    comments = post.get("comments") if isinstance(post, Mapping) else None
    found = comments.get("data") if isinstance(comments, Mapping) else None
    if not isinstance(found, list) or not found or not isinstance(found[0], Mapping):
        return None
    return parse_time(found[0].get("created_time"))


Listed = tuple[str, datetime | None, int | None]  # id, newest comment's time, comments_count


def _count(post: Mapping[str, Any]) -> int | None:
    value = post.get("comments_count")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _listing(graph: Any, path: str, after: str, activity: Activity) -> tuple[list[Listed], str]:
    params: dict[str, object] = {"fields": f"id,{activity.fields}", "limit": LISTED_POSTS}
    if after:
        params["after"] = after
    body = graph.get(path, params)
    posts = [(str(p["id"]), _newest(p), _count(p)) for p in data(body) if p.get("id")]
    return posts, next_page(body)


def _active(posts: list[Listed], since: datetime | None) -> list[str]:
    if since is None:
        return []
    threshold = since - OVERLAP
    return [post for post, newest, _n in posts if newest is not None and newest >= threshold]


def _changed(posts: list[Listed], remembered: Mapping[str, int], first: bool) -> list[str]:
    """Instagram: the media whose count is not the one remembered (one never seen: when it
    has comments, unless this is the very first read, whose comments are history)."""
    found = []
    for post, _newest_at, n in posts:
        count = n or 0
        if post in remembered:
            if count != remembered[post]:
                found.append(post)
        elif count > 0 and not first:
            found.append(post)
    return found


def plan(
    graph: Any, path: str, cursor: InboxCursor, budget: int, activity: Activity = FACEBOOK
) -> Plan:
    """List the posts (one request; a second, for the older slice, while ``budget`` allows
    and the walk does not go on among the newest) and choose those to walk."""
    walk, rotation = split(cursor.resume)
    position = cursor.position
    if not rotation.started:
        rotation = Rotation("", position, position, True, rotation.counts)
    if position and not rotation.mark:
        # Begun at the very first read (nothing stored then): what came after it is new.
        rotation = replace(rotation, mark=position, cycle=rotation.cycle or position)
    since = parse_time(position) if position else None
    remembered = _counts(rotation.counts)
    first_read = not position
    first, first_after = _listing(graph, path, "", activity)
    requests = 1
    beyond = first[RECENT_POSTS:]
    if activity.counted:
        active = _changed(beyond, remembered, first_read)
        # One never seen before: new is what came since the rotation's threshold.
        chosen = {p: rotation.mark for p in active if p not in remembered and rotation.mark}
    else:
        active, chosen = _active(beyond, since), {}
    newest = [post for post, _at, _n in first[:RECENT_POSTS]] + active
    resume_post = walk.partition("|")[0]
    going_on_here = bool(resume_post) and any(post == resume_post for post, _a, _n in first)
    ahead: list[str] = []
    after = rotation
    listed = {post: n or 0 for post, _at, n in first}
    if not first_after:
        after = replace(rotation, after="", mark=position, cycle=position)  # nothing older
    elif not going_on_here and budget - requests >= 2:  # the slice and a page to read
        older, older_after = _listing(graph, path, rotation.after or first_after, activity)
        requests += 1
        if activity.counted:
            ahead = _changed(older, remembered, first_read)
        else:
            ahead = _active(older, parse_time(rotation.mark))
        if rotation.mark:
            chosen.update({post: rotation.mark for post in ahead})
        listed.update({post: n or 0 for post, _at, n in older})
        after = rotation.advanced(older_after, position)
    posts = list(dict.fromkeys(ahead + newest))
    return Plan(
        posts,
        requests,
        rotation,
        after,
        len(dict.fromkeys(ahead)),
        since=chosen,
        remembered=remembered,
        listed=listed,
        counted=activity.counted,
    )
