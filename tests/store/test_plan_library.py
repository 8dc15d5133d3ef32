"""Templates, hashtag groups, channel defaults, paid flags and labels on both backends."""

from __future__ import annotations

from somestudio.store import plan_library as library
from somestudio.store.posts import create_post
from somestudio.store.sql import Conn


def test_templates_and_groups_are_replaced_by_name(conn: Conn) -> None:
    first = library.save_template(conn, "Launch", "New: {product}")
    assert library.save_template(conn, "Launch", "Now out: {product}") == first
    other = library.save_template(conn, "announce", "")
    assert library.templates(conn) == [
        (other, "announce", ""),
        (first, "Launch", "Now out: {product}"),
    ]
    assert library.delete_template(conn, other) and not library.delete_template(conn, other)
    group = library.save_hashtag_group(conn, "Cafe", "#kahvi #helsinki")
    assert library.save_hashtag_group(conn, "Cafe", "#kahvi") == group
    assert library.hashtag_groups(conn) == [(group, "Cafe", "#kahvi")]
    assert library.delete_hashtag_group(conn, group)


def test_channel_defaults_and_paid_flags(conn: Conn) -> None:
    library.set_channel_defaults(conn, "mastodon", "— Cafe", "Visit us")
    library.set_channel_defaults(conn, "mastodon", "— Café", "")
    library.set_channel_defaults(conn, "bluesky", "", "")
    assert library.channel_defaults(conn) == {"mastodon": ("— Café", "")}
    library.set_channel_defaults(conn, "mastodon", " ", "")
    assert library.channel_defaults(conn) == {}
    post = create_post(conn, "ad")
    assert not library.is_paid(conn, post)
    library.set_paid(conn, post, True)
    assert library.is_paid(conn, post)
    library.set_paid(conn, post, False)
    assert not library.is_paid(conn, post)


def test_labels_of_a_post_and_campaigns(conn: Conn) -> None:
    post = create_post(conn, "x", labels=["old"])
    library.set_post_labels(conn, post, ["spring", "Autumn", "spring"])
    assert library.post_labels(conn, post) == ["Autumn", "spring"]
    library.save_label(conn, "Summer", "#ff0000", None)
    library.save_label(conn, "Summer", "#00ff00", None)
    library.save_label(conn, "Kesä", "#0000ff", "spring")
    assert library.post_labels(conn, post) == ["Autumn", "Kesä"]
    assert library.delete_label(conn, "Summer") and not library.delete_label(conn, "Summer")
