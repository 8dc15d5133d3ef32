"""A post's text length and hashtag count stored with every write of its text, and whether it
has media with its media (revision 0019, store/text_columns.py), on both backends: every
path that writes a base text, a variant or media keeps them right, the metrics view's rows
read them instead of the text (and read the text, or look for media, where a row has none),
and the revision fills them in for existing rows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.entities import find_hashtags, text_facts
from somestudio.domain.metrics import PostCounts
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.store import (
    composition,
    deliveries,
    history,
    metric_queries,
    metric_writes,
    post_edits,
)
from somestudio.store.accounts import add_account
from somestudio.store.database import open_database
from somestudio.store.engines import make_engine, sqlite_engine
from somestudio.store.migrations import MIGRATIONS
from somestudio.store.posts import add_delivery, create_post, duplicate_post, update_post_text
from somestudio.store.sql import Conn, Sql, one_id, run, write
from tests.postgres_server import PostgresServer

NOW = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
# Texts whose hashtags the app's regular expression decides (full-width sign, a tag inside
# a link, a number alone, a word joined to the sign) and lengths beyond ASCII.
TEXTS = (
    "",
    "plain words",
    "#one #two ＃kolme äö",
    "see https://example.invalid/#notatag and #yes",
    "#123 only digits, #ok_2 and a#joined",
    "emoji 👩‍👩‍👧 #perhe",
)

_POSTS = Sql("SELECT base_text, text_length, text_hashtags FROM posts ORDER BY id")
_VARIANTS = Sql(
    "SELECT text_override, override_length, override_hashtags FROM deliveries ORDER BY id"
)


def _stored(conn: Conn) -> tuple[list[Any], list[Any]]:
    return (
        [tuple(r) for r in run(conn, _POSTS).fetchall()],
        [tuple(r) for r in run(conn, _VARIANTS).fetchall()],
    )


def _assert_right(conn: Conn) -> None:
    """Every stored length and count is the one of the text beside it."""
    posts, variants = _stored(conn)
    assert posts
    for text, length, hashtags in posts:
        assert (length, hashtags) == (len(text), len(find_hashtags(text))), text
    for text, length, hashtags in variants:
        assert (length, hashtags) == text_facts(text), text


def test_the_counts_follow_the_regular_expression() -> None:
    assert [text_facts(t)[1] for t in TEXTS] == [len(find_hashtags(t)) for t in TEXTS]
    assert text_facts(None) == (None, None)
    assert text_facts("#a ＃b") == (5, 2)


def test_every_write_of_a_text_stores_its_length_and_hashtags(conn: Conn) -> None:
    mastodon = add_account(conn, Network.MASTODON, "me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    with write(conn):
        posts = [create_post(conn, t) for t in TEXTS]
        add_delivery(
            conn, posts[0], mastodon, scheduled_at=None, time_zone=None,
            state=DeliveryState.DRAFT, text_override="own #variant",
        )  # fmt: skip
        add_delivery(
            conn, posts[0], bluesky, scheduled_at=None, time_zone=None, state=DeliveryState.DRAFT
        )
    _assert_right(conn)
    with write(conn):
        assert update_post_text(conn, posts[1], "now #tagged")
        assert post_edits.update_text(conn, posts[2], "#a #b #c", NOW)
        assert post_edits.update_text(conn, posts[3], "no tags now", NOW, version=1)
    _assert_right(conn)
    # The composer's save: the base text and each delivery's variant, then a variant gone.
    with write(conn):
        assert composition.write(
            conn, posts[0], base_text="base #x", variants={bluesky: "short ＃y #z"},
            threads={}, media=[],
        )  # fmt: skip
    _assert_right(conn)
    assert {r[0]: r[1:] for r in _stored(conn)[1]}["short ＃y #z"] == (11, 2)
    with write(conn):
        assert composition.write(conn, posts[0], base_text="", variants={}, threads={}, media=[])
    _assert_right(conn)
    assert [r[1:] for r in _stored(conn)[1]] == [(None, None), (None, None)]
    with write(conn):
        copy = duplicate_post(conn, posts[4])
    assert copy is not None
    _assert_right(conn)
    # Whether a post has media, written with them: a new post, the composer's save, a copy.
    with write(conn):
        pictured = create_post(conn, "with a picture", media=[MediaItem("/a.png", "image/png", "")])
        twin = duplicate_post(conn, pictured)
    assert twin is not None
    assert _has_media(conn, pictured) == _has_media(conn, twin) == 1
    assert _has_media(conn, posts[1]) == 0
    picture = composition.MediaRow("/b.png", "image/png", "", 10, 10, 100, None)
    with write(conn):
        composition.write(conn, posts[1], base_text="x", variants={}, threads={}, media=[picture])
        composition.write(conn, pictured, base_text="y", variants={}, threads={}, media=[])
    assert (_has_media(conn, posts[1]), _has_media(conn, pictured)) == (1, 0)


_HAS_MEDIA = Sql("SELECT has_media FROM posts WHERE id = :id")


def _has_media(conn: Conn, post: int) -> object:
    row = run(conn, _HAS_MEDIA, {"id": post}).fetchone()
    assert row is not None
    return row[0]


def _published(
    conn: Conn, account: int, text: str, override: str | None, hours: int, *, media: bool = False
) -> int:
    at = NOW + timedelta(hours=hours)
    with write(conn):
        post = create_post(
            conn, text, media=[MediaItem("/a.png", "image/png", "")] if media else []
        )
        delivery = add_delivery(
            conn, post, account, scheduled_at=at, time_zone="UTC",
            state=DeliveryState.SCHEDULED, text_override=override,
        )  # fmt: skip
        assert deliveries.claim(conn, delivery, at)
        assert deliveries.move(
            conn, delivery, DeliveryState.PUBLISHED, at, remote_id=f"r{delivery}", published_at=at
        )
        metric_writes.add_post_snapshot(conn, delivery, at, PostCounts(likes=hours, views=10))
    return delivery


def test_the_view_reads_the_stored_counts_and_the_text_where_there_are_none(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    for hours, text in enumerate(TEXTS):
        _published(conn, account, text, None, hours)
    _published(conn, account, "base #a", "variant ＃b #c", len(TEXTS), media=True)
    start, end = NOW - timedelta(days=1), NOW + timedelta(days=1)

    def rows() -> list[tuple[Any, ...]]:
        return [tuple(r) for r in metric_queries.view_rows(conn, MetricsFilter(), start, end)]

    stored = rows()
    expected = [text_facts(t) for t in (*TEXTS, "variant ＃b #c")]
    assert sorted(r[3:5] for r in stored) == sorted(expected)
    assert sorted(r[5] for r in stored) == [0] * len(TEXTS) + [1]
    # Rows an older build wrote (nothing stored): their texts are read and counted.
    with write(conn):
        run(
            conn, Sql("UPDATE posts SET text_length = NULL, text_hashtags = NULL, has_media = NULL")
        )
        run(conn, Sql("UPDATE deliveries SET override_length = NULL, override_hashtags = NULL"))
    assert rows() == stored


_ACCOUNT = Sql(
    "INSERT INTO accounts (network, handle, created_at) VALUES ('mastodon', 'me', :now)"
    " RETURNING id"
)
_POST = Sql(
    "INSERT INTO posts (base_text, created_at, updated_at) VALUES (:text, :now, :now) RETURNING id"
)
_DELIVERY = Sql(
    "INSERT INTO deliveries (post_id, account_id, text_override, state, idempotency_key,"
    " updated_at) VALUES (:post, :account, :text, 'draft', :key, :now)"
)


_MEDIA = Sql("INSERT INTO media (post_id, position, path) VALUES (:post, 0, '/a.png')")
_ALL_MEDIA = Sql("SELECT has_media FROM posts ORDER BY id")
MEDIA_FILLED = [0, 1, *[0] * (len(TEXTS) - 2)]


def _old_rows(conn: sa.Connection) -> None:
    """Posts and a variant as a build before revision 0019 wrote them."""
    now = "2026-10-25T12:00:00Z"
    account = one_id(run(conn, _ACCOUNT, {"now": now}))
    for n, text in enumerate(TEXTS):
        post = one_id(run(conn, _POST, {"text": text, "now": now}))
        if n == 1:
            run(conn, _MEDIA, {"post": post})
        override = "own #one ＃two" if n == 2 else None
        run(conn, _DELIVERY, {"post": post, "account": account, "text": override,
                              "key": f"k{n}", "now": now})  # fmt: skip
    conn.commit()


def test_the_revision_fills_in_existing_posts_on_sqlite(tmp_path: Path) -> None:
    file = tmp_path / "somestudio.db"
    raw = sqlite3.connect(file)
    for migration in MIGRATIONS:  # the legacy steps, as a file made by an older build
        raw.executescript(
            f"BEGIN;\n{migration.sql}\n;PRAGMA user_version = {migration.version};COMMIT;"
        )
    raw.close()
    engine = sqlite_engine(file)
    with engine.connect() as conn:
        history.upgrade(conn, "0018")
        _old_rows(conn)
    engine.dispose()
    database, _report = open_database(file)  # the app's own update, to the newest schema
    opened = database.connect()
    try:
        _assert_right(opened)
        assert _stored(opened)[1][2][1:] == (13, 2)
        assert [r[0] for r in run(opened, _ALL_MEDIA).fetchall()] == MEDIA_FILLED
    finally:
        opened.close()


def test_the_revision_fills_in_existing_posts_on_postgresql(postgres: PostgresServer) -> None:
    from tests.postgres_server import fresh_database  # noqa: PLC0415

    with fresh_database(postgres, None) as url:
        engine = make_engine(url, lambda: postgres.password)
        with engine.connect() as conn:
            history.upgrade(conn, "0018")
            _old_rows(conn)
            history.upgrade(conn, "0019")
            assert history.current(conn) == "0019"
            _assert_right(conn)
            assert _stored(conn)[1][2][1:] == (13, 2)
            assert [r[0] for r in run(conn, _ALL_MEDIA).fetchall()] == MEDIA_FILLED
        engine.dispose()


@pytest.mark.parametrize("text", TEXTS)
def test_text_facts_length_is_code_points(text: str) -> None:
    assert text_facts(text)[0] == len(text)
