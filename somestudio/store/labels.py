"""Labels (campaigns) that group posts."""

from __future__ import annotations

import sqlite3


def list_labels(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, colour) of every label, by name."""
    rows = conn.execute("SELECT name, colour FROM labels ORDER BY lower(name)").fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]
