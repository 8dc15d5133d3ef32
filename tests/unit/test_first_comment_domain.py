"""The first comment's pure parts: its key, which networks take one, and the draft that
carries it through an autosave (an autosave from before the field still loads)."""

from __future__ import annotations

import json

from somestudio.domain.drafts import Draft, from_json, to_json
from somestudio.domain.first_comment import (
    FIRST_COMMENT_NETWORKS,
    comment_key,
    takes_first_comment,
)
from somestudio.domain.networks import Network


def test_the_comment_key_is_its_deliverys_and_not_the_same() -> None:
    key = "0123456789abcdef0123456789abcdef"
    assert comment_key(key) == comment_key(key) != key
    assert comment_key(key).startswith(key)


def test_networks_that_take_a_first_comment() -> None:
    assert (
        {n for n in Network if takes_first_comment(n)}
        == FIRST_COMMENT_NETWORKS
        == {
            Network.MASTODON,
            Network.BLUESKY,
            Network.X,
            Network.THREADS,
            Network.LINKEDIN,
            Network.FACEBOOK,
            Network.INSTAGRAM,
        }
    )


def test_a_draft_keeps_its_first_comments_through_an_autosave() -> None:
    draft = Draft(base_text="Hei", account_ids=(1, 2), first_comments={2: "Linkki 👇 ä"})
    assert from_json(to_json(draft)) == draft
    old = json.loads(to_json(draft))
    del old["first_comments"]  # written before the field existed
    assert from_json(json.dumps(old)).first_comments == {}
