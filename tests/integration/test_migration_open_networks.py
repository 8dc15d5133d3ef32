"""Schema 7: accounts.network is no longer a CHECK list of networks. Tested on a database
made at schema 6 (link cards, first comments) with data in it: every row, reference and index
survives the rebuild."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from somestudio.store.database import (
    BACKUP_FOLDER,
    DATABASE_FILE,
    LATEST_VERSION,
    MigrationError,
    open_database,
)
from somestudio.store.migrations import MIGRATIONS, Migration

T = "2026-12-01T08:00:00Z"


def _at_schema_6(path: Path) -> None:
    open_database(path, migrations=MIGRATIONS[:6])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(
        f"""
        INSERT INTO accounts (id, network, handle, display_name, instance_url, publish_method,
                              options_json, limits_json, created_at)
            VALUES (7, 'mastodon', '@me@example.social', 'Me', 'https://example.social', 'api',
                    '{{"server_scheduling": true}}', '{{"max_characters": 1000}}', '{T}'),
                   (9, 'local', 'arkisto', '', '', 'folder', '{{}}', '{{}}', '{T}');
        INSERT INTO posts (id, base_text, created_at, updated_at) VALUES (3, 'hei', '{T}', '{T}');
        INSERT INTO deliveries (id, post_id, account_id, scheduled_at, time_zone, state,
                                idempotency_key, updated_at)
            VALUES (11, 3, 7, '{T}', 'Europe/Helsinki', 'scheduled', 'key-11', '{T}');
        INSERT INTO attempts (delivery_id, started_at, outcome, subject)
            VALUES (11, '{T}', 'retryable', 'post');
        INSERT INTO first_comments (delivery_id, text, idempotency_key, updated_at)
            VALUES (11, 'Lisää kommenteissa', 'comment-11', '{T}');
        INSERT INTO link_cards (post_id, url, title) VALUES (3, 'https://example.fi/', 'Kahvila');
        INSERT INTO account_snapshots (account_id, fetched_at, followers) VALUES (7, '{T}', 42);
        INSERT INTO account_fetch_state (account_id, failures) VALUES (7, 1);
        """
    )
    conn.commit()
    conn.close()


def _schema_of(conn: sqlite3.Connection, kind: str) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))
    return {str(r[0]) for r in rows}


def test_schema_6_refuses_an_unlisted_network(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE
    _at_schema_6(path)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(
            "INSERT INTO accounts (network, handle, created_at) VALUES ('pixelfed', 'me', ?)", (T,)
        )


def test_migration_keeps_every_row_reference_and_index(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE
    _at_schema_6(path)
    before = sqlite3.connect(path)
    indexes = _schema_of(before, "index")
    triggers = _schema_of(before, "trigger")
    accounts_before = before.execute("SELECT * FROM accounts ORDER BY id").fetchall()
    before.close()

    db, report = open_database(path)
    assert report.migrated_from == 6 and report.schema_version == LATEST_VERSION
    assert report.backup is not None and report.backup.parent == tmp_path / BACKUP_FOLDER
    assert sqlite3.connect(report.backup).execute("PRAGMA user_version").fetchone()[0] == 6

    conn = db.connect()
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("SELECT * FROM accounts ORDER BY id").fetchall() == accounts_before
    assert indexes <= _schema_of(conn, "index")  # every index kept (later steps may add)
    assert _schema_of(conn, "trigger") == triggers
    assert "accounts_rebuilt" not in _schema_of(conn, "table")
    assert conn.execute("SELECT account_id FROM deliveries WHERE id = 11").fetchone() == (7,)
    assert conn.execute("SELECT count(*) FROM attempts").fetchone() == (1,)
    assert conn.execute("SELECT delivery_id, text FROM first_comments").fetchall() == [
        (11, "Lisää kommenteissa")
    ]
    assert conn.execute("SELECT title FROM link_cards WHERE post_id = 3").fetchone() == ("Kahvila",)
    assert conn.execute("SELECT followers FROM account_snapshots").fetchall() == [(42,)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    referring = {
        str(r[0])
        for r in conn.execute(
            "SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
            "WHERE m.type = 'table' AND f.\"table\" = 'accounts'"
        )
    }
    assert {"deliveries", "account_snapshots", "account_fetch_state"} <= referring

    # A network the schema never heard of is welcome now; the other checks still hold.
    conn.execute(
        "INSERT INTO accounts (network, handle, created_at) VALUES ('pixelfed', 'me', ?)", (T,)
    )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO accounts (network, handle, created_at) VALUES ('', 'x', ?)", (T,))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO accounts (network, handle, publish_method, created_at) "
            "VALUES ('x', 'y', 'carrier pigeon', ?)",
            (T,),
        )
    # The references still act: a delivery keeps its account; snapshots go with it.
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        conn.execute("DELETE FROM accounts WHERE id = 7")
    conn.execute("DELETE FROM accounts WHERE id = 9")
    assert conn.execute("SELECT count(*) FROM accounts").fetchone() == (2,)


def test_a_step_that_would_orphan_rows_is_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE
    _at_schema_6(path)
    orphaning = Migration(7, "orphans", text="DELETE FROM accounts WHERE id = 7;")
    with pytest.raises(MigrationError, match="point at missing rows"):
        open_database(path, migrations=[*MIGRATIONS[:6], orphaning])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
    assert conn.execute("SELECT count(*) FROM accounts").fetchone() == (2,)
    assert conn.execute("SELECT count(*) FROM deliveries").fetchone() == (1,)
