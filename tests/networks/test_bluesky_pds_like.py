"""Liking an inbox entry on Bluesky against the real PDS (@atproto/dev-env) on 127.0.0.1: an
app.bsky.feed.like record (the PDS checks it against the lexicon) whose subject is the
person's post, at a key made from that post, so liking it again leaves one like."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from somestudio.domain.inbox.items import PostRef
from somestudio.domain.networks import Network
from somestudio.domain.publish_result import Final
from somestudio.networks.bluesky.publish import like_rkey
from tests.networks.support import account, delivery
from tests.pds.bluesky import connected, get_record
from tests.pds.server import Pds

pytestmark = pytest.mark.slow
AT = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


def _likes(pds: Pds, did: str) -> list[dict[str, Any]]:
    response = requests.get(
        f"{pds.url}/xrpc/com.atproto.repo.listRecords",
        params={"repo": did, "collection": "app.bsky.feed.like", "limit": "100"},
        timeout=30,
    )
    response.raise_for_status()
    found: list[dict[str, Any]] = response.json()["records"]
    return found


def test_liking_a_post_twice_leaves_one_like_record_of_that_post(pds: Pds) -> None:
    theirs, _, bob = connected(pds, "tykkaaja-bob", AT)
    ours, _, alice = connected(pds, "tykkaaja-alice", AT)
    bob_account = account(Network.BLUESKY, bob.handle, instance_url=pds.url)
    alice_account = account(Network.BLUESKY, alice.handle, instance_url=pds.url)
    post = theirs.publish(delivery(bob_account, "Milloin kirjasto aukeaa?", key="k-bob", at=AT))
    cid = get_record(pds, post.remote_id)["cid"]

    ours.like_entry(alice_account, PostRef(post.remote_id, cid))
    ours.like_entry(alice_account, PostRef(post.remote_id, cid))  # again: the same record

    (like,) = _likes(pds, alice.did)
    assert like["uri"].endswith("/app.bsky.feed.like/" + like_rkey(post.remote_id))
    assert like["value"]["subject"] == {"uri": post.remote_id, "cid": cid}
    assert like["value"]["createdAt"] == "2026-11-21T08:00:00Z"


def test_a_post_without_its_content_id_is_not_liked(pds: Pds) -> None:
    ours, _, alice = connected(pds, "tykkaaja-carol", AT)
    acct = account(Network.BLUESKY, alice.handle, instance_url=pds.url)
    with pytest.raises(Final, match="content id"):
        ours.like_entry(acct, PostRef(f"at://{alice.did}/app.bsky.feed.post/3kaaaaaaaaaaa"))
    assert _likes(pds, alice.did) == []


def test_like_keys_are_valid_tids_one_per_post() -> None:
    first = like_rkey("at://did:plc:a/app.bsky.feed.post/3k1")
    assert first == like_rkey("at://did:plc:a/app.bsky.feed.post/3k1")
    assert first != like_rkey("at://did:plc:a/app.bsky.feed.post/3k2")
    assert len(first) == 13 and first[0] in "234567abcdefghij"
