"""The per-day totals the metrics view reads (migration 015) stay what the posts say through
every change a total depends on: posts published, moved, unpublished, deleted and restored,
new and removed numbers, a delivery moved to another account. After each change the table
is compared with a recount from scratch, and period totals with the posts' own sums."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from somestudio.app.workspace import Workspace
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_text
from somestudio.store import metric_queries as queries
from somestudio.store.database import DATABASE_FILE, open_database
from somestudio.store.migrations import MIGRATIONS

START = datetime(2026, 3, 1, tzinfo=UTC)
ACCOUNTS = {1: Network.MASTODON, 2: Network.X, 3: Network.X, 4: Network.BLUESKY}

RECOUNT = """
SELECT substr(d.published_at, 1, 10), d.account_id, count(*),
       coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
       coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
       coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0),
       count(m.views)
FROM deliveries d
JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
LEFT JOIN metric_latest m ON m.delivery_id = d.id
WHERE d.state = 'published' AND d.published_at IS NOT NULL
GROUP BY 1, 2 ORDER BY 1, 2
"""


def _when(rng: random.Random) -> str:
    return utc_text(START + timedelta(minutes=rng.randint(0, 20 * 1440)))


def _change(conn: sqlite3.Connection, rng: random.Random, step: int) -> None:  # noqa: PLR0912
    deliveries = [r[0] for r in conn.execute("SELECT id FROM deliveries")]
    posts = [r[0] for r in conn.execute("SELECT id FROM posts")]
    kind = rng.choice(
        ["publish", "publish", "publish", "publish", "numbers", "numbers", "numbers",
         "old numbers", "forget",
         "move", "unpublish", "account", "bin", "restore", "delete post", "delete delivery",
         "republish", "rekey"]
    )  # fmt: skip
    if kind == "publish" or not deliveries:
        post = step + 1000
        at = _when(rng)
        conn.execute(
            "INSERT INTO posts (id, base_text, created_at, updated_at) VALUES (?, 't', ?, ?)",
            (post, at, at),
        )
        for account in rng.sample(sorted(ACCOUNTS), rng.randint(1, 3)):
            state = rng.choice(["published", "published", "scheduled"])
            conn.execute(
                "INSERT INTO deliveries (post_id, account_id, scheduled_at, time_zone, state,"
                " idempotency_key, published_at, updated_at) VALUES (?, ?, ?, 'UTC', ?, ?, ?, ?)",
                (post, account, at, state, f"k{post}-{account}",
                 at if state == "published" else None, at),
            )  # fmt: skip
        return
    delivery = rng.choice(deliveries)
    if kind in {"numbers", "old numbers"}:
        # "old numbers": fetched before the newest, so the newest stays (no change).
        fetched = START + timedelta(days=40 + step if kind == "numbers" else -5)
        views = rng.choice([None, rng.randint(0, 500)])
        conn.execute(
            "INSERT INTO metric_snapshots (delivery_id, fetched_at, likes, reposts, replies,"
            " quotes, bookmarks, views) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (delivery, utc_text(fetched), rng.randint(0, 50), rng.choice([None, 3]),
             rng.choice([None, rng.randint(0, 9)]), None, rng.choice([None, 1]), views),
        )  # fmt: skip
    elif kind == "forget":  # the newest snapshot removed: the one before takes its place
        conn.execute(
            "DELETE FROM metric_snapshots WHERE id = (SELECT max(id) FROM metric_snapshots"
            " WHERE delivery_id = ?)",
            (delivery,),
        )
    elif kind == "move":
        conn.execute(
            "UPDATE deliveries SET published_at = ? WHERE id = ? AND state = 'published'",
            (_when(rng), delivery),
        )
    elif kind == "unpublish":
        conn.execute("UPDATE deliveries SET state = 'failed' WHERE id = ?", (delivery,))
    elif kind == "republish":
        conn.execute(
            "UPDATE deliveries SET state = 'published', published_at = ? WHERE id = ?",
            (_when(rng), delivery),
        )
    elif kind == "account":
        with_account = conn.execute(
            "SELECT post_id FROM deliveries WHERE id = ?", (delivery,)
        ).fetchone()[0]
        taken = {r[0] for r in conn.execute(
            "SELECT account_id FROM deliveries WHERE post_id = ?", (with_account,)
        )}  # fmt: skip
        free = sorted(set(ACCOUNTS) - taken)
        if free:
            conn.execute(
                "UPDATE deliveries SET account_id = ? WHERE id = ?", (rng.choice(free), delivery)
            )
    elif kind == "rekey":  # the newest numbers moved to a delivery without any
        bare = [r[0] for r in conn.execute(
            "SELECT id FROM deliveries WHERE id NOT IN (SELECT delivery_id FROM metric_latest)"
        )]  # fmt: skip
        if bare:
            conn.execute(
                "UPDATE metric_latest SET delivery_id = ? WHERE delivery_id = ?",
                (rng.choice(bare), delivery),
            )
    elif kind == "bin":
        conn.execute(
            "UPDATE posts SET deleted_at = ? WHERE id = ?", (utc_text(START), rng.choice(posts))
        )
    elif kind == "restore":
        conn.execute("UPDATE posts SET deleted_at = NULL WHERE id = ?", (rng.choice(posts),))
    elif kind == "delete post":
        conn.execute("DELETE FROM posts WHERE id = ?", (rng.choice(posts),))
    else:
        conn.execute("DELETE FROM deliveries WHERE id = ?", (delivery,))


FILTERS = (
    MetricsFilter(),
    MetricsFilter(networks=frozenset({Network.X})),
    MetricsFilter(account_ids=frozenset({1, 3})),
)


def _periods(rng: random.Random) -> list[tuple[datetime, datetime]]:
    midnight = START + timedelta(days=rng.randint(0, 15))
    ragged = START + timedelta(minutes=rng.randint(0, 10 * 1440), microseconds=250_000)
    return [
        (START - timedelta(days=1), START + timedelta(days=30)),  # whole days
        (midnight, midnight + timedelta(days=1)),  # one whole day
        (ragged, ragged + timedelta(hours=rng.randint(1, 30))),  # within a day or two
        (ragged, ragged + timedelta(days=rng.randint(2, 12))),  # part days at both ends
        (midnight, ragged + timedelta(days=5)),
    ]


@pytest.mark.parametrize("seed", range(3))
def test_day_totals_stay_what_the_posts_say(workspace: Workspace, seed: int) -> None:
    rng = random.Random(seed)
    conn = workspace.writable_connection()
    with conn:
        for account, network in ACCOUNTS.items():
            conn.execute(
                "INSERT INTO accounts (id, network, handle, created_at) VALUES (?, ?, ?, ?)",
                (account, network.value, f"a{account}", utc_text(START)),
            )
    kinds_seen = 0
    for step in range(160):
        with conn:
            _change(conn, rng, step)
        if step % 8:
            continue
        kinds_seen += 1
        kept = conn.execute("SELECT * FROM metric_day_totals ORDER BY day, account_id").fetchall()
        assert kept == conn.execute(RECOUNT).fetchall(), f"after step {step}"
        for start, end in _periods(rng):
            for flt in FILTERS:
                assert queries.period_totals(conn, flt, start, end) == (
                    queries.posts_period_totals(conn, flt, start, end)
                ), (start, end, flt)
    rows = conn.execute("SELECT count(*), sum(posts) FROM metric_day_totals").fetchone()
    assert rows[0] > 10  # the totals were not trivially empty
    assert kinds_seen == 20


def test_the_migration_counts_what_was_there(tmp_path: Path) -> None:
    """A database made at schema 11, with published posts and numbers in it, gets its day
    totals from them when it is opened (the totals' triggers did not exist yet)."""
    path = tmp_path / DATABASE_FILE
    open_database(path, migrations=MIGRATIONS[:11])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    t = utc_text(START)
    with conn:
        conn.execute(
            "INSERT INTO accounts (id, network, handle, created_at) VALUES (1, 'x', 'a', ?)", (t,)
        )
        for post, hours, state in ((1, 5, "published"), (2, 30, "published"), (3, 6, "failed")):
            conn.execute(
                "INSERT INTO posts (id, base_text, created_at, updated_at) VALUES (?, 't', ?, ?)",
                (post, t, t),
            )
            at = utc_text(START + timedelta(hours=hours))
            conn.execute(
                "INSERT INTO deliveries (id, post_id, account_id, scheduled_at, time_zone, state,"
                " idempotency_key, published_at, updated_at)"
                " VALUES (?, ?, 1, ?, 'UTC', ?, ?, ?, ?)",
                (post, post, at, state, f"k{post}", at, t),
            )
        conn.execute(
            "INSERT INTO metric_snapshots (delivery_id, fetched_at, likes, views)"
            " VALUES (1, ?, 7, NULL), (1, ?, 9, 100), (3, ?, 5, NULL)",
            (t, utc_text(START + timedelta(days=1)), t),
        )
    conn.close()
    open_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT * FROM metric_day_totals ORDER BY day").fetchall() == [
        ("2026-03-01", 1, 1, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 100, 1),
        ("2026-03-02", 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ]
    conn.close()
