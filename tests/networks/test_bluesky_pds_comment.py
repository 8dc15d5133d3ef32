"""The first comment on Bluesky against the real PDS (@atproto/dev-env) on 127.0.0.1: a reply
record whose root and parent are the post's strong ref, at an rkey of the comment's own key,
read back from the PDS; a retry adds nothing and a reconcile finds it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from somestudio.domain.first_comment import comment_key
from somestudio.domain.networks import Network
from somestudio.networks.bluesky.publish import (
    record_key,
)
from tests.networks.support import account, comment_of, delivery
from tests.pds.bluesky import connected, get_record
from tests.pds.server import Pds, list_posts

pytestmark = pytest.mark.slow
AT = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


def test_the_first_comment_is_a_reply_record_to_the_post(pds: Pds) -> None:
    publisher, _, who = connected(pds, "kommentoija", AT)
    acct = account(Network.BLUESKY, who.handle, instance_url=pds.url, options={"language": "fi"})
    post = publisher.publish(delivery(acct, "Uusi jakso on ulkona", key="k-post", at=AT))
    key = comment_key("k-post")
    comment = comment_of(  # a post in English from an account that usually writes Finnish
        acct,
        "Listen: https://example.com/jakso",
        post_id=post.remote_id,
        key=key,
        at=AT,
        language="en",
    )

    made = publisher.comment(comment)

    assert made.remote_id.endswith("/" + record_key(key, AT, 0))  # the comment's own key
    assert made.remote_id != post.remote_id
    stored = get_record(pds, made.remote_id)
    parent = get_record(pds, post.remote_id)
    strong_ref = {"uri": post.remote_id, "cid": parent["cid"]}
    assert stored["value"]["reply"] == {"root": strong_ref, "parent": strong_ref}
    assert stored["value"]["text"] == "Listen: https://example.com/jakso"
    assert stored["value"]["langs"] == ["en"]  # the post's language, not the account's
    (link,) = stored["value"]["facets"]
    assert link["features"][0]["uri"] == "https://example.com/jakso"
    assert len(list_posts(pds, who.did)) == 2

    again = publisher.comment(comment)  # a retry of the same comment: the same record
    assert again.remote_id == made.remote_id
    assert len(list_posts(pds, who.did)) == 2
    found = publisher.reconcile_comment(comment)
    assert found is not None and found.remote_id == made.remote_id
    never = comment_of(acct, "Ei lähetetty", post_id=post.remote_id, key="k-other-comment", at=AT)
    assert publisher.reconcile_comment(never) is None  # nothing at its key: conclusively unsent
