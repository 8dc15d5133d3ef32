"""Comments on a Facebook Page's and an Instagram account's recent posts, for the inbox.

Facebook Page: ``GET /{page-id}/published_posts`` lists the Page's own recent posts ("Page
Feed", https://developers.facebook.com/docs/graph-api/reference/page/feed/), with each
post's newest comment, so older posts with new comments are read too
(``networks.meta.post_rotation``), and
``GET /{page-post-id}/comments`` with ``filter=stream`` (replies to comments too, each with
its ``parent``) and ``order=reverse_chronological`` (newest first) the comments under one
("Page Post Comments", https://developers.facebook.com/docs/graph-api/reference/page-post/
comments/). Reading needs ``pages_read_user_content``; answering as the Page
(``POST /{comment-id}/comments``) ``pages_manage_engagement`` ("Comments and @mentions",
https://developers.facebook.com/documentation/pages-api/comments-mentions). A comment by the
Page itself (``from.id``, the post id's prefix) is not an entry.

Instagram: ``GET /{ig-user-id}/media`` lists the media with each one's ``comments_count``, so
older media with new comments are read too (``networks.meta.post_rotation``), and
``GET /{ig-media-id}/comments`` the top-level comments with their ``replies`` as a nested
field ("Comments", IG Media reference,
https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/
reference/ig-media/comments; "Comment Moderation", https://developers.facebook.com/docs/
instagram-api/guides/comment-moderation). Meta does not say in which order, so every page of
a post is read and filtered by time. An answer goes to ``POST /{ig-comment-id}/replies``
(a reply to a reply goes under its top-level comment: Instagram threads one level).
Needs ``instagram_business_manage_comments`` (Instagram Login) or
``instagram_manage_comments`` (Facebook Login).

Hidden comments: each read asks whether the comment is hidden, so one hidden on the network
by someone else (another Page admin, a moderation filter) says so in the inbox. Facebook:
``is_hidden`` on the Comment node ("Comment" reference, https://developers.facebook.com/docs/
graph-api/reference/comment/; the stored copy of that page we could search did not show its
field table, so the field and its type are taken from Meta's own SDK,
``facebook_business.adobjects.comment.Comment.Field.is_hidden``, ``bool``). Instagram:
``hidden`` on the IG Comment ("Indicates if comment has been hidden", "IG Comment" reference,
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/
ig-comment/; SDK ``IGComment.Field.hidden``, ``bool``). Missing from an answer: not hidden.
Either way the store follows what the network says at each read: one we hid that someone
showed again there is no longer hidden here (``store.inbox.items.reseen``).

The walk over the recent posts is ``networks.meta.comment_walk``'s.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.reading import InboxPage
from somestudio.networks.meta import post_rotation
from somestudio.networks.meta.comment_walk import Graph, Source, walk
from somestudio.networks.publishing import parse_time

FACEBOOK_FIELDS = "id,message,from,created_time,permalink_url,parent{id},is_hidden"
FACEBOOK_PARAMS = {
    "fields": FACEBOOK_FIELDS,
    "filter": "stream",
    "order": "reverse_chronological",
}
_IG_COMMENT = "id,text,timestamp,username,from,parent_id,hidden"
INSTAGRAM_FIELDS = f"{_IG_COMMENT},replies{{{_IG_COMMENT}}}"

__all__ = ["READ_PERMISSION", "Graph", "read_facebook", "read_instagram"]

READ_PERMISSION = {
    "facebook": "pages_read_user_content",
    "instagram": "instagram_business_manage_comments",
    "instagram-facebook-login": "instagram_manage_comments",
}


def _id_of(value: object) -> str:
    return str(value.get("id") or "") if isinstance(value, Mapping) else ""


def facebook_comment(comment: Mapping[str, Any], post: str) -> list[Incoming]:
    """One comment of ``GET /{page-post-id}/comments`` (none when it is the Page's own)."""
    created = parse_time(comment.get("created_time"))  # "2024-01-01T18:20:00+0000"
    page = post.partition("_")[0]
    who = comment.get("from")
    author_id = _id_of(who)
    if created is None or not comment.get("id") or (author_id and author_id == page):
        return []
    name = str(who.get("name") or "") if isinstance(who, Mapping) else ""
    parent = _id_of(comment.get("parent"))
    return [
        Incoming(
            network_item_id=str(comment["id"]),
            kind=InboxKind.COMMENT,
            author=Author(name, name, author_id),
            created_at=created,
            text=str(comment.get("message") or ""),
            item_post=PostRef(str(comment["id"]), url=str(comment.get("permalink_url") or "")),
            subject=PostRef(post),
            # Facebook threads one level: an answer to a reply goes under its comment.
            root=PostRef(parent) if parent else None,
            hidden=comment.get("is_hidden") is True,
        )
    ]


def instagram_comments(handle: str, owner: str) -> Any:
    """The entries of one IG comment (itself and its replies), ours left out."""
    ours = handle.lstrip("@").lower()

    def entries(comment: Mapping[str, Any], post: str) -> list[Incoming]:
        found = [_instagram(comment, post, "")]
        replies = comment.get("replies")
        for reply in replies.get("data", []) if isinstance(replies, Mapping) else []:
            if isinstance(reply, Mapping):
                found.append(_instagram(reply, post, str(comment.get("id") or "")))
        return [
            i
            for i in found
            if i is not None
            and not (ours and i.author.handle.lstrip("@").lower() == ours)
            and not (owner and i.author.remote_id == owner)
        ]

    return entries


def _instagram(comment: Mapping[str, Any], post: str, parent: str) -> Incoming | None:
    created = parse_time(comment.get("timestamp"))  # "2017-08-31T18:10:30+0000"
    if created is None or not comment.get("id"):
        return None
    who = comment.get("from")
    username = str(comment.get("username") or "")
    if not username and isinstance(who, Mapping):
        username = str(who.get("username") or "")
    parent = parent or str(comment.get("parent_id") or "")
    return Incoming(
        network_item_id=str(comment["id"]),
        kind=InboxKind.COMMENT,
        author=Author(f"@{username}" if username else "", remote_id=_id_of(who)),
        created_at=created,
        text=str(comment.get("text") or ""),
        item_post=PostRef(str(comment["id"])),
        subject=PostRef(post),
        root=PostRef(parent) if parent else None,
        hidden=comment.get("hidden") is True,
    )


def read_facebook(graph: Graph, page: str, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
    source = Source(
        posts=f"{page}/published_posts",
        under="{post}/comments",
        params=FACEBOOK_PARAMS,
        entries=facebook_comment,
        activity=post_rotation.FACEBOOK,  # new comments on older posts too
    )
    return walk(graph, source, cursor, pages)


def read_instagram(
    graph: Graph, user: str, handle: str, cursor: InboxCursor, pages: int
) -> Iterator[InboxPage]:
    source = Source(
        posts=f"{user}/media",
        under="{post}/comments",
        params={"fields": INSTAGRAM_FIELDS},
        entries=instagram_comments(handle, "" if user == "me" else user),
        newest_first=False,
        activity=post_rotation.INSTAGRAM,  # new comments on older media too, by their count
    )
    return walk(graph, source, cursor, pages)
