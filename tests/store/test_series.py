"""Repeating series (revision 0020, store/series.py) on both backends: a series keeps its
posts and their positions, a post in the bin leaves the others in place and comes back in
its own place on undo, and a post removed for good takes only its own row."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from somestudio.domain.recurrence import MonthlyRule, WeeklyRule, rule_from_spec, rule_spec
from somestudio.store import history, post_edits, series
from somestudio.store.engines import make_engine
from somestudio.store.posts import create_post
from somestudio.store.sql import Conn, Sql, run, write
from tests.postgres_server import PostgresServer

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def _series(conn: Conn, n: int = 4) -> tuple[int, list[int]]:
    with write(conn):
        posts = [create_post(conn, f"aukioloajat {i}") for i in range(1, n + 1)]
        made = series.create(conn, posts, rule="weekly 0 09:00 1", zone="Europe/Helsinki", now=NOW)
    return made, posts


def test_a_series_knows_its_posts_and_their_positions(conn: Conn) -> None:
    made, posts = _series(conn)
    found = series.of_post(conn, posts[1])
    assert found is not None
    info, position = found
    assert (info.series_id, info.rule, info.time_zone, info.total) == (
        made, "weekly 0 09:00 1", "Europe/Helsinki", 4,
    )  # fmt: skip
    assert position == 2
    assert [(m.post_id, m.position) for m in series.members(conn, made)] == [
        (p, i) for i, p in enumerate(posts, start=1)
    ]
    with write(conn):
        alone = create_post(conn, "not repeating")
    assert series.of_post(conn, alone) is None


def test_a_deleted_post_leaves_the_others_and_undo_puts_it_back_in_place(conn: Conn) -> None:
    made, posts = _series(conn)
    with write(conn):
        assert post_edits.soft_delete(conn, posts[1], NOW)
    assert [m.position for m in series.members(conn, made)] == [1, 3, 4]
    for post in (posts[0], posts[2], posts[3]):
        assert series.of_post(conn, post) is not None
    with write(conn):
        assert post_edits.restore(conn, posts[1], NOW)
    assert [(m.post_id, m.position) for m in series.members(conn, made)] == [
        (p, i) for i, p in enumerate(posts, start=1)
    ]
    found = series.of_post(conn, posts[1])
    assert found is not None and found[1] == 2


def test_a_post_removed_for_good_takes_only_its_own_row(conn: Conn) -> None:
    made, posts = _series(conn, 3)
    with write(conn):
        run(conn, Sql("DELETE FROM posts WHERE id = :id"), {"id": posts[0]})
    assert [(m.post_id, m.position) for m in series.members(conn, made)] == [
        (posts[1], 2), (posts[2], 3),
    ]  # fmt: skip
    found = series.of_post(conn, posts[2])
    assert found is not None and found[0].total == 3


def test_a_position_is_taken_once_in_a_series(conn: Conn) -> None:
    made, _posts = _series(conn, 2)
    with write(conn):
        extra = create_post(conn, "extra")
    with pytest.raises(Exception, match=r"(?i)unique"), write(conn):
        run(
            conn,
            Sql("INSERT INTO series_posts (post_id, series_id, position) VALUES (:p, :s, 1)"),
            {"p": extra, "s": made},
        )


def test_the_revision_adds_the_series_to_a_postgresql_workspace_at_0019(
    postgres: PostgresServer,
) -> None:
    from tests.postgres_server import fresh_database  # noqa: PLC0415

    with fresh_database(postgres, None) as url:
        engine = make_engine(url, lambda: postgres.password)
        with engine.connect() as conn:
            history.upgrade(conn, "0019")
            post = run(
                conn,
                Sql(
                    "INSERT INTO posts (base_text, created_at, updated_at)"
                    " VALUES ('vanha', :now, :now) RETURNING id"
                ),
                {"now": "2026-11-21T12:00:00Z"},
            ).fetchone()[0]
            conn.commit()
            history.upgrade(conn)
            assert history.current(conn) == "0020"
            assert series.of_post(conn, post) is None
            made = series.create(conn, [post], rule="monthly -1 09:00 1", zone="UTC", now=NOW)
            assert [m.post_id for m in series.members(conn, made)] == [post]
        engine.dispose()


@pytest.mark.parametrize(
    "rule",
    [
        WeeklyRule(frozenset({0, 4}), time(9, 30)),
        WeeklyRule(frozenset({6}), time(18), interval=2),
        MonthlyRule(-1, time(8)),
        MonthlyRule(15, time(12, 5), interval=3),
    ],
)
def test_a_rule_is_stored_as_a_spec_and_read_back(rule: WeeklyRule | MonthlyRule) -> None:
    assert rule_from_spec(rule_spec(rule)) == rule
    assert rule_from_spec("daily") is None
