"""Labels, planning options and the composer's autosave on both backends: upserts written as
``INSERT … ON CONFLICT … DO UPDATE`` and the JSON CHECK both backends enforce."""

from __future__ import annotations

import pytest

from somestudio.store import drafts, labels, planning_options
from somestudio.store.posts import create_post
from somestudio.store.sql import Conn, Sql, run


def test_labels_are_listed_by_name_ignoring_case(conn: Conn) -> None:
    create_post(conn, "a", labels=["beta", "Alpha"])
    create_post(conn, "b", labels=["beta", "gamma"])
    assert [name for name, _colour in labels.list_labels(conn)] == ["Alpha", "beta", "gamma"]
    assert {colour for _name, colour in labels.list_labels(conn)} == {"#607d8b"}


def test_planning_options_are_kept_replaced_and_removed(conn: Conn) -> None:
    assert planning_options.get(conn, "guidelines") is None
    planning_options.put(conn, "guidelines", {"rules": ["ä"], "on": True})
    planning_options.put(conn, "guidelines", {"rules": [], "on": False})
    assert planning_options.get(conn, "guidelines") == {"rules": [], "on": False}
    planning_options.delete(conn, "guidelines")
    assert planning_options.get(conn, "guidelines") is None
    with pytest.raises(Exception, match=r"(?i)check"):
        run(
            conn,
            Sql("INSERT INTO planning_options VALUES ('bad', '{not json', '2026-01-01T00:00:00Z')"),
        )


def test_the_autosave_keeps_one_row_per_slot(conn: Conn) -> None:
    post = create_post(conn, "saved")
    drafts.put(conn, drafts.MAIN_SLOT, None, '{"text": "new"}')
    drafts.put(conn, drafts.MAIN_SLOT, post, '{"text": "edit"}')
    assert drafts.get(conn, drafts.MAIN_SLOT) == '{"text": "edit"}'
    drafts.put(conn, "other", 10_000, "{}")  # a post that does not exist is dropped
    row = run(conn, Sql("SELECT post_id FROM composer_autosave WHERE slot = 'other'")).fetchone()
    assert row == (None,)
    drafts.clear(conn, drafts.MAIN_SLOT)
    assert drafts.get(conn, drafts.MAIN_SLOT) is None
