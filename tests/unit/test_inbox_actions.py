"""Which entries can be liked or hidden where, and what an entry says when acting on it
failed (domain/inbox/actions.py, domain/inbox/problems.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from somestudio.domain.inbox.actions import InboxAction, Unavailable, unavailable
from somestudio.domain.inbox.items import Author, InboxItem, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.problems import classify_entry
from somestudio.domain.networks import Network

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _item(network: Network, kind: InboxKind, *, post: bool = True) -> InboxItem:
    incoming = Incoming(
        "n1", kind, Author("@a"), T0, "Hei", item_post=PostRef("p1", "cid") if post else None
    )
    return InboxItem(1, 1, network, incoming, T0)


@pytest.mark.parametrize(
    ("network", "kind", "action", "why"),
    [
        (Network.MASTODON, InboxKind.REPLY, InboxAction.LIKE, None),
        (Network.MASTODON, InboxKind.MENTION, InboxAction.LIKE, None),
        (Network.MASTODON, InboxKind.REPLY, InboxAction.HIDE, Unavailable.NETWORK),
        (Network.BLUESKY, InboxKind.QUOTE, InboxAction.LIKE, None),
        (Network.BLUESKY, InboxKind.REPLY, InboxAction.HIDE, Unavailable.NETWORK),
        (Network.FACEBOOK, InboxKind.COMMENT, InboxAction.HIDE, None),
        (Network.FACEBOOK, InboxKind.COMMENT, InboxAction.LIKE, Unavailable.NETWORK),
        (Network.INSTAGRAM, InboxKind.COMMENT, InboxAction.HIDE, None),
        (Network.THREADS, InboxKind.REPLY, InboxAction.HIDE, None),
        (Network.X, InboxKind.MENTION, InboxAction.LIKE, Unavailable.NETWORK),
        (Network.X, InboxKind.REPLY, InboxAction.HIDE, Unavailable.NETWORK),
        (Network.LINKEDIN, InboxKind.COMMENT, InboxAction.HIDE, Unavailable.NETWORK),
        (Network.MASTODON, InboxKind.MENTION, InboxAction.HIDE, Unavailable.NETWORK),
    ],
)
def test_each_network_offers_what_its_api_has(
    network: Network, kind: InboxKind, action: InboxAction, why: Unavailable | None
) -> None:
    assert unavailable(_item(network, kind), action) is why


def test_a_like_repost_or_follow_has_no_post_of_theirs_to_act_on() -> None:
    follow = _item(Network.MASTODON, InboxKind.FOLLOW, post=False)
    assert unavailable(follow, InboxAction.LIKE) is Unavailable.KIND
    like = _item(Network.BLUESKY, InboxKind.LIKE)
    assert unavailable(like, InboxAction.LIKE) is Unavailable.KIND
    mention = _item(Network.THREADS, InboxKind.MENTION)
    assert unavailable(mention, InboxAction.HIDE) is Unavailable.KIND  # not under our post


@pytest.mark.parametrize(
    ("kind", "error_kind", "status", "message", "code"),
    [
        ("final", None, 404, "Record not found", "entry.gone"),
        ("final", None, 400, "(#100) Object with ID '1_2' does not exist", "entry.gone"),
        ("final", None, 400, "RecordNotFound: Could not locate record", "entry.gone"),
        ("final", None, 400, "BlockedByActor: blocked by the author", "entry.blocked"),
        ("auth", "auth", 401, "The access token was revoked", "inbox.sign_in"),
        # Never connected here is its own reason, not an expired sign-in.
        ("auth", "not_connected", None, "no sign-in is stored for x", "inbox.not_connected"),
        ("retryable", "rate_limit", 429, "Too many requests", "inbox.rate_limit"),
        ("retryable", None, 503, "Service unavailable", "inbox.server"),
        ("final", None, 403, "(#10) Requires pages_manage_engagement", "inbox.refused"),
        ("retryable", None, None, "connection refused", "inbox.unreachable"),
    ],
)
def test_what_went_wrong_acting_on_an_entry_is_kept_as_a_code(
    kind: str, error_kind: str | None, status: int | None, message: str, code: str
) -> None:
    assert classify_entry(kind, error_kind, status, message) == code


def test_threads_hides_only_replies_made_to_our_post_itself() -> None:
    top = _item(Network.THREADS, InboxKind.REPLY)
    nested_incoming = Incoming(
        "n2", InboxKind.REPLY, Author("@b"), T0, "Samaa mieltä",
        item_post=PostRef("r2"), subject=PostRef("r1"), root=PostRef("P1"),
    )  # fmt: skip
    nested = InboxItem(2, 1, Network.THREADS, nested_incoming, T0)
    assert unavailable(top, InboxAction.HIDE) is None
    assert unavailable(nested, InboxAction.HIDE) is Unavailable.NESTED
    on_facebook = InboxItem(3, 1, Network.FACEBOOK, nested_incoming, T0)
    assert unavailable(on_facebook, InboxAction.HIDE) is None  # Graph hides a reply itself
