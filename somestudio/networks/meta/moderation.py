"""Hiding a comment or reply under the account's own post, for the inbox (Facebook Page,
Instagram, Threads). Each sets a flag, so sending it twice leaves it hidden once; the
person still sees what they wrote, others do not.

- Facebook Page: ``POST /{comment-id}`` with ``is_hidden=true`` (needs
  pages_manage_engagement). Graph API changelog v2.2, "hide and unhide comments on a Page
  Post": https://developers.facebook.com/docs/graph-api/changelog/version2.2 ; the
  ``is_hidden`` field of the Comment node:
  https://developers.facebook.com/docs/graph-api/reference/comment/
- Instagram: ``POST /{ig-comment-id}`` with ``hide=true`` (instagram_business_manage_comments,
  or instagram_manage_comments with Facebook Login). "Comment Moderation":
  https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/comment-moderation
  and "IG Comment" (Updating):
  https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-comment
- Threads: ``POST /{threads-reply-id}/manage_reply`` with ``hide=true`` (threads_manage_replies),
  answered ``{"success": true}``; only a top-level reply can be hidden (its nested replies go
  with it). "Reply Management", Hide Replies:
  https://developers.facebook.com/documentation/threads/reply-management
"""

from __future__ import annotations

from typing import Any, Protocol

from somestudio.domain.publish_result import Final

HIDE_PERMISSION = {
    "facebook": "pages_manage_engagement",
    "instagram": "instagram_business_manage_comments",
    "instagram-facebook-login": "instagram_manage_comments",
    "threads": "threads_manage_replies",
}


class Caller(Protocol):
    def call(self, verb: str, path: str, token: str, *, idempotent: bool, **kw: Any) -> Any: ...


def _confirmed(body: Any, network: str) -> None:
    """The Graph API answers an update with ``{"success": true}``; anything else is a no."""
    if not (isinstance(body, dict) and body.get("success") is True):
        raise Final(f"{network} did not confirm hiding the comment")


def hide_page_comment(client: Caller, token: str, comment_id: str) -> None:
    body = client.call("POST", comment_id, token, idempotent=True, data={"is_hidden": "true"})
    _confirmed(body, "Facebook")


def hide_instagram_comment(client: Caller, token: str, comment_id: str) -> None:
    body = client.call("POST", comment_id, token, idempotent=True, data={"hide": "true"})
    _confirmed(body, "Instagram")


def hide_threads_reply(client: Caller, token: str, reply_id: str) -> None:
    body = client.call(
        "POST", f"{reply_id}/manage_reply", token, idempotent=True, data={"hide": "true"}
    )
    _confirmed(body, "Threads")
