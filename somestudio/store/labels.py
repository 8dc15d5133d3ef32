"""Labels (campaigns) that group posts."""

from __future__ import annotations

from somestudio.store.sql import Conn, Sql, run

_LIST = Sql("SELECT name, colour FROM labels ORDER BY lower(name)")


def list_labels(conn: Conn) -> list[tuple[str, str]]:
    """(name, colour) of every label, by name."""
    return [(str(r[0]), str(r[1])) for r in run(conn, _LIST).fetchall()]
