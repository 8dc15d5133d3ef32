"""The ideas board and custom number series on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime

from somestudio.store import custom_series, ideas
from somestudio.store.posts import create_post
from somestudio.store.sql import Conn

NOW = datetime(2027, 3, 28, 1, 0, tzinfo=UTC)


def test_ideas_are_added_in_order_planned_and_put_back(conn: Conn) -> None:
    first = ideas.add(conn, "first", "https://example.invalid/1", "")
    second = ideas.add(conn, "second", "", "/pic.png")
    assert [i.id for i in ideas.on_board(conn)] == [first, second]
    assert ideas.update(conn, second, "second, edited", "", "/pic.png")
    assert not ideas.update(conn, 10_000, "x", "", "")
    post = create_post(conn, "from an idea")
    assert ideas.mark_used(conn, first, post)
    assert [i.id for i in ideas.on_board(conn)] == [second]
    used = ideas.get(conn, first)
    assert used is not None and used.post_id == post
    assert ideas.mark_used(conn, first, None)
    assert [i.text for i in ideas.on_board(conn)] == ["first", "second, edited"]
    assert ideas.delete(conn, second) and not ideas.delete(conn, second)
    assert ideas.get(conn, second) is None


def test_series_keep_one_value_per_day(conn: Conn) -> None:
    views = custom_series.ensure_series(conn, "Blog views", NOW, unit="views")
    assert custom_series.ensure_series(conn, "Blog views", NOW) == views
    signups = custom_series.ensure_series(conn, "Event sign-ups", NOW)
    custom_series.set_value(conn, views, date(2027, 3, 27), 120, now=NOW)
    custom_series.set_value(conn, views, date(2027, 3, 28), 80.5, now=NOW)
    custom_series.set_value(conn, views, date(2027, 3, 27), 130, now=NOW, source="csv")
    assert custom_series.list_series(conn) == [
        (views, "Blog views", "views"),
        (signups, "Event sign-ups", ""),
    ]
    assert custom_series.values_between(conn, views, date(2027, 3, 1), date(2027, 3, 28)) == [
        (date(2027, 3, 27), 130.0)
    ]
    assert len(custom_series.values_between(conn, views, date(2027, 3, 1), date(2027, 4, 1))) == 2
