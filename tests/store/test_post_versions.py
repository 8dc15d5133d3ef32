"""Posts carry a version (revision 0017), on both backends: every write of a post's content
bumps it, and a save made from an older version is refused (nothing written) instead of
overwriting what someone else saved since."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from somestudio.domain.networks import Network
from somestudio.store import composition, post_edits
from somestudio.store.accounts import add_account
from somestudio.store.posts import create_post, duplicate_post, update_post_text
from somestudio.store.sql import Conn, write
from tests.store.conftest import Connect

NOW = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def _write(conn: Conn, post: int, text: str, version: int | None) -> composition.Written:
    return composition.write(
        conn, post, base_text=text, variants={}, threads={}, media=[], version=version
    )


def _text(conn: Conn, post: int) -> str:
    loaded = composition.load(conn, post)
    assert loaded is not None
    return loaded.base_text


def test_every_write_of_a_post_bumps_its_version(conn: Conn) -> None:
    add_account(conn, Network.MASTODON, "me")
    post = create_post(conn, "first")
    assert composition.current_version(conn, post) == 1
    loaded = composition.load(conn, post)
    assert loaded is not None and loaded.version == 1
    assert _write(conn, post, "composer", None) == composition.Written(True, 2)
    assert update_post_text(conn, post, "studio")
    assert composition.current_version(conn, post) == 3
    assert post_edits.update_text(conn, post, "planner", NOW)
    assert composition.current_version(conn, post) == 4
    copy = duplicate_post(conn, post)
    assert copy is not None and composition.current_version(conn, copy) is not None
    assert composition.current_version(conn, post) == 4  # a copy leaves the original alone


def test_a_save_from_an_older_version_is_refused_and_writes_nothing(conn: Conn) -> None:
    post = create_post(conn, "first")
    mine = composition.load(conn, post)
    assert mine is not None
    assert _write(conn, post, "theirs", mine.version) == composition.Written(True, 2)

    refused = _write(conn, post, "mine", mine.version)
    assert refused.conflict and not refused and refused.version == 2
    assert _text(conn, post) == "theirs"
    # Made again from their version (the user chose "keep mine"), it is written.
    assert _write(conn, post, "mine", refused.version) == composition.Written(True, 3)
    assert _text(conn, post) == "mine"
    # The planner's text edit checks the version the same way.
    assert not post_edits.update_text(conn, post, "stale", NOW, version=2)
    assert post_edits.update_text(conn, post, "fresh", NOW, version=3)
    assert _text(conn, post) == "fresh"


def test_a_deleted_post_is_gone_not_a_conflict(conn: Conn) -> None:
    post = create_post(conn, "first")
    assert post_edits.soft_delete(conn, post, NOW)
    gone = _write(conn, post, "mine", 1)
    assert not gone and not gone.conflict and gone.version is None


def test_two_saves_from_one_version_at_once_write_one_of_them(connect: Connect) -> None:
    """Two machines save the post they both loaded at version 1, at the same moment: the
    second UPDATE waits for the first transaction, then finds version 2 and writes nothing."""
    first, second = connect(), connect()
    post = create_post(first, "first")
    results: dict[str, composition.Written] = {}
    started = threading.Event()

    def other() -> None:
        conn = connect()
        started.set()
        with write(conn):
            results["other"] = _write(conn, post, "other", 1)

    with write(second):
        results["second"] = _write(second, post, "second", 1)
        thread = threading.Thread(target=other)
        thread.start()
        started.wait(5)
        thread.join(0.3)  # it waits for this transaction's lock
    thread.join(10)
    assert not thread.is_alive()
    assert results["second"] == composition.Written(True, 2)
    assert results["other"].conflict and results["other"].version == 2
    assert _text(first, post) == "second"
