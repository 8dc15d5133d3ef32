"""The metrics view's period queries search published deliveries by time through an index,
with the app's own settings (no ANALYZE): they do not walk every published delivery ever."""

from __future__ import annotations

from datetime import UTC, datetime

from somestudio.app.workspace import Workspace
from somestudio.domain.dashboard import MetricsFilter
from somestudio.store import metric_queries


def _plan(workspace: Workspace, sql: str, args: list[object]) -> str:
    rows = workspace.connection().execute("EXPLAIN QUERY PLAN " + sql, args).fetchall()
    return "\n".join(str(r[-1]) for r in rows)


def test_period_queries_use_the_state_and_published_index(workspace: Workspace) -> None:
    assert workspace.connection().execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).fetchone() == (0,)  # no statistics: the plan is the one a user gets
    start, end = ["2026-03-01T00:00:00Z", "2026-06-01T00:00:00Z"]
    where, extra = metric_queries._where(MetricsFilter())
    totals = "SELECT count(*)" + metric_queries._PUBLISHED + where
    posts = metric_queries._POST_COLUMNS + metric_queries._PUBLISHED + where
    for sql in (totals, posts):
        plan = _plan(workspace, sql, [start, end, *extra])
        assert "deliveries_by_state_published (state=? AND published_at>? AND published_at<?)" in (
            plan
        ), plan


def test_period_totals_still_count_only_the_period(workspace: Workspace) -> None:
    conn = workspace.writable_connection()
    conn.execute(
        "INSERT INTO accounts (id, network, handle, created_at)"
        " VALUES (1, 'x', 'a', '2026-01-01T00:00:00Z')"
    )
    for n, at in enumerate(
        (
            "2026-02-27T23:59:59Z",
            "2026-03-01T00:00:00Z",
            "2026-05-31T23:00:00Z",
            "2026-06-01T00:00:00Z",
        ),
        start=1,
    ):
        conn.execute(
            "INSERT INTO posts (id, base_text, created_at, updated_at) VALUES (?, 't', ?, ?)",
            (n, at, at),
        )
        conn.execute(
            "INSERT INTO deliveries (id, post_id, account_id, scheduled_at, time_zone, state,"
            " idempotency_key, published_at, updated_at)"
            " VALUES (?, ?, 1, ?, 'UTC', 'published', ?, ?, ?)",
            (n, n, at, f"k{n}", at, at),
        )
    totals = metric_queries.period_totals(
        conn, MetricsFilter(), datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC)
    )
    assert [t.posts for t in totals] == [2]
