"""The inbox's pure parts: which entries take an answer, how a backward walk's cursor moves,
which networks read an inbox and within what budget, the Bluesky and Mastodon shapes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from somestudio.app.inbox.service import with_mention
from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import InboxKind
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.networks.bluesky.inbox import incoming as bluesky_incoming
from somestudio.networks.mastodon.inbox import text_of
from somestudio.networks.meta import post_rotation
from somestudio.networks.meta.threads_inbox import incoming as threads_incoming


def test_only_what_a_person_wrote_takes_an_answer() -> None:
    assert {k for k in InboxKind if k.answerable} == {
        InboxKind.REPLY, InboxKind.MENTION, InboxKind.QUOTE, InboxKind.COMMENT
    }  # fmt: skip


def test_a_walk_cut_short_keeps_its_top_and_moves_the_position_only_when_it_ends() -> None:
    start = InboxCursor(1, position="2026-11-20T10:00:00Z")
    cut = start.walk_continues("2026-11-20T12:00:00Z", "page-2")
    assert (cut.position, cut.resume, cut.resume_top) == (
        "2026-11-20T10:00:00Z", "page-2", "2026-11-20T12:00:00Z"
    )  # fmt: skip
    # The next page of the same walk does not take the top from where it resumed.
    further = cut.walk_continues("2026-11-20T11:00:00Z", "page-3")
    assert further.resume_top == "2026-11-20T12:00:00Z"
    done = further.walk_done("2026-11-20T11:00:00Z")
    assert (done.position, done.resume, done.resume_top) == ("2026-11-20T12:00:00Z", "", "")
    assert InboxCursor(1, position="p").walk_done("").position == "p"  # nothing new: unchanged


def test_inbox_kinds_and_budgets_come_from_the_descriptors() -> None:
    readers = {n for n, d in DESCRIPTORS.items() if d.inbox is not None}
    assert {Network.MASTODON, Network.BLUESKY} <= readers
    for network in readers:
        capability = DESCRIPTORS[network].inbox
        assert capability is not None
        assert capability.kinds <= {k.value for k in InboxKind}
        metrics = DESCRIPTORS[network].metrics_budget
        share = metrics.share if metrics is not None else 0.0
        # The inbox and the metric rounds together stay within the documented limit.
        assert capability.budget.share + share <= 1.0
        assert 0 < capability.budget.allowance <= capability.budget.requests


def test_a_bluesky_reply_names_its_thread_root_and_our_post() -> None:
    note = {
        "uri": "at://did:plc:bob/app.bsky.feed.post/3k2",
        "cid": "bafyreply",
        "author": {"did": "did:plc:bob", "handle": "bob.test", "displayName": "Bob"},
        "reason": "reply",
        "reasonSubject": "at://did:plc:me/app.bsky.feed.post/3k1",
        "record": {
            "text": "Hyvä kysymys",
            "reply": {
                "root": {"uri": "at://did:plc:me/app.bsky.feed.post/3k0", "cid": "bafyroot"},
                "parent": {"uri": "at://did:plc:me/app.bsky.feed.post/3k1", "cid": "bafyparent"},
            },
        },
        "indexedAt": "2026-11-20T10:00:00.123Z",
    }
    item = bluesky_incoming(note)
    assert item is not None and item.kind is InboxKind.REPLY
    assert item.created_at == datetime(2026, 11, 20, 10, 0, 0, 123000, tzinfo=UTC)
    assert item.root is not None and (item.root.remote_id, item.root.cid) == (
        "at://did:plc:me/app.bsky.feed.post/3k0", "bafyroot"
    )  # fmt: skip
    assert item.subject is not None and item.subject.cid == "bafyparent"
    assert item.item_post is not None and item.item_post.url.endswith("/bob.test/post/3k2")
    assert bluesky_incoming({**note, "reason": "starterpack-joined"}) is None


def test_mastodon_html_becomes_the_text_a_person_wrote() -> None:
    assert text_of("<p>Hei &amp; moi</p><p>toinen<br>rivi</p>") == "Hei & moi\ntoinen\nrivi"


def test_a_mastodon_answer_names_the_person_once() -> None:
    assert with_mention(Network.MASTODON, "@zsc", "Kiitos!") == "@zsc Kiitos!"
    assert with_mention(Network.MASTODON, "@zsc", "@ZSC kiitos!") == "@ZSC kiitos!"
    assert with_mention(Network.BLUESKY, "bob.test", "Kiitos!") == "Kiitos!"


def test_a_threads_reply_says_hidden_as_its_hide_status_says() -> None:
    """``hide_status`` (Threads "Retrieve Media Replies and Conversations"; values NOT_HUSHED,
    UNHUSHED, HIDDEN, and COVERED/BLOCKED/RESTRICTED seen in answers): hidden, shown, or
    nothing said, so a reply without it leaves the stored state alone."""
    base = {"id": "1", "text": "Hei", "username": "a", "timestamp": "2026-11-20T10:01:00+0000"}
    said = {
        status: threads_incoming({**base, "hide_status": status})
        for status in ("NOT_HUSHED", "UNHUSHED", "HIDDEN", "COVERED", "BLOCKED", "RESTRICTED")
    }
    assert {status: i.hidden for status, i in said.items() if i is not None} == {
        "NOT_HUSHED": False,
        "UNHUSHED": False,
        "HIDDEN": True,
        "COVERED": True,
        "BLOCKED": True,
        "RESTRICTED": True,
    }
    for unknown in ({}, {"hide_status": None}, {"hide_status": "SOMETHING_NEW"}):
        found = threads_incoming({**base, **unknown})
        assert found is not None and found.hidden is None


class _Listing:
    """Answers ``GET /{ig-user-id}/media`` pages: ``pages[after]`` is (media, next after)."""

    def __init__(self, pages: dict[str, tuple[list[tuple[str, int]], str]]) -> None:
        self.pages = pages
        self.asked: list[dict[str, object]] = []

    def get(self, _path: str, params: dict[str, object]) -> dict[str, object]:
        self.asked.append(params)
        media, following = self.pages[str(params.get("after", ""))]
        paging: dict[str, object] = {"cursors": {"after": following}}
        if following:
            paging["next"] = "https://graph.instagram.com/next"
        return {"data": [{"id": m, "comments_count": n} for m, n in media], "paging": paging}


def test_instagram_media_whose_count_changed_are_walked_and_counts_kept_once_walked() -> None:
    newest = [(f"n{i}", 1) for i in range(10)]
    listing = _Listing(
        {
            "": ([*newest, ("a", 2), ("b", 0), ("c", 4)], "S2"),
            "S2": ([("d", 3), ("e", 1)], ""),
        }
    )
    # Remembered before: a had 1, c had 4, d had 3 (e never seen: it has a comment).
    state = post_rotation.Rotation("S2", "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z", True)
    state = replace(state, counts="a=1;c=4;d=3")
    cursor = InboxCursor(1, position="2026-11-20T11:00:00Z", resume=state.encode())
    plan = post_rotation.plan(listing, "me/media", cursor, 5, post_rotation.INSTAGRAM)
    assert listing.asked[0] == {"fields": "id,comments_count", "limit": 50}
    assert plan.posts == ["e", *(m for m, _n in newest), "a"]  # the slice's first
    # e was chosen by the rotation: new under it is what came after its threshold.
    assert plan.since == {"e": "2026-11-20T10:00:00Z"}
    # Cut short before e: nothing walked yet, so a, e keep what was remembered (e none).
    before = post_rotation.split(plan.rotation_at(0).encode())[1]
    assert before.counts == "a=1;c=4;d=3"
    done = post_rotation.split(plan.rotation_at(len(plan.posts)).encode())[1]
    assert done.counts == "a=2;c=4;d=3;e=1;" + ";".join(f"n{i}=1" for i in range(10))
    assert done.after == "" and done.mark == "2026-11-20T10:05:00Z"  # a new cycle began
    # The state written before counts were kept (three parts) still reads.
    walk, old = post_rotation.split("p|x#S2,2026-11-20T10:00:00Z,2026-11-20T10:05:00Z")
    assert (walk, old.after, old.counts) == ("p|x", "S2", "")
